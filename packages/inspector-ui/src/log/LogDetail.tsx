import type { WireEvent } from '@mcp-sse/core'
import { useState } from 'react'
import { copyText } from '../ui/download'
import { Json } from '../ui/Json'
import { toCurl } from './curl'
import { ExchangeView } from './ExchangeView'
import { HttpFacts } from './HttpFacts'
import { replay, replayable, requestOf } from './request-of'
import { redact } from './transfer'
import { useInspector } from '../inspector/context'

/** An SSE frame's `data` is JSON more often than not: show it parsed, not as an escaped string. */
function readable(event: WireEvent): unknown {
  // A POST's headers are shown, its credentials never.
  if (event.type === 'post') return redact(event)
  if (event.type !== 'sse-frame' && event.type !== 'parse-error') return event
  try {
    return { ...event, data: JSON.parse(event.data) as unknown }
  } catch {
    return event
  }
}

export function LogDetail({ n }: { n: number }) {
  const { useLogStore, logModel, logActions, getSession } = useInspector()
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
  const exchange =
    entry.exchange === undefined
      ? undefined
      : logModel.exchangeOf(entry.exchange)
  const request = requestOf(getSession, entry)
  const curl = request === null ? null : toCurl(request, secrets)
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
        {entry.stream !== '' && <span className="chip">{entry.stream}</span>}
        {entry.serverRequest && (
          <span className="chip chip-server" title="server → client">
            server request
          </span>
        )}
        <button
          type="button"
          className="small push"
          aria-label="Close detail"
          onClick={() => logActions.select(undefined)}
        >
          ✕
        </button>
      </div>
      {entry.cancelled && (
        <div className="pair" data-testid="log-cancelled">
          cancelled by the client before it was answered
        </div>
      )}
      {entry.method === 'notifications/cancelled' && pair !== undefined && (
        <div className="pair">
          cancels request{' '}
          <button
            type="button"
            className="link"
            onClick={() => logActions.select(pair.n)}
          >
            #{pair.n}
          </button>
        </div>
      )}
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
      {exchange !== undefined && <ExchangeView exchange={exchange} />}
      <HttpFacts event={entry.event} />
      <Json value={readable(entry.event)} filename={`event-${entry.n}.json`} />
      <div className="row">
        {replayable(entry) && (
          <button
            type="button"
            className="small"
            title="Send this request again on its session, with a new id"
            onClick={() => setCopied(replay(getSession, entry))}
          >
            Send again
          </button>
        )}
        <button
          type="button"
          className="small"
          onClick={() =>
            void copyText(JSON.stringify(redact(entry.event), null, 2)).then(
              (ok) => setCopied(ok ? 'JSON copied' : 'Copy failed'),
            )
          }
        >
          Copy JSON
        </button>
        {curl !== null && (
          <>
            <button
              type="button"
              className="small"
              onClick={() =>
                void copyText(curl.command).then((ok) =>
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
      {curl !== null && (
        <>
          <pre className="mono curl" data-testid="curl">
            {curl.command}
          </pre>
          {curl.note !== null && (
            <p className="hint" data-testid="curl-note">
              {curl.note}
            </p>
          )}
          {curl.streamCommand !== null && (
            <pre className="mono curl" data-testid="curl-stream">
              {curl.streamCommand}
            </pre>
          )}
        </>
      )}
      {pair !== undefined && (
        <details open>
          <summary>
            paired {pair.event.type} #{pair.n}
          </summary>
          <Json value={readable(pair.event)} />
        </details>
      )}
    </aside>
  )
}
