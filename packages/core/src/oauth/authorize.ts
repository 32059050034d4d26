import { signInError } from './errors'
import type { Pkce } from './pkce'
import type { ClientRecord } from './storage'

/** What one authorization request was sent with, kept until its answer is checked. */
export interface PendingAuthorization {
  readonly state: string
  readonly verifier: string
  /** The issuer recorded from validated metadata (RFC 9207); null without metadata. */
  readonly issuer: string | null
  readonly issParameterSupported: boolean
  readonly redirectUri: string
  readonly resource: string
  readonly scope: string | undefined
}

/** The authorization request URL (OAuth 2.1 §4.1.1, RFC 7636, RFC 8707). */
export function authorizationUrl(
  endpoint: URL,
  client: ClientRecord,
  pkce: Pkce,
  pending: PendingAuthorization,
): URL {
  const url = new URL(endpoint)
  const params = url.searchParams
  params.set('response_type', 'code')
  params.set('client_id', client.clientId)
  params.set('redirect_uri', pending.redirectUri)
  params.set('code_challenge', pkce.challenge)
  params.set('code_challenge_method', pkce.method)
  params.set('state', pending.state)
  if (pending.scope !== undefined) params.set('scope', pending.scope)
  params.set('resource', pending.resource)
  return url
}

/**
 * Checks the URL the authorization server sent the browser back to, in the order that keeps a
 * forged answer from being acted on: it must come to the `redirectUri`, carry our `state`, and
 * name the recorded issuer (RFC 9207 §2.4, simple string comparison); only then is an `error`
 * reported or the `code` returned.
 */
export function readCallback(
  callback: string | URL,
  pending: PendingAuthorization,
): string {
  const fail = (detail: string) => signInError('authorization', detail)
  let url: URL
  try {
    url = new URL(callback)
  } catch {
    throw fail('the authorize function returned something that is no URL.')
  }
  const expected = new URL(pending.redirectUri)
  if (url.origin !== expected.origin || url.pathname !== expected.pathname)
    throw fail(
      `the answer came back to ${url.origin}${url.pathname}, not to the redirectUri ${expected.origin}${expected.pathname}; it was ignored.`,
    )
  const params = answerParams(url)
  if (params.get('state') !== pending.state)
    throw fail(
      params.has('state')
        ? 'the answer carries a state this client did not send (a forged or stale answer); it was ignored. Sign in again.'
        : 'the answer carries no state; it was ignored. Sign in again.',
    )
  const iss = params.get('iss')
  if (iss !== null) {
    const recorded = pending.issuer
    if (iss !== recorded)
      throw fail(
        `the answer names issuer ${JSON.stringify(iss.slice(0, 200))}, but the request went to ${recorded === null ? 'a server without metadata' : JSON.stringify(recorded)}: a possible mix-up attack, so it was ignored.`,
      )
  } else if (pending.issParameterSupported)
    throw fail(
      `the answer has no iss, although ${pending.issuer} says it always sends one: it was ignored.`,
    )
  const error = params.get('error')
  if (error !== null) {
    const description = params.get('error_description')
    throw fail(
      `the authorization server answered ${error.slice(0, 60)}${description ? ` (${description.slice(0, 200)})` : ''}.${error === 'access_denied' ? ' The user declined, or the server refused this client.' : ''}`,
    )
  }
  const code = params.get('code')
  if (!code) throw fail('the answer carries no authorization code.')
  return code
}

/** The answer's parameters: the query, or the fragment for a fragment response mode. */
function answerParams(url: URL): URLSearchParams {
  if (url.searchParams.has('state') || url.searchParams.has('code'))
    return url.searchParams
  return new URLSearchParams(url.hash.replace(/^#/, ''))
}
