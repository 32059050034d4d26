import { MCPSSEClient } from '@mcp-sse/core'
import type { BenchClient } from './types.ts'

export const oursClient: BenchClient = {
  name: '@mcp-sse/core',
  async connect(url) {
    const client = new MCPSSEClient({ url, stream: 'fetch', reconnect: false })
    await client.connect()
    return {
      echo: (message) => client.callTool('echo', { message }),
      close: () => client.disconnect(),
    }
  },
}
