import { HttpResponse } from 'msw'
import {
  corsHeaders,
  dueFailure,
  failure,
  refuseUnauthorized,
} from '../http.js'
import { heartbeatFrame } from '../heartbeat.js'
import type { Session } from '../session.js'
import type { ServerState } from '../state.js'
import { primes } from './answer-stream.js'
import { accepts, httpError, namedSession, versionProblem } from './checks.js'
import { parseEventId, type ReplayStream } from './replay-stream.js'
import { openConnection, standaloneStream, touch } from './sessions.js'

/** The status a GET gets from a server that offers no GET stream, if this one is such. */
function noStream(state: ServerState): 404 | 405 | undefined {
  const { getStream, stateless } = state.dialect
  if (getStream === 404) return 404
  if (getStream === false || getStream === 405 || stateless === true) return 405
  return undefined
}

/** The stream a `Last-Event-ID` points into, if it is one of this session's. */
function resumed(
  state: ServerState,
  session: Session,
  lastEventId: string | null,
): { stream: ReplayStream; after: number } | undefined {
  const parsed = lastEventId === null ? undefined : parseEventId(lastEventId)
  if (parsed === undefined) return undefined
  const found = state.replayStreams.get(parsed.streamId)
  if (found?.session !== session) return undefined
  return { stream: found.stream, after: parsed.seq }
}

/**
 * A GET to the MCP endpoint: opens the session's standalone stream, or, with a `Last-Event-ID`,
 * resumes the stream that id came from (a POST's as well), replaying what the client missed.
 */
export function handleGet(state: ServerState, request: Request): Response {
  const cors = corsHeaders(state, request)
  const failed = dueFailure(state, 'stream')
  if (failed !== undefined) return failure(failed, cors)
  const refused = refuseUnauthorized(state, request, cors)
  if (refused !== undefined) return refused
  if (!accepts(request, 'text/event-stream')) {
    return httpError(
      406,
      'Not Acceptable: Accept must list text/event-stream',
      cors,
    )
  }
  const refusal = noStream(state)
  if (refusal !== undefined) {
    return new HttpResponse(
      refusal === 405 ? 'Method Not Allowed' : 'Not Found',
      {
        status: refusal,
        headers: refusal === 405 ? { ...cors, Allow: 'POST, DELETE' } : cors,
      },
    )
  }
  const session = namedSession(state, request, cors)
  if (session instanceof Response) return session
  const problem = versionProblem(state, session, request)
  if (problem !== undefined) return httpError(400, problem, cors)

  const resume = resumed(state, session, request.headers.get('last-event-id'))
  const standalone = standaloneStream(state, session)
  const stream = resume?.stream ?? standalone
  if (stream === standalone && standalone.attached) {
    return httpError(
      409,
      'Conflict: only one GET stream is allowed per session',
      cors,
    )
  }
  touch(state, session)
  const connection = openConnection(state, 'get', request.signal)
  stream.attach(connection, resume?.after)
  if (!stream.finished) {
    const { dialect } = state
    if (primes(state, session.protocolVersion)) stream.prime(dialect.retry)
    else stream.flush()
    const { heartbeat } = dialect
    if (heartbeat !== undefined && stream === standalone) {
      connection.every(heartbeat.intervalMs, () =>
        connection.write(heartbeatFrame(heartbeat.as)),
      )
    }
  }
  return new HttpResponse(connection.body, {
    headers: {
      ...cors,
      'Mcp-Session-Id': session.id,
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
    },
  })
}
