import type { JSONRPCMessage } from './jsonrpc'

/**
 * Everything that crosses the wire, as the client saw it. The inspector's raw log is built on these;
 * they are built only while someone listens (`client.onWire`), so a client nobody inspects pays
 * nothing for them.
 */
export type WireEvent = WireEventBase &
  (
    | {
        type: 'stream-open'
        url: string
        status: number
        via: 'eventsource' | 'fetch'
      }
    | { type: 'stream-close'; reason: string }
    | {
        type: 'stream-error'
        url: string
        status?: number
        message: string
      }
    /** One SSE frame exactly as parsed, heartbeats included. */
    | { type: 'sse-frame'; event: string; id?: string; data: string }
    /** A comment line (`: keep-alive`), which servers use as a heartbeat. */
    | { type: 'sse-comment'; text: string }
    /** Where POSTs go from now on, and how the client learned it. */
    | {
        type: 'endpoint'
        url: string
        source: 'event' | 'fallback' | 'message'
      }
    | {
        type: 'message-in'
        message: JSONRPCMessage
        via: 'stream' | 'post-body'
      }
    | { type: 'message-out'; message: JSONRPCMessage }
    /** One finished POST: `status` is null when the request never got an answer. */
    | {
        type: 'post'
        url: string
        headers: Record<string, string>
        body: string
        status: number | null
        durationMs: number
        error?: string
      }
    /** Data that is not JSON or not JSON-RPC; the client ignored it. */
    | { type: 'parse-error'; data: string; message: string }
    /** A response nobody waits for: an unknown id, or a second answer to the same id. */
    | {
        type: 'unmatched-response'
        message: JSONRPCMessage
        reason: 'unknown-id' | 'duplicate'
      }
    | { type: 'retry'; attempt: number; delayMs: number; reason: string }
  )

export interface WireEventBase {
  /** Milliseconds since the epoch. */
  time: number
  /** Increases by one per event of this client. */
  seq: number
}

export type WireEventType = WireEvent['type']

export type WireListener = (event: WireEvent) => void
