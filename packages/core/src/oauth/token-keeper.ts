import { redeem } from './flow'
import { clearRedirect, readRedirect } from './redirect'
import type { CredentialStore, TokenRecord } from './storage'
import { RefreshRejected, refreshTokens } from './token'

/** The server a provider signs in to, as its wrapped fetch was made for. */
export interface BoundServer {
  readonly url: URL
  /** Its canonical URI: the key its tokens are kept under. */
  readonly key: string
  readonly fetch: typeof fetch
}

/** Tokens this close to expiry are refreshed before use: a minute, or a fifth of a short life. */
function refreshMargin(record: TokenRecord): number {
  return record.expiresAt === null
    ? 0
    : Math.min(60_000, (record.expiresAt - record.issuedAt) / 5)
}

/**
 * Holds one server's tokens: loads them from storage (and finishes a sign-in that a full-page
 * redirect started), refreshes them before expiry or on request, one refresh at a time.
 */
export class TokenKeeper {
  #tokens: TokenRecord | null = null
  #loaded: Promise<void> | null = null
  #refreshing: Promise<TokenRecord | null> | null = null
  #server: BoundServer | null = null

  readonly #credentials: CredentialStore
  readonly #events: {
    saved(record: TokenRecord): void
    failed(error: unknown): void
  }

  constructor(
    credentials: CredentialStore,
    events: {
      saved(record: TokenRecord): void
      failed(error: unknown): void
    },
  ) {
    this.#credentials = credentials
    this.#events = events
  }

  bind(server: BoundServer): void {
    if (this.#server?.key !== server.key) {
      this.#loaded = null
      this.#tokens = null
    }
    this.#server = server
  }

  current(): TokenRecord | null {
    return this.#tokens
  }

  /** The token to send now: refreshed first when it is about to expire. */
  async fresh(signal: AbortSignal): Promise<TokenRecord | null> {
    await this.#load(signal)
    const current = this.#tokens
    if (
      current?.refreshToken !== undefined &&
      current.expiresAt !== null &&
      current.expiresAt - Date.now() < refreshMargin(current)
    )
      // A refresh that failed for now leaves the old token to try; a refused one clears it.
      return (await this.refresh(current, signal)) ?? this.#tokens
    return current
  }

  /** New tokens for `used`'s refresh token; null when there are none to be had. */
  refresh(used: TokenRecord, signal: AbortSignal): Promise<TokenRecord | null> {
    const server = this.#server
    const refreshToken = used.refreshToken
    if (!server || refreshToken === undefined) return Promise.resolve(null)
    this.#refreshing ??= refreshTokens(
      server.fetch,
      new URL(used.tokenEndpoint),
      used.client,
      refreshToken,
      used.resource,
      signal,
    )
      .then(async (issued) => {
        const next: TokenRecord = {
          ...used,
          accessToken: issued.accessToken,
          // RFC 6749 §6: a server that sends no new refresh token keeps the old one valid.
          refreshToken: issued.refreshToken ?? refreshToken,
          expiresAt: issued.expiresAt,
          issuedAt: Date.now(),
          scopes: issued.scopes ?? used.scopes,
        }
        await this.save(next)
        return next
      })
      .catch(async (error: unknown) => {
        if (error instanceof RefreshRejected) await this.forget()
        return null
      })
      .finally(() => {
        this.#refreshing = null
      })
    return this.#refreshing
  }

  async save(record: TokenRecord): Promise<void> {
    const server = this.#server
    if (!server) return
    this.#tokens = record
    await this.#credentials.saveTokens(server.key, record)
    this.#events.saved(record)
  }

  /** The tokens held, in memory or (not loaded yet, after a reload) in storage. */
  async held(): Promise<TokenRecord | null> {
    const server = this.#server
    if (this.#tokens || !server) return this.#tokens
    return this.#credentials.tokens(server.key)
  }

  async forget(): Promise<void> {
    this.#tokens = null
    this.#refreshing = null
    const server = this.#server
    if (!server) return
    await this.#credentials.forgetTokens(server.key)
    if (readRedirect()?.serverKey === server.key) clearRedirect()
  }

  #load(signal: AbortSignal): Promise<void> {
    const server = this.#server
    if (!server) return Promise.resolve()
    this.#loaded ??= (async () => {
      const stored = await this.#credentials.tokens(server.key)
      if (stored && !this.#tokens) await this.save(stored)
      // Back from a full-page redirect: finish the sign-in it started.
      const record = readRedirect()
      if (record?.serverKey !== server.key || record.callbackUrl === undefined)
        return
      clearRedirect()
      try {
        await this.save(
          await redeem(server.fetch, signal, record.callbackUrl, {
            ...record,
            issuer: record.client.issuer,
          }),
        )
      } catch (error) {
        this.#events.failed(error)
      }
    })()
    return this.#loaded
  }
}
