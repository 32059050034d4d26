import { MCPSSEClient } from '@mcp-sse/core'
import type { BenchClient } from './types.ts'

export const oursClient: BenchClient = {
  name: '@mcp-sse/core',
  async connect(url) {
    // The stream URL, as the SDK client is given it: an HTTP+SSE server named by its stream needs
    // no transport probe, so both clients do the same work.
    const client = new MCPSSEClient({
      url: `${url}/sse`,
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
