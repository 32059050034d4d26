/**
 * What the inspector saw of one session's sign-in, step by step. Built from the requests the
 * OAuth flow sends (their URL, method and status, and facts from public metadata documents) and
 * from the client's auth snapshot. Never a token, a code, a secret or a request header.
 */
export type AuthEventKind =
  | 'challenge'
  | 'resource-metadata'
  | 'server-metadata'
  | 'registration'
  | 'authorization'
  | 'token'
  | 'refresh'
  | 'authorized'
  | 'error'

export interface AuthEvent {
  readonly at: number
  readonly kind: AuthEventKind
  /** The request's URL without query or fragment, where there was a request. */
  readonly url?: string
  /** HTTP status; null when the request got no answer (network, CORS). */
  readonly status?: number | null
  readonly ok: boolean
  /** Facts to show, in order: label → value (plain text, shown as text). */
  readonly facts: ReadonlyArray<readonly [string, string]>
}

/** A URL as it may be shown: no query (a code, a state) and no fragment. */
export function bareUrl(url: URL | string): string {
  try {
    const copy = new URL(url)
    copy.search = ''
    copy.hash = ''
    return copy.href
  } catch {
    return ''
  }
}
