import type { AuthProvider, AuthSnapshot } from '../auth'
import { MCPError } from '../errors'
import { Store } from '../store'
import { inBrowser, openPopup } from './browser-authorize'
import type { BearerChallenge } from './challenge'
import { canonicalServerUri, type AuthorizationTarget } from './discovery'
import { signInError } from './errors'
import { runSignIn, type FlowContext } from './flow'
import {
  showAuthorizationPage,
  untilAborted,
  type InteractionHost,
} from './interact'
import type { OAuthOptions } from './options'
import { issuerKey } from './registration'
import { revokeTokens } from './revoke'
import { resolveOAuthOptions, type ResolvedOAuthOptions } from './settings'
import { CredentialStore, type TokenRecord } from './storage'
import { TokenKeeper, type BoundServer } from './token-keeper'
import { SignInGate } from './sign-in-gate'
import {
  authFetch,
  type Recovery,
  type Refusal,
  type TokenSource,
} from './wrap-fetch'

/** An AuthProvider that signs in with OAuth 2.1 as MCP's authorization chapter specifies. */
export interface OAuthProvider extends AuthProvider {
  signIn(): Promise<void>
  signOut(): Promise<void>
}

const IDLE: AuthSnapshot = Object.freeze({
  status: 'idle',
  authorizationUrl: null,
  scopes: [],
  expiresAt: null,
  error: null,
})
/** Sign-ins in a row that still end in a refusal before giving up (the step-up retry limit). */
const MAX_SIGN_INS = 3

/**
 * Signs in to OAuth-protected MCP servers. Pass it as the client's `auth` option.
 * @example
 * const client = new MCPSSEClient({ url, auth: oauth({ redirectUri: `${location.origin}/callback` }) })
 */
export function oauth(options: OAuthOptions): OAuthProvider {
  return new OAuthClientProvider(resolveOAuthOptions(options))
}

class OAuthClientProvider implements OAuthProvider {
  readonly #state = new Store<AuthSnapshot>(IDLE)
  readonly #credentials: CredentialStore
  readonly #keeper: TokenKeeper
  readonly #gate = new SignInGate()
  readonly #host: InteractionHost
  #server: BoundServer | null = null
  #flight: Promise<TokenRecord> | null = null
  #controller = new AbortController()
  #signInsInARow = 0
  #lastRefusal: { url: URL; challenge: BearerChallenge | null } | null = null
  #preRegisteredFor: string | null = null

  readonly #options: ResolvedOAuthOptions

