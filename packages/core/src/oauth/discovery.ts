import { signInError } from './errors'
import {
  discoverResourceMetadata,
  type ResourceMetadata,
} from './resource-metadata'
import {
  defaultServerMetadata,
  discoverServerMetadata,
  type ServerMetadata,
} from './server-metadata'

/** Where and for what to sign in: the outcome of discovery. */
export interface AuthorizationTarget {
  /** The `resource` parameter: as the resource metadata gives it, else the server's URL. */
  readonly resource: string
  /** The resource metadata, when the server has some (2025-06-18 on). */
  readonly resourceMetadata: ResourceMetadata | null
  /** The authorization server as the resource metadata names it (its key for credentials). */
  readonly authorizationServer: string
  readonly server: ServerMetadata
}

/**
 * Discovery as MCP specifies it: the server's resource metadata names its authorization server,
 * whose metadata names the endpoints. A server without resource metadata is a 2025-03-26 one:
 * its origin is the authorization server, with metadata at the root or the default endpoints.
 */
export async function discover(
  fetchImpl: typeof fetch,
  serverUrl: URL,
  resourceMetadataUrl: string | undefined,
  signal: AbortSignal,
  allowedOrigins: readonly string[],
  /** Whether the server's refusal was a Bearer challenge: only then are bare defaults assumed. */
  bearerChallenged: boolean,
): Promise<AuthorizationTarget> {
  const prm = await discoverResourceMetadata(
    fetchImpl,
    serverUrl,
    resourceMetadataUrl,
    signal,
  )
  if (prm) {
    const issuer = prm.authorizationServers[0] as string
    const server = await discoverServerMetadata(
      fetchImpl,
      issuer,
      signal,
      allowedOrigins,
    )
    if (!server)
      throw signInError(
        'authorization server metadata',
        `${issuer} (named by ${prm.url}) serves no OAuth or OpenID Connect metadata at any well-known location.`,
      )
    return {
      resource: prm.resource,
      resourceMetadata: prm,
      authorizationServer: issuer,
      server,
    }
  }
  const origin = serverUrl.origin
  const found = await discoverServerMetadata(
    fetchImpl,
    origin,
    signal,
    allowedOrigins,
  )
  // Without any metadata, only a Bearer challenge says the server uses OAuth at all; anything
  // else (an API key server's 401) should not get registration attempts at guessed paths.
  if (!found && !bearerChallenged)
    throw signInError(
      'protected resource metadata',
      `${serverUrl.origin} publishes no OAuth metadata (no protected resource or authorization server metadata at the well-known URLs) and its refusal was no Bearer challenge, so it does not seem to use OAuth. If it takes an API key or a fixed token, pass it in the client's headers option.`,
    )
  const server = found ?? defaultServerMetadata(origin)
  return {
    resource: canonicalServerUri(serverUrl),
    resourceMetadata: null,
    authorizationServer: origin,
    server,
  }
}

/** The server's URL without query or fragment (RFC 8707 §2), the `resource` when none is named. */
export function canonicalServerUri(url: URL): string {
  const path = url.pathname === '/' ? '' : url.pathname
  return `${url.origin}${path}`
}
