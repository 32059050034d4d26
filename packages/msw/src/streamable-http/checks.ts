import { HttpResponse } from 'msw'
import type { ServerState } from '../state.js'
import { isAtLeast, legacyVersions } from '../versions.js'
import type { Session } from '../session.js'

/** An HTTP error whose body is a JSON-RPC error without an id, as the SDK's servers answer. */
export function httpError(
  status: number,
  message: string,
  headers: Record<string, string>,
  code = -32000,
): Response {
  return HttpResponse.json(
    { jsonrpc: '2.0', error: { code, message }, id: null },
    { status, headers },
  )
}

/** A Streamable HTTP POST must accept both answer shapes: `406` otherwise. */
export function refuseUnacceptable(
  request: Request,
  cors: Record<string, string>,
): Response | undefined {
  if (
    accepts(request, 'application/json') &&
    accepts(request, 'text/event-stream')
  )
    return undefined
  return httpError(
    406,
    'Not Acceptable: Accept must list both application/json and text/event-stream',
    cors,
  )
}

/** Whether the request's `Accept` header lists `type` (or a wildcard that covers it). */
export function accepts(request: Request, type: string): boolean {
  const accept = request.headers.get('accept') ?? ''
  const [major] = type.split('/')
  return accept
    .split(',')
    .map((part) => part.split(';')[0]?.trim().toLowerCase())
    .some(
      (listed) =>
        listed === type || listed === `${major}/*` || listed === '*/*',
    )
}

/** The versions a session may negotiate and name in `MCP-Protocol-Version` (2025 era). */
export function supportedVersions(state: ServerState): readonly string[] {
  return legacyVersions(state.options)
}

/**
 * The session the request names in `Mcp-Session-Id`, or the answer it gets: `400` without one,
 * `404` for one the server does not know (never issued, ended or expired).
 */
export function namedSession(
  state: ServerState,
  request: Request,
  cors: Record<string, string>,
): Session | Response {
  const id = request.headers.get('mcp-session-id')
  if (id === null) {
    return httpError(
      400,
      'Bad Request: Mcp-Session-Id header is required (send initialize first)',
      cors,
    )
  }
  return (
    state.sessions.get(id) ??
    httpError(404, `Session not found: ${id}`, cors, -32001)
  )
}

/** `MCP-Protocol-Version` must name a version the server speaks; the strict dialect wants more. */
export function versionProblem(
  state: ServerState,
  session: Session,
  request: Request,
): string | undefined {
  const header = request.headers.get('mcp-protocol-version')
  const versions = supportedVersions(state)
  if (header !== null && !versions.includes(header)) {
    return `Bad Request: Unsupported protocol version ${header} (supported versions: ${versions.join(', ')})`
  }
  const negotiated = session.protocolVersion
  if (
    state.dialect.requireProtocolVersionHeader !== true ||
    !isAtLeast(negotiated, '2025-06-18')
  )
    return undefined
  if (header === null)
    return 'Bad Request: MCP-Protocol-Version header is required'
  if (header !== negotiated)
    return `Bad Request: MCP-Protocol-Version ${header} is not the negotiated ${negotiated ?? ''}`
  return undefined
}
