import type { AuthorizationState } from './authorization-state.js'

/** What the authorize endpoint does: redirect back (with a code or an error), or show an error page. */
export type AuthorizeOutcome =
  | { readonly redirect: string }
  | { readonly status: 400; readonly error: string }

/**
 * Decides an authorization request (OAuth 2.1 §4.1.1) as a user who approves would, unless
 * `deny()` said otherwise. Problems with the client or its redirect URI are shown on the page
 * (never redirected, RFC 6749 §4.1.2.1); the others go back to the client as `error`.
 */
export function decideAuthorization(
  state: AuthorizationState,
  url: URL,
): AuthorizeOutcome {
  const q = url.searchParams
  const clientId = q.get('client_id')
  const client = clientId === null ? undefined : state.clients.get(clientId)
  if (!client)
    return {
      status: 400,
      error: `Unknown client_id ${JSON.stringify(clientId)}.`,
    }
  const redirectUri = q.get('redirect_uri')
  if (redirectUri === null || !client.redirectUris.includes(redirectUri))
    return {
      status: 400,
      error: `redirect_uri ${JSON.stringify(redirectUri)} is not registered for ${client.clientId}.`,
    }
  const back = (params: Record<string, string>) => {
    const target = new URL(redirectUri)
    for (const [name, value] of Object.entries(params))
      target.searchParams.set(name, value)
    const stateParam = q.get('state')
    if (stateParam !== null) target.searchParams.set('state', stateParam)
    target.searchParams.set('iss', state.issuer)
    return { redirect: target.href }
  }
  const refuse = (error: string, description: string) =>
    back({ error, error_description: description })
  if (q.get('response_type') !== 'code')
    return refuse(
      'unsupported_response_type',
      'Only response_type=code is supported.',
    )
  const challenge = q.get('code_challenge')
  if (challenge === null || q.get('code_challenge_method') !== 'S256')
    return refuse(
      'invalid_request',
      'PKCE with code_challenge_method=S256 is required.',
    )
  const scopes = state.grantable(q.get('scope'))
  if (scopes === null)
    return refuse(
      'invalid_scope',
      `Supported scopes: ${(state.options.scopes ?? []).join(' ')}.`,
    )
  const denial = state.denial
  if (denial && denial.left > 0) {
    denial.left--
    if (denial.left === 0) state.denial = null
    return refuse(denial.error, denial.description)
  }
  const code = state.newCode({
    clientId: client.clientId,
    redirectUri,
    challenge,
    scopes,
    resource: q.get('resource'),
    expiresAt: Date.now() + 10 * 60_000,
  })
  return back({ code })
}
