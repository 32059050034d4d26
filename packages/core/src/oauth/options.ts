import type { OAuthStorage } from './storage'

/** How a client proves itself at the token endpoint (RFC 7591 `token_endpoint_auth_method`). */
export type TokenEndpointAuthMethod =
  'none' | 'client_secret_basic' | 'client_secret_post'

/**
 * Shows the user the authorization page and resolves with the URL the authorization server sent
 * the browser back to (the `redirectUri` with `code`, `state` and maybe `iss` in its query).
 */
export type AuthorizeFunction = (
  authorizationUrl: URL,
  context: { signal: AbortSignal },
) => Promise<string | URL>

export interface OAuthOptions {
  /**
   * Where the authorization server sends the browser back. An `https:` URL, a loopback `http:` URL
   * (`http://localhost:…`, `http://127.0.0.1:…`), or a native app's own scheme. In a browser, the
   * page there calls `completeAuthorization()`.
   * @example 'https://app.example.com/oauth/callback'
   */
  redirectUri: string | URL
  /**
   * The name the consent screen shows; sent in Dynamic Client Registration.
   * @defaultValue 'MCP client'
   */
  clientName?: string
  /**
   * A Client ID Metadata Document you host (an `https:` URL with a path). Used as the `client_id`
   * wherever the authorization server says `client_id_metadata_document_supported`, instead of
   * registering.
   * @defaultValue none
   * @example 'https://app.example.com/oauth/client.json'
   */
  clientMetadataUrl?: string | URL
  /**
   * A client registered ahead of time with the server's authorization server. Used first, and
   * bound to the first authorization server it is used with.
   * @defaultValue none
   */
  clientId?: string
  /** The pre-registered client's secret, if it has one. @defaultValue none */
  clientSecret?: string
  /**
   * How the pre-registered client authenticates at the token endpoint; also what Dynamic Client
   * Registration asks for.
   * @defaultValue `client_secret_basic` with a secret (`client_secret_post` when the server lists
   * only that), `none` without one
   */
  tokenEndpointAuthMethod?: TokenEndpointAuthMethod
  /**
   * The `application_type` sent in Dynamic Client Registration.
   * @defaultValue `'web'` in a browser, `'native'` outside one or with a loopback `redirectUri`
   */
  applicationType?: 'web' | 'native'
  /**
   * Scopes to ask for (space-separated). Otherwise those of the server's challenge, then its
   * metadata's `scopes_supported`, else none.
   * @defaultValue chosen per request as the MCP specification says
   */
  scope?: string
  /**
   * Where tokens and client registrations are kept. `'memory'` keeps them for the life of this
   * object only; `'session'` for the browser tab; `'local'` until signed out.
   * @defaultValue 'memory'
   */
  storage?: 'memory' | 'session' | 'local' | OAuthStorage
  /**
   * Shows the authorization page and returns the callback URL. In a browser the default opens a
   * popup (and falls back to a full-page redirect when it is blocked); elsewhere there is no
   * default and a sign-in fails with a message asking for this option.
   * @defaultValue a popup in a browser, none elsewhere
   * @example
   * // Node: an authorization server that approves at once
   * authorize: async (url) => (await fetch(url, { redirect: 'manual' })).headers.get('location')!
   */
  authorize?: AuthorizeFunction
  /**
   * With the default (browser) `authorize`: wait, `status: 'authorizing'`, until `signIn()` is
   * called from a click, instead of opening the popup as soon as a request is refused (a popup
   * opened without a user gesture is usually blocked, which means a full-page redirect).
   * @defaultValue false
   */
  waitForSignIn?: boolean
  /**
   * Origins other than the authorization server's own that its metadata may name for the token
   * and registration endpoints. Anything else is refused, so a code or secret never leaves for a
   * host the issuer does not control.
   * @defaultValue []
   */
  allowedEndpointOrigins?: readonly string[]
  /**
   * How long to wait for the user at the authorization page.
   * @defaultValue 600000 (10 minutes)
   */
  authorizeTimeout?: number
}
