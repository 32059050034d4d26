import { MCPSSEClient, isMCPError } from '@mcp-sse/core'
import { oauth } from '@mcp-sse/core/oauth'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createAuthorizationServer, createMCPServer } from '../../index.js'
import { exchange, REDIRECT_URI } from './exchange.js'

const echo = {
  name: 'echo',
  run: ({ message }: Record<string, unknown>) => `Echo: ${String(message)}`,
}

// Streamable HTTP with its authorization server on another origin…
const issuer = createAuthorizationServer({ url: 'http://localhost:4101' })
const server = createMCPServer({
  transport: 'streamable-http',
  url: 'http://localhost:4100',
  tools: [echo],
  auth: issuer,
})
// …and HTTP+SSE with one on its own origin, below a path, needing a scope.
const sameOrigin = createAuthorizationServer({
  url: 'http://localhost:4200/oauth',
  scopes: ['mcp:tools', 'offline_access'],
})
const sseServer = createMCPServer({
  url: 'http://localhost:4200',
  tools: [echo],
  auth: { authorizationServer: sameOrigin, scopes: ['mcp:tools'] },
})
const network = setupServer(...server.handlers, ...sseServer.handlers)

const clients: MCPSSEClient[] = []
function signedInClient(url = server.mcpUrl, authorize = issuer.authorize) {
  const auth = oauth({ redirectUri: REDIRECT_URI, authorize })
  const client = new MCPSSEClient({ url, auth, reconnect: false })
  clients.push(client)
  return { client, auth }
}
const count = (as: typeof issuer, endpoint: string, grant?: string): number =>
  as.requests.filter(
    (r) =>
      r.endpoint === endpoint &&
      (grant === undefined || r.params.grant_type === grant),
  ).length

beforeAll(() => network.listen({ onUnhandledFrame: 'error' }))
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.disconnect()))
  for (const s of [server, sseServer]) s.reset()
  for (const as of [issuer, sameOrigin]) as.reset()
})
afterAll(() => network.close())

