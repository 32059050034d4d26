// Bundle-size entry: what an app that uses only the core client ships.
import { MCPSSEClient } from '@mcp-sse/core'

export async function listTools(url: string) {
  const client = new MCPSSEClient({ url })
  await client.connect()
  return client.listTools()
}
