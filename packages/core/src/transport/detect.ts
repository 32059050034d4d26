import { MCPError } from '../errors'
import type { MCPSSEClientOptions } from '../options'
import type { ResolvedUrls } from '../url'
import type { TransportKind } from '../wire'

/** One way to reach the server: a transport and its URL (the MCP endpoint, or the SSE stream). */
export interface TransportPlan {
  kind: TransportKind
  url: URL
}

const LABEL: Record<TransportKind, string> = {
  sse: 'HTTP+SSE',
  'streamable-http': 'Streamable HTTP',
}

export function describePlan(plan: TransportPlan): string {
  return `${LABEL[plan.kind]} (${plan.kind === 'sse' ? 'GET' : 'POST'} ${plan.url.href})`
}

function isBareOrigin(url: URL): boolean {
  return url.pathname === '/' || url.pathname === ''
}

/**
 * The ways to try, in order. A URL that names an SSE stream, or explicit SSE paths, mean HTTP+SSE
 * with no probe. Otherwise Streamable HTTP at the URL (no extra round trip for a server given by
 * its endpoint), then `/mcp` for a bare origin, then HTTP+SSE at the base URL + `sseEndpoint`.
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
  const streamable: TransportPlan[] = [
    { kind: 'streamable-http', url: urls.given },
  ]
  if (isBareOrigin(urls.given))
    streamable.push({
      kind: 'streamable-http',
      url: new URL('/mcp', urls.given),
    })
  if (wanted === 'streamable-http') return streamable
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
