import { useState } from 'react'
import { headersOf } from '../connect/config'
import { useSessions } from '../sessions/store'
import { copyText } from '../ui/download'
import { Json } from '../ui/Json'
import { toCurl, type CurlRequest } from './curl'
import type { LogEntry } from './entry'
import { logActions, logModel, useLogStore } from './store'

/** The POST a row stands for, when it is one (a `post` event, or an outgoing message). */
function requestOf(entry: LogEntry): CurlRequest | null {
  const event = entry.event
  if (event.type === 'post')
    return { url: event.url, headers: event.headers, body: event.body }
  if (event.type === 'message-out') {
    const session = useSessions
      .getState()
      .sessions.find((s) => s.id === entry.session)
    const endpoint = session?.client.getSnapshot().endpoint
    if (endpoint == null) return null
    return {
      url: endpoint,
      headers: session === undefined ? {} : headersOf(session.config),
      body: JSON.stringify(event.message),
    }
  }
  return null
}

function replayable(entry: LogEntry): boolean {
  return entry.event.type === 'message-out' && entry.rpcKind === 'request'
}

/** Re-sends an outgoing request; its traffic lands in the log like any other. */
function replay(entry: LogEntry): string {
  const session = useSessions
    .getState()
    .sessions.find((s) => s.id === entry.session)
  if (entry.event.type !== 'message-out' || !('method' in entry.event.message))
    return ''
  if (session === undefined || !session.client.getSnapshot().connected) {
    return `Session ${entry.session} is not connected.`
  }
  // The old progress token belongs to the old request.
  const { _meta, ...params } = entry.event.message.params ?? {}
  session.client.request(entry.event.message.method, params).catch(() => {
    // The answer, or the error, is in the log.
  })
  return 'Sent again'
}

export function LogDetail({ n }: { n: number }) {
  useLogStore((s) => s.version)
  const [secrets, setSecrets] = useState(false)
  const [copied, setCopied] = useState<string | null>(null)
  const entry = logModel.get(n)
  if (entry === undefined) {
    return (
      <aside className="log-detail">
        <div className="hint">That row left the log (cap or clear).</div>
      </aside>
    )
  }
  const pair = entry.pair === undefined ? undefined : logModel.get(entry.pair)
  const request = requestOf(entry)
  return (
    <aside
      className="log-detail"
      aria-label="Event detail"
      data-testid="log-detail"
    >
      <div className="row">
        <strong>
          #{entry.n} {entry.event.type}
        </strong>
        <span className="hint">{entry.session}</span>
        <button
          type="button"
          className="small push"
          aria-label="Close detail"
          onClick={() => logActions.select(undefined)}
        >
          ✕
        </button>
      </div>
      {entry.latencyMs !== undefined && pair !== undefined && (
        <div className="pair" data-testid="log-pair">
          {entry.rpcKind === 'request' ? 'answered' : 'answers request'}{' '}
          <button
            type="button"
            className="link"
            onClick={() => logActions.select(pair.n)}
          >
            #{pair.n}
          </button>{' '}
          in <strong>{Math.round(entry.latencyMs)} ms</strong>
        </div>
      )}
      <Json value={entry.event} filename={`event-${entry.n}.json`} />
      <div className="row">
        {replayable(entry) && (
          <button
            type="button"
            className="small"
            title="Send this request again on its session, with a new id"
            onClick={() => {
              const note = replay(entry)
              setCopied(note)
            }}
          >
            Send again
          </button>
        )}
        <button
          type="button"
          className="small"
          onClick={() =>
            void copyText(JSON.stringify(entry.event, null, 2)).then((ok) =>
              setCopied(ok ? 'JSON copied' : 'Copy failed'),
            )
          }
        >
          Copy JSON
        </button>
        {request !== null && (
          <>
            <button
              type="button"
              className="small"
              onClick={() =>
                void copyText(toCurl(request, secrets)).then((ok) =>
                  setCopied(ok ? 'curl copied' : 'Copy failed'),
                )
              }
            >
              Copy as curl
            </button>
            <label>
              <input
                type="checkbox"
                checked={secrets}
                onChange={(e) => setSecrets(e.target.checked)}
              />{' '}
              include credentials
            </label>
          </>
        )}
        {copied !== null && <span className="hint">{copied}</span>}
      </div>
      {request !== null && (
        <pre className="mono curl">{toCurl(request, secrets)}</pre>
      )}
      {pair !== undefined && (
        <details open>
          <summary>
            paired {pair.event.type} #{pair.n}
          </summary>
          <Json value={pair.event} />
        </details>
      )}
    </aside>
  )
}
