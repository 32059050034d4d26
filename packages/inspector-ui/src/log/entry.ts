import type { JSONRPCMessage, WireEvent } from '@mcp-sse/core'

/** Where an event went: out of the page, into it, or neither (stream bookkeeping). */
export type Direction = 'out' | 'in' | 'none'

/** One row of the raw log: a wire event plus what the filters and the JSON-RPC view need. */
export interface LogEntry {
  /** Unique across the whole log, increasing; rows are keyed by it. */
  readonly n: number
  /** The inspector session the event belongs to. */
  readonly session: string
  readonly event: WireEvent
  readonly dir: Direction
  /** JSON-RPC method, for requests and notifications, and for answers once paired. */
  method: string | undefined
  /** JSON-RPC id, for requests and answers. */
  readonly rpcId: string | number | undefined
  readonly rpcKind: 'request' | 'notification' | 'response' | undefined
  readonly isError: boolean
  /** Not a failure, but something the user should notice (a tool the client left out). */
  readonly isWarning: boolean
  /**
   * Which stream or HTTP exchange carried it: `GET` (Streamable HTTP's GET stream), `POST #7` (the
   * answer stream of the POST of request 7), `SSE` (HTTP+SSE's stream), `LISTEN` (the
   * `subscriptions/listen` request of protocol 2026-07-28 and its stream), `POST`, `DELETE`, `probe`.
   */
  readonly stream: string
  /** A request the server sent to the client, or the client's answer to one. */
  readonly serverRequest: boolean
  /** An outgoing request the client cancelled (`notifications/cancelled`) before its answer. */
  cancelled: boolean
  /** `n` of the other half of a request/answer pair. */
  pair: number | undefined
  /** Milliseconds between a request and its answer (set on both halves). */
  latencyMs: number | undefined
  /**
   * A multi round-trip request (2026-07-28): `n` of the request that began the exchange, on every
   * round's request, answer and `input-required` row; `round` counts from 1.
   */
  exchange: number | undefined
  round: number | undefined
  /** Lower-cased JSON of the event, built the first time a search needs it. */
  text?: string
}

function messageOf(event: WireEvent): JSONRPCMessage | undefined {
  if (
    event.type === 'message-in' ||
    event.type === 'message-out' ||
    event.type === 'unmatched-response'
  ) {
    return event.message
  }
  return undefined
}

function directionOf(event: WireEvent): Direction {
  switch (event.type) {
    case 'message-out':
    case 'post':
    case 'session-end':
      return 'out'
    case 'message-in':
    case 'sse-frame':
    case 'sse-comment':
    case 'unmatched-response':
    case 'parse-error':
      return 'in'
    default:
      return 'none'
  }
}

function errorOf(
  event: WireEvent,
  message: JSONRPCMessage | undefined,
): boolean {
  switch (event.type) {
    case 'stream-error':
    case 'parse-error':
    case 'unmatched-response':
      return true
    case 'post':
      return event.status === null || event.status >= 400
    case 'stream-open':
      return event.status >= 400
    case 'probe':
      return event.outcome === 'fail'
    default:
      return (
        message !== undefined &&
        ('error' in message ||
          // A tool that failed answers with a result that says so (isError), not a JSON-RPC error.
          ('result' in message && message.result.isError === true))
      )
  }
}

/** The label of protocol 2026-07-28's one notification stream and the request that opens it. */
export const LISTEN = 'LISTEN'

/** A header's value by name, whatever its case. */
export function headerOf(
  headers: Record<string, string>,
  name: string,
): string | undefined {
  for (const [key, value] of Object.entries(headers))
    if (key.toLowerCase() === name) return value
  return undefined
}

/** The label of the stream a frame came on; see `LogEntry.stream`. */
export function streamOf(event: WireEvent, lastFrame: string): string {
  switch (event.type) {
    case 'stream-open':
      return event.stream === 'get' ? 'GET' : 'SSE'
    case 'sse-frame':
      if (event.stream === 'listen') return LISTEN
      if (event.requestId !== undefined)
        return `POST #${String(event.requestId)}`
      return event.stream === 'get' ? 'GET' : 'SSE'
    case 'message-in':
      if (event.via === 'post-body') {
        return event.requestId === undefined
          ? 'POST'
          : `POST #${String(event.requestId)}`
      }
      return lastFrame
    case 'message-out':
      return 'method' in event.message &&
        event.message.method === 'subscriptions/listen'
        ? LISTEN
        : 'POST'
    case 'post':
      return headerOf(event.headers, 'mcp-method') === 'subscriptions/listen'
        ? LISTEN
        : 'POST'
    case 'session-end':
      return 'DELETE'
    case 'probe':
      return 'probe'
    default:
      return ''
  }
}

