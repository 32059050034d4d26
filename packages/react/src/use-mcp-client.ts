import type { ConnectionRef, MCPSSEClient } from '@mcp-sse/core'
import { useRequiredConnection } from './use-connection'

export interface UseMCPClientOptions {
  /**
   * `false` reads the client without connecting it.
   * @defaultValue true
   */
  enabled?: boolean
}

/**
 * The client of a provider's named connection (or of client options), connected while the
 * component is mounted. For code that wants the client itself: the inspector, the query hooks.
 *
 * @example
 * ```ts
 * const docs = useMCPClient('docs')
 * useEffect(() => docs.onWire((event) => log.push(event)), [docs])
 * ```
 */
export function useMCPClient(
  connection: string | ConnectionRef,
  options: UseMCPClientOptions = {},
): MCPSSEClient {
  const ref = typeof connection === 'string' ? { connection } : connection
  return useRequiredConnection(ref, options.enabled ?? true)
}
