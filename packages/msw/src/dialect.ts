import type { ModernDialect } from './modern/dialect.js'
import type { StreamableHTTPDialect } from './streamable-http/dialect.js'

/**
 * How the `endpoint` event names the URL to POST to (always with `?sessionId=`):
 * - `'relative'`: a path, `/message?sessionId=…` (the reference servers)
 * - `'absolute'`: a full URL, `http://localhost:3001/message?sessionId=…`
 * - `'json'`: a JSON object, `{"endpoint":"/message?sessionId=…"}`
 * - `'none'`: no `endpoint` event; the client must fall back to its configured POST path
 * - `{ crossOrigin }`: a full URL on another origin, to test that a client refuses it. POSTs that
 *   arrive there anyway are handled and recorded in `received` with their `url`.
 */
export type EndpointDialect =
  'relative' | 'absolute' | 'json' | 'none' | { crossOrigin: string }

/** Dialect fields both transports read. */
export interface CommonDialect {
  /**
   * Send JSON-RPC messages as bare `data:` frames with no `event: message` line.
   *
   * @defaultValue `false`
   * @example
   * ```ts
   * dialect: { unnamedEvents: true }
   * ```
   */
  unnamedEvents?: boolean
  /**
   * Send a keep-alive every `intervalMs` (on the HTTP+SSE stream, or on Streamable HTTP GET
   * streams): a comment line (`: ping`), a named `event: heartbeat`, or an unnamed `data:` frame
   * holding `{"type":"heartbeat"}` (which is not JSON-RPC).
   *
   * @defaultValue `undefined` (no heartbeat)
   * @example
   * ```ts
   * dialect: { heartbeat: { intervalMs: 15_000, as: 'comment' } }
   * ```
   */
  heartbeat?: { intervalMs: number; as: 'comment' | 'event' | 'data' }
  /**
   * Require a header on every request; without it the server answers `401`.
   *
   * @defaultValue `undefined` (no auth)
   * @example
   * ```ts
   * dialect: { auth: { header: 'Authorization', value: 'Bearer secret' } }
   * ```
   */
  auth?: { header: string; value: string }
  /**
   * A `retry:` field in milliseconds, so clients reconnect after this long instead of their
   * default. HTTP+SSE: sent when the stream opens. Streamable HTTP: sent in priming events and
   * before the server closes a stream it means to go on with.
   *
   * @defaultValue `undefined`
   * @example
   * ```ts
   * dialect: { retry: 50 } // fast EventSource reconnects in browser tests
   * ```
   */
  retry?: number
}

/** The ways real HTTP+SSE MCP servers differ from one another. */
export interface SSEDialect {
  /**
   * How the first event names the POST endpoint.
   *
   * @defaultValue `'relative'`
   * @example
   * ```ts
   * dialect: { endpoint: { crossOrigin: 'http://evil.test' } }
   * ```
   */
  endpoint?: EndpointDialect
  /**
   * Where answers to the client's requests go. `'stream'`: the POST answers `202 Accepted` and the
   * JSON-RPC response is sent as an SSE event. `'post-body'`: the POST answers `200` with the
   * response as `application/json` (notifications and responses still get `202`).
   *
   * @defaultValue `'stream'`
   * @example
   * ```ts
   * dialect: { answers: 'post-body' } // like the FastAPI tutorial servers
   * ```
   */
  answers?: 'stream' | 'post-body'
  /**
   * On stream open, send the session id inside a message,
   * `{"jsonrpc":"2.0","method":"notifications/initialized","params":{"sessionId":"…"}}`.
   * POSTs must then carry `?sessionId=`. Usually paired with `endpoint: 'none'`.
   *
   * @defaultValue `false`
   * @example
   * ```ts
   * dialect: { endpoint: 'none', sessionIdInMessage: true }
   * ```
   */
  sessionIdInMessage?: boolean
  /**
   * Raw `data:` payload sent as an unnamed frame before anything else.
   *
   * @defaultValue `undefined` (no greeting)
   * @example
   * ```ts
   * dialect: { greeting: '{"status":"connected"}' }
   * ```
   */
  greeting?: string
}

/**
 * The server's dialect: the fields of {@link CommonDialect}, of {@link SSEDialect} (read when
 * `transport: 'sse'`), of {@link StreamableHTTPDialect} (read when
 * `transport: 'streamable-http'`) and of {@link ModernDialect} (protocol 2026-07-28). Every
 * field is optional.
 */
export interface MCPServerDialect
  extends CommonDialect, SSEDialect, StreamableHTTPDialect, ModernDialect {}
