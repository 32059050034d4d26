import {
  Client,
  SSEClientTransport,
  StreamableHTTPClientTransport,
} from '@modelcontextprotocol/client'
import type { ClientOptions } from '@modelcontextprotocol/client'
import type { BenchClient } from './types.ts'

const NAME = 'official client v2 2.4.0'
const INFO = { name: 'bench', version: '0.0.0' }

export const sdkV2SseClient: BenchClient = {
  name: NAME,
  async connect(url) {
    const client = new Client(INFO)
    await client.connect(new SSEClientTransport(new URL(url)))
    return {
      echo: (message) =>
        client.callTool({ name: 'echo', arguments: { message } }),
      close: () => client.close(),
    }
  },
}

/** `options`: `versionNegotiation` for 2026-07-28 (the client speaks 2025 unless told). */
function streamable(name: string, options?: ClientOptions): BenchClient {
  return {
    name,
    async connect(url) {
      const client = new Client(INFO, options)
      const transport = new StreamableHTTPClientTransport(new URL(url))
      await client.connect(transport)
      return {
        echo: (message) =>
          client.callTool({ name: 'echo', arguments: { message } }),
        close: async () => {
          if (transport.sessionId !== undefined)
            await transport.terminateSession()
          await client.close()
        },
      }
    },
  }
}

export const sdkV2StreamableClient = streamable(NAME)

export const sdkV2StatelessClient = streamable(`${NAME} (pinned 2026-07-28)`, {
  versionNegotiation: { mode: { pin: '2026-07-28' } },
})
