/**
 * Every failure the client reports is an `MCPError`. `code` says what kind of failure it is, so
 * callers can branch on it; `message` says what happened and what to do about it.
 */
export type MCPErrorCode =
  /** The client was used wrongly (bad option, method called in the wrong state). */
  | 'invalid-options'
  /** A request was made while the client was idle or closed: call `connect()` first. */
  | 'not-connected'
  /** The server answered with an HTTP status the client cannot use (see `status`). */
  | 'http'
  /** 401 or 403: credentials are missing or refused. */
  | 'unauthorized'
  /** The server no longer knows the session (404 on a POST); the client starts a new one. */
  | 'session-expired'
  /** The request never reached the server or its answer was unreadable (refused, DNS, CORS). */
  | 'network'
  /** The stream answered with something other than `text/event-stream`. */
  | 'bad-content-type'
  /** The server named a POST endpoint on another origin that the user did not allow. */
  | 'cross-origin-endpoint'
  /** No answer arrived in time. */
  | 'timeout'
  /** The caller aborted the request through its `AbortSignal`. */
  | 'aborted'
  /** The connection dropped while the request was in flight and it is not safe to repeat. */
  | 'connection-lost'
  /** The client was disconnected by its owner. */
  | 'closed'
  /** The server answered the request with a JSON-RPC error (see `rpcCode` and `data`). */
  | 'rpc'
  /** The server broke the protocol (unsupported version, malformed initialize result). */
  | 'protocol'

export interface MCPErrorOptions {
  cause?: unknown
  /** HTTP status, where the failure came from an HTTP answer. */
  status?: number
  /** JSON-RPC error code, for `code: 'rpc'`. */
  rpcCode?: number
  /** JSON-RPC error data, for `code: 'rpc'`. */
  data?: unknown
}

export class MCPError extends Error {
  override readonly name = 'MCPError'
  readonly code: MCPErrorCode
  readonly status: number | undefined
  readonly rpcCode: number | undefined
  readonly data: unknown

  constructor(
    code: MCPErrorCode,
    message: string,
    options: MCPErrorOptions = {},
  ) {
    super(
      message,
      options.cause === undefined ? undefined : { cause: options.cause },
    )
    this.code = code
    this.status = options.status
    this.rpcCode = options.rpcCode
    this.data = options.data
  }
}

/** True for an `MCPError`, optionally of one of the given codes. */
export function isMCPError(
  value: unknown,
  ...codes: MCPErrorCode[]
): value is MCPError {
  return (
    value instanceof MCPError &&
    (codes.length === 0 || codes.includes(value.code))
  )
}
