// Bundle-size entry: the official SDK v1 client with its SSE transport alone.
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js'

export async function listTools(url: string) {
  const client = new Client({ name: 'app', version: '1.0.0' })
  await client.connect(new SSEClientTransport(new URL(url)))
  return client.listTools()
}
