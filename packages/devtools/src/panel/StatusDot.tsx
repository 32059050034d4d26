import type { MCPSSEClient } from '@mcp-sse/core'
import { useSyncExternalStore } from 'react'

/** The connection's status, as a word beside a coloured dot. */
export function StatusDot({ client }: { client: MCPSSEClient }) {
  const { status } = useSyncExternalStore(
    client.subscribe,
    client.getSnapshot,
    client.getSnapshot,
  )
  return (
    <span className={`status status-${status}`}>
      <span className="dot" aria-hidden="true" />
      {status}
    </span>
  )
}
