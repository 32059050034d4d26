import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type { BenchClient } from './types.ts'

const NAME = 'official SDK v1 1.32.2'

// SSEClientTransport brings its own EventSource (the `eventsource` package, built on fetch), so it
// runs in Node as it is; no global polyfill is needed.
export const sdkSseClient: BenchClient = {
  name: NAME,
  async connect(url) {
    const client = new Client({ name: 'bench', version: '0.0.0' })
    await client.connect(new SSEClientTransport(new URL(url)))
    return {
      echo: (message) =>
        client.callTool({ name: 'echo', arguments: { message } }),
      close: () => client.close(),
    }
  },
}

export const sdkStreamableClient: BenchClient = {
  name: NAME,
  async connect(url) {
    const client = new Client({ name: 'bench', version: '0.0.0' })
    const transport = new StreamableHTTPClientTransport(new URL(url))
    await client.connect(transport)
    return {
      echo: (message) =>
        client.callTool({ name: 'echo', arguments: { message } }),
      // close() alone leaves the session on the server; an app that tidies up ends it first.
      close: async () => {
        await transport.terminateSession()
        await client.close()
      },
    }
  },
}
