import type { PendingAuthorization } from './authorize'
import type { ClientRecord } from './storage'
import { webStorage } from './storage'

/**
 * A full-page redirect leaves this page, so what is needed to redeem its answer waits in
 * sessionStorage (this tab only) under one key: the request's state and PKCE verifier and the
 * client, never a token. The callback page adds the answer; the client picks it up on its next
 * request after the page loads again.
 */
export const REDIRECT_KEY = 'mcp-sse:oauth:redirect'

export interface RedirectRecord {
  readonly serverKey: string
  /** Where the app was when the redirect began: the callback page sends the user back there. */
  readonly returnTo: string
  readonly pending: PendingAuthorization
  readonly client: ClientRecord
  readonly tokenEndpoint: string
  readonly revocationEndpoint?: string
  readonly authorizationServer: string
  readonly createdAt: number
  /** Set by `completeAuthorization()`. */
  readonly callbackUrl?: string
}

/** Records older than this are stale: the user left the authorization page long ago. */
const MAX_AGE = 30 * 60_000

export function readRedirect(): RedirectRecord | null {
  const storage = webStorage('session')
  const text = storage?.getItem(REDIRECT_KEY)
  if (!text) return null
  try {
    const record = JSON.parse(text) as RedirectRecord
    if (Date.now() - record.createdAt > MAX_AGE) {
      storage?.removeItem(REDIRECT_KEY)
      return null
    }
    return record
  } catch {
    return null
  }
}

export function writeRedirect(record: RedirectRecord): boolean {
  const storage = webStorage('session')
  if (!storage) return false
  try {
    storage.setItem(REDIRECT_KEY, JSON.stringify(record))
    return true
  } catch {
    return false
  }
}

export function clearRedirect(): void {
  webStorage('session')?.removeItem(REDIRECT_KEY)
}
