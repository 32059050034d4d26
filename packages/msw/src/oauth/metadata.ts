import type { AuthorizationState } from './authorization-state.js'

/** Where RFC 8414 puts the metadata of `issuer`: the well-known path, then the issuer's path. */
export function metadataUrl(issuer: string): string {
  const url = new URL(issuer)
  const path = url.pathname.replace(/\/+$/, '')
  return `${url.origin}/.well-known/oauth-authorization-server${path}`
}

/** The Authorization Server Metadata document (RFC 8414 §2). */
export function serverMetadata(
  state: AuthorizationState,
): Record<string, unknown> {
  const { options } = state
  const methods = ['none', 'client_secret_basic', 'client_secret_post']
  return {
    issuer: state.issuer,
    authorization_endpoint: state.endpoint('/authorize'),
    token_endpoint: state.endpoint('/token'),
    ...(options.registration !== false && {
      registration_endpoint: state.endpoint('/register'),
    }),
    revocation_endpoint: state.endpoint('/revoke'),
    ...(options.scopes && { scopes_supported: options.scopes }),
    response_types_supported: ['code'],
    grant_types_supported: [
      'authorization_code',
      ...(options.refreshTokens === false ? [] : ['refresh_token']),
    ],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: methods,
    revocation_endpoint_auth_methods_supported: methods,
    authorization_response_iss_parameter_supported: true,
  }
}
