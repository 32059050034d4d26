import type { JSONRPCMessage, RequestId } from './jsonrpc'

/** How the client reaches the server: HTTP+SSE (2024-11-05) or Streamable HTTP (2025-03-26 on). */
export type TransportKind = 'sse' | 'streamable-http'

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
        /** `get`: Streamable HTTP's GET stream for server-initiated messages; absent on HTTP+SSE. */
        stream?: 'get'
        /** The `Last-Event-ID` this stream resumed from, when it resumed. */
        lastEventId?: string
        /** Response headers that matter for MCP (session, protocol version, content type). */
        responseHeaders?: Record<string, string>
      }
    | { type: 'stream-close'; reason: string }
    | {
        type: 'stream-error'
        url: string
        status?: number
        message: string
      }
    /** One SSE frame exactly as parsed, heartbeats included. */
    | {
        type: 'sse-frame'
        event: string
        id?: string
        data: string
        /** The answer stream of the POST that carried request `requestId` (Streamable HTTP). */
        requestId?: RequestId
        /**
         * `get`: Streamable HTTP's GET stream; `listen`: the `subscriptions/listen` stream of
         * protocol 2026-07-28; absent for HTTP+SSE's stream and POST bodies.
         */
        stream?: 'get' | 'listen'
      }
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
        /** For `post-body`: the request whose POST answer carried it, when it was a request. */
        requestId?: RequestId
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
        /** Response headers that matter for MCP: `mcp-session-id`, `mcp-protocol-version`, `content-type`. */
        responseHeaders?: Record<string, string>
      }
    /** The client ended its Streamable HTTP session (DELETE). */
    | { type: 'session-end'; url: string; status: number | null }
    /**
     * Transport detection: one attempt to reach the server one way (`transport: 'auto'`). `ok`: this
     * way works; `fallback`: it does not, the next is tried; `fail`: no way is left.
     */
    | {
        type: 'probe'
        url: string
        transport: TransportKind
        /** The 2026-07-28 way (`server/discover`, no session) rather than `initialize`. */
        modern?: boolean
        outcome: 'ok' | 'fallback' | 'fail'
        status?: number
        reason?: string
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
    /**
     * A tool the client left out of `tools/list` because its definition is invalid (protocol
     * 2026-07-28's `x-mcp-header` rules); calling it is refused.
     */
    | { type: 'tool-rejected'; tool: string; reason: string }
    /**
     * Request `requestId` was answered `input_required` (a multi round-trip request): the client
     * gathers `inputs` and sends the next round under a new id. `firstRequestId` is the id the
     * exchange began with, so its rounds can be shown together.
     */
    | {
        type: 'input-required'
        requestId: RequestId
        firstRequestId: RequestId
        round: number
        inputs: string[]
      }
    /**
     * Request `requestId`, about to be sent, is round `round` (2 on) of the multi round-trip
     * exchange that began as `firstRequestId`: it carries the answers the last round asked for.
     */
    | {
        type: 'input-round'
        requestId: RequestId
        firstRequestId: RequestId
        round: number
      }
  )

export interface WireEventBase {
  /** Milliseconds since the epoch. */
  time: number
  /** Increases by one per event of this client. */
  seq: number
}

export type WireEventType = WireEvent['type']

export type WireListener = (event: WireEvent) => void
