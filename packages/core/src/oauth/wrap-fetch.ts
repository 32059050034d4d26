import { parseBearerChallenge, type BearerChallenge } from './challenge'
import { untilAborted } from './interact'
import type { TokenRecord } from './storage'

/** A refused request, as the provider needs to know it to decide what to do. */
export interface Refusal {
  readonly status: 401 | 403
  readonly challenge: BearerChallenge | null
  readonly url: URL
  /** The token the request carried. */
  readonly used: TokenRecord | null
  /** This request already caused a refresh / a sign-in. */
  readonly refreshed: boolean
  readonly signedIn: boolean
}

export type Recovery = 'refreshed' | 'signed-in' | 'changed' | 'give-up'

/** The provider's side of the wrapper. */
export interface TokenSource {
  /** The token to send now (refreshed first when it is about to expire). */
  token(): Promise<TokenRecord | null>
  recover(refusal: Refusal, signal: AbortSignal): Promise<Recovery>
  /** A request with a token was answered: the run of sign-ins is over. */
  succeeded(): void
}

/** Enough for any honest sequence: refresh, sign-in, three step-ups, one more for a race. */
const MAX_ATTEMPTS = 6

/**
 * The fetch the client uses for a server: a Bearer token on requests to the server's origin
 * (and nowhere else), and on 401 (or 403 `insufficient_scope`) a refresh or sign-in, then the
 * same request again. When nothing helps, the server's refusal is returned as it came.
 */
export function authFetch(
  source: TokenSource,
  fetchImpl: typeof fetch,
  serverUrl: URL,
): typeof fetch {
  const origin = serverUrl.origin
  return async (input, init) => {
    const request = new Request(input, init)
    const url = new URL(request.url)
    if (url.origin !== origin) return fetchImpl(input, init)
    // Each attempt sends a clone, so the body (a string, or even a stream) can be sent again.
    const { signal } = request
    let refreshed = false
    let signedIn = false
    for (let attempt = 0; ; attempt++) {
      const used = await untilAborted(source.token(), signal)
      const headers = new Headers(request.headers)
      if (used) headers.set('Authorization', `Bearer ${used.accessToken}`)
      const response = await fetchImpl(
        new Request(request.clone(), { headers }),
      )
      const { status } = response
      if (status !== 401 && status !== 403) {
        if (used && response.ok) source.succeeded()
        return response
      }
      // Redirected elsewhere: that refusal is not this server's to answer.
      if (response.redirected && new URL(response.url).origin !== origin)
        return response
      const header = response.headers.get('WWW-Authenticate')
      const challenge = parseBearerChallenge(header)
      if (header !== null && challenge === null) return response
      if (status === 403 && challenge?.error !== 'insufficient_scope')
        return response
      if (attempt >= MAX_ATTEMPTS) return response
      const refusal = await copy(response)
      const outcome = await source.recover(
        { status, challenge, url, used, refreshed, signedIn },
        signal,
      )
      if (outcome === 'give-up') return refusal
      if (outcome === 'refreshed') refreshed = true
      if (outcome === 'signed-in') signedIn = true
    }
  }
}

/** The refusal read into memory, so it can be returned after a sign-in that did not help. */
async function copy(response: Response): Promise<Response> {
  let body: ArrayBuffer | null = null
  try {
    body = await response.arrayBuffer()
  } catch {
    body = null
  }
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  })
}
