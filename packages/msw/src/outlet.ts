import type { JSONRPCMessage } from '@mcp-sse/core'

/**
 * Somewhere the server can send messages to a client: an HTTP+SSE stream, a Streamable HTTP
 * GET stream, or the SSE answer of one POST.
 */
export interface Outlet {
  /** Sends one message; `false` when it reached no one and will not (nothing open, no replay). */
  send(message: JSONRPCMessage): boolean
  /** Writes raw text (malformed frames for fault tests); `false` when nothing is open. */
  write(text: string): boolean
}

/** Where a session's messages go while it has no stream to send them on. */
export const NO_OUTLET: Outlet = {
  send: () => false,
  write: () => false,
}
