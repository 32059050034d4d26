// Bundle-size entry: the core client signing in with OAuth (`@mcp-sse/core/oauth`).
import { MCPSSEClient } from '@mcp-sse/core'
import { completeAuthorization, oauth } from '@mcp-sse/core/oauth'

export async function listTools(url: string) {
  completeAuthorization()
  const client = new MCPSSEClient({
    url,
    auth: oauth({ redirectUri: `${location.origin}/callback` }),
  })
  await client.connect()
  return client.listTools()
}
