import type { Outlet } from './outlet.js'
import type { Session } from './session.js'

/** What handling one client request needs besides the request: its session and its stream. */
export interface RequestScope {
  session: Session
  /**
   * Where the server's requests tied to this request go (`ctx.request`): the POST's SSE answer
   * on Streamable HTTP, the session's stream otherwise.
   */
  related: Outlet
  /** Where its progress and log notifications go: as `related`, unless the dialect moves them. */
  notifications: Outlet
}
