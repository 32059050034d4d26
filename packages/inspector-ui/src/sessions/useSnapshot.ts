import type { MCPClientSnapshot, MCPSSEClient } from '@mcp-sse/core'
import { useSyncExternalStore } from 'react'

/** The client's immutable snapshot; re-renders only when the client replaces it. */
export function useSnapshot(client: MCPSSEClient): MCPClientSnapshot {
  return useSyncExternalStore(
    client.subscribe,
    client.getSnapshot,
    client.getSnapshot,
  )
}
