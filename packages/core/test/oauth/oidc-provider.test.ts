import {
  followAuthorization,
  startAuthorizationServer,
  startProtectedMcpServer,
  type RunningAuthorizationServer,
  type RunningProtectedMcpServer,
} from '@mcp-sse/testkit/oauth'
import { afterEach, describe, expect, it } from 'vitest'
import { oauth, type OAuthOptions } from '../../src/oauth/index'

const REDIRECT_URI = 'http://127.0.0.1:5999/oauth/callback'
const running: { stop(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((r) => r.stop()))
})

async function servers(
  as: Parameters<typeof startAuthorizationServer>[0] = {},
  mcp: Partial<Parameters<typeof startProtectedMcpServer>[0]> = {},
): Promise<{ as: RunningAuthorizationServer; mcp: RunningProtectedMcpServer }> {
  const authorizationServer = await startAuthorizationServer({
    scopes: ['mcp:read', 'mcp:write'],
    ...as,
  })
  running.push(authorizationServer)
  const protectedServer = await startProtectedMcpServer({
    authorizationServer,
    scopes: ['mcp:read'],
    ...mcp,
  })
  running.push(protectedServer)
  return { as: authorizationServer, mcp: protectedServer }
}

function client(
  mcp: RunningProtectedMcpServer,
  options: Partial<OAuthOptions> = {},
) {
  const provider = oauth({
    redirectUri: REDIRECT_URI,
    clientName: 'mcp-sse test',
    authorize: (url, { signal }) =>
      followAuthorization(url, REDIRECT_URI, signal),
    ...options,
  })
  const wrapped = provider.wrapFetch(fetch, new URL(mcp.url))
  let id = 0
  const send = async (method: string, params: Record<string, unknown> = {}) => {
    const response = await wrapped(mcp.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++id, method, params }),
    })
    return {
      status: response.status,
      body: response.ok
        ? ((await response.json()) as { result?: unknown })
        : null,
    }
  }
  const initialize = () =>
    send('initialize', {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 't', version: '1' },
    })
  return { provider, send, initialize }
}

const text = (body: { result?: unknown } | null) =>
  (body?.result as { content: { text: string }[] } | undefined)?.content[0]
    ?.text

describe('signing in to an MCP server behind oidc-provider', () => {
  it('discovers, registers, authorizes with PKCE and resource, and the server accepts the token', async () => {
    const { as, mcp } = await servers()
    const { provider, initialize, send } = client(mcp)
    const init = await initialize()
    expect(init.status).toBe(200)
    expect(init.body?.result).toMatchObject({
      serverInfo: { name: 'protected-test-server' },
    })
    expect(as.approvals()).toBeGreaterThan(0)
    const snapshot = provider.getSnapshot()
    expect(snapshot.status).toBe('authorized')
    expect(snapshot.scopes).toEqual(['mcp:read'])
    const who = await send('tools/call', { name: 'whoami', arguments: {} })
    expect(JSON.parse(text(who.body) ?? '{}')).toMatchObject({
      sub: 'test-user',
    })
  })

  it('steps up to a scope a tool needs', async () => {
    const { mcp } = await servers({}, { toolScopes: { write: 'mcp:write' } })
    const { provider, initialize, send } = client(mcp)
    await initialize()
    expect(provider.getSnapshot().scopes).not.toContain('mcp:write')
    const written = await send('tools/call', { name: 'write', arguments: {} })
    expect(written.status).toBe(200)
    expect(text(written.body)).toBe('written')
    expect(provider.getSnapshot().scopes).toEqual(
      expect.arrayContaining(['mcp:read', 'mcp:write']),
    )
  })

  it('refreshes an expired token without asking the user again', async () => {
    const { as, mcp } = await servers({ accessTokenTtl: 1 })
    const { initialize, send } = client(mcp)
    await initialize()
    const approvals = as.approvals()
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect((await send('tools/list')).status).toBe(200)
    expect(as.approvals()).toBe(approvals)
    const seen = mcp.tokensSeen()
    expect(new Set(seen).size).toBe(2)
  })

  it('recovers from a revoked token by refreshing it', async () => {
    const { as, mcp } = await servers()
    const { initialize, send } = client(mcp)
    await initialize()
    const first = mcp.tokensSeen().at(-1) ?? ''
    await as.revoke(first)
    expect((await send('tools/list')).status).toBe(200)
    expect(mcp.tokensSeen().at(-1)).not.toBe(first)
  })

  it('reports a refusal at the consent screen as the authorization step', async () => {
    const { mcp } = await servers({ deny: true })
    const { provider, initialize } = client(mcp)
    expect((await initialize()).status).toBe(401)
    expect(provider.getSnapshot().error?.message).toMatch(
      /^Sign-in failed at authorization: the authorization server answered access_denied/,
    )
  })
})
