import { useState, useSyncExternalStore } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { errorText, explainTitle } from '../connect/explain'
import type { Session } from '../sessions/store'
import { useSnapshot } from '../sessions/useSnapshot'
import { ToolResult } from '../tools/ToolResult'
import { cancelTask, listTasks } from './run-task'
import { type ServerTask } from './store'
import { isTerminal, type Task } from './types'
import { useInspector } from '../inspector/context'

function Status({ task }: { task: Task }) {
  return (
    <span
      className={`task-status status-${task.status}`}
      data-testid="task-status"
    >
      {task.status.replace('_', ' ')}
    </span>
  )
}

function seconds(ms: number): string {
  const s = Math.max(0, ms / 1000)
  return s < 60
    ? `${s.toFixed(1)} s`
    : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`
}

/** How long it took once ended (by the server's clock); when it started while it runs. */
function timing(task: Task, startedAt: number): string {
  const created = Date.parse(task.createdAt)
  const updated = Date.parse(task.lastUpdatedAt)
  if (
    isTerminal(task.status) &&
    !Number.isNaN(created) &&
    !Number.isNaN(updated)
  )
    return `took ${seconds(updated - created)}`
  return `started ${new Date(Number.isNaN(created) ? startedAt : created).toLocaleTimeString()}`
}

export function ServerTaskRow({
  session,
  entry,
}: {
  session: Session
  entry: ServerTask
}) {
  const inspector = useInspector()
  const [note, setNote] = useState<string | null>(null)
  const { task } = entry
  const done = isTerminal(task.status)
  return (
    <li
      className="task"
      data-testid={`task-${task.taskId}`}
      data-status={task.status}
    >
      <div className="row">
        <Status task={task} />
        <strong>{entry.tool ?? '(started elsewhere)'}</strong>
        <code className="hint ellipsis" title={task.taskId}>
          {task.taskId}
        </code>
        <span className="hint push">{timing(task, entry.startedAt)}</span>
        {!done && (
          <button
            type="button"
            className="small"
            onClick={() =>
              cancelTask(
                inspector,
                session.client,
                session.id,
                task.taskId,
              ).then(
                () => setNote(null),
                (error: unknown) => setNote(errorText(error)),
              )
            }
          >
            Cancel task
          </button>
        )}
      </div>
      {task.statusMessage !== undefined && (
        <div className="task-message" role="status">
          {task.statusMessage}
        </div>
      )}
      {!done && <progress aria-label={`${entry.tool ?? 'task'} running`} />}
      {entry.history.length > 1 && (
        <details className="task-history">
          <summary className="hint">
            {entry.history.length} status changes
          </summary>
          <ol>
            {entry.history.map((h, i) => (
              <li key={i}>
                <span className="hint">
                  {new Date(h.at).toLocaleTimeString()}
                </span>{' '}
                <strong>{h.status.replace('_', ' ')}</strong>
                {h.message !== undefined && ` — ${h.message}`}
              </li>
            ))}
          </ol>
        </details>
      )}
      {note !== null && <div className="hint error">{note}</div>}
      {entry.error !== undefined && (
        <div className="error-box" role="alert">
          <strong>{explainTitle(entry.error)}.</strong> {errorText(entry.error)}
        </div>
      )}
      {entry.result !== undefined && (
        <ToolResult
          result={entry.result}
          tool={{
            name: entry.tool ?? task.taskId,
            inputSchema: { type: 'object' },
          }}
        />
      )}
    </li>
  )
}

/** Tasks the server asked this client to run (task-augmented sampling or elicitation). */
function ClientTasks({ session }: { session: Session }) {
  const board = session.clientTasks
  const tasks = useSyncExternalStore(
    board.subscribe,
    () => board.version,
    () => 0,
  )
  void tasks
  const list = board.list()
  if (list.length === 0) return null
  return (
    <section aria-label="Client tasks">
      <h3>Run by this client, for the server</h3>
      <ul className="task-list">
        {list.map((task) => (
          <li key={task.taskId} className="task" data-status={task.status}>
            <div className="row">
              <Status task={task} />
              <code>{task.taskId}</code>
              <span className="hint">{task.statusMessage}</span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}

export function TasksPanel({ session }: { session: Session }) {
  const inspector = useInspector()
  const { useServerTasks, serverTaskActions } = inspector
  const tasks = useServerTasks(
    useShallow((s) => s.tasks.filter((t) => t.session === session.id)),
  )
  const snap = useSnapshot(session.client)
  const [note, setNote] = useState<string | null>(null)
  const serverTasks = snap.capabilities?.tasks as { list?: unknown } | undefined
  return (
    <div className="tasks-panel">
      <div className="panel-head">
        <h2>Tasks</h2>
        <span className="hint">
          {serverTasks === undefined
            ? 'this server declares no tasks capability'
            : 'tool calls the server runs in the background (2025-11-25)'}
        </span>
        <span className="push" />
        {serverTasks?.list !== undefined && (
          <button
            type="button"
            className="small"
            disabled={!snap.connected}
            onClick={() =>
              listTasks(inspector, session.client, session.id).then(
                (n) => setNote(`tasks/list: ${n} task(s)`),
                (error: unknown) => setNote(errorText(error)),
              )
            }
          >
            tasks/list
          </button>
        )}
        <button
          type="button"
          className="small"
          onClick={() => serverTaskActions.clearFinished(session.id)}
        >
          Clear finished
        </button>
      </div>
      {note !== null && (
        <div className="hint" role="status">
          {note}
        </div>
      )}
      {tasks.length === 0 && (
        <div className="empty-state">
          <p>No tasks yet.</p>
          <p className="hint">
            Tools marked <span className="chip chip-accent">task required</span>{' '}
            or <span className="chip chip-accent">task optional</span> run as
            tasks: their status, progress messages and result appear here
            (server-everything: <code>simulate-research-query</code>).
          </p>
        </div>
      )}
      <ul className="task-list" aria-label="Server tasks">
        {tasks.map((entry) => (
          <ServerTaskRow key={entry.key} session={session} entry={entry} />
        ))}
      </ul>
      <ClientTasks session={session} />
    </div>
  )
}
