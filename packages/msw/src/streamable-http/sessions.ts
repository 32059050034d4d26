import { EventStream, type StreamKind } from '../event-stream.js'
import { newSessionId } from '../http.js'
import type { Outlet } from '../outlet.js'
import { Session } from '../session.js'
import type { ServerState } from '../state.js'
import { ReplayStream } from './replay-stream.js'

const standaloneStreams = new WeakMap<Session, ReplayStream>()
const idleTimers = new WeakMap<Session, () => void>()

/** A connection counted in `openStreams` while it is open. */
export function openConnection(
  state: ServerState,
  kind: StreamKind,
  signal: AbortSignal,
): EventStream {
  const connection = new EventStream(kind, signal)
  state.connections.add(connection)
  connection.onClose(() => state.connections.delete(connection))
  return connection
}

/**
 * A new stream of `session`. Resumable ones (every stream of a stateful session) are found again
 * by the id a `Last-Event-ID` carries; all end when the session does.
 */
export function newStream(
  state: ServerState,
  session: Session,
  kind: 'get' | 'post',
): { stream: ReplayStream; release: () => void } {
  const stream = new ReplayStream(`s${++state.nextStreamId}`, kind, () => ({
    eventIds: state.dialect.eventIds !== false,
    unnamed: state.dialect.unnamedEvents === true,
  }))
  const resumable = !session.stateless
  if (resumable) state.replayStreams.set(stream.id, { session, stream })
  const forget = session.onClose(() => {
    stream.end()
    state.replayStreams.delete(stream.id)
  })
  // The stateless stand-in lives until reset: a finished stream lets go of it.
  return { stream, release: resumable ? () => {} : forget }
}

/** The session's GET stream, made on first use; what it sends with no GET open is kept for replay. */
export function standaloneStream(
  state: ServerState,
  session: Session,
): ReplayStream {
  let stream = standaloneStreams.get(session)
  if (stream === undefined) {
    stream = newStream(state, session, 'get').stream
    standaloneStreams.set(session, stream)
  }
  return stream
}

/** A session of a stateful server, registered under a fresh id. */
export function createSession(state: ServerState): Session {
  const session = new Session(newSessionId())
  const outlet: Outlet = {
    send: (message) => standaloneStream(state, session).send(message),
    write: (text) => standaloneStream(state, session).write(text),
  }
  session.outlet = outlet
  state.sessions.set(session.id, session)
  session.onClose(() => {
    if (state.sessions.get(session.id) === session)
      state.sessions.delete(session.id)
    state.expired.delete(session)
  })
  return session
}

/** The one stand-in session of a stateless server. */
export function statelessSession(state: ServerState): Session {
  if (state.stateless === undefined || !state.stateless.isOpen) {
    state.stateless = new Session('stateless', { stateless: true })
  }
  return state.stateless
}

/** A request arrived on `session`: restart its idle timer (`sessionTimeout`). */
export function touch(state: ServerState, session: Session): void {
  const timeout = state.dialect.sessionTimeout
  idleTimers.get(session)?.()
  if (timeout === undefined || session.stateless) return
  idleTimers.set(
    session,
    session.setTimer(() => session.close(), timeout),
  )
}
