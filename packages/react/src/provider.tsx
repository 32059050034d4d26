import {
  ClientRegistry,
  type AuthProvider,
  type MCPSSEClientOptions,
} from '@mcp-sse/core'
import { useEffect, useLayoutEffect, useState, type ReactNode } from 'react'
import { ConnectionAuthContext, rememberAuth } from './connection-auth'
import { RegistryContext } from './context'

export interface MCPSSEProviderProps {
  /**
   * Named connections; `useMCPSSE({ connection: name })` and `useMCPClient(name)` read them.
   * Compared by value, so an inline object is fine.
   * @example { docs: { url: 'https://docs.example.com/mcp' }, tools: { url: 'http://localhost:3001' } }
   */
  connections?: Record<string, MCPSSEClientOptions>
  /**
   * A registry of your own, to reach the clients outside React or share them between roots.
   * @defaultValue a registry owned by this provider
   */
  registry?: ClientRegistry
  children?: ReactNode
}

// Layout effects warn during server rendering in React 18; there is nothing to sync there anyway.
const useIsomorphicLayoutEffect =
  typeof document === 'undefined' ? useEffect : useLayoutEffect

/**
 * Holds named MCP connections for the components below it. Components reading the same name share
 * one client and one stream; a connection opens when its first reader mounts and closes after its
 * last reader unmounts.
 *
 * @example
 * ```tsx
 * <MCPSSEProvider connections={{ docs: { url: 'http://localhost:3001' } }}>
 *   <ToolList />   // useMCPSSE({ connection: 'docs' })
 * </MCPSSEProvider>
 * ```
 */
export function MCPSSEProvider({
  connections,
  registry,
  children,
}: MCPSSEProviderProps) {
  // Connections given at the first render are defined before any child resolves them.
  const [own] = useState(() => new ClientRegistry({ connections }))
  const active = registry ?? own
  // Read only by signIn()/signOut(): kept current by each render, never a reason to re-render.
  const [auths] = useState(() => new Map<string, AuthProvider | undefined>())
  rememberAuth(auths, connections)
  if (registry && connections) defineMissing(registry, connections)

  // Later changes are synced after render, since defining notifies other components' hooks.
  useIsomorphicLayoutEffect(() => {
    if (!connections) return
    for (const [name, options] of Object.entries(connections))
      active.define(name, options)
  })

  return (
    <RegistryContext.Provider value={active}>
      <ConnectionAuthContext.Provider value={auths}>
        {children}
      </ConnectionAuthContext.Provider>
    </RegistryContext.Provider>
  )
}

/** Adds names the registry lacks without notifying anyone, so children can resolve them now. */
function defineMissing(
  registry: ClientRegistry,
  connections: Record<string, MCPSSEClientOptions>,
): void {
  for (const [name, options] of Object.entries(connections))
    if (!registry.has(name)) registry.define(name, options)
}
