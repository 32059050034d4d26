// Bundle-size entry: the official v2 client (`@modelcontextprotocol/client`) with both HTTP
// transports and its OAuth, speaking 2026-07-28 where the server does.
import {
  auth,
  Client,
  SSEClientTransport,
  StreamableHTTPClientTransport,
} from '@modelcontextprotocol/client'
import type { OAuthClientProvider } from '@modelcontextprotocol/client'

export async function listTools(
  url: string,
  authProvider: OAuthClientProvider,
) {
  const client = new Client(
    { name: 'app', version: '1.0.0' },
    { versionNegotiation: { mode: 'auto' } },
  )
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
