import type { JSONRPCMessage } from '@mcp-sse/core'
import type { EventStream } from '../event-stream.js'
import { eventFrame } from '../frames.js'
import type { Outlet } from '../outlet.js'
import type { ServerState } from '../state.js'

/** An HTTP+SSE stream as an outlet: every message is one event, named unless the dialect says not. */
export function streamOutlet(state: ServerState, stream: EventStream): Outlet {
  return {
    send: (message: JSONRPCMessage) =>
      stream.write(
        eventFrame(
          JSON.stringify(message),
          state.dialect.unnamedEvents === true ? undefined : 'message',
        ),
      ),
    write: (text) => stream.write(text),
  }
}
