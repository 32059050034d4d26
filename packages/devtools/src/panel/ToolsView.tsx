import type { MCPSSEClient } from '@mcp-sse/core'
import { useMCPCatalog } from '@mcp-sse/react'
import { useMemo, useState, useSyncExternalStore } from 'react'
import type { WireLog } from '../wire-log'
import { CallForm } from './CallForm'
import { listChangeOf } from './describe'

/** The `list_changed` notifications in the log, newest first, as they arrive. */
function useListChanges(log: WireLog) {
  const { events } = useSyncExternalStore(
    log.subscribe,
    log.getSnapshot,
    log.getSnapshot,
  )
  return useMemo(
    () =>
      events
        .flatMap((event) => {
          const method = listChangeOf(event)
          return method === null
            ? []
            : [{ seq: event.seq, time: event.time, method }]
        })
        .reverse(),
    [events],
  )
}

/**
 * The client's tools, from the catalog the app's own `useMCPSSE` shares (reloaded on the server's
 * `list_changed`), a call form for the chosen one, and the list changes seen so far.
 */
export function ToolsView({
  client,
  log,
}: {
  client: MCPSSEClient
  log: WireLog
}) {
  const catalog = useMCPCatalog(client)
  const changes = useListChanges(log)
  const [chosen, setChosen] = useState<string | null>(null)
  const tool = catalog.tools.find((candidate) => candidate.name === chosen)
  return (
    <section className="tools" aria-label="Tools">
      <div className="tool-list">
        <p role="status">
          {catalog.loading
            ? 'Loading tools…'
            : `${String(catalog.tools.length)} tools`}
        </p>
        {catalog.error && (
          <p className="invalid" role="alert">
            {catalog.error.message}
          </p>
        )}
        <ul>
          {catalog.tools.map((candidate) => (
            <li key={candidate.name}>
              <button
                type="button"
                aria-pressed={candidate.name === chosen}
                title={candidate.title}
                onClick={() => setChosen(candidate.name)}
              >
                {candidate.name}
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="tool-detail">
        {tool ? (
          <CallForm key={tool.name} client={client} tool={tool} />
        ) : (
          <p>Choose a tool to call it.</p>
        )}
        <h3>List changes</h3>
        {changes.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ol className="changes" aria-label="List changes">
            {changes.map((change) => (
              <li key={change.seq}>
                <span className="time">
                  {new Date(change.time).toISOString().slice(11, 23)}
                </span>{' '}
                {change.method}
              </li>
            ))}
          </ol>
        )}
      </div>
    </section>
  )
}
