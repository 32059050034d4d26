import type {
  AuthProvider,
  ConnectionRef,
  MCPSSEClientOptions,
} from '@mcp-sse/core'
import { createContext, useContext } from 'react'

/**
 * The auth providers of an `<MCPSSEProvider>`'s named connections, by name. A stable Map the
 * provider refreshes as it renders: it is read only by `signIn()` and `signOut()`, in handlers.
 */
export const ConnectionAuthContext = createContext<
  Map<string, AuthProvider | undefined>
>(new Map())

/** Records each named connection's `auth` for the hooks below the provider. */
export function rememberAuth(
  known: Map<string, AuthProvider | undefined>,
  connections: Record<string, MCPSSEClientOptions> | undefined,
): void {
  for (const [name, options] of Object.entries(connections ?? {}))
    known.set(name, options.auth)
}

/** A function that finds the auth provider of `ref` when it is needed. */
export function useAuthLookup(
  ref: ConnectionRef,
): () => AuthProvider | undefined {
  const named = useContext(ConnectionAuthContext)
  return () => ('connection' in ref ? named.get(ref.connection) : ref.auth)
}
