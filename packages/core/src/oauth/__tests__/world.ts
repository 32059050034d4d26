import { createHash, randomUUID } from 'node:crypto'
import { oauth, type AuthorizeFunction, type OAuthOptions } from '../index'
import {
  startServer,
  type Received,
  type Reply,
  type TestServer,
} from './http-server'

/** A protected MCP server and its authorization server, each a real HTTP server, with knobs. */
export interface WorldOptions {
  /** Where the resource metadata is. @defaultValue 'path' */
  prm?: 'path' | 'root' | 'none' | `/${string}`
  /** Name the metadata's URL in WWW-Authenticate. @defaultValue true */
  prmInHeader?: boolean
  /** Fields that replace the resource metadata's. */
  prmDoc?: Record<string, unknown>
  /** The challenge's `scope`. */
  challengeScope?: string
  /** The scope each JSON-RPC method needs; a token without it gets 403 insufficient_scope. */
  needs?: Record<string, string>
  /** The issuer's path (`/tenant1`). @defaultValue '' */
  issuerPath?: string
  /** Which well-known document the authorization server serves. @defaultValue 'oauth' */
  metadataKind?: 'oauth' | 'oidc-insert' | 'oidc-append' | 'none'
  /** Fields that replace the authorization server metadata's (undefined removes one). */
  metadata?: Record<string, unknown>
  /** The `iss` in the authorization answer. @defaultValue 'correct' */
  iss?: 'correct' | 'wrong' | 'omit' | 'slash'
  /** The registration answer. */
  register?: (body: Record<string, unknown>) => Reply
  /** Access token lifetime in seconds. @defaultValue 3600 */
  lifetime?: number
  /** Issue refresh tokens. @defaultValue true */
  refresh?: boolean
  /** Scopes the authorization server never grants, whatever is asked. */
  withhold?: string[]
  /** A 2025-03-26 server: the authorization server is the MCP server's origin, no resource metadata. */
  legacy?: boolean
}

export interface World {
  readonly rs: TestServer
  readonly as: TestServer
  readonly mcpUrl: URL
  readonly issuer: string
  /** Every access and refresh token issued, to look for where they must not be. */
  readonly secrets: string[]
  /** Invalidates an access token (as if revoked or expired at the server). */
  revoke(token: string): void
  /** Invalidates every refresh token issued so far. */
  revokeRefreshTokens(): void
  /** Follows the authorization request like an approving browser; returns the callback URL. */
  readonly authorize: AuthorizeFunction
  /** The query of each authorization request. */
  authorizations(): URLSearchParams[]
  /** The form of each token request, with how the client authenticated. */
  tokenRequests(): {
    form: URLSearchParams
    auth: 'basic' | 'post' | 'none'
    basic?: string
  }[]
  close(): Promise<void>
}

export const REDIRECT_URI = 'http://127.0.0.1:5999/callback'

