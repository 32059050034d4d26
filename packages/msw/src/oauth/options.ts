import type { MockAuthorizationServer } from './mock-authorization-server.js'

/** A client registered ahead of time (no Dynamic Client Registration needed for it). */
export interface MockOAuthClient {
  clientId: string
  /** Its secret; leave out for a public client (`token_endpoint_auth_method: 'none'`). */
  clientSecret?: string
  /** The redirect URIs it may use, compared exactly. */
  redirectUris: string[]
  /**
   * How it authenticates at the token and revocation endpoints.
   * @defaultValue `'client_secret_basic'` with a secret, `'none'` without one
   */
  tokenEndpointAuthMethod?:
    'none' | 'client_secret_basic' | 'client_secret_post'
}

/** Options of {@link createAuthorizationServer}. */
export interface AuthorizationServerOptions {
  /**
   * The issuer identifier. Endpoints are `/authorize`, `/token`, `/register` and `/revoke` below
   * it; its metadata is at `/.well-known/oauth-authorization-server` (with the issuer's path
   * appended, RFC 8414).
   *
   * @defaultValue `'http://localhost:3001'`
   * @example
   * ```ts
   * url: 'https://auth.example.com/tenant1'
   * ```
   */
  url?: string
  /**
   * The `scopes_supported` it advertises; a request for any other scope is refused with
   * `invalid_scope`. Without it, every scope asked for is granted.
   *
   * @defaultValue `undefined` (any scope)
   * @example
   * ```ts
   * scopes: ['mcp:tools', 'offline_access']
   * ```
   */
  scopes?: string[]
  /**
   * Access token lifetime in seconds (`expires_in`).
   *
   * @defaultValue `3600`
   * @example
   * ```ts
   * tokenLifetime: 5 // expires while the test runs; refreshed with the refresh token
   * ```
   */
  tokenLifetime?: number
  /**
   * Issue refresh tokens with every access token (rotated on each use, as OAuth 2.1 asks for
   * public clients).
   *
   * @defaultValue `true`
   */
  refreshTokens?: boolean
  /**
   * Offer Dynamic Client Registration (RFC 7591) at `/register`.
   *
   * @defaultValue `true`
   */
  registration?: boolean
  /**
   * Clients known from the start.
   *
   * @defaultValue `[]`
   * @example
   * ```ts
   * clients: [{ clientId: 'my-app', redirectUris: ['http://localhost:5173/callback'] }]
   * ```
   */
  clients?: MockOAuthClient[]
  /**
   * Answer `Access-Control-*` headers and preflights, as an authorization server a browser
   * page signs in to must.
   *
   * @defaultValue `true`
   */
  cors?: boolean
}

/** How {@link createMCPServer}'s `auth` option protects the MCP server. */
export interface ProtectedResourceOptions {
  /** The authorization server whose tokens the MCP server accepts. */
  authorizationServer: MockAuthorizationServer
  /**
   * Scopes every request needs. They are named in the 401 challenge and in the resource
   * metadata's `scopes_supported`; a token without them gets `403 insufficient_scope`.
   *
   * @defaultValue `[]`
   * @example
   * ```ts
   * scopes: ['mcp:tools']
   * ```
   */
  scopes?: string[]
}
