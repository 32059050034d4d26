import { ClientRegistry } from '@mcp-sse/core'
import { createContext, useContext } from 'react'

/**
 * Used by hooks outside any `<MCPSSEProvider>`. Clients made from equal options share it, so two
 * components calling `useMCPSSE(sameUrl)` read one stream.
 */
const defaultRegistry = new ClientRegistry()

export const RegistryContext = createContext<ClientRegistry | null>(null)

/** The registry of the nearest `<MCPSSEProvider>`, or the shared default one. */
export function useMCPRegistry(): ClientRegistry {
  return useContext(RegistryContext) ?? defaultRegistry
}