export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const rs = await startServer()
  const as = options.legacy ? rs : await startServer()
  const issuer = options.legacy
    ? rs.origin
    : `${as.origin}${options.issuerPath ?? ''}`
  const mcpUrl = new URL('/mcp', rs.origin)
  const valid = new Map<string, { scopes: Set<string>; expires: number }>()
  const refreshes = new Map<string, string>()
  const codes = new Map<
    string,
    { challenge: string; scope: string; resource: string | null }
  >()
  const secrets: string[] = []

  const prm = options.legacy ? 'none' : (options.prm ?? 'path')
  const prmPath =
    prm === 'path'
      ? '/.well-known/oauth-protected-resource/mcp'
      : prm === 'root'
        ? '/.well-known/oauth-protected-resource'
        : prm === 'none'
          ? null
          : prm
  if (prmPath)
    rs.route(`GET ${prmPath}`, () => ({
      json: {
        resource: prm === 'root' ? rs.origin : mcpUrl.href,
        authorization_servers: [issuer],
        ...options.prmDoc,
      },
    }))
  const challenge = (extra = '') => {
    const parts = [
      ...(prmPath && options.prmInHeader !== false
        ? [`resource_metadata="${rs.origin}${prmPath}"`]
        : []),
      ...(options.challengeScope && !extra.includes('scope=')
        ? [`scope="${options.challengeScope}"`]
        : []),
    ]
    return `Bearer ${[extra, ...parts].filter(Boolean).join(', ')}`.trim()
  }
  const mcp = (req: Received): Reply => {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1]
    const grant = token ? valid.get(token) : undefined
    if (!grant || grant.expires < Date.now())
      return {
        status: 401,
        headers: { 'WWW-Authenticate': challenge() },
        json: { error: 'invalid_token' },
      }
    const message = req.body
      ? (JSON.parse(req.body) as { id?: number; method?: string })
      : {}
    const needed = options.needs?.[message.method ?? '']
    if (needed && !grant.scopes.has(needed))
      return {
        status: 403,
        headers: {
          'WWW-Authenticate': challenge(
            `error="insufficient_scope", scope="${needed}"`,
          ),
        },
        json: { error: 'insufficient_scope' },
      }
    return {
      json: { jsonrpc: '2.0', id: message.id ?? null, result: { ok: true } },
    }
  }
  rs.route('POST /mcp', mcp)
  rs.route('GET /mcp', mcp)

  const base = options.legacy ? '' : (options.issuerPath ?? '')
  const metadata: Record<string, unknown> = {
    issuer,
    authorization_endpoint: `${as.origin}${base}/authorize`,
    token_endpoint: `${as.origin}${base}/token`,
    registration_endpoint: `${as.origin}${base}/register`,
    response_types_supported: ['code'],
    code_challenge_methods_supported: ['S256'],
    authorization_response_iss_parameter_supported: true,
    ...options.metadata,
  }
  const path = options.issuerPath ?? ''
  const kind = options.metadataKind ?? 'oauth'
  const metadataPath =
    kind === 'oauth'
      ? `/.well-known/oauth-authorization-server${path}`
      : kind === 'oidc-insert'
        ? `/.well-known/openid-configuration${path}`
        : `${path}/.well-known/openid-configuration`
  if (kind !== 'none')
    as.route(`GET ${metadataPath}`, () => ({ json: metadata }))

  as.route(`GET ${base}/authorize`, (req) => {
    const q = req.url.searchParams
    const code = `code-${randomUUID()}`
    codes.set(code, {
      challenge: q.get('code_challenge') ?? '',
      scope: q.get('scope') ?? '',
      resource: q.get('resource'),
    })
    const back = new URL(q.get('redirect_uri') ?? REDIRECT_URI)
    back.searchParams.set('code', code)
    if (q.has('state')) back.searchParams.set('state', q.get('state') ?? '')
    const iss = options.iss ?? 'correct'
    if (iss === 'correct') back.searchParams.set('iss', issuer)
    if (iss === 'wrong')
      back.searchParams.set('iss', 'https://evil.example.com')
    if (iss === 'slash') back.searchParams.set('iss', `${issuer}/`)
    return { status: 302, headers: { Location: back.href } }
  })
  const issue = (asked: string): Reply => {
    const scope = asked
      .split(' ')
      .filter((s) => !options.withhold?.includes(s))
      .join(' ')
    const access = `access-${randomUUID()}`
    secrets.push(access)
    valid.set(access, {
      scopes: new Set(scope.split(' ').filter(Boolean)),
      expires: Date.now() + (options.lifetime ?? 3600) * 1000,
    })
    const json: Record<string, unknown> = {
      access_token: access,
      token_type: 'Bearer',
      expires_in: options.lifetime ?? 3600,
      ...(scope && { scope }),
    }
    if (options.refresh !== false) {
      const refresh = `refresh-${randomUUID()}`
      secrets.push(refresh)
      refreshes.set(refresh, scope)
      json.refresh_token = refresh
    }
    return { json }
  }
  as.route(`POST ${base}/token`, (req) => {
    const form = req.form
    if (form.get('grant_type') === 'refresh_token') {
      const scope = refreshes.get(form.get('refresh_token') ?? '')
      if (scope === undefined)
        return { status: 400, json: { error: 'invalid_grant' } }
      refreshes.delete(form.get('refresh_token') ?? '')
      return issue(scope)
    }
    const code = codes.get(form.get('code') ?? '')
    if (!code) return { status: 400, json: { error: 'invalid_grant' } }
    codes.delete(form.get('code') ?? '')
    const verifier = form.get('code_verifier') ?? ''
    const expected = createHash('sha256').update(verifier).digest('base64url')
    if (expected !== code.challenge)
      return {
        status: 400,
        json: {
          error: 'invalid_grant',
          error_description: 'PKCE verification failed',
        },
      }
    return issue(code.scope)
  })
  as.route(`POST ${base}/register`, (req) => {
    const body = JSON.parse(req.body || '{}') as Record<string, unknown>
    return (
      options.register?.(body) ?? {
        status: 201,
        json: { client_id: `client-${randomUUID()}`, ...body },
      }
    )
  })

  return {
    rs,
    as,
    mcpUrl,
    issuer,
    secrets,
    revoke: (token) => void valid.delete(token),
    revokeRefreshTokens: () => refreshes.clear(),
    authorize: async (url) => {
      const answer = await fetch(url, { redirect: 'manual' })
      return answer.headers.get('location') ?? ''
    },
    authorizations: () =>
      as.to(`${base}/authorize`).map((r) => r.url.searchParams),
    tokenRequests: () =>
      as.to(`${base}/token`).map((r) => {
        const header = r.headers.authorization ?? ''
        const auth = header.startsWith('Basic ')
          ? 'basic'
          : r.form.has('client_secret')
            ? 'post'
            : 'none'
        return {
          form: r.form,
          auth,
          ...(auth === 'basic' && {
            basic: Buffer.from(header.slice(6), 'base64').toString(),
          }),
        }
      }),
    close: async () => {
      await rs.close()
      if (as !== rs) await as.close()
    },
  }
}

/** A JSON-RPC POST body. */
export function rpc(method: string, id = 1): RequestInit {
  return {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({ jsonrpc: '2.0', id, method, params: {} }),
  }
}

/** A provider for `world` (Node: `authorize` follows the redirects) and its wrapped fetch. */
export function clientFor(world: World, options: Partial<OAuthOptions> = {}) {
  const provider = oauth({
    redirectUri: REDIRECT_URI,
    authorize: world.authorize,
    ...options,
  })
  const fetchWithAuth = provider.wrapFetch(fetch, world.mcpUrl)
  const call = (method = 'tools/list') =>
    fetchWithAuth(world.mcpUrl, rpc(method))
  return { provider, fetch: fetchWithAuth, call }
}
