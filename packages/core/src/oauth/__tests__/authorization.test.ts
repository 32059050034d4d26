import { createHash } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { oauth } from '../index'
import {
  clientFor,
  REDIRECT_URI,
  rpc,
  startWorld,
  type World,
  type WorldOptions,
} from './world'

let world: World | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})
async function setUp(options: WorldOptions = {}) {
  world = await startWorld(options)
  return world
}

describe('the authorization request and code exchange', () => {
  it('signs in on a 401 and retries the request with the token', async () => {
    const w = await setUp()
    const { call, provider } = clientFor(w)
    const response = await call()
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ result: { ok: true } })
    const posts = w.rs.to('/mcp')
    expect(posts).toHaveLength(2)
    expect(posts[0]?.headers.authorization).toBeUndefined()
    expect(posts[1]?.headers.authorization).toBe(`Bearer ${w.secrets[0]}`)
    expect(posts[1]?.body).toBe(posts[0]?.body)
    expect(provider.getSnapshot()).toMatchObject({
      status: 'authorized',
      error: null,
      authorizationUrl: null,
    })
  })

  it('uses PKCE S256, state, response_type=code and resource; redeems with the verifier', async () => {
    const w = await setUp()
    await clientFor(w).call()
    const query = w.authorizations()[0]
    expect(query?.get('response_type')).toBe('code')
    expect(query?.get('code_challenge_method')).toBe('S256')
    expect(query?.get('state')).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(query?.get('redirect_uri')).toBe(REDIRECT_URI)
    expect(query?.get('resource')).toBe(w.mcpUrl.href)
    const form = w.tokenRequests()[0]?.form
    expect(form?.get('grant_type')).toBe('authorization_code')
    expect(form?.get('redirect_uri')).toBe(REDIRECT_URI)
    expect(form?.get('resource')).toBe(w.mcpUrl.href)
    const verifier = form?.get('code_verifier') ?? ''
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/)
    expect(createHash('sha256').update(verifier).digest('base64url')).toBe(
      query?.get('code_challenge'),
    )
  })

  it('adds the token only to requests for the server origin', async () => {
    const w = await setUp()
    const { call, fetch: wrapped } = clientFor(w)
    await call()
    await wrapped(`${w.as.origin}/elsewhere`)
    expect(w.as.to('/elsewhere')[0]?.headers.authorization).toBeUndefined()
  })

  it('never follows a redirect to another origin with the token', async () => {
    const w = await setUp()
    const { call, fetch: wrapped } = clientFor(w)
    await call()
    w.rs.route('GET /moved', () => ({
      status: 302,
      headers: { Location: `${w.as.origin}/landing` },
    }))
    const response = await wrapped(`${w.rs.origin}/moved`)
    expect(response.status).toBe(404)
    expect(w.as.to('/landing')).toHaveLength(1)
    expect(w.as.to('/landing')[0]?.headers.authorization).toBeUndefined()
  })

  it('signs in only once for requests refused at the same time', async () => {
    const w = await setUp()
    const { fetch: wrapped } = clientFor(w)
    const answers = await Promise.all(
      [1, 2, 3].map((id) => wrapped(w.mcpUrl, rpc('tools/list', id))),
    )
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200])
    expect(w.authorizations()).toHaveLength(1)
  })

  it('outside a browser without authorize, fails saying what to pass', async () => {
    const w = await setUp()
    const provider = oauth({ redirectUri: REDIRECT_URI })
    const response = await provider.wrapFetch(fetch, w.mcpUrl)(
      w.mcpUrl,
      rpc('tools/list'),
    )
    expect(response.status).toBe(401)
    expect(provider.getSnapshot().status).toBe('error')
    expect(provider.getSnapshot().error?.message).toMatch(
      /^Sign-in failed at authorization: .*oauth\(\{ authorize \}\)/,
    )
  })

  it('reports authorizing, with the URL, while waiting for the user', async () => {
    const w = await setUp()
    const seen: string[] = []
    const { call, provider } = clientFor(w, {
      authorize: async (url) => {
        const snapshot = provider.getSnapshot()
        seen.push(
          `${snapshot.status} ${snapshot.authorizationUrl === url.href}`,
        )
        return w.authorize(url, { signal: new AbortController().signal })
      },
    })
    await call()
    expect(seen).toEqual(['authorizing true'])
  })
})

describe('checking the answer before redeeming the code', () => {
  const answer = (edit: (url: URL) => void) => async (world: World) =>
    clientFor(world, {
      authorize: async (url, context) => {
        const callback = new URL(await world.authorize(url, context))
        edit(callback)
        return callback
      },
    })

  it.each([
    [
      'a wrong state',
      answer((u) => u.searchParams.set('state', 'forged')),
      /state this client did not send/,
    ],
    [
      'no state',
      answer((u) => u.searchParams.delete('state')),
      /carries no state/,
    ],
    [
      'another origin than the redirectUri',
      answer((u) => {
        u.host = '127.0.0.1:6001'
      }),
      /not to the redirectUri/,
    ],
  ])('refuses an answer with %s', async (_, make, message) => {
    const w = await setUp()
    const { call, provider } = await make(w)
    expect((await call()).status).toBe(401)
    expect(w.tokenRequests()).toHaveLength(0)
    expect(provider.getSnapshot().error?.message).toMatch(message)
  })

  it('reports an error answer only after its state and iss check out', async () => {
    const w = await setUp()
    const { call, provider } = await answer((u) => {
      u.searchParams.delete('code')
      u.searchParams.set('error', 'access_denied')
    })(w)
    expect((await call()).status).toBe(401)
    expect(provider.getSnapshot().error?.message).toMatch(
      /answered access_denied\. The user declined/,
    )
  })

  it.each([
    ['matching, advertised', { iss: 'correct' }, true],
    [
      'absent, not advertised',
      {
        iss: 'omit',
        metadata: { authorization_response_iss_parameter_supported: undefined },
      },
      true,
    ],
    ['absent, advertised', { iss: 'omit' }, false],
    ['wrong, advertised', { iss: 'wrong' }, false],
    [
      'wrong, not advertised',
      {
        iss: 'wrong',
        metadata: { authorization_response_iss_parameter_supported: undefined },
      },
      false,
    ],
    ['with a trailing slash added', { iss: 'slash' }, false],
  ] as const)(
    'iss %s: redeemed = %s (RFC 9207)',
    async (_, options, redeemed) => {
      const w = await setUp(options)
      const { call, provider } = clientFor(w)
      const response = await call()
      expect(w.authorizations()).toHaveLength(1)
      expect(w.tokenRequests()).toHaveLength(redeemed ? 1 : 0)
      expect(response.status).toBe(redeemed ? 200 : 401)
      if (!redeemed)
        expect(provider.getSnapshot().error?.message).toMatch(
          /^Sign-in failed at authorization: the answer (names issuer|has no iss)/,
        )
    },
  )
})
