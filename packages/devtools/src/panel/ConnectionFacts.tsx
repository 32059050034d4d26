import type { MCPSSEClient } from '@mcp-sse/core'
import { useSyncExternalStore } from 'react'

/** What the client's snapshot says of the connection, as the app sees it now. */
export function ConnectionFacts({ client }: { client: MCPSSEClient }) {
  const snapshot = useSyncExternalStore(
    client.subscribe,
    client.getSnapshot,
    client.getSnapshot,
  )
  const facts: [string, string][] = [
    ['URL', client.url],
    ['Status', snapshot.status],
    ['Session', snapshot.sessionId ?? '—'],
    ['Transport', snapshot.transport ?? '—'],
    ['Protocol', snapshot.protocolVersion ?? '—'],
    [
      'Server',
      snapshot.serverInfo
        ? `${snapshot.serverInfo.name} ${snapshot.serverInfo.version}`
        : '—',
    ],
  ]
  return (
    <>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd data-fact={term.toLowerCase()}>{value}</dd>
          </div>
        ))}
      </dl>
      {snapshot.error && (
        <p className="invalid" role="alert">
          {snapshot.error.message}
        </p>
      )}
    </>
  )
}
