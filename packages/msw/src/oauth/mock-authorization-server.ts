import type { HttpHandler } from 'msw'
import type {
  AuthorizationRequestRecord,
  IssuedToken,
  RegisteredClient,
  Verdict,
} from './authorization-state.js'

/** How the next authorizations are denied: the `error` the redirect carries. */
export interface DenyOptions {
  /** @defaultValue `'access_denied'` (the user said no) */
  error?: string
  /** @defaultValue `'The user denied the request.'` */
  description?: string
  /** How many authorizations to deny. @defaultValue `Infinity` */
  times?: number
}

/**
 * A simulated OAuth 2.1 authorization server: msw handlers for its metadata (RFC 8414),
 * registration (RFC 7591), authorize, token (PKCE S256, refresh tokens) and revocation
 * (RFC 7009) endpoints, plus the controls a test drives it with.
 */
export interface MockAuthorizationServer {
  /** Pass them to `setupServer` (an MCP server given this one as `auth` includes them). */
  readonly handlers: HttpHandler[]
  /** The issuer identifier, e.g. `http://localhost:3001`. */
  readonly issuer: string
  /** Where its metadata is. */
  readonly metadataUrl: string
  /**
   * Plays the browser at the authorization page: the user approves (or, after `deny()`,
   * refuses), and it resolves with the URL the server redirects to, the `redirect_uri` with
   * `code`, `state` and `iss`. Pass it as `oauth({ authorize })`, since msw cannot show a page.
   * Rejects, as the page would show an error, for an unknown client or redirect URI.
   *
   * @example
   * ```ts
   * auth: oauth({ redirectUri: 'http://localhost:5173/callback', authorize: authServer.authorize })
   * ```
   */
  authorize(authorizationUrl: string | URL): Promise<string>
  /**
   * Makes the next authorizations redirect back with an error instead of a code.
   * `deny(null)` approves again.
   *
   * @example
   * ```ts
   * authServer.deny({ times: 1 }) // the user clicks "Cancel" once
   * ```
   */
  deny(options?: DenyOptions | null): void
  /** Expires every access token issued so far: requests with them get 401 `invalid_token`; refresh tokens still work. */
  expireTokens(): void
  /** Revokes every access and refresh token issued so far: the client must sign in again. */
  revokeTokens(): void
  /** Whether a bearer token is good now (for `resource`, when given): what the MCP server asks. */
  verify(token: string, resource?: string): Verdict
  /** The clients it knows, registered ones included. */
  readonly clients: readonly RegisteredClient[]
  /** Every access token issued, with its scopes, resource, expiry and whether it was revoked. */
  readonly tokens: readonly IssuedToken[]
  /** Every request its endpoints answered since the last `reset()` (and `authorize()` calls). */
  readonly requests: readonly AuthorizationRequestRecord[]
  /** Forgets registered clients, codes and tokens; clears `deny()` and `requests`. */
  reset(): void
}
