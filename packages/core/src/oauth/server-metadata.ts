import { signInError } from './errors'
import { isRecord, parseUrl, requestJson, requireSecure } from './http'

/** What the flow needs from an authorization server, validated. */
export interface ServerMetadata {
  /** The validated `issuer`; null for a 2025-03-26 server without metadata. */
  readonly issuer: string | null
  readonly authorizationEndpoint: URL
  readonly tokenEndpoint: URL
  readonly registrationEndpoint: URL | null
  /** RFC 7009: where `signOut()` revokes tokens; null when the server has none. */
  readonly revocationEndpoint: URL | null
  readonly scopesSupported: readonly string[] | null
  readonly tokenEndpointAuthMethods: readonly string[] | null
  /** `authorization_response_iss_parameter_supported` (RFC 9207). */
  readonly issParameterSupported: boolean
  readonly clientIdMetadataDocumentSupported: boolean
}

/**
 * Where metadata for `issuer` may be, in the order MCP 2025-11-25 gives: RFC 8414 with path
 * insertion, OpenID Connect with path insertion, OpenID Connect with the path appended.
 */
export function serverMetadataUrls(issuer: URL): URL[] {
  const path = issuer.pathname.replace(/\/$/, '')
  const at = (p: string) => new URL(p, issuer.origin)
  if (path === '')
    return [
      at('/.well-known/oauth-authorization-server'),
      at('/.well-known/openid-configuration'),
    ]
  return [
    at(`/.well-known/oauth-authorization-server${path}`),
    at(`/.well-known/openid-configuration${path}`),
    at(`${path}/.well-known/openid-configuration`),
  ]
}

/**
 * Fetches and validates the metadata of the authorization server `issuer` (a string exactly as
 * the resource metadata gives it). Resolves null when no location has a document, so a
 * 2025-03-26 caller can use the default endpoints; any other problem rejects.
 */
export async function discoverServerMetadata(
  fetchImpl: typeof fetch,
  issuer: string,
  signal: AbortSignal,
  allowedOrigins: readonly string[],
): Promise<ServerMetadata | null> {
  const issuerUrl = parseUrl(issuer)
  if (!issuerUrl)
    throw signInError(
      'authorization server metadata',
      `the authorization server ${JSON.stringify(issuer.slice(0, 200))} is no URL.`,
    )
  requireSecure(
    issuerUrl,
    'authorization server',
    'authorization server metadata',
  )
  for (const url of serverMetadataUrls(issuerUrl)) {
    let answer
    try {
      answer = await requestJson(
        fetchImpl,
        url,
        { headers: { Accept: 'application/json' } },
        signal,
      )
    } catch (cause) {
      if (signal.aborted) throw cause
      continue
    }
    if (!answer.response.ok || !isRecord(answer.body)) continue
    return validate(answer.body, issuer, url, allowedOrigins)
  }
  return null
}

function validate(
  doc: Record<string, unknown>,
  expected: string,
  url: URL,
  allowedOrigins: readonly string[],
): ServerMetadata {
  const fail = (detail: string) =>
    signInError('authorization server metadata', detail)
  // RFC 8414 §3.3: the document must name the issuer its URL was built from. One tolerance: a
  // trailing slash the resource metadata added to an issuer published without it.
  const issuer = doc.issuer
  if (
    typeof issuer !== 'string' ||
    (issuer !== expected &&
      !(expected.endsWith('/') && issuer === expected.slice(0, -1)))
  )
    throw fail(
      `the metadata at ${url.href} names issuer ${JSON.stringify(String(issuer).slice(0, 200))}, not ${JSON.stringify(expected)}; it cannot be trusted and was not used.`,
    )
  const methods = stringList(doc.code_challenge_methods_supported)
  if (!methods?.includes('S256'))
    throw fail(
      `${issuer} does not support PKCE with S256 (code_challenge_methods_supported is ${methods ? JSON.stringify(methods) : 'absent'}); signing in without it is unsafe, so the client refuses.`,
    )
  const issuerOrigin = new URL(issuer).origin
  const endpoint = (name: string, required: boolean): URL | null => {
    const value = doc[name]
    if (value === undefined && !required) return null
    const parsed = parseUrl(value)
    if (!parsed) throw fail(`the metadata of ${issuer} has no valid ${name}.`)
    requireSecure(parsed, name, 'authorization server metadata')
    // The code, verifier, secrets and tokens go to these: only to the issuer's origin unless allowed.
    if (
      name !== 'authorization_endpoint' &&
      parsed.origin !== issuerOrigin &&
      !allowedOrigins.includes(parsed.origin)
    )
      throw fail(
        `the metadata of ${issuer} names a ${name} on another origin (${parsed.origin}). If that host belongs to the authorization server, list it in allowedEndpointOrigins.`,
      )
    return parsed
  }
  return {
    issuer,
    authorizationEndpoint: endpoint('authorization_endpoint', true) as URL,
    tokenEndpoint: endpoint('token_endpoint', true) as URL,
    registrationEndpoint: endpoint('registration_endpoint', false),
    revocationEndpoint: optionalEndpoint(() =>
      endpoint('revocation_endpoint', false),
    ),
    scopesSupported: stringList(doc.scopes_supported),
    tokenEndpointAuthMethods: stringList(
      doc.token_endpoint_auth_methods_supported,
    ),
    issParameterSupported:
      doc.authorization_response_iss_parameter_supported === true,
    clientIdMetadataDocumentSupported:
      doc.client_id_metadata_document_supported === true,
  }
}

/** The 2025-03-26 defaults for a server with no metadata: `/authorize`, `/token`, `/register`. */
export function defaultServerMetadata(origin: string): ServerMetadata {
  return {
    issuer: null,
    authorizationEndpoint: new URL('/authorize', origin),
    tokenEndpoint: new URL('/token', origin),
    registrationEndpoint: new URL('/register', origin),
    revocationEndpoint: null,
    scopesSupported: null,
    tokenEndpointAuthMethods: null,
    issParameterSupported: false,
    clientIdMetadataDocumentSupported: false,
  }
}

/** An endpoint only signing out uses: one that would fail validation is left unused instead. */
function optionalEndpoint(read: () => URL | null): URL | null {
  try {
    return read()
  } catch {
    return null
  }
}

function stringList(value: unknown): string[] | null {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
    ? value
    : null
}
