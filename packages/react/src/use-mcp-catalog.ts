import {
  MCPCatalog,
  type MCPCatalogSnapshot,
  type MCPSSEClient,
} from '@mcp-sse/core'
import { useSyncExternalStore } from 'react'

/** The tools, resources and prompts of a client you hold, kept current. */
export function useMCPCatalog(client: MCPSSEClient): MCPCatalogSnapshot {
  const catalog = MCPCatalog.for(client)
  return useSyncExternalStore(
    catalog.subscribe,
    catalog.getSnapshot,
    catalog.getSnapshot,
  )
}
