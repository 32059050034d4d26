import type { Tool } from '@mcp-sse/core'
import type { Session } from '../sessions/store'
import { useSnapshot } from '../sessions/useSnapshot'
import { callToolAsTask } from '../tasks/run-task'
import { Json } from '../ui/Json'
import { JsonText } from './JsonText'
import { RunView } from './RunView'
import { SchemaForm } from './SchemaForm'
import { asSchema, initialValue, prune, takesNoArguments } from './schema'
import { inputKey, runKey } from './store'
import { HeaderHint } from './HeaderHint'
import { ToolHeader } from './ToolHeader'
import { validate } from './validate'
import { useInspector } from '../inspector/context'

/** `required`: the tool runs only as a task; `optional`: either way; null: never as a task. */
function taskMode(
  session: Session,
  tool: Tool,
): 'required' | 'optional' | null {
  const support = (tool.execution as { taskSupport?: unknown } | undefined)
    ?.taskSupport
  const tasks = session.client.getSnapshot().capabilities?.tasks as
    { requests?: { tools?: { call?: unknown } } } | undefined
  if (tasks?.requests?.tools?.call === undefined) return null
  return support === 'required' || support === 'optional' ? support : null
}

export function ToolForm({
  session,
  tool,
  onTask,
}: {
  session: Session
  tool: Tool
  /** Called with the task's key when a call started as a task. */
  onTask?: (key: string) => void
}) {
  const inspector = useInspector()
  const { useToolState, toolActions } = inspector
  const schema = asSchema(tool.inputSchema)
  const iKey = inputKey(session.config.url, tool.name)
  const rKey = runKey(session.id, tool.name)
  const stored = useToolState((s) => s.inputs[iKey])
  const raw = useToolState((s) => s.rawMode[iKey] === true)
  const run = useToolState((s) => s.runs[rKey])
  const asTaskChosen = useToolState((s) => s.asTask[iKey] === true)
  const { connected, protocolVersion } = useSnapshot(session.client)
  const value = stored === undefined ? initialValue(schema) : stored
  const args = (prune(value) ?? {}) as Record<string, unknown>
  const issues = validate(schema, args)
  const running = run?.status === 'running'
  const noArgs = takesNoArguments(schema)
  const mode = taskMode(session, tool)
  const asTask = mode === 'required' || (mode === 'optional' && asTaskChosen)

  async function call() {
    const controller = new AbortController()
    const startedAt = performance.now()
    toolActions.setRun(rKey, { status: 'running', startedAt, controller })
    try {
      if (asTask) {
        const key = await callToolAsTask(inspector, session, tool.name, args)
        toolActions.patchRun(rKey, {
          status: 'task',
          taskKey: key,
          durationMs: performance.now() - startedAt,
          controller: undefined,
        })
        return
      }
      const result = await session.client.callTool(tool.name, args, {
        signal: controller.signal,
        onProgress: (progress) => toolActions.patchRun(rKey, { progress }),
      })
      toolActions.patchRun(rKey, {
        status: 'done',
        result,
        durationMs: performance.now() - startedAt,
        controller: undefined,
      })
    } catch (error) {
      toolActions.patchRun(rKey, {
        status: 'error',
        error,
        durationMs: performance.now() - startedAt,
        controller: undefined,
      })
    }
  }

  return (
    <form
      className="tool-form"
      aria-label={`Call ${tool.name}`}
      onKeyDown={(e) => {
        // Ctrl/Cmd+Enter calls from anywhere in the form, the raw JSON textarea included.
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !running) {
          e.preventDefault()
          void call()
        }
      }}
      onSubmit={(e) => {
        e.preventDefault()
        if (!running) void call()
      }}
    >
      <ToolHeader tool={tool} />
      <HeaderHint tool={tool} protocolVersion={protocolVersion} />
      <div className="row">
        <strong>Arguments</strong>
        <label className="push">
          <input
            type="checkbox"
            checked={raw}
            onChange={(e) => toolActions.setRaw(iKey, e.target.checked)}
          />{' '}
          raw JSON
        </label>
      </div>
      {raw ? (
        <JsonText
          label="Arguments as JSON"
          value={value}
          onChange={(next) => toolActions.setInput(iKey, next)}
        />
      ) : noArgs ? (
        <p className="hint" data-testid="no-arguments">
          This tool takes no arguments: it is called with <code>{'{}'}</code>.
        </p>
      ) : (
        <SchemaForm
          schema={schema}
          value={value}
          onChange={(next) => toolActions.setInput(iKey, next)}
        />
      )}
      {issues.length > 0 && (
        <ul className="issues hint" aria-label="Schema problems">
          {issues.map((issue, i) => (
            <li key={i}>
              <code>{issue.path}</code> {issue.message}
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        <button
          type="submit"
          className="primary"
          title="Ctrl+Enter"
          disabled={running || !connected}
        >
          {asTask ? `Call ${tool.name} as task` : `Call ${tool.name}`}
        </button>
        {mode === 'optional' && (
          <label title="tools/call with task: the server runs it in the background (Tasks tab)">
            <input
              type="checkbox"
              checked={asTaskChosen}
              onChange={(e) => toolActions.setAsTask(iKey, e.target.checked)}
            />{' '}
            as task
          </label>
        )}
        {running && !asTask && (
          <button type="button" onClick={() => run.controller?.abort()}>
            Cancel
          </button>
        )}
        <button
          type="button"
          className="small"
          onClick={() => toolActions.setInput(iKey, initialValue(schema))}
        >
          Reset
        </button>
        {!connected && (
          <span className="hint">Not connected: inputs are kept.</span>
        )}
        {run?.durationMs !== undefined && (
          <span className="hint push">{Math.round(run.durationMs)} ms</span>
        )}
      </div>
      {run?.status === 'task' && (
        <p className="hint" data-testid="task-started">
          Started as a task; it runs on the server.{' '}
          {onTask !== undefined && run.taskKey !== undefined && (
            <button
              type="button"
              className="link"
              onClick={() => onTask(run.taskKey ?? '')}
            >
              All tasks
            </button>
          )}
        </p>
      )}
      <RunView session={session} tool={tool} run={run} />
      {tool.outputSchema !== undefined && (
        <details>
          <summary>outputSchema</summary>
          <Json value={tool.outputSchema} />
        </details>
      )}
      <details>
        <summary>inputSchema</summary>
        <Json value={tool.inputSchema} />
      </details>
    </form>
  )
}
