import { signInError, type SignInStep } from './errors'

/** Each request to a metadata, registration or token endpoint gets this long. */
export const REQUEST_TIMEOUT = 30_000

/** `localhost`, `*.localhost`, 127.0.0.0/8 and `[::1]`: plain HTTP is allowed there. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase()
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    /^127(\.\d{1,3}){3}$/.test(host) ||
    host === '[::1]'
  )
}

/** Authorization server endpoints must be HTTPS (OAuth 2.1 §1.5), loopback excepted. */
export function requireSecure(url: URL, what: string, step: SignInStep): void {
  if (url.protocol === 'https:') return
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return
  throw signInError(
    step,
    `the ${what} ${url.origin} is not HTTPS. Authorization servers must be served over HTTPS (only localhost may use plain HTTP).`,
  )
}

/** Parses `value` as an absolute URL, or null. */
export function parseUrl(value: unknown, base?: string | URL): URL | null {
  if (typeof value !== 'string' || value === '') return null
  try {
    return new URL(value, base)
  } catch {
    return null
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export interface JsonAnswer {
  response: Response
  /** The body parsed as JSON, or undefined when it was not JSON. */
  body: unknown
}

/**
 * One request with the flow's signal and a time limit. Network failures reject with the fetch
 * error; HTTP errors resolve (the caller decides what a status means).
 */
export async function requestJson(
  fetchImpl: typeof fetch,
  url: URL,
  init: RequestInit,
  signal: AbortSignal,
): Promise<JsonAnswer> {
  const response = await fetchImpl(url, {
    ...init,
    redirect: init.redirect ?? 'follow',
    signal: AbortSignal.any([signal, AbortSignal.timeout(REQUEST_TIMEOUT)]),
  })
  const text = await response.text()
  let body: unknown
  try {
    body = text === '' ? undefined : JSON.parse(text)
  } catch {
    body = undefined
  }
  return { response, body }
}

/** `error: error_description` from an OAuth error body, for a message; never the whole body. */
export function oauthErrorText(body: unknown): string | null {
  if (!isRecord(body) || typeof body.error !== 'string') return null
  const description =
    typeof body.error_description === 'string'
      ? ` (${body.error_description.slice(0, 200)})`
      : ''
  return `${body.error.slice(0, 60)}${description}`
}
