import type { ResolvedReconnect } from '../../backoff'
import type { WireTap } from '../../wire-tap'

/** What every request of one Streamable HTTP session shares. */
export interface StreamableHTTPConfig {
  /** The MCP endpoint: POST, GET and DELETE all go here. */
  url: URL
  headers: Record<string, string>
  withCredentials: boolean
  fetch: typeof fetch
  wire: WireTap
  /** Delays for re-opening the GET stream and resuming answer streams when the server sets none. */
  reconnect: ResolvedReconnect
}

/** Response headers worth showing on the wire tap: never credentials. */
const SHOWN_RESPONSE_HEADERS = [
  'content-type',
  'mcp-session-id',
  'mcp-protocol-version',
] as const

export function shownHeaders(headers: Headers): Record<string, string> {
  const shown: Record<string, string> = {}
  for (const name of SHOWN_RESPONSE_HEADERS) {
    const value = headers.get(name)
    if (value !== null) shown[name] = value
  }
  return shown
}

/** The first revision whose HTTP requests carry `MCP-Protocol-Version`. */
const VERSION_HEADER_SINCE = '2025-06-18'

/** The headers of a request on the session: the user's, the session id, the agreed version. */
export function sessionHeaders(
  config: StreamableHTTPConfig,
  sessionId: string | null,
  protocolVersion: string | null,
  extra: Record<string, string>,
): Record<string, string> {
  const headers: Record<string, string> = { ...extra, ...config.headers }
  if (sessionId !== null) headers['Mcp-Session-Id'] = sessionId
  // Revisions are dates, so string order is time order.
  if (protocolVersion !== null && protocolVersion >= VERSION_HEADER_SINCE)
    headers['MCP-Protocol-Version'] = protocolVersion
  return headers
}

export function credentials(config: StreamableHTTPConfig): RequestCredentials {
  return config.withCredentials ? 'include' : 'same-origin'
}
