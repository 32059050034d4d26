import type { Tool } from '@mcp-sse/core'
import { errorText, explainTitle } from '../connect/explain'
import type { Session } from '../sessions/store'
import { useSnapshot } from '../sessions/useSnapshot'
import { Json } from '../ui/Json'
import { JsonText } from './JsonText'
import { SchemaForm } from './SchemaForm'
import { asSchema, initialValue, prune } from './schema'
import { inputKey, runKey, toolActions, useToolState } from './store'
import { ToolResult } from './ToolResult'
import { validate } from './validate'

export function ToolForm({ session, tool }: { session: Session; tool: Tool }) {
  const schema = asSchema(tool.inputSchema)
  const iKey = inputKey(session.config.url, tool.name)
  const rKey = runKey(session.id, tool.name)
  const stored = useToolState((s) => s.inputs[iKey])
  const raw = useToolState((s) => s.rawMode[iKey] === true)
  const run = useToolState((s) => s.runs[rKey])
  const { connected } = useSnapshot(session.client)
  const value = stored === undefined ? initialValue(schema) : stored
  const args = prune(value)
  const issues = validate(schema, args ?? {})
  const running = run?.status === 'running'

  async function call() {
    const controller = new AbortController()
    const startedAt = performance.now()
    toolActions.setRun(rKey, { status: 'running', startedAt, controller })
    try {
      const result = await session.client.callTool(
        tool.name,
        (args ?? {}) as Record<string, unknown>,
        {
          signal: controller.signal,
          onProgress: (progress) => toolActions.patchRun(rKey, { progress }),
        },
      )
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
      <h3>
        {tool.title ?? tool.name}{' '}
        {tool.title !== undefined && <code>{tool.name}</code>}
      </h3>
      {tool.description !== undefined && (
        <p className="desc">{tool.description}</p>
      )}
      {tool.annotations !== undefined && (
        <div className="chips">
          {Object.entries(tool.annotations).map(([k, v]) => (
            <span key={k} className="chip">
              {k}: {String(v)}
            </span>
          ))}
        </div>
      )}
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
      ) : (
        <SchemaForm
          schema={schema}
          value={value}
          onChange={(next) => toolActions.setInput(iKey, next)}
        />
      )}
      {issues.length > 0 && (
        <ul className="issues hint">
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
          Call {tool.name}
        </button>
        {running && (
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
      {running && <ProgressView progress={run.progress} />}
      {run?.status === 'error' && (
        <div className="error-box" role="alert">
          <strong>{explainTitle(run.error)}</strong> {errorText(run.error)}
        </div>
      )}
      {run?.status === 'done' && run.result !== undefined && (
        <ToolResult
          result={run.result}
          tool={tool}
          readLink={(uri) => session.client.readResource(uri)}
        />
      )}
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

function ProgressView({ progress }: { progress: ToolRunProgress }) {
  if (progress === undefined) {
    return (
      <div className="hint" role="status">
        Running…
      </div>
    )
  }
  return (
    <div role="status" className="progress">
      {progress.total !== undefined ? (
        <progress value={progress.progress} max={progress.total} />
      ) : (
        <progress />
      )}
      <span className="hint">
        {progress.progress}
        {progress.total !== undefined && ` / ${progress.total}`}
        {progress.message !== undefined && ` — ${progress.message}`}
      </span>
    </div>
  )
}

type ToolRunProgress = import('./store').ToolRun['progress']