describe('a protected MCP server', () => {
  it('answers 401 with a resource_metadata challenge and serves both metadata documents', async () => {
    const refused = await fetch(server.mcpUrl, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
    })
    expect(refused.status).toBe(401)
    const prmUrl =
      'http://localhost:4100/.well-known/oauth-protected-resource/mcp'
    expect(refused.headers.get('www-authenticate')).toBe(
      `Bearer resource_metadata="${prmUrl}"`,
    )
    expect(await (await fetch(prmUrl)).json()).toMatchObject({
      resource: server.mcpUrl,
      authorization_servers: ['http://localhost:4101'],
    })
    const metadata = (await (await fetch(issuer.metadataUrl)).json()) as Record<
      string,
      unknown
    >
    expect(metadata).toMatchObject({
      issuer: 'http://localhost:4101',
      authorization_endpoint: 'http://localhost:4101/authorize',
      token_endpoint: 'http://localhost:4101/token',
      registration_endpoint: 'http://localhost:4101/register',
      revocation_endpoint: 'http://localhost:4101/revoke',
      code_challenge_methods_supported: ['S256'],
      authorization_response_iss_parameter_supported: true,
    })
    // The issuer's path goes after the well-known name (RFC 8414 §3.1).
    expect(sameOrigin.metadataUrl).toBe(
      'http://localhost:4200/.well-known/oauth-authorization-server/oauth',
    )
  })

  it("signs core's oauth() in: registration, authorize with PKCE and resource, code exchange", async () => {
    const { client, auth } = signedInClient()
    await client.connect()
    expect(await client.callTool('echo', { message: 'hi' })).toEqual({
      content: [{ type: 'text', text: 'Echo: hi' }],
    })
    expect(issuer.clients).toHaveLength(1)
    expect(issuer.clients[0]).toMatchObject({
      source: 'dynamic',
      redirectUris: [REDIRECT_URI],
      tokenEndpointAuthMethod: 'none',
    })
    const authorize = issuer.requests.find((r) => r.endpoint === 'authorize')
    expect(authorize?.params).toMatchObject({
      response_type: 'code',
      code_challenge_method: 'S256',
      resource: server.mcpUrl,
    })
    expect(issuer.tokens).toHaveLength(1)
    expect(issuer.tokens[0]?.resource).toBe(server.mcpUrl)
    expect(auth.getSnapshot().status).toBe('authorized')
    // Every MCP request carried the token.
    const mcp = server.httpRequests.filter((r) => r.method === 'POST')
    expect(mcp.at(-1)?.headers.authorization).toBe(
      `Bearer ${issuer.tokens[0]?.token}`,
    )
  })

  it('expireTokens(): the next request is refused, refreshed and retried, with no new sign-in', async () => {
    const { client } = signedInClient()
    await client.connect()
    issuer.expireTokens()
    await client.listTools()
    expect(count(issuer, 'token', 'refresh_token')).toBe(1)
    expect(count(issuer, 'authorize')).toBe(1)
    expect(issuer.tokens.map((t) => t.expiresAt > Date.now())).toEqual([
      false,
      true,
    ])
  })

  it('revokeTokens(): refresh is refused too, so the client signs in again', async () => {
    const { client } = signedInClient()
    await client.connect()
    issuer.revokeTokens()
    await client.listTools()
    expect(count(issuer, 'authorize')).toBe(2)
    expect(issuer.tokens.filter((t) => !t.revoked)).toHaveLength(1)
  })

  it("deny(): the sign-in fails at authorization with the server's error, then works once allowed", async () => {
    issuer.deny({ times: 1 })
    const { client } = signedInClient()
    const error = await client.connect().catch((e: unknown) => e)
    expect(isMCPError(error, 'unauthorized')).toBe(true)
    expect((error as Error).message).toMatch(/^Sign-in failed at authorization/)
    expect((error as Error).message).toContain('access_denied')
    await client.connect()
    expect(client.getSnapshot().status).toBe('ready')
  })

  it("signOut() revokes the client's tokens at the revocation endpoint", async () => {
    const { client, auth } = signedInClient()
    await client.connect()
    await auth.signOut()
    expect(count(issuer, 'revoke')).toBe(2)
    expect(issuer.tokens.every((t) => t.revoked)).toBe(true)
    const [token] = issuer.tokens
    expect(issuer.verify(token?.token ?? '', server.mcpUrl)).toEqual({
      ok: false,
      reason: 'revoked',
    })
  })

  it('requires the scopes it names: HTTP+SSE, the authorization server on its origin', async () => {
    const { client } = signedInClient(
      `${sseServer.sseUrl}`,
      sameOrigin.authorize,
    )
    await client.connect()
    await client.callTool('echo', { message: 'sse' })
    expect(sameOrigin.tokens[0]?.scopes).toContain('mcp:tools')
    expect(sameOrigin.tokens[0]?.resource).toBe('http://localhost:4200')
    // A token without the scope is refused with 403 insufficient_scope.
    sameOrigin.reset()
    const registered = await fetch('http://localhost:4200/oauth/register', {
      method: 'POST',
      body: JSON.stringify({
        redirect_uris: [REDIRECT_URI],
        token_endpoint_auth_method: 'none',
      }),
    })
    expect(registered.status).toBe(201)
    const { client_id } = (await registered.json()) as { client_id: string }
    const tokens = await exchange(sameOrigin, client_id, '')
    const refused = await fetch(sseServer.sseUrl, {
      headers: {
        Accept: 'text/event-stream',
        Authorization: `Bearer ${tokens.access_token}`,
      },
    })
    expect(refused.status).toBe(403)
    expect(refused.headers.get('www-authenticate')).toContain(
      'error="insufficient_scope"',
    )
  })
})
