import type { AuthProvider } from './auth'
import type { ClientCapabilities, Implementation } from './protocol'

export type HeadersInit = Record<string, string>

/** Reconnection after the stream drops or the server restarts. */
export interface ReconnectOptions {
  /**
   * Delay before the first retry, in milliseconds.
   * @defaultValue 500
   */
  initialDelay?: number
  /**
   * Upper bound for one delay, in milliseconds.
   * @defaultValue 30000
   */
  maxDelay?: number
  /**
   * Each delay is the previous one times this.
   * @defaultValue 2
   */
  factor?: number
  /**
   * Share of each delay that is random (0 to 1), so that many clients do not retry in step.
   * @defaultValue 0.5
   */
  jitter?: number
  /**
   * Retries before the client gives up and reports `error`.
   * @defaultValue Infinity
   */
  maxRetries?: number
}

/** A protocol revision the client can be pinned to. */
export type ProtocolVersionPin =
  '2024-11-05' | '2025-03-26' | '2025-06-18' | '2025-11-25' | '2026-07-28'

export interface MCPSSEClientOptions {
  /**
   * Where the server is. For Streamable HTTP, its MCP endpoint; for HTTP+SSE, its base URL
   * (`sseEndpoint` is appended) or its stream URL. A bare origin finds whichever the server speaks
   * (it also tries `/mcp` and `/sse`).
   * @example 'http://localhost:3001/mcp'
   * @example 'http://localhost:3001'
   * @example 'https://api.example.com/mcp/sse'
   */
  url: string
  /**
   * How to reach the server. `auto` POSTs `initialize` to `url` and falls back to HTTP+SSE when
   * the server does not take it; a `url` ending in `sseEndpoint`, or an explicit `sseEndpoint` or
   * `postEndpoint`, means HTTP+SSE without a probe.
   * @defaultValue 'auto'
   */
  transport?: 'auto' | 'sse' | 'streamable-http'
  /**
   * Pins the protocol revision, and with it the era: `2026-07-28` speaks only the stateless
   * revision (`server/discover`, no session); an older one is asked for in `initialize` and
   * skips the 2026-07-28 probe; `2024-11-05` also means HTTP+SSE. Unpinned, the client tries
   * 2026-07-28 first and falls back to `initialize` (newest 2025-11-25), then to HTTP+SSE.
   * @defaultValue none: the newest both sides speak
   */
  protocolVersion?: ProtocolVersionPin
  /**
   * Signs in to servers that need it, e.g. `oauth({ redirectUri })` from `@mcp-sse/core/oauth`.
   * Like `headers`, it switches the stream to `fetch`.
   * @defaultValue none
   */
  auth?: AuthProvider
  /**
   * Path of the event stream under `url`.
   * @defaultValue '/sse'
   */
  sseEndpoint?: string
  /**
   * Where to POST when the server names no endpoint (no `endpoint` event). Relative to `url`.
   * @defaultValue '/message'
   */
  postEndpoint?: string
  /**
   * Headers sent with the stream request and every POST. Needing headers switches the stream to
   * `fetch` streaming, since the browser's `EventSource` cannot send them.
   * @example { Authorization: 'Bearer sk-…' }
   */
  headers?: HeadersInit
  /**
   * Origins besides the stream's own that the server may name as its POST endpoint. The client
   * never POSTs anywhere else.
   * @defaultValue []
   * @example ['https://api.example.com']
   */
  allowedOrigins?: string[]
  /**
   * Milliseconds a request may wait for its answer.
   * @defaultValue 60000
   */
  requestTimeout?: number
  /**
   * Progress notifications restart a request's timeout.
   * @defaultValue false
   */
  resetTimeoutOnProgress?: boolean
  /**
   * Upper bound on a request's total time when progress keeps resetting its timeout.
   * @defaultValue undefined (no bound)
   */
  maxTotalTimeout?: number
  /**
   * Reconnect with exponential backoff and jitter when the stream drops; `false` turns it off.
   * @defaultValue true
   */
  reconnect?: boolean | ReconnectOptions
  /**
   * A stream silent for this many milliseconds (no frame, no comment) counts as dropped. `0` turns
   * the check off, for servers that send no heartbeats. With `stream: 'auto'` a non-zero value
   * selects fetch streaming, because EventSource does not report comment heartbeats; with
   * `stream: 'eventsource'` only events count.
   * @defaultValue 0
   */
  keepAliveTimeout?: number
  /**
   * How long to wait for an `endpoint` event after the stream opens before falling back to
   * `postEndpoint`. Any other frame ends the wait at once.
   * @defaultValue 1000
   */
  endpointTimeout?: number
  /**
   * How long `connect()` waits for the stream to open, the endpoint and the initialize answer.
   * @defaultValue 30000
   */
  connectTimeout?: number
  /**
   * What the client tells the server about itself in `initialize`.
   * @defaultValue { name: '@mcp-sse/core', version: <package version> }
   */
  clientInfo?: Implementation
  /**
   * Capabilities announced in `initialize`. Handlers for `roots/list`, `sampling/createMessage`
   * and `elicitation/create` set with `setRequestHandler` add theirs automatically.
   * @defaultValue {}
   */
  capabilities?: ClientCapabilities
  /**
   * How the stream is read: the browser's `EventSource`, `fetch` streaming, or `auto` (EventSource
   * when it exists and no headers are needed, fetch otherwise).
   * @defaultValue 'auto'
   */
  stream?: 'auto' | 'eventsource' | 'fetch'
  /**
   * Send cookies on cross-origin requests.
   * @defaultValue false
   */
  withCredentials?: boolean
  /**
   * The `fetch` to use, for tests or instrumentation.
   * @defaultValue globalThis.fetch
   */
  fetch?: typeof fetch
  /**
   * The `EventSource` constructor to use.
   * @defaultValue globalThis.EventSource
   */
  EventSource?: EventSourceConstructor
}

export interface EventSourceConstructor {
  new (url: string, init?: { withCredentials?: boolean }): EventSource
}

/** Per-request options for `request`, `callTool` and the other helpers. */
export interface RequestOptions {
  /** Aborting rejects the request with `aborted` and tells the server `notifications/cancelled`. */
  signal?: AbortSignal
  /**
   * Milliseconds to wait for the answer.
   * @defaultValue the client's `requestTimeout`
   */
  timeout?: number
  /** @defaultValue the client's `resetTimeoutOnProgress` */
  resetTimeoutOnProgress?: boolean
  /** @defaultValue the client's `maxTotalTimeout` */
  maxTotalTimeout?: number
  /** Receives `notifications/progress` for this request; a `progressToken` is attached for it. */
  onProgress?: (progress: import('./protocol').Progress) => void
}