/** Derives the row fields from a wire event. Cheap on purpose: an import builds 100,000 of these. */
export function createEntry(
  n: number,
  session: string,
  event: WireEvent,
  /** The stream label of this session's last SSE frame: where a message from "the stream" came. */
  lastFrame = 'stream',
): LogEntry {
  const message = messageOf(event)
  let method: string | undefined
  let rpcId: string | number | undefined
  let rpcKind: LogEntry['rpcKind']
  if (message !== undefined) {
    if ('method' in message) {
      method = message.method
      rpcKind =
        'id' in message && message.id !== undefined ? 'request' : 'notification'
    } else {
      rpcKind = 'response'
    }
    if ('id' in message && message.id !== undefined && message.id !== null) {
      rpcId = message.id
    }
  }
  const dir = directionOf(event)
  return {
    n,
    session,
    event,
    dir,
    stream: streamOf(event, lastFrame),
    serverRequest:
      (rpcKind === 'request' && dir === 'in') ||
      (rpcKind === 'response' && event.type === 'message-out'),
    cancelled: false,
    method,
    rpcId,
    rpcKind,
    isError: errorOf(event, message),
    isWarning: event.type === 'tool-rejected',
    pair: undefined,
    latencyMs: undefined,
    exchange: undefined,
    round: undefined,
  }
}

/** A one-line description of the event for its row. */
export function summarize(entry: LogEntry): string {
  const event = entry.event
  switch (event.type) {
    case 'stream-open':
      return `${event.status} ${event.url} (${event.via})${event.lastEventId === undefined ? '' : ` resumed after ${event.lastEventId}`}`
    case 'stream-close':
      return event.reason
    case 'stream-error':
      return `${event.status ?? ''} ${event.message}`.trim()
    case 'sse-frame':
      return `event: ${event.event}${event.id === undefined ? '' : ` id: ${event.id}`}  ${clip(event.data)}`
    case 'sse-comment':
      return `: ${event.text}`
    case 'endpoint':
      return `${event.url} (from ${event.source})`
    case 'post':
      return `${event.status ?? 'failed'} ${event.url} ${Math.round(event.durationMs)} ms${contentType(event.responseHeaders)}${event.error ? ` ${event.error}` : ''}`
    case 'session-end':
      return `DELETE ${event.url}: ${event.status ?? 'no answer'}`
    case 'probe':
      return `${event.modern === true ? '2026-07-28 (server/discover)' : event.transport} at ${event.url}: ${event.outcome}${event.status === undefined ? '' : ` (${event.status})`}${event.reason ? ` ${event.reason}` : ''}`
    case 'parse-error':
      return `${event.message}: ${clip(event.data)}`
    case 'retry':
      return `attempt ${event.attempt} in ${Math.round(event.delayMs)} ms: ${event.reason}`
    case 'tool-rejected':
      return `${event.tool} not callable: ${event.reason}`
    case 'input-required':
      return `#${String(event.requestId)} round ${event.round} needs ${event.inputs.join(', ')}`
    case 'input-round':
      return `#${String(event.requestId)} is round ${event.round} of #${String(event.firstRequestId)}`
    case 'message-in':
    case 'message-out':
    case 'unmatched-response':
      return describeMessage(event.message)
  }
}

function contentType(headers: Record<string, string> | undefined): string {
  const type = headers?.['content-type']
  return type === undefined ? '' : ` · ${type}`
}

function describeMessage(message: JSONRPCMessage): string {
  if ('error' in message) {
    return `error ${message.error.code}: ${message.error.message}`
  }
  if ('result' in message) return clip(JSON.stringify(message.result))
  return message.params === undefined
    ? ''
    : clip(JSON.stringify(message.params))
}

function clip(text: string): string {
  return text.length > 240 ? `${text.slice(0, 240)}…` : text
}
