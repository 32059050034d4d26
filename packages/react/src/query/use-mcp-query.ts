import { cacheHintsOf } from '@mcp-sse/core'
import type { MCPError, MCPSSEClient } from '@mcp-sse/core'
import {
  useQuery,
  useQueryClient,
  type QueryKey,
  type UseQueryResult,
} from '@tanstack/react-query'
import { useEffect, useSyncExternalStore } from 'react'
import { useRequiredConnection } from '../use-connection'
import type { MCPQueryTarget } from './keys'

/** Options shared by the query hooks. */
export interface MCPQueryOptions {
  /**
   * `false` keeps the query from running. It also waits, whatever this says, until the
   * connection is ready.
   * @defaultValue true
   */
  enabled?: boolean
  /**
   * As in TanStack Query. By default a result is fresh for the `ttlMs` its server gave
   * (protocol 2026-07-28's caching hint); without one, lists stay fresh (`Infinity`: the
   * server's `list_changed` and every reconnect invalidate them) and reads are stale at once.
   */
  staleTime?: number
  /** As in TanStack Query. @defaultValue 5 minutes */
  gcTime?: number
}

interface Spec<T> {
  target: MCPQueryTarget
  queryKey: QueryKey
  queryFn: (client: MCPSSEClient, signal: AbortSignal) => Promise<T>
  /** The notification that makes this query stale, and (optionally) which of them do. */
  staleOn: {
    method: string
    when?: (params: Record<string, unknown> | undefined) => boolean
  }
  options: MCPQueryOptions
  defaultStaleTime?: number
}

/** The one place the query hooks meet TanStack Query: readiness, invalidation, the fetch. */
export function useMCPQuery<T>(spec: Spec<T>): UseQueryResult<T, MCPError> {
  const { target, queryKey, options } = spec
  const client = useClientFor(target)
  const connected = useSyncExternalStore(
    client.subscribe,
    () => client.getSnapshot().connected,
    () => false,
  )
  const queryClient = useQueryClient()
  const hash = JSON.stringify(queryKey)

  useEffect(() => {
    // A second reader's invalidation must not restart the first one's fetch.
    const invalidate = () =>
      void queryClient.invalidateQueries(
        { queryKey, exact: true },
        { cancelRefetch: false },
      )
    const { method, when } = spec.staleOn
    const off = client.onNotification(method, (params) => {
      if (!when || when(params)) invalidate()
    })
    // Each time the client becomes ready again, its session is new: what was read may be stale.
    let wasReady = client.getSnapshot().connected
    const offState = client.subscribe(() => {
      const ready = client.getSnapshot().connected
      if (ready && !wasReady) invalidate()
      wasReady = ready
    })
    return () => {
      off()
      offState()
    }
    // The key's hash stands for the key, which is a new array on every render.
  }, [client, queryClient, hash])

  return useQuery<T, MCPError>({
    queryKey,
    queryFn: ({ signal }) => spec.queryFn(client, signal),
    enabled: connected && (options.enabled ?? true),
    staleTime:
      options.staleTime ??
      ((query) =>
        cacheHintsOf(query.state.data)?.ttlMs ?? spec.defaultStaleTime ?? 0),
    ...(options.gcTime === undefined ? {} : { gcTime: options.gcTime }),
  })
}

/** A named connection is held (connected) by the hook; a client object is used as given. */
export function useClientFor(target: MCPQueryTarget): MCPSSEClient {
  return useRequiredConnection(
    typeof target === 'string' ? { connection: target } : target,
    true,
  )
}
