import { HttpResponse } from 'msw'
import { EventStream } from '../event-stream.js'
import { commentFrame, eventFrame, retryFrame } from '../frames.js'
import {
  corsHeaders,
  dueFailure,
  failure,
  newSessionId,
  refuseUnauthorized,
} from '../http.js'
import { heartbeatFrame } from '../heartbeat.js'
import { Session } from '../session.js'
import { notification, type ServerState } from '../state.js'
import { streamOutlet } from './outlet.js'

export interface SSEUrls {
  sse: string
  post: string
}

function endpointData(
  state: ServerState,
  urls: SSEUrls,
  request: Request,
  id: string,
) {
  const post = new URL(urls.post, request.url)
  const query = `?sessionId=${encodeURIComponent(id)}`
  const endpoint = state.dialect.endpoint ?? 'relative'
  if (endpoint === 'none') return undefined
  if (endpoint === 'relative') return `${post.pathname}${query}`
  if (endpoint === 'absolute') return `${post.href}${query}`
  if (endpoint === 'json')
    return JSON.stringify({ endpoint: `${post.pathname}${query}` })
  return `${new URL(post.pathname, endpoint.crossOrigin).href}${query}`
}

/** The GET of HTTP+SSE: opens a stream, and with it a session that lives as long as it does. */
export function openStream(
  state: ServerState,
  urls: SSEUrls,
  request: Request,
): Response {
  const cors = corsHeaders(state, request)
  const failed = dueFailure(state, 'stream')
  if (failed !== undefined) return failure(failed, cors)
  const refused = refuseUnauthorized(state, request, cors)
  if (refused !== undefined) return refused

  const stream = new EventStream('get', request.signal)
  const session = new Session(newSessionId())
  session.outlet = streamOutlet(state, stream)
  state.sessions.set(session.id, session)
  state.connections.add(stream)
  // Either side ending ends both: the stream is the session on this transport.
  stream.onClose(() => {
    state.connections.delete(stream)
    session.close()
  })
  session.onClose(() => {
    state.sessions.delete(session.id)
    state.expired.delete(session)
    stream.close()
  })

  const { dialect } = state
  if (dialect.retry !== undefined) stream.write(retryFrame(dialect.retry))
  if (dialect.greeting !== undefined) stream.write(eventFrame(dialect.greeting))
  const endpoint = endpointData(state, urls, request, session.id)
  if (endpoint !== undefined) stream.write(eventFrame(endpoint, 'endpoint'))
  const silentOpen =
    endpoint === undefined &&
    dialect.greeting === undefined &&
    dialect.retry === undefined &&
    dialect.sessionIdInMessage !== true
  // msw hands the response to fetch only with its first chunk, where a real server flushes the
  // headers at once: a comment (which clients ignore) stands in for that flush.
  if (silentOpen) stream.write(commentFrame('open'))
  if (dialect.sessionIdInMessage === true) {
    session.outlet.send(
      notification('notifications/initialized', { sessionId: session.id }),
    )
  }
  const { heartbeat } = dialect
  if (heartbeat !== undefined) {
    stream.every(heartbeat.intervalMs, () =>
      stream.write(heartbeatFrame(heartbeat.as)),
    )
  }
  return new HttpResponse(stream.body, {
    headers: {
      ...cors,
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
    },
  })
}
