import { authenticateClient } from './client-auth'
import { signInError, type SignInStep } from './errors'
import { isRecord, oauthErrorText, requestJson } from './http'
import { scopeList } from './scope'
import type { ClientRecord } from './storage'

/** A token endpoint's successful answer, checked. */
export interface IssuedTokens {
  readonly accessToken: string
  readonly refreshToken?: string
  readonly expiresAt: number | null
  /** As granted; null when the answer does not say (then it is what was asked for). */
  readonly scopes: readonly string[] | null
}

/** A refresh the server refused for good (`invalid_grant`): sign in again. */
export class RefreshRejected extends Error {}

/** Redeems an authorization code (OAuth 2.1 §4.1.3) with the PKCE verifier and `resource`. */
export function exchangeCode(
  fetchImpl: typeof fetch,
  endpoint: URL,
  client: ClientRecord,
  grant: {
    code: string
    verifier: string
    redirectUri: string
    resource: string
  },
  signal: AbortSignal,
): Promise<IssuedTokens> {
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code: grant.code,
    redirect_uri: grant.redirectUri,
    code_verifier: grant.verifier,
    resource: grant.resource,
  })
  return tokenRequest(
    fetchImpl,
    endpoint,
    client,
    body,
    'token exchange',
    signal,
  )
}

/** Trades a refresh token for new tokens (OAuth 2.1 §4.3), for the same `resource`. */
export function refreshTokens(
  fetchImpl: typeof fetch,
  endpoint: URL,
  client: ClientRecord,
  refreshToken: string,
  resource: string,
  signal: AbortSignal,
): Promise<IssuedTokens> {
  const body = new URLSearchParams({
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    resource,
  })
  return tokenRequest(
    fetchImpl,
    endpoint,
    client,
    body,
    'token refresh',
    signal,
  )
}

async function tokenRequest(
  fetchImpl: typeof fetch,
  endpoint: URL,
  client: ClientRecord,
  body: URLSearchParams,
  step: SignInStep,
  signal: AbortSignal,
): Promise<IssuedTokens> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Accept: 'application/json',
  }
  authenticateClient(client, headers, body)
  let answer
  try {
    answer = await requestJson(
      fetchImpl,
      endpoint,
      { method: 'POST', headers, body: body.toString() },
      signal,
    )
  } catch (cause) {
    if (signal.aborted) throw cause
    throw signInError(
      step,
      `${endpoint.href} could not be reached (${String(cause)}).`,
      { cause },
    )
  }
  const { response, body: json } = answer
  if (!response.ok) {
    const said = oauthErrorText(json)
    if (
      step === 'token refresh' &&
      isRecord(json) &&
      json.error === 'invalid_grant'
    )
      throw new RefreshRejected(said ?? 'invalid_grant')
    throw signInError(
      step,
      `${endpoint.href} answered ${response.status}${said ? `: ${said}` : ''}.`,
      { status: response.status },
    )
  }
  return readTokens(json, endpoint, step)
}

/** Checks a token answer. Messages never quote it: it may hold a token. */
function readTokens(
  json: unknown,
  endpoint: URL,
  step: SignInStep,
): IssuedTokens {
  const fail = (detail: string) =>
    signInError(step, `the answer from ${endpoint.href} ${detail}`)
  if (
    !isRecord(json) ||
    typeof json.access_token !== 'string' ||
    json.access_token === ''
  )
    throw fail('holds no access_token.')
  const type = json.token_type
  if (
    type !== undefined &&
    (typeof type !== 'string' || type.toLowerCase() !== 'bearer')
  )
    throw fail(
      `is a ${typeof type === 'string' ? JSON.stringify(type.slice(0, 20)) : 'malformed'} token, not a Bearer token; this client sends only Bearer tokens.`,
    )
  const lifetime = Number(json.expires_in)
  return {
    accessToken: json.access_token,
    ...(typeof json.refresh_token === 'string' &&
      json.refresh_token !== '' && { refreshToken: json.refresh_token }),
    expiresAt:
      json.expires_in !== undefined && Number.isFinite(lifetime) && lifetime > 0
        ? Date.now() + lifetime * 1000
        : null,
    scopes: typeof json.scope === 'string' ? scopeList(json.scope) : null,
  }
}
