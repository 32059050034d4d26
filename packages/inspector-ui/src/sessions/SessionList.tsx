import { useEffect, useState } from 'react'
import { describeCapabilities } from '../capabilities/capabilities'
import { TRANSPORT_LABELS } from '../connect/config'
import { errorText, explainTitle } from '../connect/explain'
import { EraFacts } from './EraFacts'
import { type Session } from './store'
import { useEndedCount } from './useEndedCount'
import { useSnapshot } from './useSnapshot'
import { useInspector } from '../inspector/context'

/** Browsers open at most six HTTP/1.1 connections per origin; each SSE stream holds one for good. */
const STREAMS_PER_ORIGIN = 6

function originOf(url: string): string {
  try {
    return new URL(url).origin
  } catch {
    return url
  }
}

export function SessionList() {
  const { useSessions, sessionActions } = useInspector()
  const sessions = useSessions((s) => s.sessions)
  const selected = useSessions((s) => s.selected)
  const ended = useEndedCount(sessions)
  if (sessions.length === 0) {
    return (
      <div className="hint empty-state">
        No sessions yet: connect to a server above.
      </div>
    )
  }
  return (
    <>
      <div className="row session-list-head">
        <strong>Sessions</strong>
        <span className="hint">{sessions.length}</span>
        {ended > 0 && (
          <button
            type="button"
            className="small push"
            onClick={() => void sessionActions.removeEnded()}
          >
            Remove {ended} ended
          </button>
        )}
      </div>
      <ul className="session-list" aria-label="Sessions">
        {sessions.map((session) => (
          <SessionRow
            key={session.id}
            session={session}
            selected={session.id === selected}
            sameOrigin={
              sessions.filter(
                (s) =>
                  s !== session &&
                  originOf(s.config.url) === originOf(session.config.url),
              ).length
            }
          />
        ))}
      </ul>
    </>
  )
}

function SessionRow({
  session,
  selected,
  sameOrigin,
}: {
  session: Session
  selected: boolean
  sameOrigin: number
}) {
  const { sessionActions } = useInspector()
  const snap = useSnapshot(session.client)
  const stuck = useStuck(snap.status === 'connecting', 3_000)
  const http1 = session.config.url.startsWith('http:')
  const caps = Object.keys(snap.capabilities ?? {})
  return (
    <li
      className={`session ${selected ? 'selected' : ''}`}
      data-testid={`session-${session.id}`}
      data-status={snap.status}
    >
      <button
        type="button"
        className="session-head"
        onClick={() => sessionActions.select(session.id)}
      >
        <span className={`dot status-${snap.status}`} aria-hidden />
        <strong>{session.id}</strong>
        <span className="status">{snap.status}</span>
        <span className="hint ellipsis">{session.config.url}</span>
      </button>
      <dl className="facts">
        {snap.serverInfo !== null && (
          <>
            <dt>server</dt>
            <dd>
              {snap.serverInfo.name} {snap.serverInfo.version}
            </dd>
          </>
        )}
        <dt>transport</dt>
        <dd data-testid="session-transport">
          {snap.transport === null
            ? session.config.transport === 'auto'
              ? 'detecting…'
              : `${TRANSPORT_LABELS[session.config.transport]} (chosen)`
            : TRANSPORT_LABELS[snap.transport]}
        </dd>
        <EraFacts snap={snap} pinned={session.config.protocolVersion} />
        {snap.endpoint !== null && (
          <>
            <dt>POST to</dt>
            <dd className="mono ellipsis" title={snap.endpoint}>
              {snap.endpoint}
            </dd>
          </>
        )}
        {caps.length > 0 && (
          <>
            <dt>server caps</dt>
            <dd>{caps.join(', ')}</dd>
          </>
        )}
        <dt>client caps</dt>
        <dd data-testid="client-caps">
          {describeCapabilities(session.config.capabilities)}
        </dd>
        {session.rtt !== null && (
          <>
            <dt>ping</dt>
            <dd data-testid="rtt">{session.rtt.toFixed(1)} ms</dd>
          </>
        )}
        {snap.reconnectAttempt > 0 && (
          <>
            <dt>retries</dt>
            <dd>{snap.reconnectAttempt}</dd>
          </>
        )}
      </dl>
      {snap.instructions !== null && snap.instructions !== '' && (
        <details className="instructions">
          <summary>server instructions</summary>
          <pre>{snap.instructions}</pre>
        </details>
      )}
      {snap.error !== null && (
        <div className="error-box" role="alert" data-testid="session-error">
          <strong>{explainTitle(snap.error)}.</strong> {errorText(snap.error)}
        </div>
      )}
      {stuck && http1 && sameOrigin >= STREAMS_PER_ORIGIN - 1 && (
        <div className="warn-box" role="alert" data-testid="stream-limit">
          Still connecting: browsers allow only {STREAMS_PER_ORIGIN} open
          connections per origin over HTTP/1.1, and each SSE stream holds one.{' '}
          {sameOrigin} other sessions use {originOf(session.config.url)}, so
          this stream (and its POSTs) wait for a free slot. Close a session, or
          serve the MCP server over HTTP/2 (HTTPS), which has no such limit.
        </div>
      )}
      <div className="row">
        <button
          type="button"
          className="small"
          disabled={!snap.connected}
          onClick={() => void sessionActions.ping(session.id)}
        >
          Ping
        </button>
        <button
          type="button"
          className="small"
          onClick={() => sessionActions.reconnect(session.id)}
        >
          Reconnect
        </button>
        {snap.status === 'closed' || snap.status === 'error' ? (
          <button
            type="button"
            className="small"
            onClick={() => void sessionActions.remove(session.id)}
          >
            Remove
          </button>
        ) : (
          <button
            type="button"
            className="small"
            onClick={() => void sessionActions.close(session.id)}
          >
            Close
          </button>
        )}
      </div>
    </li>
  )
}

/** True once `active` has held for `ms`. */
function useStuck(active: boolean, ms: number): boolean {
  const [stuck, setStuck] = useState(false)
  useEffect(() => {
    setStuck(false)
    if (!active) return
    const timer = setTimeout(() => setStuck(true), ms)
    return () => clearTimeout(timer)
  }, [active, ms])
  return stuck
}
