import type {
  JSONRPCMessage,
  JSONRPCNotification,
  JSONRPCRequest,
  RequestId,
} from '@mcp-sse/core'
import type { PendingClientRequest } from './client-requests.js'
import type {
  MockPrompt,
  MockResource,
  MockResourceTemplate,
  MockTool,
} from './definitions.js'
import type { MCPServerDialect } from './dialect.js'
import type { EventStream } from './event-stream.js'
import type { MCPServerOptions } from './options.js'
import type { Session } from './session.js'
import type { ProtectedResource } from './oauth/protected-resource.js'
import type { IssuedState } from './modern/mrtr.js'
import type { Subscription } from './modern/subscriptions.js'
import type { ReplayStream } from './streamable-http/replay-stream.js'

/** A JSON-RPC message the server took in, for assertions. */
export interface ReceivedMessage {
  /**
   * The session it was posted to (for a Streamable HTTP `initialize`, the session it began);
   * `undefined` when the server or dialect has none.
   */
  sessionId: string | undefined
  message: JSONRPCMessage
  /** The URL it was posted to (with its query). */
  url: string
  /** The POST's headers, lower-cased names. */
  headers: Record<string, string>
}

/** One HTTP request the server's handlers answered, for assertions on what a client sent. */
export interface HTTPRequestRecord {
  /** `'GET'`, `'POST'`, `'DELETE'`, `'OPTIONS'`, … */
  method: string
  url: string
  /** Lower-cased names: `mcp-session-id`, `mcp-protocol-version`, `last-event-id`, `accept`, … */
  headers: Record<string, string>
  /**
   * The status answered; `undefined` while the answer is still being worked out (a slow
   * JSON answer), `0` for a simulated network error.
   */
  status: number | undefined
}

/** An HTTP status to answer with, or `'network'` for a failed fetch (`TypeError`). */
export type FailStatus = number | 'network'

/** Arguments of `server.fail()`. */
export interface FailOptions {
  /** How the stream GET fails. @defaultValue `undefined` (it does not) */
  stream?: FailStatus
  /** How POSTs fail. @defaultValue `undefined` (they do not) */
  post?: FailStatus
  /**
   * How many requests fail (stream and POST counted separately) before the server recovers.
   *
   * @defaultValue `Infinity`
   */
  times?: number
}

export type RequestMatcher = (request: JSONRPCRequest) => boolean

/** Everything the handlers and the controls share. */
export interface ServerState {
  options: MCPServerOptions
  /** The OAuth check, when the `auth` option protects the server. */
  protection: ProtectedResource | undefined
  dialect: MCPServerDialect
  tools: MockTool[]
  resources: MockResource[]
  resourceTemplates: MockResourceTemplate[]
  prompts: MockPrompt[]
  sessions: Map<string, Session>
  /** Sessions forgotten by `expireSessions()` whose streams stay open (closed on `reset()`). */
  expired: Set<Session>
  /** A stateless Streamable HTTP server's one stand-in session, made on first use. */
  stateless: Session | undefined
  received: ReceivedMessage[]
  /** Called with each message as it is recorded (for `waitForMessage`). */
  receivedListeners: Set<(entry: ReceivedMessage) => void>
  httpRequests: HTTPRequestRecord[]
  httpListeners: Set<(entry: HTTPRequestRecord) => void>
  /** Every SSE response body still open. */
  connections: Set<EventStream>
  /** Streamable HTTP streams a `Last-Event-ID` can resume, by stream id. */
  replayStreams: Map<string, { session: Session; stream: ReplayStream }>
  clientRequests: Map<RequestId, PendingClientRequest>
  /** Open `subscriptions/listen` streams (2026-07-28). */
  subscriptions: Set<Subscription>
  /** Every `requestState` issued, to check that retries echo one unchanged (2026-07-28). */
  issuedStates: Map<string, IssuedState>
  delayMs: number
  fail: {
    stream?: FailStatus
    post?: FailStatus
    streamLeft: number
    postLeft: number
  }
  neverAnswer: RequestMatcher | undefined
  nextRequestId: number
  nextStreamId: number
}

/** Sends a message that belongs to no request to one session or all of them. */
export function sendTo(
  state: ServerState,
  message: JSONRPCMessage,
  sessionId?: string,
): void {
  for (const session of state.sessions.values()) {
    if (sessionId === undefined || session.id === sessionId) {
      session.outlet.send(message)
    }
  }
}

export function notification(
  method: string,
  params?: Record<string, unknown>,
): JSONRPCNotification {
  return params === undefined
    ? { jsonrpc: '2.0', method }
    : { jsonrpc: '2.0', method, params }
}

/** Appends to a log and tells its listeners. */
export function record<T>(
  log: T[],
  listeners: Set<(entry: T) => void>,
  entry: T,
): void {
  log.push(entry)
  for (const listener of listeners) listener(entry)
}

/** Resolves with the first entry `accepts` takes, already logged or still to come. */
export function waitForEntry<T>(
  log: readonly T[],
  listeners: Set<(entry: T) => void>,
  accepts: (entry: T) => boolean,
  timeout: number,
  what: string,
): Promise<T> {
  const seen = log.find(accepts)
  if (seen !== undefined) return Promise.resolve(seen)
  return new Promise((resolve, reject) => {
    const listener = (entry: T) => {
      if (!accepts(entry)) return
      clearTimeout(timer)
      listeners.delete(listener)
      resolve(entry)
    }
    const timer = setTimeout(() => {
      listeners.delete(listener)
      reject(new Error(`No ${what} within ${timeout} ms`))
    }, timeout)
    listeners.add(listener)
  })
}
