import { MCPError } from '../errors'
import type { MCPSSEClientOptions } from '../options'
import type { ResolvedUrls } from '../url'
import { isModernVersion } from '../modern/revision'
import type { TransportKind } from '../wire'

/** One way to reach the server: a transport and its URL (the MCP endpoint, or the SSE stream). */
export interface TransportPlan {
  kind: TransportKind
  url: URL
  /** Streamable HTTP of protocol 2026-07-28: stateless, opened with `server/discover`. */
  modern?: boolean
}

const LABEL: Record<TransportKind, string> = {
  sse: 'HTTP+SSE',
  'streamable-http': 'Streamable HTTP',
}

export function describePlan(plan: TransportPlan): string {
  const label = plan.modern ? 'Streamable HTTP 2026-07-28' : LABEL[plan.kind]
  return `${label} (${plan.kind === 'sse' ? 'GET' : plan.modern ? 'POST server/discover' : 'POST initialize'} ${plan.url.href})`
}

function isBareOrigin(url: URL): boolean {
  return url.pathname === '/' || url.pathname === ''
}

/**
 * The ways to try, in order. A URL that names an SSE stream, or explicit SSE paths, mean HTTP+SSE
 * with no probe. Otherwise, at the URL (and then at `/mcp` for a bare origin): protocol 2026-07-28
 * (`server/discover`), then Streamable HTTP's `initialize` (one extra round trip for a 2025
 * server); then HTTP+SSE at the base URL + `sseEndpoint`. A `protocolVersion` pin keeps only the
 * ways that speak it.
 */
export function planTransports(
  options: MCPSSEClientOptions,
  urls: ResolvedUrls & { given: URL; namesStream: boolean },
): TransportPlan[] {
  const wanted = options.transport ?? 'auto'
  const sse: TransportPlan = { kind: 'sse', url: urls.stream }
  const legacyOnly =
    wanted === 'sse' ||
    options.protocolVersion === '2024-11-05' ||
    (wanted === 'auto' &&
      (urls.namesStream ||
        options.sseEndpoint !== undefined ||
        options.postEndpoint !== undefined))
  if (legacyOnly) return [sse]
  const pin = options.protocolVersion
  const modern = pin === undefined || isModernVersion(pin)
  const legacy = pin === undefined || !isModernVersion(pin)
  const endpoints = isBareOrigin(urls.given)
    ? [urls.given, new URL('/mcp', urls.given)]
    : [urls.given]
  const streamable = endpoints.flatMap((url): TransportPlan[] => [
    ...(modern
      ? [{ kind: 'streamable-http' as const, url, modern: true }]
      : []),
    ...(legacy ? [{ kind: 'streamable-http' as const, url }] : []),
  ])
  if (wanted === 'streamable-http' || !legacy) return streamable
  return [...streamable, sse]
}

function inBrowser(): boolean {
  return typeof (globalThis as { document?: unknown }).document === 'object'
}

/** Statuses with which a server that speaks something else turns away a POSTed `initialize`. */
const NOT_THIS_TRANSPORT = new Set([400, 404, 405, 406, 415])

/**
 * Whether a failed attempt means "not this way, try the next" or a failure to report. 401/403 is
 * an authorization failure, never a reason to try another transport.
 */
export function triesNext(error: MCPError): boolean {
  switch (error.code) {
    case 'http':
      return error.status !== undefined && NOT_THIS_TRANSPORT.has(error.status)
    case 'protocol':
    case 'bad-content-type':
      return true
    case 'network':
      // A browser hides why: a server with CORS for GET but none for POST looks just like this.
      return inBrowser()
    default:
      return false
  }
}

/**
 * Whether a failed 2026-07-28 probe also rules out `initialize` at the same URL: 405 (nothing
 * takes a POST there) or 404 at a bare origin (no MCP endpoint at the root). A 404 elsewhere does
 * not: a popular gateway answers the modern probe with a bare 404 and speaks 2025 at that URL.
 */
export function rulesOutUrl(plan: TransportPlan, error: MCPError): boolean {
  if (!plan.modern || error.code !== 'http') return false
  return (
    error.status === 405 || (error.status === 404 && isBareOrigin(plan.url))
  )
}

/** The error after every way failed: what each attempt answered, and the last one's cause. */
export function noTransportError(
  url: URL,
  failures: readonly { plan: TransportPlan; error: MCPError }[],
): MCPError {
  const last = failures[failures.length - 1]
  if (!last) throw new Error('noTransportError needs at least one failure')
  if (failures.length === 1) return last.error
  const tried = failures
    .map(
      ({ plan, error }) =>
        `${describePlan(plan)}: ${error.status ?? error.code}`,
    )
    .join('; ')
  return new MCPError(
    last.error.code,
    `No MCP server answered at ${url.href} in any way this client knows. Tried ${tried}. ` +
      `Check the URL (a Streamable HTTP server's endpoint, e.g. …/mcp, or an SSE server's stream, e.g. …/sse). ` +
      `Last failure: ${last.error.message}`,
    { cause: last.error, status: last.error.status },
  )
}
