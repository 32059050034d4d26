import { afterEach, describe, expect, it } from 'vitest'
import { isMCPError } from '../../errors'
import { clientFor, startWorld, type World, type WorldOptions } from './world'

let world: World | undefined
afterEach(async () => {
  await world?.close()
  world = undefined
})
async function signIn(options: WorldOptions) {
  world = await startWorld(options)
  const client = clientFor(world)
  const response = await client.call()
  return { world, response, client }
}
const paths = (w: World) =>
  [...w.rs.requests, ...(w.as === w.rs ? [] : w.as.requests)].map(
    (r) => `${r.method} ${r.url.pathname}`,
  )

describe('protected resource metadata (RFC 9728)', () => {
  it('uses the resource_metadata the 401 names, and no well-known URL', async () => {
    const { world, response } = await signIn({ prm: '/custom/metadata.json' })
    expect(response.status).toBe(200)
    expect(paths(world)).toContain('GET /custom/metadata.json')
    expect(
      paths(world).some((p) => p.includes('oauth-protected-resource')),
    ).toBe(false)
  })

  it('without one in the header, tries the path-aware URL before the root', async () => {
    const { world, response } = await signIn({
      prm: 'root',
      prmInHeader: false,
    })
    expect(response.status).toBe(200)
    const tried = paths(world).filter((p) =>
      p.includes('oauth-protected-resource'),
    )
    expect(tried).toEqual([
      'GET /.well-known/oauth-protected-resource/mcp',
      'GET /.well-known/oauth-protected-resource',
    ])
  })

  it('stops at the path-aware document when it exists', async () => {
    const { world, response } = await signIn({
      prm: 'path',
      prmInHeader: false,
    })
    expect(response.status).toBe(200)
    expect(paths(world)).not.toContain(
      'GET /.well-known/oauth-protected-resource',
    )
  })

  it('refuses metadata for another resource, before any authorization request', async () => {
    const { world, response, client } = await signIn({
      prmDoc: { resource: 'https://evil.example.com/mcp' },
    })
    expect(response.status).toBe(401)
    expect(world.authorizations()).toHaveLength(0)
    const error = client.provider.getSnapshot().error
    expect(isMCPError(error, 'unauthorized')).toBe(true)
    expect(error?.message).toMatch(
      /^Sign-in failed at protected resource metadata: .*evil\.example\.com/,
    )
  })

  it('sends resource exactly as the metadata gives it', async () => {
    const { world } = await signIn({ prm: 'root', prmInHeader: false })
    expect(world.authorizations()[0]?.get('resource')).toBe(world.rs.origin)
    expect(world.tokenRequests()[0]?.form.get('resource')).toBe(world.rs.origin)
  })
})

describe('authorization server metadata (RFC 8414, OpenID Connect discovery)', () => {
  it.each([
    ['oauth', '', ['/.well-known/oauth-authorization-server']],
    [
      'oidc-insert',
      '',
      [
        '/.well-known/oauth-authorization-server',
        '/.well-known/openid-configuration',
      ],
    ],
    ['oauth', '/tenant1', ['/.well-known/oauth-authorization-server/tenant1']],
    [
      'oidc-insert',
      '/tenant1',
      [
        '/.well-known/oauth-authorization-server/tenant1',
        '/.well-known/openid-configuration/tenant1',
      ],
    ],
    [
      'oidc-append',
      '/tenant1',
      [
        '/.well-known/oauth-authorization-server/tenant1',
        '/.well-known/openid-configuration/tenant1',
        '/tenant1/.well-known/openid-configuration',
      ],
    ],
  ] as const)(
    'finds %s metadata for issuer path "%s" trying %j in order',
    async (kind, issuerPath, order) => {
      const { world, response } = await signIn({
        metadataKind: kind,
        issuerPath,
      })
      expect(response.status).toBe(200)
      const tried = world.as.requests
        .map((r) => r.url.pathname)
        .filter((p) => p.includes('.well-known'))
      expect(tried).toEqual(order)
    },
  )

  it('refuses metadata whose issuer is not the one it was looked up for', async () => {
    const { world, response, client } = await signIn({
      metadata: { issuer: 'https://attacker.example.com' },
    })
    expect(response.status).toBe(401)
    expect(world.as.to('/register')).toHaveLength(0)
    expect(world.authorizations()).toHaveLength(0)
    expect(client.provider.getSnapshot().error?.message).toMatch(
      /^Sign-in failed at authorization server metadata: .*attacker\.example\.com/,
    )
  })

  it.each([
    ['absent', undefined],
    ['without S256', ['plain']],
  ])(
    'refuses a server whose code_challenge_methods_supported is %s',
    async (_, methods) => {
      const { world, response, client } = await signIn({
        metadata: { code_challenge_methods_supported: methods },
      })
      expect(response.status).toBe(401)
      expect(world.authorizations()).toHaveLength(0)
      expect(client.provider.getSnapshot().error?.message).toMatch(
        /PKCE with S256/,
      )
    },
  )

  it('refuses a token endpoint on another origin unless allowed', async () => {
    const { world, response, client } = await signIn({
      metadata: { token_endpoint: 'http://127.0.0.2:9/token' },
    })
    expect(response.status).toBe(401)
    expect(world.as.to('/register')).toHaveLength(0)
    expect(client.provider.getSnapshot().error?.message).toMatch(
      /token_endpoint on another origin \(http:\/\/127\.0\.0\.2:9\)/,
    )
  })

  it('refuses an authorization server that is not HTTPS', async () => {
    const { world, response, client } = await signIn({
      prmDoc: { authorization_servers: ['http://auth.example.com'] },
    })
    expect(response.status).toBe(401)
    expect(world.authorizations()).toHaveLength(0)
    expect(client.provider.getSnapshot().error?.message).toMatch(
      /http:\/\/auth\.example\.com is not HTTPS/,
    )
  })
})

describe('2025-03-26 servers (no resource metadata)', () => {
  it("uses metadata at the MCP server's origin", async () => {
    const { world, response } = await signIn({ legacy: true })
    expect(response.status).toBe(200)
    expect(paths(world)).toContain(
      'GET /.well-known/oauth-authorization-server',
    )
    expect(world.tokenRequests()).toHaveLength(1)
  })

  it('falls back to /authorize, /token and /register', async () => {
    const { world, response } = await signIn({
      legacy: true,
      metadataKind: 'none',
      iss: 'omit',
    })
    expect(response.status).toBe(200)
    expect(paths(world)).toEqual(
      expect.arrayContaining([
        'POST /register',
        'GET /authorize',
        'POST /token',
      ]),
    )
    expect(world.authorizations()[0]?.get('code_challenge_method')).toBe('S256')
  })
})

describe('a server that does not use OAuth', () => {
  it('gets no registration attempts when its 401 is no Bearer challenge and it has no metadata', async () => {
    world = await startWorld({ legacy: true, metadataKind: 'none' })
    world.rs.route('POST /mcp', () => ({
      status: 401,
      body: 'API key required',
    }))
    const client = clientFor(world)
    const response = await client.call()
    expect(response.status).toBe(401)
    expect(await response.text()).toBe('API key required')
    expect(world.rs.to('/register')).toHaveLength(0)
    expect(client.provider.getSnapshot().error?.message).toMatch(
      /does not seem to use OAuth.*headers option/,
    )
  })
})
