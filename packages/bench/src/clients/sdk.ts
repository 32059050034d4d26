import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js'
import type { BenchClient } from './types.ts'

// SSEClientTransport brings its own EventSource (the `eventsource` package, built on fetch), so it
// runs in Node as it is; no global polyfill is needed.
export const sdkClient: BenchClient = {
  name: 'official SDK 1.32.2',
  async connect(url) {
    const client = new Client({ name: 'bench', version: '0.0.0' })
    await client.connect(new SSEClientTransport(new URL(`${url}/sse`)))
    return {
      echo: (message) =>
        client.callTool({ name: 'echo', arguments: { message } }),
      close: () => client.close(),
    }
  },
}
