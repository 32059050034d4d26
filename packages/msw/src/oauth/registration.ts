import { jsonAnswer, oauthError, randomValue } from './answers.js'
import type {
  AuthMethod,
  AuthorizationState,
  RegisteredClient,
} from './authorization-state.js'

const METHODS: readonly AuthMethod[] = [
  'none',
  'client_secret_basic',
  'client_secret_post',
]

/** Dynamic Client Registration (RFC 7591 §3): checks the metadata, answers 201 with the client. */
export function answerRegistration(
  state: AuthorizationState,
  request: Request,
  body: unknown,
): Response {
  const fail = (error: string, description: string) =>
    oauthError(request, state.cors, 400, error, description)
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return fail('invalid_client_metadata', 'The body must be a JSON object.')
  const metadata = body as Record<string, unknown>
  const uris = metadata.redirect_uris
  if (
    !Array.isArray(uris) ||
    uris.length === 0 ||
    !uris.every((uri) => typeof uri === 'string' && URL.canParse(uri))
  )
    return fail(
      'invalid_redirect_uri',
      'redirect_uris must list at least one absolute URL.',
    )
  // RFC 7591 §2: the default method is client_secret_basic.
  const method = metadata.token_endpoint_auth_method ?? 'client_secret_basic'
  if (!METHODS.includes(method as AuthMethod))
    return fail(
      'invalid_client_metadata',
      `token_endpoint_auth_method must be one of ${METHODS.join(', ')}.`,
    )
  const client: RegisteredClient = {
    clientId: randomValue('client'),
    ...(method !== 'none' && { clientSecret: randomValue('secret') }),
    tokenEndpointAuthMethod: method as AuthMethod,
    redirectUris: uris as string[],
    ...(typeof metadata.client_name === 'string' && {
      clientName: metadata.client_name,
    }),
    source: 'dynamic',
  }
  state.clients.set(client.clientId, client)
  return jsonAnswer(
    request,
    state.cors,
    {
      ...metadata,
      client_id: client.clientId,
      client_id_issued_at: Math.floor(Date.now() / 1000),
      ...(client.clientSecret !== undefined && {
        client_secret: client.clientSecret,
        client_secret_expires_at: 0,
      }),
      token_endpoint_auth_method: method,
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
    },
    201,
  )
}
