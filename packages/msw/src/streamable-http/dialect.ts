import type { RequestMatcher } from '../state.js'

/**
 * The ways real Streamable HTTP MCP servers differ from one another, and the faults they show.
 * Every field is optional; they apply when `transport: 'streamable-http'`.
 */
export interface StreamableHTTPDialect {
  /**
   * How a POSTed request is answered: `'sse'` opens an SSE stream that carries the request's
   * progress, log lines and server-to-client requests, then its answer; `'json'` answers with one
   * `application/json` body (like the SDK's `enableJsonResponse`). In `'json'` mode the messages
   * tied to a request go on the session's GET stream if one is open, and are dropped otherwise.
   *
   * @defaultValue `'sse'`
   * @example
   * ```ts
   * dialect: { response: 'json' }
   * ```
   */
  response?: 'sse' | 'json'
  /**
   * No sessions: `initialize` gets no `Mcp-Session-Id`, no request needs one, GET and DELETE
   * answer `405` (or what `getStream` says), and the server cannot push anything on its own.
   *
   * @defaultValue `false`
   * @example
   * ```ts
   * dialect: { stateless: true, response: 'json' } // the SDK's stateless JSON server
   * ```
   */
  stateless?: boolean
  /**
   * Whether GET opens the standalone server-to-client stream. `false` or `405`: the server
   * offers none (`405 Method Not Allowed`, as the spec says); `404`: answered `404`, as some
   * servers do.
   *
   * @defaultValue `true`
   * @example
   * ```ts
   * dialect: { getStream: 404 }
   * ```
   */
  getStream?: boolean | 404 | 405
  /**
   * Whether DELETE ends the session (`200`). `false`: DELETE answers `405`, and the session lives on.
   *
   * @defaultValue `true`
   * @example
   * ```ts
   * dialect: { deleteSession: false }
   * ```
   */
  deleteSession?: boolean
  /**
   * Give every SSE event an `id:` (`<stream>_<n>`) and keep each stream's events, so a GET with
   * `Last-Event-ID` replays what came after that id on that stream and carries on with it.
   * Without ids nothing can be resumed: messages sent while no connection is open are lost.
   *
   * @defaultValue `true`
   * @example
   * ```ts
   * dialect: { eventIds: false } // like a server without an event store
   * ```
   */
  eventIds?: boolean
  /**
   * Start every SSE stream with a priming event (an `id:` and empty `data:`, with `retry:` when
   * set), as 2025-11-25 servers do. Sent only to sessions that negotiated 2025-11-25 or later,
   * and only with `eventIds`.
   *
   * @defaultValue `true`
   * @example
   * ```ts
   * dialect: { priming: false }
   * ```
   */
  priming?: boolean
  /**
   * SSE polling (2025-11-25): close each POST's stream (but `initialize`'s) right after its
   * priming event, with a
   * `retry:` field (`retry`, else 1000 ms). The rest of the stream, the answer included, is kept
   * and delivered when the client resumes with GET and `Last-Event-ID`. Implies a priming event.
   *
   * @defaultValue `false`
   * @example
   * ```ts
   * dialect: { closeAfterPriming: true, retry: 500 }
   * ```
   */
  closeAfterPriming?: boolean
  /**
   * Requests with this method (or accepted by the predicate) have their POST stream broken off
   * (the body errors, as a dropped connection's does; msw's Node interceptor ends it instead)
   * after everything but the answer. With `eventIds` the
   * answer is kept for a GET with `Last-Event-ID`; without them it is lost.
   *
   * @defaultValue `undefined` (no stream is cut)
   * @example
   * ```ts
   * dialect: { cutBeforeAnswer: 'tools/call' }
   * ```
   */
  cutBeforeAnswer?: string | RequestMatcher
  /**
   * Where progress and log notifications of a request go: `'request'`, on the request's own
   * POST stream; `'get'`, on the session's GET stream only, with no link to the request but
   * the `progressToken`, as some servers do.
   *
   * @defaultValue `'request'`
   * @example
   * ```ts
   * dialect: { notificationsOn: 'get' }
   * ```
   */
  notificationsOn?: 'request' | 'get'
  /**
   * Push a notification on the `initialize` POST's stream before its answer (only with
   * `response: 'sse'`). `true` sends a log line (`notifications/message`, level `info`).
   *
   * @defaultValue `false`
   * @example
   * ```ts
   * dialect: { notifyBeforeInitialize: { method: 'notifications/tools/list_changed' } }
   * ```
   */
  notifyBeforeInitialize?:
    boolean | { method: string; params?: Record<string, unknown> }
  /**
   * Milliseconds before the server starts to answer each POST (no headers until then), like a
   * gateway that starts a process per request.
   *
   * @defaultValue `0`
   * @example
   * ```ts
   * dialect: { firstByteDelay: 1500 }
   * ```
   */
  firstByteDelay?: number
  /**
   * A session that takes no request for this many milliseconds expires: its streams close and
   * the next request that names it gets `404`.
   *
   * @defaultValue `undefined` (sessions live until DELETE, `expireSessions()` or `reset()`)
   * @example
   * ```ts
   * dialect: { sessionTimeout: 100 }
   * ```
   */
  sessionTimeout?: number
  /**
   * Answer `400` to requests of a 2025-06-18+ session that lack `MCP-Protocol-Version` or name
   * a version other than the negotiated one. Without it only unsupported versions get `400`
   * (a missing header means 2025-03-26, as the spec says).
   *
   * @defaultValue `false`
   * @example
   * ```ts
   * dialect: { requireProtocolVersionHeader: true }
   * ```
   */
  requireProtocolVersionHeader?: boolean
}
