import { MCPSSEClient } from '@mcp-sse/core'
import type { MCPSSEClientOptions } from '@mcp-sse/core'
import type { BenchClient } from './types.ts'

type Choice = Pick<MCPSSEClientOptions, 'transport' | 'protocolVersion'>

/**
 * Our client with `choice` for its transport options. `connectOnly` for the `auto` rows: after
 * connecting, the calls go the same way as the pinned client's.
 */
export function oursClient(
  name: string,
  choice: Choice,
  connectOnly = false,
): BenchClient {
  return {
    name,
    connectOnly,
    async connect(url) {
      const client = new MCPSSEClient({
        url,
        ...choice,
        stream: 'fetch',
        reconnect: false,
      })
      await client.connect()
      return {
        echo: (message) => client.callTool('echo', { message }),
        close: () => client.disconnect(),
      }
    },
  }
}
