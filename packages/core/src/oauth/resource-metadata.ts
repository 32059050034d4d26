import { signInError } from './errors'
import { isRecord, parseUrl, requestJson } from './http'

/** A Protected Resource Metadata document (RFC 9728), validated against the server. */
export interface ResourceMetadata {
  /** Where the document was found. */
  readonly url: string
  /** The resource identifier exactly as the document gives it: sent as `resource`. */
  readonly resource: string
  /** Issuer identifiers, exactly as given; the first is used. */
  readonly authorizationServers: readonly string[]
  readonly scopesSupported: readonly string[] | null
}

const WELL_KNOWN = '/.well-known/oauth-protected-resource'

/** The well-known locations for the server at `url`, path-aware first (MCP 2025-11-25). */
export function resourceMetadataUrls(url: URL): URL[] {
  const root = new URL(WELL_KNOWN, url.origin)
  const path = url.pathname.replace(/\/$/, '')
  if (path === '') return [root]
  return [new URL(`${WELL_KNOWN}${path}`, url.origin), root]
}

/**
 * Finds the server's Protected Resource Metadata: at the challenge's `resource_metadata` when it
 * names one, else at the well-known URLs in order. Resolves null when no well-known URL has one
 * (a 2025-03-26 server); rejects when the named document cannot be used.
 */
export async function discoverResourceMetadata(
  fetchImpl: typeof fetch,
  serverUrl: URL,
  fromChallenge: string | undefined,
  signal: AbortSignal,
): Promise<ResourceMetadata | null> {
  if (fromChallenge !== undefined) {
    const url = parseUrl(fromChallenge, serverUrl)
    if (!url)
      throw signInError(
        'protected resource metadata',
        `the server's WWW-Authenticate names resource_metadata="${fromChallenge.slice(0, 200)}", which is no URL.`,
      )
    const found = await fetchDocument(fetchImpl, url, signal)
    if (typeof found === 'string')
      throw signInError(
        'protected resource metadata',
        `the server named ${url.href} as its resource metadata, but ${found}. The server must serve its metadata there.`,
      )
    return validate(found, url, serverUrl)
  }
  for (const url of resourceMetadataUrls(serverUrl)) {
    const found = await fetchDocument(fetchImpl, url, signal)
    if (typeof found !== 'string') return validate(found, url, serverUrl)
  }
  return null
}

/** The document, or why there is none at `url`. */
async function fetchDocument(
  fetchImpl: typeof fetch,
  url: URL,
  signal: AbortSignal,
): Promise<Record<string, unknown> | string> {
  try {
    const { response, body } = await requestJson(
      fetchImpl,
      url,
      { headers: { Accept: 'application/json' } },
      signal,
    )
    if (!response.ok) return `it answered ${response.status}`
    if (!isRecord(body)) return 'its answer is not a JSON object'
    return body
  } catch (cause) {
    if (signal.aborted) throw cause
    return `it could not be fetched (${String(cause)})`
  }
}

function validate(
  document: Record<string, unknown>,
  url: URL,
  serverUrl: URL,
): ResourceMetadata {
  const { resource, authorization_servers: servers } = document
  if (typeof resource !== 'string' || !resourceMatches(resource, serverUrl))
    throw signInError(
      'protected resource metadata',
      `the metadata at ${url.href} is for resource ${JSON.stringify(String(resource).slice(0, 200))}, not for ${serverUrl.origin}${serverUrl.pathname}. Refusing to sign in to another server's authorization server: check the MCP server's configuration.`,
    )
  if (
    !Array.isArray(servers) ||
    servers.length === 0 ||
    !servers.every((s) => parseUrl(s) !== null)
  )
    throw signInError(
      'protected resource metadata',
      `the metadata at ${url.href} lists no authorization server (authorization_servers must hold at least one URL).`,
    )
  const scopes = document.scopes_supported
  return {
    url: url.href,
    resource,
    authorizationServers: servers as string[],
    scopesSupported:
      Array.isArray(scopes) && scopes.every((s) => typeof s === 'string')
        ? scopes
        : null,
  }
}

/**
 * The metadata is for this server when its resource has the server's origin and a path that is
 * the server's path or a parent of it (a root document names the origin).
 */
export function resourceMatches(resource: string, serverUrl: URL): boolean {
  const url = parseUrl(resource)
  if (!url || url.hash !== '' || url.origin !== serverUrl.origin) return false
  const path = url.pathname.replace(/\/$/, '')
  return (
    path === '' ||
    serverUrl.pathname === path ||
    serverUrl.pathname.startsWith(`${path}/`)
  )
}
