import { afterEach, describe, expect, it, vi } from 'vitest'
import type { OAuthStorage } from '../index'
import { clientFor, startWorld, type World, type WorldOptions } from './world'

let world: World | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})
async function setUp(options: WorldOptions = {}) {
  world = await startWorld(options)
  return world
}
const grants = (w: World) =>
  w.tokenRequests().map((t) => t.form.get('grant_type'))

function mapStorage(): OAuthStorage & { map: Map<string, string> } {
  const map = new Map<string, string>()
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  }
}

describe('refresh tokens', () => {
  it('refreshes a token about to expire before using it, for the same resource', async () => {
    const w = await setUp({ lifetime: 30 })
    const { call, provider } = clientFor(w)
    await call()
    expect(grants(w)).toEqual(['authorization_code'])
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 25_000)
    expect((await call()).status).toBe(200)
    vi.useRealTimers()
    expect(grants(w)).toEqual(['authorization_code', 'refresh_token'])
    const refresh = w.tokenRequests()[1]?.form
    expect(refresh?.get('refresh_token')).toBe(w.secrets[1])
    expect(refresh?.get('resource')).toBe(w.mcpUrl.href)
    expect(w.rs.to('/mcp').at(-1)?.headers.authorization).toBe(
      `Bearer ${w.secrets[2]}`,
    )
    expect(w.authorizations()).toHaveLength(1)
    expect(provider.getSnapshot().expiresAt).toBeGreaterThan(Date.now())
  })

  it('refreshes on a 401 (a revoked token) and retries', async () => {
    const w = await setUp()
    const { call } = clientFor(w)
    await call()
    w.revoke(w.secrets[0] ?? '')
    expect((await call()).status).toBe(200)
    expect(grants(w)).toEqual(['authorization_code', 'refresh_token'])
    expect(w.authorizations()).toHaveLength(1)
  })

  it('signs in again when the refresh token is refused too', async () => {
    const w = await setUp()
    const { call } = clientFor(w)
    await call()
    w.revokeRefreshTokens()
    w.revoke(w.secrets[0] ?? '')
    expect((await call()).status).toBe(200)
    expect(grants(w)).toEqual([
      'authorization_code',
      'refresh_token',
      'authorization_code',
    ])
    expect(w.authorizations()).toHaveLength(2)
  })
})

describe('where tokens are kept', () => {
  it("under 'memory', nothing reaches Web Storage", async () => {
    const session = mapStorage()
    const local = mapStorage()
    Object.assign(globalThis, { sessionStorage: session, localStorage: local })
    try {
      const w = await setUp()
      expect((await clientFor(w).call()).status).toBe(200)
      expect(session.map.size + local.map.size).toBe(0)
    } finally {
      Reflect.deleteProperty(globalThis, 'sessionStorage')
      Reflect.deleteProperty(globalThis, 'localStorage')
    }
  })

  it('storage the user opts into keeps the sign-in for the next provider', async () => {
    const w = await setUp()
    const storage = mapStorage()
    await clientFor(w, { storage }).call()
    expect(
      [...storage.map.values()].some((v) => v.includes(w.secrets[0] ?? '?')),
    ).toBe(true)
    const later = clientFor(w, { storage })
    expect((await later.call()).status).toBe(200)
    expect(w.authorizations()).toHaveLength(1)
    expect(later.provider.getSnapshot().status).toBe('authorized')
  })

  it('signOut forgets the tokens: the next request signs in again', async () => {
    const w = await setUp()
    const storage = mapStorage()
    const { call, provider } = clientFor(w, { storage })
    await call()
    await provider.signOut()
    expect(provider.getSnapshot().status).toBe('idle')
    expect([...storage.map.keys()].some((k) => k.includes('tokens'))).toBe(
      false,
    )
    expect((await call()).status).toBe(200)
    expect(w.authorizations()).toHaveLength(2)
  })

  it('signIn() signs in before any request was refused', async () => {
    const w = await setUp()
    const { provider, fetch: wrapped } = clientFor(w)
    await provider.signIn()
    expect(provider.getSnapshot().status).toBe('authorized')
    const response = await wrapped(w.mcpUrl, {
      method: 'POST',
      body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
    })
    expect(response.status).toBe(200)
    expect(w.rs.to('/mcp')).toHaveLength(1)
  })
})

describe('tokens never appear in errors or the snapshot', () => {
  it.each<[string, (w: World) => void]>([
    [
      'the server refuses every token',
      (w) =>
        w.rs.route('POST /mcp', () => ({
          status: 401,
          headers: {
            'WWW-Authenticate': `Bearer resource_metadata="${w.rs.origin}/.well-known/oauth-protected-resource/mcp"`,
          },
        })),
    ],
    [
      'the token is not a Bearer token',
      (w) =>
        w.as.route('POST /token', () => {
          w.secrets.push('mac-secret-value')
          return {
            json: {
              access_token: 'mac-secret-value',
              token_type: 'mac',
              refresh_token: 'mac-refresh-value',
            },
          }
        }),
    ],
    [
      'the token endpoint fails',
      (w) =>
        w.as.route('POST /token', () => ({ status: 500, body: 'token=leak' })),
    ],
  ])('when %s', async (_, breakIt) => {
    const w = await setUp()
    breakIt(w)
    const { call, provider } = clientFor(w)
    expect((await call()).status).toBe(401)
    const snapshot = provider.getSnapshot()
    expect(snapshot.status).toBe('error')
    const shown = `${snapshot.error?.message} ${JSON.stringify(snapshot)} ${String(snapshot.error?.cause)}`
    for (const secret of [...w.secrets, 'mac-refresh-value', 'token=leak'])
      expect(shown).not.toContain(secret)
    expect(snapshot.error?.message).toMatch(
      /^Sign-in failed at (authorization|token exchange): /,
    )
  })
})
