import {
  EMPTY_CATALOG,
  MCPCatalog,
  type MCPCatalogSnapshot,
  type MCPSSEClient,
} from '@mcp-sse/core'
import { useSyncExternalStore } from 'react'

const noSubscription = () => () => {}
const empty = () => EMPTY_CATALOG

/** The tools, resources and prompts of a client you hold, kept current. Empty for `null`. */
export function useMCPCatalog(client: MCPSSEClient | null): MCPCatalogSnapshot {
  const catalog = client ? MCPCatalog.for(client) : null
  return useSyncExternalStore(
    catalog?.subscribe ?? noSubscription,
    catalog?.getSnapshot ?? empty,
    catalog?.getSnapshot ?? empty,
  )
}
