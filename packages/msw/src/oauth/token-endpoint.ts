import { jsonAnswer, oauthError } from './answers.js'
import type { AuthorizationState } from './authorization-state.js'
import { authenticate } from './client-auth.js'
import { verifiesS256 } from './pkce.js'

/** The token endpoint (OAuth 2.1 §3.2): authorization codes with PKCE, and refresh tokens. */
export async function answerToken(
  state: AuthorizationState,
  request: Request,
  form: URLSearchParams,
): Promise<Response> {
  const { cors } = state
  const fail = (status: number, error: string, description: string) =>
    oauthError(request, cors, status, error, description)
  const client = authenticate(state, request, form)
  if (!client)
    return fail(
      401,
      'invalid_client',
      'Unknown client or wrong client credentials.',
    )
  const resource = form.get('resource')
  const grantType = form.get('grant_type')
  if (grantType === 'authorization_code') {
    const code = form.get('code') ?? ''
    const grant = state.codes.get(code)
    // Single use (OAuth 2.1 §4.1.2): a second try with the same code fails.
    state.codes.delete(code)
    if (
      !grant ||
      grant.expiresAt <= Date.now() ||
      grant.clientId !== client.clientId
    )
      return fail(
        400,
        'invalid_grant',
        'The code is unknown, used, expired or was issued to another client.',
      )
    if (form.get('redirect_uri') !== grant.redirectUri)
      return fail(
        400,
        'invalid_grant',
        'redirect_uri differs from the authorization request.',
      )
    if (!(await verifiesS256(form.get('code_verifier') ?? '', grant.challenge)))
      return fail(
        400,
        'invalid_grant',
        'PKCE verification failed: code_verifier does not match code_challenge.',
      )
    if (
      resource !== null &&
      grant.resource !== null &&
      resource !== grant.resource
    )
      return fail(
        400,
        'invalid_target',
        'resource differs from the authorization request.',
      )
    return jsonAnswer(
      request,
      cors,
      state.issue(client.clientId, grant.scopes, grant.resource ?? resource),
    )
  }
  if (grantType === 'refresh_token') {
    const refreshToken = form.get('refresh_token') ?? ''
    const grant = state.refreshes.get(refreshToken)
    if (!grant || grant.revoked || grant.clientId !== client.clientId)
      return fail(
        400,
        'invalid_grant',
        'The refresh token is unknown, revoked or was issued to another client.',
      )
    if (
      resource !== null &&
      grant.resource !== null &&
      resource !== grant.resource
    )
      return fail(
        400,
        'invalid_target',
        'resource differs from the one the refresh token is for.',
      )
    const asked = form.get('scope')
    const scopes = asked === null ? grant.scopes : state.grantable(asked)
    if (
      scopes === null ||
      scopes.some((scope) => !grant.scopes.includes(scope))
    )
      return fail(
        400,
        'invalid_scope',
        'A refresh may only narrow the scopes granted.',
      )
    // Rotation: the old refresh token ends here; its access tokens live out their time.
    grant.revoked = true
    return jsonAnswer(
      request,
      cors,
      state.issue(client.clientId, scopes, grant.resource),
    )
  }
  return fail(
    400,
    'unsupported_grant_type',
    'Use authorization_code or refresh_token.',
  )
}

/** The revocation endpoint (RFC 7009): 200 for any token, known or not, once the client is. */
export function answerRevocation(
  state: AuthorizationState,
  request: Request,
  form: URLSearchParams,
): Response {
  const client = authenticate(state, request, form)
  if (!client)
    return oauthError(
      request,
      state.cors,
      401,
      'invalid_client',
      'Unknown client or wrong client credentials.',
    )
  const token = form.get('token') ?? ''
  const access = state.tokens.get(token)
  if (access?.clientId === client.clientId) access.revoked = true
  if (state.refreshes.get(token)?.clientId === client.clientId)
    state.revokeRefresh(token)
  return jsonAnswer(request, state.cors, {})
}
