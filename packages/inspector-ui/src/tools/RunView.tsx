import type { Tool } from '@mcp-sse/core'
import { useShallow } from 'zustand/react/shallow'
import { errorText, explainTitle } from '../connect/explain'
import { RequestCard } from '../server-requests/RequestCard'
import type { Session } from '../sessions/store'
import { ServerTaskRow } from '../tasks/TasksPanel'
import { belongsToRun } from './belongs'
import type { ToolRun } from './store'
import { ToolResult } from './ToolResult'
import { useInspector } from '../inspector/context'

/** While a call runs: its progress, and any request the server sends back during it. */
export function RunView({
  session,
  tool,
  run,
}: {
  session: Session
  tool: Tool
  run: ToolRun | undefined
}) {
  const { useServerTasks, useServerRequests } = useInspector()
  const asked = useServerRequests(
    useShallow((s) =>
      s.requests.filter(
        (r) =>
          r.state === 'pending' && belongsToRun(r, session.id, tool.name, run),
      ),
    ),
  )
  const task = useServerTasks((s) =>
    s.tasks.find((t) => t.key === run?.taskKey),
  )
  return (
    <>
      {run?.status === 'running' && <ProgressView progress={run.progress} />}
      {task !== undefined && (
        <ul className="task-list inline-task" aria-label="This call's task">
          <ServerTaskRow session={session} entry={task} />
        </ul>
      )}
      {asked.length > 0 && (
        <section className="inline-requests" aria-label="The server asks">
          <div className="hint">
            The server asks, before this call can finish:
          </div>
          {asked.map((r) => (
            <RequestCard key={r.key} request={r} />
          ))}
        </section>
      )}
      {run?.status === 'error' && (
        <div className="error-box" role="alert">
          <strong>{explainTitle(run.error)}.</strong> {errorText(run.error)}
        </div>
      )}
      {run?.status === 'done' && run.result !== undefined && (
        <ToolResult
          result={run.result}
          tool={tool}
          readLink={(uri) => session.client.readResource(uri)}
        />
      )}
    </>
  )
}

function ProgressView({ progress }: { progress: ToolRun['progress'] }) {
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
