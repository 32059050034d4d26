import { randomValue } from './answers.js'
import type { AuthorizationServerOptions } from './options.js'

export type AuthMethod = 'none' | 'client_secret_basic' | 'client_secret_post'

/** A client the authorization server knows: pre-registered or registered by a client. */
export interface RegisteredClient {
  readonly clientId: string
  readonly clientSecret?: string
  readonly tokenEndpointAuthMethod: AuthMethod
  readonly redirectUris: readonly string[]
  readonly clientName?: string
  /** `'dynamic'` when it came through `/register`. */
  readonly source: 'pre-registered' | 'dynamic'
}

/** An access token the server issued, as a test may inspect it. */
export interface IssuedToken {
  readonly token: string
  readonly clientId: string
  readonly scopes: readonly string[]
  /** The `resource` (RFC 8707) it is for; null when the client named none. */
  readonly resource: string | null
  /** ms since the epoch. */
  expiresAt: number
  revoked: boolean
  /** The refresh token issued beside it, if any. */
  readonly refreshToken: string | null
}

interface CodeGrant {
  clientId: string
  redirectUri: string
  challenge: string
  scopes: string[]
  resource: string | null
  expiresAt: number
}

interface RefreshGrant {
  clientId: string
  scopes: string[]
  resource: string | null
  revoked: boolean
}

/** One request to an authorization server endpoint, for assertions. */
export interface AuthorizationRequestRecord {
  readonly endpoint: 'metadata' | 'register' | 'authorize' | 'token' | 'revoke'
  readonly method: string
  readonly url: string
  /** The query (authorize), the form (token, revoke) or the JSON body (register). */
  readonly params: Readonly<Record<string, unknown>>
  status: number | undefined
}

export type Verdict =
  | { readonly ok: true; readonly scopes: readonly string[] }
  | {
      readonly ok: false
      readonly reason: 'unknown' | 'expired' | 'revoked' | 'audience'
    }

/** Everything an authorization server's endpoints and controls share. */
export class AuthorizationState {
  readonly issuer: string
  readonly cors: boolean
  readonly clients = new Map<string, RegisteredClient>()
  readonly codes = new Map<string, CodeGrant>()
  readonly tokens = new Map<string, IssuedToken>()
  readonly refreshes = new Map<string, RefreshGrant>()
  requests: AuthorizationRequestRecord[] = []
  /** Authorizations still to deny, and how. */
  denial: { error: string; description: string; left: number } | null = null

  constructor(readonly options: AuthorizationServerOptions) {
    this.issuer = (options.url ?? 'http://localhost:3001').replace(/\/+$/, '')
    this.cors = options.cors !== false
    this.reset()
  }

  /** An endpoint below the issuer. */
  endpoint(path: string): string {
    return `${this.issuer}${path}`
  }

  reset(): void {
    this.clients.clear()
    this.codes.clear()
    this.tokens.clear()
    this.refreshes.clear()
    this.requests = []
    this.denial = null
    for (const client of this.options.clients ?? [])
      this.clients.set(client.clientId, {
        clientId: client.clientId,
        ...(client.clientSecret !== undefined && {
          clientSecret: client.clientSecret,
        }),
        tokenEndpointAuthMethod:
          client.tokenEndpointAuthMethod ??
          (client.clientSecret === undefined ? 'none' : 'client_secret_basic'),
        redirectUris: [...client.redirectUris],
        source: 'pre-registered',
      })
  }

  newCode(grant: CodeGrant): string {
    const code = randomValue('code')
    this.codes.set(code, grant)
    return code
  }

  /** Issues an access token (and a refresh token, unless they are off): the token answer. */
  issue(
    clientId: string,
    scopes: string[],
    resource: string | null,
  ): Record<string, unknown> {
    const lifetime = this.options.tokenLifetime ?? 3600
    const refreshToken =
      this.options.refreshTokens === false ? null : randomValue('refresh')
    const token = randomValue('access')
    this.tokens.set(token, {
      token,
      clientId,
      scopes,
      resource,
      expiresAt: Date.now() + lifetime * 1000,
      revoked: false,
      refreshToken,
    })
    if (refreshToken !== null)
      this.refreshes.set(refreshToken, {
        clientId,
        scopes,
        resource,
        revoked: false,
      })
    return {
      access_token: token,
      token_type: 'Bearer',
      expires_in: lifetime,
      ...(scopes.length > 0 && { scope: scopes.join(' ') }),
      ...(refreshToken !== null && { refresh_token: refreshToken }),
    }
  }

  /** Whether `token` is good for `resource` now. */
  verify(token: string, resource?: string): Verdict {
    const issued = this.tokens.get(token)
    if (!issued) return { ok: false, reason: 'unknown' }
    if (issued.revoked) return { ok: false, reason: 'revoked' }
    if (issued.expiresAt <= Date.now()) return { ok: false, reason: 'expired' }
    if (
      resource !== undefined &&
      issued.resource !== null &&
      issued.resource.replace(/\/+$/, '') !== resource.replace(/\/+$/, '')
    )
      return { ok: false, reason: 'audience' }
    return { ok: true, scopes: issued.scopes }
  }

  /** Revokes a refresh token and every access token issued with it. */
  revokeRefresh(refreshToken: string): void {
    const grant = this.refreshes.get(refreshToken)
    if (grant) grant.revoked = true
    for (const issued of this.tokens.values())
      if (issued.refreshToken === refreshToken) issued.revoked = true
  }

  /** The scopes granted for `asked`: all of them, or refused (null) when some are unknown. */
  grantable(asked: string | null): string[] | null {
    const scopes = (asked ?? '').split(' ').filter(Boolean)
    const supported = this.options.scopes
    if (supported && scopes.some((scope) => !supported.includes(scope)))
      return null
    return scopes
  }
}
