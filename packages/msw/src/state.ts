import type {
  MockPrompt,
  MockResource,
  MockResourceTemplate,
  MockTool,
} from './definitions.js'
import type { MCPServerDialect, MCPServerOptions } from './options.js'
import type { Session } from './session.js'
import type {
  JSONRPCMessage,
  JSONRPCNotification,
  JSONRPCRequest,
} from './types.js'

/** A JSON-RPC message the server took in, for assertions. */
export interface ReceivedMessage {
  /** The session it was posted to; `undefined` when the dialect allows POSTs without one. */
  sessionId: string | undefined
  message: JSONRPCMessage
  /** The URL it was posted to (with its query). */
  url: string
  /** The POST's headers, lower-cased names. */
  headers: Record<string, string>
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
  dialect: MCPServerDialect
  tools: MockTool[]
  resources: MockResource[]
  resourceTemplates: MockResourceTemplate[]
  prompts: MockPrompt[]
  sessions: Map<string, Session>
  /** Sessions forgotten by `expireSessions()` whose stream is still open (closed on `reset()`). */
  expired: Set<Session>
  received: ReceivedMessage[]
  /** Called with each message as it is recorded (for `waitForMessage`). */
  receivedListeners: Set<(entry: ReceivedMessage) => void>
  delayMs: number
  fail: {
    stream?: FailStatus
    post?: FailStatus
    streamLeft: number
    postLeft: number
  }
  neverAnswer: RequestMatcher | undefined
  nextRequestId: number
}

export function sendTo(
  state: ServerState,
  message: JSONRPCMessage,
  sessionId?: string,
): void {
  const unnamed = state.dialect.unnamedEvents === true
  for (const session of state.sessions.values()) {
    if (sessionId === undefined || session.id === sessionId) {
      session.send(message, unnamed)
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
