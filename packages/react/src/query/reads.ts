import type {
  GetPromptResult,
  MCPError,
  ReadResourceResult,
} from '@mcp-sse/core'
import type { UseQueryResult } from '@tanstack/react-query'
import { useEffect, useSyncExternalStore } from 'react'
import { mcpQueryKeys, type MCPQueryTarget } from './keys'
import {
  useClientFor,
  useMCPQuery,
  type MCPQueryOptions,
} from './use-mcp-query'

export interface MCPReadResourceOptions extends MCPQueryOptions {
  /**
   * Ask the server for `notifications/resources/updated` about this resource (`resources/subscribe`)
   * while the hook is mounted, when the server supports it. Updates invalidate the query either way.
   * @defaultValue false
   */
  subscribe?: boolean
}

/**
 * Reads one resource, keyed by its URI; refetched when the server says it was updated.
 *
 * @example
 * ```tsx
 * const { data } = useMCPReadResource('docs', 'file:///README.md', { subscribe: true })
 * ```
 */
export function useMCPReadResource(
  target: MCPQueryTarget,
  uri: string,
  options: MCPReadResourceOptions = {},
): UseQueryResult<ReadResourceResult, MCPError> {
  const client = useClientFor(target)
  const canSubscribe = useSyncExternalStore(
    client.subscribe,
    () => {
      const { connected, capabilities } = client.getSnapshot()
      return connected && Boolean(capabilities?.resources?.subscribe)
    },
    () => false,
  )
  const wanted = (options.subscribe ?? false) && canSubscribe

  useEffect(() => {
    if (!wanted) return
    // A refused subscription leaves the query working; only live updates are missing.
    client.subscribeResource(uri).catch(() => {})
    return () => {
      if (client.getSnapshot().connected)
        client.unsubscribeResource(uri).catch(() => {})
    }
  }, [client, uri, wanted])

  return useMCPQuery({
    target,
    queryKey: mcpQueryKeys(target).resource(uri),
    queryFn: (c, signal) => c.readResource(uri, { signal }),
    staleOn: {
      method: 'notifications/resources/updated',
      when: (params) => params?.uri === uri,
    },
    options,
  })
}

/**
 * Gets one prompt with its arguments, keyed by both; refetched on `prompts/list_changed`.
 *
 * @example
 * ```tsx
 * const { data } = useMCPGetPrompt('docs', 'summarize', { topic: 'SSE' })
 * ```
 */
export function useMCPGetPrompt(
  target: MCPQueryTarget,
  name: string,
  args: Record<string, string> = {},
  options: MCPQueryOptions = {},
): UseQueryResult<GetPromptResult, MCPError> {
  return useMCPQuery({
    target,
    queryKey: mcpQueryKeys(target).prompt(name, args),
    queryFn: (client, signal) => client.getPrompt(name, args, { signal }),
    staleOn: { method: 'notifications/prompts/list_changed' },
    options,
  })
}
