import type {
  JSONRPCMessage,
  JSONRPCRequest,
  JSONRPCResponse,
} from '@mcp-sse/core'
import { HttpResponse } from 'msw'
import { EventStream } from '../event-stream.js'
import { commentFrame, eventFrame } from '../frames.js'
import type { Outlet } from '../outlet.js'
import { receive, SWALLOWED } from '../receive.js'
import { atOrAbove, type RequestScope } from '../scope.js'
import { Session } from '../session.js'
import type { ServerState } from '../state.js'
import { untilGone } from '../streamable-http/exchange.js'
import { modernDispatcher } from './dispatch.js'
import { readMeta } from './meta.js'
import { ModernErrorCode } from './mrtr.js'

/** The HTTP status a 2026-07-28 error answer gets when it is not already streaming. */
function statusOf(response: JSONRPCResponse): number {
  if (!('error' in response)) return 200
  const { code } = response.error
  if (code === -32601) return 404
  const modern: number[] = Object.values(ModernErrorCode)
  return modern.includes(code) ? 400 : 200
}

function cuts(state: ServerState, request: JSONRPCRequest): boolean {
  const match = state.dialect.cutBeforeAnswer
  if (match === undefined) return false
  return typeof match === 'string' ? request.method === match : match(request)
}

/**
 * Answers one 2026-07-28 request. Nothing is decided before something is to be sent: an answer
 * that comes first is sent whole, with the status its error calls for (a missing capability is
 * a `400`); a notification that comes first opens an SSE stream (`response: 'sse'`) that the
 * answer then ends. Closing that stream, or aborting the POST, cancels the request.
 */
export async function answerModern(
  state: ServerState,
  request: Request,
  message: JSONRPCRequest,
  headers: Record<string, string>,
): Promise<Response> {
  const meta = readMeta(message.params)
  const json = state.dialect.response === 'json'
  // One request, one stand-in session: it dies with the request, and with it its work.
  const session = new Session('stateless', { stateless: true })
  const stream = new EventStream('post')
  request.signal.addEventListener('abort', () => session.close(), {
    once: true,
  })
  stream.onClose(() => session.close())
  let opened: (() => void) | undefined
  const firstEvent = new Promise<'event'>((resolve) => {
    opened = () => resolve('event')
  })
  const event = state.dialect.unnamedEvents === true ? undefined : 'message'
  const send = (m: JSONRPCMessage) => {
    if (json || !session.isOpen) return false
    opened?.()
    return stream.write(eventFrame(JSON.stringify(m), event))
  }
  const outlet: Outlet = { send, write: (text) => stream.write(text) }
  const scope: RequestScope = {
    session,
    notifications: outlet,
    ask: () =>
      Promise.reject(
        new Error('In protocol 2026-07-28 only tools/call can ask the client'),
      ),
    logs: (level) =>
      meta.logLevel !== undefined && atOrAbove(level, meta.logLevel),
  }
  const entry = {
    sessionId: undefined,
    url: request.url,
    headers: Object.fromEntries(request.headers),
  }
  const outcome = receive(
    state,
    scope,
    message,
    entry,
    modernDispatcher(meta.clientCapabilities),
  )
  const first = await Promise.race([outcome, firstEvent])

  const sse = {
    ...headers,
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    'X-Accel-Buffering': 'no',
  }
  if (first === 'event') {
    state.connections.add(stream)
    stream.onClose(() => state.connections.delete(stream))
    void outcome.then((answer) => {
      if (answer === SWALLOWED) return
      if (answer !== undefined) {
        if (cuts(state, message)) return stream.sever()
        stream.write(eventFrame(JSON.stringify(answer), event))
      }
      stream.close()
    })
    return new HttpResponse(stream.body, { headers: sse })
  }
  if (first === SWALLOWED) {
    if (json) {
      await untilGone(request.signal, session)
      return new HttpResponse(null, { status: 202, headers })
    }
    // An open stream with nothing on it, until the client gives up.
    state.connections.add(stream)
    stream.onClose(() => state.connections.delete(stream))
    stream.write(commentFrame('open'))
    return new HttpResponse(stream.body, { headers: sse })
  }
  session.close()
  if (first === undefined)
    return new HttpResponse(null, { status: 202, headers })
  const status = statusOf(first)
  if (json || status !== 200)
    return HttpResponse.json(first, { status, headers })
  if (cuts(state, message)) {
    stream.close()
    return new HttpResponse(stream.body, { headers: sse })
  }
  stream.write(eventFrame(JSON.stringify(first), event))
  stream.close()
  return new HttpResponse(stream.body, { headers: sse })
}
