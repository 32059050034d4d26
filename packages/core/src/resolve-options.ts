import { MODERN_PROTOCOL_VERSION, isModernVersion } from './modern/revision'
import type { AuthProvider } from './auth'
import { resolveReconnect, type ResolvedReconnect } from './backoff'
import { MCPError } from './errors'
import type { EventSourceConstructor, MCPSSEClientOptions } from './options'
import type { ClientCapabilities, Implementation } from './protocol'
import { planTransports, type TransportPlan } from './transport/detect'
import { resolveUrls } from './url'
import {
  INITIALIZE_PROTOCOL_VERSIONS,
  SUPPORTED_PROTOCOL_VERSIONS,
} from './protocol'
import { VERSION } from './version'

export interface ResolvedOptions {
  /** The URL the user gave. */
  url: URL
  /** The ways to reach the server, in the order they are tried. */
  plans: TransportPlan[]
  /** The revision asked for in `initialize`. */
  protocolVersion: string
  /** The revision asked for first on the stateless way (2026-07-28). */
  modernVersion: string
  auth: AuthProvider | undefined
  streamUrl: URL
  fallbackPostUrl: URL
  headers: Record<string, string>
  allowedOrigins: readonly string[]
  requestTimeout: number
  resetTimeoutOnProgress: boolean
  maxTotalTimeout: number | undefined
  reconnect: ResolvedReconnect
  keepAliveTimeout: number
  endpointTimeout: number
  connectTimeout: number
  clientInfo: Implementation
  capabilities: ClientCapabilities
  via: 'eventsource' | 'fetch'
  withCredentials: boolean
  fetch: typeof fetch
  EventSource: EventSourceConstructor | undefined
}

function positive(
  name: string,
  value: number | undefined,
  fallback: number,
  allowZero = false,
): number {
  const resolved = value ?? fallback
  const ok =
    Number.isFinite(resolved) && (allowZero ? resolved >= 0 : resolved > 0)
  if (!ok) {
    throw new MCPError(
      'invalid-options',
      `${name} must be a ${allowZero ? 'non-negative' : 'positive'} number of milliseconds, not ${String(value)}.`,
    )
  }
  return resolved
}

/** Validates options at construction, so misuse fails at once with the fix in the message. */
export function resolveOptions(options: MCPSSEClientOptions): ResolvedOptions {
  if (typeof options?.url !== 'string' || options.url === '') {
    throw new MCPError(
      'invalid-options',
      "MCPSSEClient needs a url, e.g. new MCPSSEClient({ url: 'http://localhost:3001' }).",
    )
  }
  const urls = resolveUrls(
    options.url,
    options.sseEndpoint ?? '/sse',
    options.postEndpoint ?? '/message',
  )
  const transport = options.transport ?? 'auto'
  if (!['auto', 'sse', 'streamable-http'].includes(transport)) {
    throw new MCPError(
      'invalid-options',
      `transport must be 'auto', 'sse' or 'streamable-http', not ${JSON.stringify(transport)}.`,
    )
  }
  const pin = options.protocolVersion
  const protocolVersion =
    pin === undefined || isModernVersion(pin)
      ? INITIALIZE_PROTOCOL_VERSIONS[0]
      : pin
  if (
    pin !== undefined &&
    !(SUPPORTED_PROTOCOL_VERSIONS as readonly string[]).includes(pin)
  ) {
    throw new MCPError(
      'invalid-options',
      `protocolVersion ${JSON.stringify(pin)} is not one this client speaks (${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}).`,
    )
  }
  if (isModernVersion(pin) && transport === 'sse') {
    throw new MCPError(
      'invalid-options',
      "Protocol 2026-07-28 has no HTTP+SSE transport; use transport: 'streamable-http' or 'auto', or pin an older protocolVersion.",
    )
  }
  if (protocolVersion === '2024-11-05' && transport === 'streamable-http') {
    throw new MCPError(
      'invalid-options',
      "Protocol 2024-11-05 has no Streamable HTTP transport; use transport: 'sse' or a newer protocolVersion.",
    )
  }
  const headers = { ...options.headers }
  const baseFetch = options.fetch ?? globalThis.fetch?.bind(globalThis)
  if (typeof baseFetch !== 'function') {
    throw new MCPError(
      'invalid-options',
      'No fetch is available here; pass one in the fetch option.',
    )
  }
  // Every HTTP request of the connection goes through the auth provider, which adds credentials.
  const fetchImpl = options.auth
    ? options.auth.wrapFetch(baseFetch, urls.given)
    : baseFetch
  const EventSourceImpl =
    options.EventSource ??
    (globalThis as { EventSource?: EventSourceConstructor }).EventSource
  const wanted = options.stream ?? 'auto'
  const hasHeaders =
    Object.keys(headers).length > 0 || options.auth !== undefined
  if (wanted === 'eventsource' && hasHeaders) {
    throw new MCPError(
      'invalid-options',
      "EventSource cannot send headers; use stream: 'fetch' (or 'auto') with the headers option.",
    )
  }
  if (wanted === 'eventsource' && !EventSourceImpl) {
    throw new MCPError(
      'invalid-options',
      "stream: 'eventsource' needs an EventSource; there is none here. Pass one in the EventSource option or use stream: 'fetch'.",
    )
  }
  // EventSource hides comment lines, the commonest heartbeat, so a keep-alive check needs fetch.
  const watchesSilence = (options.keepAliveTimeout ?? 0) > 0
  const via =
    wanted === 'fetch' ||
    (wanted === 'auto' && watchesSilence) ||
    hasHeaders ||
    !EventSourceImpl
      ? 'fetch'
      : 'eventsource'
  return {
    url: urls.given,
    plans: planTransports(options, urls),
    protocolVersion,
    modernVersion:
      pin !== undefined && isModernVersion(pin) ? pin : MODERN_PROTOCOL_VERSION,
    auth: options.auth,
    streamUrl: urls.stream,
    fallbackPostUrl: urls.fallbackPost,
    headers,
    allowedOrigins: [...(options.allowedOrigins ?? [])],
    requestTimeout: positive('requestTimeout', options.requestTimeout, 60_000),
    resetTimeoutOnProgress: options.resetTimeoutOnProgress ?? false,
    maxTotalTimeout:
      options.maxTotalTimeout === undefined
        ? undefined
        : positive('maxTotalTimeout', options.maxTotalTimeout, 0),
    reconnect: resolveReconnect(options.reconnect),
    keepAliveTimeout: positive(
      'keepAliveTimeout',
      options.keepAliveTimeout,
      0,
      true,
    ),
    endpointTimeout: positive(
      'endpointTimeout',
      options.endpointTimeout,
      1000,
      true,
    ),
    connectTimeout: positive('connectTimeout', options.connectTimeout, 30_000),
    clientInfo: options.clientInfo ?? {
      name: '@mcp-sse/core',
      version: VERSION,
    },
    capabilities: options.capabilities ?? {},
    via,
    withCredentials: options.withCredentials ?? false,
    fetch: fetchImpl,
    EventSource: EventSourceImpl,
  }
}
