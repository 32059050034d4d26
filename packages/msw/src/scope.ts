import type { LoggingLevel } from '@mcp-sse/core'
import { requestClient } from './client-requests.js'
import type { Outlet } from './outlet.js'
import type { Session } from './session.js'
import type { ServerState } from './state.js'

const LEVELS: readonly LoggingLevel[] = [
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
]

export function isLoggingLevel(value: unknown): value is LoggingLevel {
  return LEVELS.some((level) => level === value)
}

/** Whether a line at `level` passes a threshold of `floor`. */
export function atOrAbove(level: LoggingLevel, floor: LoggingLevel): boolean {
  return LEVELS.indexOf(level) >= LEVELS.indexOf(floor)
}

/** What handling one client request needs besides the request: its session, streams and era. */
export interface RequestScope {
  session: Session
  /** Where its progress and log notifications go. */
  notifications: Outlet
  /**
   * How a tool asks the client for something (`ctx.request`): a server-to-client request on a
   * stream (2025 era) or an `input_required` round (2026-07-28, MRTR).
   */
  ask: (
    method: string,
    params?: Record<string, unknown>,
  ) => Promise<Record<string, unknown>>
  /** Whether a log line at `level` may be sent for this request. */
  logs: (level: LoggingLevel) => boolean
}

/**
 * The scope of a request in the 2025 era: server requests go to `related` (the POST's stream,
 * or the session's), and the session's `logging/setLevel` filters log lines (all pass until set).
 */
export function sessionScope(
  state: ServerState,
  session: Session,
  related: Outlet,
  notifications: Outlet = related,
): RequestScope {
  return {
    session,
    notifications,
    ask: (method, params) =>
      requestClient(state, session, related, method, params),
    logs: (level) =>
      session.logLevel === undefined || atOrAbove(level, session.logLevel),
  }
}
