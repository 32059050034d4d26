import {
  idKey,
  isRequest,
  isResponse,
  type JsonRpcId,
  type JsonRpcMessage,
} from './jsonrpc'
import type { MessageSink } from './sinks'

/** A request of the page in flight: where its answer, and what belongs to it, are sent. */
export interface Exchange {
  sink: MessageSink
  progressToken: JsonRpcId | undefined
}

/** Notifications about the server's state, not about any one request: the GET stream's. */
function isStateChange(method: string): boolean {
  return (
    method.endsWith('/list_changed') ||
    method === 'notifications/resources/updated'
  )
}

/**
 * Where a message from the server's stdout goes: the key of the POST stream it belongs to, or
 * `null` for the GET stream. stdio carries no "related request", so: an answer goes with its
 * request; progress with the request that named its token; anything else the server says while
 * exactly one request runs (log messages, sampling or elicitation requests) goes with that
 * request; the rest, and everything that a JSON-only POST cannot carry, goes to the GET stream.
 * An answer whose request is gone (the page aborted the POST) goes nowhere: `undefined`.
 */
export function destinationOf(
  message: JsonRpcMessage,
  exchanges: ReadonlyMap<string, Exchange>,
): string | null | undefined {
  if (isResponse(message)) {
    if (message.id === undefined || message.id === null) return undefined
    const key = idKey(message.id)
    return exchanges.has(key) ? key : undefined
  }
  const streaming = [...exchanges].filter(([, e]) => e.sink.streams)
  if (message.method === 'notifications/progress') {
    const token = (message.params as { progressToken?: unknown } | undefined)
      ?.progressToken
    const owner = streaming.find(
      ([, e]) => e.progressToken !== undefined && e.progressToken === token,
    )
    return owner?.[0] ?? null
  }
  if (
    !isRequest(message) &&
    message.method !== undefined &&
    isStateChange(message.method)
  )
    return null
  return streaming.length === 1 ? (streaming[0]?.[0] ?? null) : null
}
