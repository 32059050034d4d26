import type { TransportKind } from '@mcp-sse/core'
import { headersOf } from '../connect/config'
import type { Session } from '../sessions/store'
import type { CurlRequest } from './curl'
import type { LogEntry } from './entry'

/** The first revision whose HTTP requests carry `MCP-Protocol-Version`. */
const VERSION_HEADER_SINCE = '2025-06-18'

/** Finds a live session of the inspector by name. */
export type FindSession = (id: string) => Session | undefined

/** How the entry's session reached its server: the live session knows; an imported log is read. */
function transportOf(find: FindSession, entry: LogEntry): TransportKind | null {
  const live = find(entry.session)?.client.getSnapshot().transport
  if (live != null) return live
  const event = entry.event
  if (event.type !== 'post') return null
  const names = Object.keys(event.headers).map((h) => h.toLowerCase())
  if (event.responseHeaders !== undefined || names.includes('mcp-session-id'))
    return 'streamable-http'
  return /[?&]session_?id=/i.test(event.url) ? 'sse' : null
}

function streamUrlOf(find: FindSession, entry: LogEntry): string | undefined {
  const session = find(entry.session)
  if (session === undefined) return undefined
  const path = session.config.sseEndpoint.trim() || '/sse'
  const url = session.client.url
  return new URL(url).pathname.endsWith(path)
    ? url
    : `${url.replace(/\/+$/, '')}${path}`
}

/** The POST a row stands for, when it is one (a `post` event, or an outgoing message). */
export function requestOf(
  find: FindSession,
  entry: LogEntry,
): CurlRequest | null {
  const event = entry.event
  const common = {
    transport: transportOf(find, entry),
    freshId: `curl-${entry.n}`,
    streamUrl: streamUrlOf(find, entry),
  }
  if (event.type === 'post')
    return {
      url: event.url,
      headers: event.headers,
      body: event.body,
      ...common,
    }
  if (event.type !== 'message-out') return null
  const session = find(entry.session)
  const snap = session?.client.getSnapshot()
  if (session === undefined || snap == null || snap.endpoint === null)
    return null
  const headers = headersOf(session.config)
  if (snap.transport === 'streamable-http') {
    if (snap.sessionId !== null) headers['Mcp-Session-Id'] = snap.sessionId
    if (
      snap.protocolVersion !== null &&
      snap.protocolVersion >= VERSION_HEADER_SINCE
    )
      headers['MCP-Protocol-Version'] = snap.protocolVersion
  }
  return {
    url: snap.endpoint,
    headers,
    body: JSON.stringify(event.message),
    ...common,
  }
}

export function replayable(entry: LogEntry): boolean {
  return entry.event.type === 'message-out' && entry.rpcKind === 'request'
}

/** Re-sends an outgoing request; its traffic lands in the log like any other. */
export function replay(find: FindSession, entry: LogEntry): string {
  const session = find(entry.session)
  if (entry.event.type !== 'message-out' || !('method' in entry.event.message))
    return ''
  if (session === undefined || !session.client.getSnapshot().connected) {
    return `Session ${entry.session} is not connected.`
  }
  // The old progress token belongs to the old request.
  const { _meta, ...params } = entry.event.message.params ?? {}
  session.client.request(entry.event.message.method, params).catch(() => {
    // The answer, or the error, is in the log.
  })
  return 'Sent again'
}
