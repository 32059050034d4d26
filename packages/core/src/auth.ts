import type { ConnectionStatus } from './snapshot'

/**
 * The seam between the client and a way of signing in. The client knows nothing of OAuth: it hands
 * every HTTP request of a connection to `fetch` below, which an `AuthProvider` wraps to add
 * credentials and to sign in again on 401/403. `@mcp-sse/core/oauth` provides one; a user can
 * write another (an API gateway's own token exchange, say).
 */
export interface AuthProvider {
  /**
   * Wraps the fetch the client uses for the server at `serverUrl` (streams, POSTs, DELETE). The
   * wrapper adds credentials only to requests for that server's origin, signs in or refreshes when
   * a request is refused, and retries it; when it cannot, it answers with the refusal, and the
   * client reports `unauthorized` with the provider's explanation (`lastError`).
   */
  wrapFetch(fetchImpl: typeof fetch, serverUrl: URL): typeof fetch
  /** The provider's state, for the client's snapshot. Immutable, replaced on change. */
  getSnapshot(): AuthSnapshot
  subscribe(listener: () => void): () => void
  /**
   * Starts the sign-in now, from a user gesture (popups opened outside one are blocked). Resolves
   * once signed in.
   */
  signIn?(): Promise<void>
  /** Forgets tokens (and, where asked, the client registration). */
  signOut?(): Promise<void>
}

export interface AuthSnapshot {
  /**
   * `idle`: no sign-in needed yet; `authorizing`: waiting for the user at `authorizationUrl`;
   * `authorized`: a token is held; `error`: the last sign-in failed (`error` says at which step).
   */
  readonly status: 'idle' | 'authorizing' | 'authorized' | 'error'
  /** Where the user signs in, while `authorizing`. Never holds a token. */
  readonly authorizationUrl: string | null
  /** Scopes granted, once authorized. */
  readonly scopes: readonly string[]
  /** When the access token expires (ms since the epoch), if the server said. */
  readonly expiresAt: number | null
  /** Why the last sign-in failed: its message names the step. */
  readonly error: import('./errors').MCPError | null
}

/** The snapshot change an auth provider's new state brings: `authorizing` while it waits. */
export function authPatch(
  auth: AuthSnapshot,
  status: ConnectionStatus,
): { auth: AuthSnapshot; status?: ConnectionStatus } {
  const waiting = auth.status === 'authorizing'
  if (waiting && (status === 'connecting' || status === 'reconnecting'))
    return { auth, status: 'authorizing' }
  if (!waiting && status === 'authorizing')
    return { auth, status: 'connecting' }
  return { auth }
}
