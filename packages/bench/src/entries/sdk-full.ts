// Bundle-size entry: the official SDK v1 client with both HTTP transports and OAuth, as an app
// that reaches any HTTP server and signs in would import it.
import { auth } from '@modelcontextprotocol/sdk/client/auth.js'
import type { OAuthClientProvider } from '@modelcontextprotocol/sdk/client/auth.js'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'

export async function listTools(
  url: string,
  authProvider: OAuthClientProvider,
) {
  const client = new Client({ name: 'app', version: '1.0.0' })
  try {
    await client.connect(
      new StreamableHTTPClientTransport(new URL(url), { authProvider }),
    )
  } catch {
    await client.connect(new SSEClientTransport(new URL(url), { authProvider }))
  }
  return client.listTools()
}

export const signIn = (url: string, provider: OAuthClientProvider) =>
  auth(provider, { serverUrl: url })
