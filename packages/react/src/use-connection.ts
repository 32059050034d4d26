import {
  isMCPError,
  type ConnectionRef,
  type MCPError,
  type MCPSSEClient,
} from '@mcp-sse/core'
import { useEffect, useMemo, useReducer, useSyncExternalStore } from 'react'
import { useMCPRegistry } from './context'

/** A client the caller already holds, or what to ask the registry for. */
export type ConnectionTarget = ConnectionRef | MCPSSEClient

export function isClient(target: ConnectionTarget): target is MCPSSEClient {
  return 'getSnapshot' in target && typeof target.getSnapshot === 'function'
}

export interface Connection {
  /** `null` when the options are invalid (`error` says why). */
  client: MCPSSEClient | null
  /** The client options were refused (`invalid-options`): a URL half typed, say. */
  error: MCPError | null
}

/**
 * The client for `target`, held (and so connected) while the component is mounted and `enabled`.
 * The registry defers closing, so StrictMode's unmount + remount keeps the one stream. A client
 * passed in is returned as it is: whoever made it connects it.
 */
export function useConnection(
  target: ConnectionTarget,
  enabled: boolean,
): Connection {
  const registry = useMCPRegistry()
  const given = isClient(target) ? target : null
  // Re-read on every registry change, but re-render only when this ref's key moves (a named
  // connection redefined); equal options in a new object give the same key.
  const getKey = () => (given ? '' : registry.keyOf(target as ConnectionRef))
  const key = useSyncExternalStore(registry.subscribe, getKey, getKey)
  // Keyed by value: the first ref object of each key stands for all equal ones after it.
  const ref = useMemo(() => target as ConnectionRef, [key])
  const [, rerender] = useReducer((n: number) => n + 1, 0)

  let connection: Connection = { client: given, error: null }
  if (!given) {
    try {
      connection = { client: registry.resolve(ref), error: null }
    } catch (error) {
      // Options typed by a user are data, not a programming error: show them as state. An unknown
      // connection name is a programming error and throws.
      if ('connection' in ref || !isMCPError(error, 'invalid-options'))
        throw error
      connection = { client: null, error }
    }
  }
  const { client } = connection

  useEffect(() => {
    if (!enabled || given || !client) return
    const lease = registry.acquire(ref)
    // The client made for the render was dropped before this effect ran: render the live one.
    if (lease.client !== client) rerender()
    return lease.release
    // `client` follows from `ref`; only whether there is one matters here.
  }, [registry, ref, enabled, given, client === null])

  return connection
}

/** For hooks that cannot work without a client: invalid options throw at once. */
export function useRequiredConnection(
  target: ConnectionTarget,
  enabled: boolean,
): MCPSSEClient {
  const { client, error } = useConnection(target, enabled)
  if (!client) throw error
  return client
}
