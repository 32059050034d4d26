import { afterEach, describe, expect, it } from 'vitest'
import type { OAuthStorage } from '../index'
import { clientFor, startWorld, type World } from './world'

const worlds: World[] = []
afterEach(async () => {
  await Promise.all(worlds.splice(0).map((w) => w.close()))
})
async function setUp(options: Parameters<typeof startWorld>[0] = {}) {
  const w = await startWorld(options)
  worlds.push(w)
  return w
}
const registrations = (w: World) =>
  w.as.to('/register').map((r) => JSON.parse(r.body) as Record<string, unknown>)

describe('client registration, in the order MCP gives', () => {
  it('uses a pre-registered client first, with Basic when the server lists it', async () => {
    const w = await setUp({
      metadata: {
        token_endpoint_auth_methods_supported: ['client_secret_basic'],
      },
    })
    const { call } = clientFor(w, {
      clientId: 'pre id',
      clientSecret: 'pre:secret',
    })
    expect((await call()).status).toBe(200)
    expect(registrations(w)).toHaveLength(0)
    expect(w.authorizations()[0]?.get('client_id')).toBe('pre id')
    const [token] = w.tokenRequests()
    expect(token?.auth).toBe('basic')
    // RFC 6749 §2.3.1: each part form-encoded before Base64.
    expect(token?.basic).toBe('pre+id:pre%3Asecret')
    expect(token?.form.has('client_secret')).toBe(false)
  })

  it('sends the secret in the body when the server lists only client_secret_post', async () => {
    const w = await setUp({
      metadata: {
        token_endpoint_auth_methods_supported: ['client_secret_post'],
      },
    })
    await clientFor(w, { clientId: 'pre', clientSecret: 's3cret' }).call()
    const [token] = w.tokenRequests()
    expect(token?.auth).toBe('post')
    expect(token?.form.get('client_id')).toBe('pre')
    expect(token?.form.get('client_secret')).toBe('s3cret')
  })

  it('uses the Client ID Metadata Document where the server supports it', async () => {
    const w = await setUp({
      metadata: { client_id_metadata_document_supported: true },
    })
    const url = 'https://app.example.com/oauth/client.json'
    expect((await clientFor(w, { clientMetadataUrl: url }).call()).status).toBe(
      200,
    )
    expect(registrations(w)).toHaveLength(0)
    expect(w.authorizations()[0]?.get('client_id')).toBe(url)
    expect(w.tokenRequests()[0]?.auth).toBe('none')
  })

  it('registers dynamically where the server does not support metadata documents', async () => {
    const w = await setUp()
    await clientFor(w, {
      clientMetadataUrl: 'https://app.example.com/oauth/client.json',
      clientName: 'Inspector',
    }).call()
    expect(registrations(w)).toEqual([
      expect.objectContaining({
        client_name: 'Inspector',
        redirect_uris: ['http://127.0.0.1:5999/callback'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
        application_type: 'native',
      }),
    ])
  })

  it.each(['client_secret_basic', 'client_secret_post', 'none'] as const)(
    'authenticates at the token endpoint as the registration says: %s',
    async (method) => {
      const w = await setUp({
        metadata: { token_endpoint_auth_methods_supported: [method] },
        register: () => ({
          status: 201,
          json: {
            client_id: 'dyn',
            ...(method !== 'none' && { client_secret: 'dyn-secret' }),
            token_endpoint_auth_method: method,
          },
        }),
      })
      expect((await clientFor(w).call()).status).toBe(200)
      const expected = {
        client_secret_basic: 'basic',
        client_secret_post: 'post',
        none: 'none',
      }[method]
      expect(w.tokenRequests()[0]?.auth).toBe(expected)
      expect(registrations(w)[0]?.token_endpoint_auth_method).toBe(
        method === 'none' ? 'none' : method,
      )
    },
  )

  it('sends the applicationType given', async () => {
    const w = await setUp()
    await clientFor(w, { applicationType: 'web' }).call()
    expect(registrations(w)[0]?.application_type).toBe('web')
  })

  it('retries a refused registration once with the other application_type', async () => {
    const w = await setUp({
      register: (body) =>
        body.application_type === 'native'
          ? {
              status: 400,
              json: {
                error: 'invalid_redirect_uri',
                error_description: 'native needs a custom scheme',
              },
            }
          : { status: 201, json: { client_id: 'web-client' } },
    })
    expect((await clientFor(w).call()).status).toBe(200)
    expect(registrations(w).map((r) => r.application_type)).toEqual([
      'native',
      'web',
    ])
  })

  it("explains a refused registration with the server's words", async () => {
    const w = await setUp({
      register: () => ({
        status: 400,
        json: {
          error: 'invalid_client_metadata',
          error_description: 'no thanks',
        },
      }),
    })
    const { call, provider } = clientFor(w, { applicationType: 'native' })
    expect((await call()).status).toBe(401)
    expect(provider.getSnapshot().error?.message).toMatch(
      /^Sign-in failed at client registration: .*refused to register this client: invalid_client_metadata \(no thanks\)/,
    )
  })

  it('keeps registrations per issuer and reuses them', async () => {
    const w = await setUp()
    const map = new Map<string, string>()
    const storage: OAuthStorage = {
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => void map.set(k, v),
      removeItem: (k) => void map.delete(k),
    }
    await clientFor(w, { storage }).call()
    await clientFor(w, { storage }).call()
    expect(registrations(w)).toHaveLength(1)
    expect([...map.keys()]).toContain(`mcp-sse:oauth:client:${w.issuer}`)
  })

  it('registers again, and never shows the old client id, when the server moves to a new authorization server', async () => {
    const first = await setUp({
      register: () => ({ status: 201, json: { client_id: 'as1-client' } }),
    })
    const second = await setUp({
      register: () => ({ status: 201, json: { client_id: 'as2-client' } }),
    })
    const { call } = clientFor(first)
    expect((await call()).status).toBe(200)
    // The MCP server now names the second authorization server, and refuses the first one's token.
    first.rs.route('GET /.well-known/oauth-protected-resource/mcp', () => ({
      json: {
        resource: first.mcpUrl.href,
        authorization_servers: [second.issuer],
      },
    }))
    for (const token of [...first.secrets]) first.revoke(token)
    first.rs.route('POST /mcp', (req) =>
      second.secrets.some((s) => req.headers.authorization === `Bearer ${s}`)
        ? { json: { jsonrpc: '2.0', id: 1, result: {} } }
        : {
            status: 401,
            headers: {
              'WWW-Authenticate': `Bearer resource_metadata="${first.rs.origin}/.well-known/oauth-protected-resource/mcp"`,
            },
          },
    )
    expect((await call()).status).toBe(200)
    expect(registrations(second)).toHaveLength(1)
    expect(second.authorizations()[0]?.get('client_id')).toBe('as2-client')
    expect(
      second
        .tokenRequests()
        .every((t) => t.form.get('client_id') === 'as2-client'),
    ).toBe(true)
  })

  it('fails clearly when the server offers no way to get a client', async () => {
    const w = await setUp({ metadata: { registration_endpoint: undefined } })
    const { call, provider } = clientFor(w)
    expect((await call()).status).toBe(401)
    expect(provider.getSnapshot().error?.message).toMatch(
      /offers no Dynamic Client Registration.*pass its clientId/,
    )
  })
})
