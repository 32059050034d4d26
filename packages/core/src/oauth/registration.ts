import type { AuthorizationTarget } from './discovery'
import { signInError } from './errors'
import { isRecord, oauthErrorText, requestJson } from './http'
import type { TokenEndpointAuthMethod } from './options'
import type { ClientRecord, CredentialStore } from './storage'

export interface RegistrationSettings {
  readonly redirectUri: string
  readonly clientName: string
  readonly clientMetadataUrl?: string
  readonly clientId?: string
  readonly clientSecret?: string
  readonly tokenEndpointAuthMethod?: TokenEndpointAuthMethod
  readonly applicationType: 'web' | 'native'
  /** False when `applicationType` was defaulted, so a refusal may be retried with the other. */
  readonly applicationTypeGiven: boolean
}

/** The key credentials are kept under: the validated issuer, else the server's origin. */
export function issuerKey(target: AuthorizationTarget): string {
  return target.server.issuer ?? target.authorizationServer
}

/**
 * The client to sign in as, in the order MCP gives: the pre-registered one; the Client ID
 * Metadata Document where the server supports it; one registered earlier with this same
 * authorization server; a new Dynamic Client Registration (RFC 7591).
 */
export async function obtainClient(
  fetchImpl: typeof fetch,
  target: AuthorizationTarget,
  settings: RegistrationSettings,
  store: CredentialStore,
  signal: AbortSignal,
): Promise<ClientRecord> {
  const issuer = issuerKey(target)
  const methods = target.server.tokenEndpointAuthMethods
  if (settings.clientId !== undefined)
    return {
      issuer,
      clientId: settings.clientId,
      ...(settings.clientSecret !== undefined && {
        clientSecret: settings.clientSecret,
      }),
      authMethod:
        settings.tokenEndpointAuthMethod ??
        (settings.clientSecret !== undefined ? secretMethod(methods) : 'none'),
      redirectUri: settings.redirectUri,
      source: 'pre-registered',
    }
  if (
    settings.clientMetadataUrl !== undefined &&
    target.server.clientIdMetadataDocumentSupported
  )
    return {
      issuer,
      clientId: settings.clientMetadataUrl,
      authMethod: 'none',
      redirectUri: settings.redirectUri,
      source: 'metadata-document',
    }
  const stored = await store.client(issuer)
  if (stored && stored.redirectUri === settings.redirectUri) return stored
  const endpoint = target.server.registrationEndpoint
  if (!endpoint)
    throw signInError(
      'client registration',
      `${issuer} offers no Dynamic Client Registration${settings.clientMetadataUrl === undefined ? ' and no clientMetadataUrl was given' : ' nor Client ID Metadata Documents'}. Register a client there and pass its clientId (and clientSecret).`,
    )
  const first = await register(
    fetchImpl,
    endpoint,
    settings,
    settings.applicationType,
    methods,
    signal,
  )
  let answer = first
  if (
    typeof first === 'string' &&
    !settings.applicationTypeGiven &&
    /^invalid_(redirect_uri|client_metadata)/.test(first)
  ) {
    // OIDC servers tie redirect URIs to application_type; the other type may be accepted.
    const other = settings.applicationType === 'web' ? 'native' : 'web'
    answer = await register(
      fetchImpl,
      endpoint,
      settings,
      other,
      methods,
      signal,
    )
  }
  if (typeof answer === 'string')
    throw signInError(
      'client registration',
      `${endpoint.href} refused to register this client: ${answer}. Check redirectUri, or pass a pre-registered clientId.`,
    )
  const record: ClientRecord = {
    ...answer,
    issuer,
    redirectUri: settings.redirectUri,
  }
  await store.saveClient(issuer, record)
  return record
}

async function register(
  fetchImpl: typeof fetch,
  endpoint: URL,
  settings: RegistrationSettings,
  applicationType: 'web' | 'native',
  methods: readonly string[] | null,
  signal: AbortSignal,
): Promise<Omit<ClientRecord, 'issuer' | 'redirectUri'> | string> {
  const requested =
    settings.tokenEndpointAuthMethod ??
    (!methods || methods.includes('none') ? 'none' : secretMethod(methods))
  let answer
  try {
    answer = await requestJson(
      fetchImpl,
      endpoint,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
        },
        body: JSON.stringify({
          client_name: settings.clientName,
          redirect_uris: [settings.redirectUri],
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          token_endpoint_auth_method: requested,
          application_type: applicationType,
        }),
      },
      signal,
    )
  } catch (cause) {
    if (signal.aborted) throw cause
    throw signInError(
      'client registration',
      `${endpoint.href} could not be reached (${String(cause)}).`,
      { cause },
    )
  }
  const { response, body } = answer
  if (!response.ok) return oauthErrorText(body) ?? `HTTP ${response.status}`
  if (
    !isRecord(body) ||
    typeof body.client_id !== 'string' ||
    body.client_id === ''
  )
    return 'its answer holds no client_id'
  const secret =
    typeof body.client_secret === 'string' && body.client_secret !== ''
      ? body.client_secret
      : undefined
  const given =
    typeof body.token_endpoint_auth_method === 'string'
      ? body.token_endpoint_auth_method
      : undefined
  const authMethod =
    secret === undefined ? 'none' : (given ?? secretMethod(methods))
  return {
    clientId: body.client_id,
    ...(secret !== undefined && { clientSecret: secret }),
    authMethod: given === 'none' ? 'none' : authMethod,
    source: 'registered',
  }
}

/**
 * How to send a secret: Basic (RFC 7591's default) unless the server lists only
 * `client_secret_post`; not at all when it lists neither.
 */
function secretMethod(
  methods: readonly string[] | null,
): TokenEndpointAuthMethod {
  if (!methods || methods.includes('client_secret_basic'))
    return 'client_secret_basic'
  if (methods.includes('client_secret_post')) return 'client_secret_post'
  return 'none'
}
