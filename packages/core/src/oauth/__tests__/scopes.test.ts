import { afterEach, describe, expect, it } from 'vitest'
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
const scopes = (w: World) => w.authorizations().map((q) => q.get('scope'))

describe('scope selection', () => {
  it("asks for the challenge's scope", async () => {
    const w = await setUp({
      challengeScope: 'mcp:basic',
      prmDoc: { scopes_supported: ['other'] },
    })
    await clientFor(w).call()
    expect(scopes(w)).toEqual(['mcp:basic'])
  })

  it("else for all of the resource metadata's scopes_supported", async () => {
    const w = await setUp({
      prmDoc: { scopes_supported: ['mcp:basic', 'mcp:read', 'mcp:write'] },
    })
    await clientFor(w).call()
    expect(scopes(w)).toEqual(['mcp:basic mcp:read mcp:write'])
  })

  it('else for none: the parameter is left out', async () => {
    const w = await setUp()
    await clientFor(w).call()
    expect(scopes(w)).toEqual([null])
  })

  it('the scope option wins', async () => {
    const w = await setUp({ challengeScope: 'mcp:basic' })
    await clientFor(w, { scope: 'mine' }).call()
    expect(scopes(w)).toEqual(['mine'])
  })

  it('adds offline_access only where the authorization server lists it', async () => {
    const w = await setUp({
      prmDoc: { scopes_supported: ['mcp:basic'] },
      metadata: { scopes_supported: ['mcp:basic', 'offline_access'] },
    })
    await clientFor(w).call()
    expect(scopes(w)).toEqual(['mcp:basic offline_access'])
    await w.close()
    const without = await setUp({
      prmDoc: { scopes_supported: ['mcp:basic'] },
      metadata: { scopes_supported: ['mcp:basic', 'mcp:read'] },
    })
    await clientFor(without, { scope: 'mcp:basic offline_access' }).call()
    expect(scopes(without)).toEqual(['mcp:basic'])
  })
})

describe('step-up on 403 insufficient_scope', () => {
  it('authorizes again with the old scopes and the new one, then retries', async () => {
    const w = await setUp({
      challengeScope: 'mcp:basic',
      needs: { 'tools/call': 'mcp:write' },
    })
    const { call, provider } = clientFor(w)
    expect((await call('tools/list')).status).toBe(200)
    const response = await call('tools/call')
    expect(response.status).toBe(200)
    expect(scopes(w)).toEqual(['mcp:basic', 'mcp:basic mcp:write'])
    expect(provider.getSnapshot().scopes).toEqual(['mcp:basic', 'mcp:write'])
  })

  it('stops after 3 sign-ins in a row that still end in 403', async () => {
    const w = await setUp({
      challengeScope: 'mcp:admin',
      needs: { 'tools/list': 'mcp:admin' },
      withhold: ['mcp:admin'],
    })
    const { call, provider } = clientFor(w)
    const response = await call('tools/list')
    expect(response.status).toBe(403)
    expect(w.authorizations()).toHaveLength(3)
    expect(provider.getSnapshot().error?.message).toMatch(
      /still answered 403 .* after 3 sign-ins in a row/,
    )
    // Later requests do not start the loop again.
    expect((await call('tools/list')).status).toBe(403)
    expect(w.authorizations()).toHaveLength(3)
  })

  it('passes a 403 that is not about scope through untouched', async () => {
    const w = await setUp()
    const { call, fetch: wrapped } = clientFor(w)
    await call()
    w.rs.route('POST /forbidden', () => ({
      status: 403,
      headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
    }))
    expect(
      (await wrapped(`${w.rs.origin}/forbidden`, { method: 'POST' })).status,
    ).toBe(403)
    expect(w.authorizations()).toHaveLength(1)
  })
})
