import { MCPError } from '../errors'
import { inBrowser } from './browser-authorize'
import type { FlowSettings } from './flow'
import { isLoopback } from './http'
import type { AuthorizeFunction, OAuthOptions } from './options'
import { resolveStorage, type OAuthStorage } from './storage'

export interface ResolvedOAuthOptions {
  readonly flow: FlowSettings
  readonly storage: OAuthStorage
  readonly authorize: AuthorizeFunction | undefined
  readonly waitForSignIn: boolean
  readonly authorizeTimeout: number
}

const AUTH_METHODS = ['none', 'client_secret_basic', 'client_secret_post']

/** Checks `oauth()`'s options; misuse throws at once with the fix in the message. */
export function resolveOAuthOptions(
  options: OAuthOptions,
): ResolvedOAuthOptions {
  const misuse = (detail: string) =>
    new MCPError('invalid-options', `oauth(): ${detail}`)
  if (typeof options !== 'object' || options === null)
    throw misuse('pass an options object with at least redirectUri.')
  const redirectUri = toUrl(options.redirectUri)
  if (!redirectUri)
    throw misuse(
      'redirectUri must be an absolute URL, where the authorization server sends the browser back.',
    )
  if (redirectUri.hash !== '')
    throw misuse('redirectUri must not have a fragment (#…).')
  if (
    (redirectUri.protocol === 'http:' && !isLoopback(redirectUri.hostname)) ||
    ['javascript:', 'data:', 'file:', 'blob:'].includes(redirectUri.protocol)
  )
    throw misuse(
      `redirectUri ${redirectUri.origin} must use HTTPS (plain HTTP only on localhost) or a native app's own scheme.`,
    )
  let clientMetadataUrl: string | undefined
  if (options.clientMetadataUrl !== undefined) {
    const url = toUrl(options.clientMetadataUrl)
    if (
      !url ||
      url.protocol !== 'https:' ||
      url.pathname === '/' ||
      url.hash !== ''
    )
      throw misuse(
        'clientMetadataUrl must be an https: URL with a path (e.g. https://app.example.com/oauth/client.json), the address of your Client ID Metadata Document.',
      )
    clientMetadataUrl = String(options.clientMetadataUrl)
  }
  if (options.clientSecret !== undefined && options.clientId === undefined)
    throw misuse('clientSecret was given without clientId.')
  for (const [name, value] of [
    ['clientId', options.clientId],
    ['clientSecret', options.clientSecret],
    ['clientName', options.clientName],
    ['scope', options.scope],
  ] as const)
    if (value !== undefined && typeof value !== 'string')
      throw misuse(`${name} must be a string.`)
  if (
    options.tokenEndpointAuthMethod !== undefined &&
    !AUTH_METHODS.includes(options.tokenEndpointAuthMethod)
  )
    throw misuse(
      `tokenEndpointAuthMethod must be one of ${AUTH_METHODS.join(', ')}.`,
    )
  if (
    options.applicationType !== undefined &&
    options.applicationType !== 'web' &&
    options.applicationType !== 'native'
  )
    throw misuse("applicationType must be 'web' or 'native'.")
  if (
    options.authorize !== undefined &&
    typeof options.authorize !== 'function'
  )
    throw misuse(
      'authorize must be a function (authorizationUrl, { signal }) => callback URL.',
    )
  const timeout = options.authorizeTimeout ?? 600_000
  if (!(typeof timeout === 'number' && timeout > 0))
    throw misuse('authorizeTimeout must be a positive number of milliseconds.')
  const origins = (options.allowedEndpointOrigins ?? []).map((origin) => {
    const url = toUrl(origin)
    if (!url)
      throw misuse(
        `allowedEndpointOrigins holds ${JSON.stringify(origin)}, which is no URL.`,
      )
    return url.origin
  })
  // A page on localhost is a "locally-hosted web application": MCP says native for those.
  const applicationType =
    options.applicationType ??
    (inBrowser() && !isLoopback(redirectUri.hostname) ? 'web' : 'native')
  return {
    flow: {
      redirectUri: redirectUri.href,
      clientName: options.clientName ?? 'MCP client',
      ...(clientMetadataUrl !== undefined && { clientMetadataUrl }),
      ...(options.clientId !== undefined && { clientId: options.clientId }),
      ...(options.clientSecret !== undefined && {
        clientSecret: options.clientSecret,
      }),
      ...(options.tokenEndpointAuthMethod !== undefined && {
        tokenEndpointAuthMethod: options.tokenEndpointAuthMethod,
      }),
      applicationType,
      applicationTypeGiven: options.applicationType !== undefined,
      ...(options.scope !== undefined && { scope: options.scope }),
      allowedEndpointOrigins: origins,
    },
    storage: resolveStorage(options.storage),
    authorize: options.authorize,
    waitForSignIn: options.waitForSignIn ?? false,
    authorizeTimeout: timeout,
  }
}

function toUrl(value: unknown): URL | null {
  if (!(typeof value === 'string' || value instanceof URL)) return null
  try {
    return new URL(value)
  } catch {
    return null
  }
}