  constructor(options: ResolvedOAuthOptions) {
    this.#options = options
    this.#credentials = new CredentialStore(options.storage)
    this.#keeper = new TokenKeeper(this.#credentials, {
      saved: (record) =>
        this.#state.update({
          status: 'authorized',
          authorizationUrl: null,
          scopes: record.scopes,
          expiresAt: record.expiresAt,
          error: null,
        }),
      failed: (error) => this.#failed(error),
    })
    this.#host = {
      authorize: options.authorize,
      waitForSignIn: options.waitForSignIn,
      timeout: options.authorizeTimeout,
      takePopup: () => this.#gate.take(),
      nextSignIn: (signal) => this.#gate.next(signal),
    }
  }

  getSnapshot = (): AuthSnapshot => this.#state.getSnapshot()
  subscribe = (listener: () => void): (() => void) =>
    this.#state.subscribe(listener)

  wrapFetch(fetchImpl: typeof fetch, serverUrl: URL): typeof fetch {
    const url = new URL(serverUrl)
    this.#server = { url, key: canonicalServerUri(url), fetch: fetchImpl }
    this.#keeper.bind(this.#server)
    // The wrapper's view of this provider; tokens are not reachable from the provider's API.
    const source: TokenSource = {
      token: () => this.#keeper.fresh(this.#controller.signal),
      recover: (refusal, signal) => this.#recover(refusal, signal),
      succeeded: () => {
        this.#signInsInARow = 0
      },
    }
    return authFetch(source, fetchImpl, url)
  }

  signIn(): Promise<void> {
    if (!this.#server)
      return Promise.reject(
        new MCPError(
          'invalid-options',
          'signIn() needs a client: pass this provider as the auth option of an MCPSSEClient first.',
        ),
      )
    // Opened here, inside the click that called signIn(), or the browser blocks it.
    const popup = !this.#options.authorize && inBrowser() ? openPopup() : null
    this.#signInsInARow = 0
    this.#gate.offer(
      popup,
      this.#flight !== null &&
        this.#state.getSnapshot().status === 'authorizing',
    )
    const refusal = this.#lastRefusal
    const flight =
      this.#flight ??
      this.#startFlow(
        refusal?.url ?? this.#server.url,
        refusal?.challenge ?? null,
      )
    return flight.then(() => undefined).finally(() => this.#gate.release())
  }

  async signOut(): Promise<void> {
    this.#controller.abort(new MCPError('unauthorized', 'Signed out.'))
    this.#controller = new AbortController()
    this.#flight = null
    this.#lastRefusal = null
    const held = await this.#keeper.held().catch(() => null)
    // Forgotten here first, so a slow authorization server cannot leave them usable.
    await this.#keeper.forget()
    this.#state.update(IDLE)
    if (held && this.#server) await revokeTokens(this.#server.fetch, held)
  }

  async #recover(refusal: Refusal, signal: AbortSignal): Promise<Recovery> {
    this.#lastRefusal = { url: refusal.url, challenge: refusal.challenge }
    const current = this.#keeper.current()
    if (current && current.accessToken !== refusal.used?.accessToken)
      return 'changed'
    if (
      refusal.status === 401 &&
      refusal.used?.refreshToken &&
      !refusal.refreshed
    ) {
      if (
        await untilAborted(
          this.#keeper.refresh(refusal.used, this.#controller.signal),
          signal,
        )
      )
        return 'refreshed'
    }
    if (refusal.status === 401 && refusal.signedIn) {
      this.#failed(
        signInError(
          'authorization',
          'the server refused the token it was just issued. Check that the server accepts tokens for its resource from this authorization server.',
          { status: 401 },
        ),
      )
      return 'give-up'
    }
    if (!this.#flight && this.#signInsInARow >= MAX_SIGN_INS) {
      const scope = refusal.challenge?.scope
        ? ` asking for scope "${refusal.challenge.scope.slice(0, 200)}"`
        : ''
      this.#failed(
        signInError(
          'authorization',
          `the server still answered ${refusal.status}${scope} after ${MAX_SIGN_INS} sign-ins in a row, so the client stopped asking. The account may lack the permission; ask the server's administrator.`,
          { status: refusal.status },
        ),
      )
      return 'give-up'
    }
    try {
      await untilAborted(
        this.#flight ?? this.#startFlow(refusal.url, refusal.challenge),
        signal,
      )
      return 'signed-in'
    } catch (error) {
      if (signal.aborted) throw error
      return 'give-up'
    }
  }

  // ——— internals ———

  #startFlow(
    requestUrl: URL,
    challenge: BearerChallenge | null,
  ): Promise<TokenRecord> {
    const server = this.#server as BoundServer
    const { signal } = this.#controller
    this.#signInsInARow++
    const ctx: FlowContext = {
      fetchImpl: server.fetch,
      store: this.#credentials,
      settings: this.#options.flow,
      signal,
      onTarget: (target) => this.#checkPreRegistered(target),
      interact: (url, request) => {
        this.#state.update({
          status: 'authorizing',
          authorizationUrl: url.href,
          error: null,
        })
        return showAuthorizationPage(
          this.#host,
          url,
          request.pending.state,
          () => ({
            serverKey: server.key,
            returnTo: window.location.href,
            pending: request.pending,
            client: request.client,
            tokenEndpoint: request.target.server.tokenEndpoint.href,
            ...(request.target.server.revocationEndpoint && {
              revocationEndpoint: request.target.server.revocationEndpoint.href,
            }),
            authorizationServer: request.target.authorizationServer,
            createdAt: Date.now(),
          }),
          signal,
        )
      },
    }
    const previous = this.#keeper.current()?.requested
    const flight = runSignIn(ctx, {
      requestUrl,
      challenge,
      ...(previous !== undefined &&
        previous !== '' && { previousScope: previous }),
    })
      .then(async (record) => {
        if (signal.aborted) throw signal.reason
        await this.#keeper.save(record)
        return record
      })
      .catch((error: unknown) => {
        if (!signal.aborted) this.#failed(error)
        throw error
      })
      .finally(() => {
        if (this.#flight === flight) this.#flight = null
      })
    this.#flight = flight
    return flight
  }

  /** Pre-registered credentials belong to one authorization server: refuse to take them elsewhere. */
  #checkPreRegistered(target: AuthorizationTarget): void {
    if (this.#options.flow.clientId === undefined) return
    const issuer = issuerKey(target)
    this.#preRegisteredFor ??= issuer
    if (this.#preRegisteredFor !== issuer)
      throw signInError(
        'client registration',
        `the server now names the authorization server ${issuer}, but the pre-registered clientId belongs to ${this.#preRegisteredFor}. Register a client there and pass its clientId.`,
      )
  }

  #failed(error: unknown): void {
    const reason =
      error instanceof MCPError
        ? error
        : signInError('authorization', String(error), { cause: error })
    this.#state.update({
      status: 'error',
      authorizationUrl: null,
      error: reason,
    })
  }
}
