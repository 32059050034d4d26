import { afterEach, describe, expect, it } from 'vitest'
import type { OAuthStorage } from '../index'
import { clientFor, startWorld, type World } from './world'

let world: World | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})

const revocations = (w: World) => w.as.to('/revoke').map((r) => r.form)

function spyStorage(): OAuthStorage & { writes: string[] } {
  const map = new Map<string, string>()
  const writes: string[] = []
  return {
    writes,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      writes.push(v)
      map.set(k, v)
    },
    removeItem: (k) => void map.delete(k),
  }
}

describe('signOut() revokes the tokens (RFC 7009)', () => {
  it('leaves a revocation endpoint on another origin unused, and signs in all the same', async () => {
    const w = await revocationWorld({ elsewhere: true })
    const { call, provider } = clientFor(w)
    expect((await call()).status).toBe(200)
    await provider.signOut()
    expect(w.rs.to('/revoke')).toEqual([])
    expect(provider.getSnapshot().status).toBe('idle')
  })

  it('sends each token with its hint and the client_id, and signs in afresh afterwards', async () => {
    const w = await revocationWorld()
    const { call, provider } = clientFor(w)
    expect((await call()).status).toBe(200)
    const [access, refresh] = w.secrets
    await provider.signOut()
    const sent = revocations(w)
    expect(sent.map((f) => [f.get('token'), f.get('token_type_hint')])).toEqual(
      [
        [refresh, 'refresh_token'],
        [access, 'access_token'],
      ],
    )
    const registered = w.tokenRequests()[0]?.form.get('client_id')
    expect(registered).toBeTruthy()
    expect(sent.every((f) => f.get('client_id') === registered)).toBe(true)
    expect(provider.getSnapshot().status).toBe('idle')
    expect((await call()).status).toBe(200)
    expect(w.authorizations()).toHaveLength(2)
  })

  it('revokes tokens kept in storage that were not loaded yet (after a reload)', async () => {
    const w = await revocationWorld()
    const storage = spyStorage()
    await clientFor(w, { storage }).call()
    const afterReload = clientFor(w, { storage })
    await afterReload.provider.signOut()
    expect(revocations(w).map((f) => f.get('token'))).toEqual([
      w.secrets[1],
      w.secrets[0],
    ])
  })

  it('sends nothing when the server has no revocation endpoint', async () => {
    world = await startWorld()
    const w = world
    w.as.route('POST /revoke', () => ({ status: 200 }))
    const { call, provider } = clientFor(w)
    await call()
    await provider.signOut()
    expect(revocations(w)).toEqual([])
    expect(provider.getSnapshot().status).toBe('idle')
  })

  it('resolves without an error when revocation fails, and forgets the tokens first', async () => {
    const w = await revocationWorld({ status: 503 })
    const storage = spyStorage()
    const { call, provider } = clientFor(w, { storage })
    await call()
    await expect(provider.signOut()).resolves.toBeUndefined()
    expect(revocations(w)).toHaveLength(2)
    const snapshot = provider.getSnapshot()
    expect(snapshot.status).toBe('idle')
    expect(snapshot.error).toBeNull()
  })

  it('gives up on an authorization server that never answers within 5 s', async () => {
    const w = await revocationWorld({ hang: true })
    const { call, provider } = clientFor(w)
    await call()
    let signedOutAt = 0
    const began = Date.now()
    const out = provider.signOut().then(() => {
      signedOutAt = Date.now()
    })
    // Local state is gone at once; the revocation runs on, bounded.
    await expect.poll(() => provider.getSnapshot().status).toBe('idle')
    await out
    expect(signedOutAt - began).toBeGreaterThanOrEqual(4_900)
    expect(signedOutAt - began).toBeLessThan(7_000)
    // The timeout cut the first request: the access token was not sent after it.
    expect(revocations(w)).toHaveLength(1)
  }, 15_000)
})

/** An authorization server whose metadata names its own /revoke. */
async function revocationWorld(
  behaviour: { status?: number; hang?: boolean; elsewhere?: boolean } = {},
): Promise<World> {
  // The origin is known only once the server listens: patch the metadata route afterwards.
  world = await startWorld()
  const w = world
  const host = behaviour.elsewhere ? w.rs : w.as
  const metadataPath = '/.well-known/oauth-authorization-server'
  const original = await fetch(`${w.as.origin}${metadataPath}`)
  const doc = (await original.json()) as Record<string, unknown>
  w.as.route(`GET ${metadataPath}`, () => ({
    json: { ...doc, revocation_endpoint: `${host.origin}/revoke` },
  }))
  host.route('POST /revoke', async () => {
    if (behaviour.hang) await new Promise(() => {})
    return { status: behaviour.status ?? 200 }
  })
  return w
}
