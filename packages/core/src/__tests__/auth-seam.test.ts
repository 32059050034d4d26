import { http, HttpResponse } from 'msw'
import { describe, expect, it } from 'vitest'
import { isMCPError, MCPError } from '../index'
import type { AuthProvider, AuthSnapshot } from '../index'
import { scriptedServer } from './streamable-server'
import { useMockNetwork } from './support'

const net = useMockNetwork()
const URL = 'http://localhost:3001/mcp'

/**
 * A provider written against the seam alone, as a user's own would be: `wrap` gets the fetch to
 * wrap and `set`, which changes the snapshot and tells the client.
 */
function providerWith(
  wrap: (
    fetchImpl: typeof fetch,
    set: (next: Partial<AuthSnapshot>) => void,
  ) => typeof fetch,
): AuthProvider {
  const listeners = new Set<() => void>()
  let snapshot: AuthSnapshot = {
    status: 'idle',
    authorizationUrl: null,
    scopes: [],
    expiresAt: null,
    error: null,
  }
  const set = (next: Partial<AuthSnapshot>) => {
    snapshot = { ...snapshot, ...next }
    for (const listener of listeners) listener()
  }
  return {
    wrapFetch: (fetchImpl) => wrap(fetchImpl, set),
    getSnapshot: () => snapshot,
    subscribe: (listener) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** Adds a token; with none, it fails to sign in and says at which step in its snapshot. */
function tokenProvider(token: string | null, failure: string) {
  return providerWith((fetchImpl, set) => async (input, init) => {
    if (token === null) {
      set({
        status: 'authorizing',
        authorizationUrl: 'https://as.example/authorize',
      })
      await new Promise((resolve) => setTimeout(resolve, 20))
      set({
        status: 'error',
        authorizationUrl: null,
        error: new MCPError('unauthorized', failure),
      })
      return new HttpResponse('no', { status: 401 })
    }
    const headers = new Headers(init?.headers)
    headers.set('Authorization', `Bearer ${token}`)
    return fetchImpl(input, { ...init, headers })
  })
}

describe('the auth seam', () => {
  it('sends what the provider adds, on every request', async () => {
    const seen: (string | null)[] = []
    const scripted = scriptedServer()
    net.network.use(
      http.all(URL, ({ request }) => {
        seen.push(request.headers.get('authorization'))
        return undefined
      }),
      ...scripted.handlers,
    )
    const { client, wire } = net.client({
      url: URL,
      auth: tokenProvider('t0k3n', ''),
    })
    await client.connect()
    await client.ping()
    expect(seen.length).toBeGreaterThan(2)
    expect(seen.every((value) => value === 'Bearer t0k3n')).toBe(true)
    // The token is the provider's: it never shows on the wire tap.
    expect(JSON.stringify(wire)).not.toContain('t0k3n')
  })

  it('shows authorizing while the provider waits, and rejects with its explanation', async () => {
    net.network.use(...scriptedServer().handlers)
    const { client } = net.client({
      url: URL,
      auth: tokenProvider(
        null,
        'Sign-in failed at registration: the server refused it.',
      ),
    })
    const statuses: string[] = []
    client.subscribe(() => statuses.push(client.getSnapshot().status))
    const error = await client.connect().catch((e: unknown) => e)
    expect(isMCPError(error, 'unauthorized')).toBe(true)
    expect((error as Error).message).toBe(
      'Sign-in failed at registration: the server refused it.',
    )
    expect(statuses).toContain('authorizing')
    expect(client.getSnapshot()).toMatchObject({
      status: 'error',
      auth: { status: 'error' },
    })
  })

  it('stops the connectTimeout clock while the user signs in', async () => {
    const scripted = scriptedServer()
    net.network.use(...scripted.handlers)
    let signedIn = false
    const slowUser = providerWith((fetchImpl, set) => async (input, init) => {
      if (!signedIn) {
        set({ status: 'authorizing', authorizationUrl: 'https://as.example/a' })
        // Three times the connect timeout at the consent screen.
        await new Promise((resolve) => setTimeout(resolve, 300))
        signedIn = true
        set({ status: 'authorized', authorizationUrl: null })
      }
      return fetchImpl(input, init)
    })
    const { client } = net.client({
      url: URL,
      protocolVersion: '2025-11-25',
      connectTimeout: 100,
      auth: slowUser,
    })
    await expect(client.connect()).resolves.toMatchObject({
      protocolVersion: '2025-11-25',
    })
  })
})
