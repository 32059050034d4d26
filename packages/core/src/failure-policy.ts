import { MCPError } from './errors'
import type { PendingRequest } from './pending-request'

/** Failures that another attempt cannot fix: retrying would only hammer the server. */
const FATAL: ReadonlySet<string> = new Set([
  'unauthorized',
  'cross-origin-endpoint',
  'protocol',
  'invalid-options',
])

/** Whether a failed connection attempt is worth another after backoff. */
export function worthRetrying(error: MCPError): boolean {
  return !FATAL.has(error.code)
}

/** What the client ends with once its reconnect attempts are spent: the last failure, said so. */
export function gaveUpReconnecting(last: MCPError, attempts: number): MCPError {
  return new MCPError(
    last.code,
    `Gave up reconnecting after ${attempts} attempts. Last failure: ${last.message}`,
    { cause: last, status: last.status },
  )
}

/** How long a POST that got no answer waits for the stream to tell whether the server is gone. */
const POST_FAILURE_GRACE_MS = 1000

export interface SendFailureContext {
  reconnectEnabled: boolean
  ready(): boolean
  /** The server forgot the session: open a new one. */
  recover(error: MCPError): void
  /** Rejects `entry` with `error` unless it was sent again since `attempt`. */
  failAttempt(entry: PendingRequest, attempt: number, error: MCPError): void
}

/**
 * What to do with a request whose send failed: send it again once a session is ready, reject it,
 * or hold it while the stream has a moment to report that the server went away.
 */
export function onSendFailure(
  entry: PendingRequest,
  error: MCPError,
  context: SendFailureContext,
): 'retry' | 'reject' | 'hold' {
  if (!context.reconnectEnabled) return 'reject'
  if (error.code === 'session-expired') {
    // The server never saw this request, so any request may be re-sent on the new session.
    entry.sent = false
    if (context.ready()) context.recover(error)
    return 'retry'
  }
  if (error.code === 'connection-lost' && entry.repeatable) return 'retry'
  if (error.code === 'network' && context.ready()) {
    // A POST with no HTTP answer often means the server just died, and the stream reports the
    // drop a moment later: then the request is re-sent, or fails as connection-lost, like any
    // other in flight. If the stream stays up, the POST endpoint itself is unreachable.
    const { attempt } = entry
    setTimeout(() => {
      if (context.ready()) context.failAttempt(entry, attempt, error)
    }, POST_FAILURE_GRACE_MS)
    return 'hold'
  }
  return 'reject'
}
