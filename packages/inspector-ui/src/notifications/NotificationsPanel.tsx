import { LOGGING_LEVELS, type LoggingLevel } from '@mcp-sse/core'
import { useState } from 'react'
import { errorText } from '../connect/explain'
import type { Session } from '../sessions/store'
import { useSnapshot } from '../sessions/useSnapshot'
import { useInspector } from '../inspector/context'

const LEVELS = LOGGING_LEVELS

export function NotificationsPanel({ session }: { session: Session }) {
  const { useNotifications, clearNotifications } = useInspector()
  const items = useNotifications((s) => s.items)
  const snap = useSnapshot(session.client)
  const [minLevel, setMinLevel] = useState<LoggingLevel>('debug')
  // Nothing is set until the user sets it: the server's own default is unknown to the client.
  const [serverLevel, setServerLevel] = useState<LoggingLevel | ''>('')
  const [kind, setKind] = useState('')
  const [note, setNote] = useState<string | null>(null)
  const floor = LEVELS.indexOf(minLevel)
  const mine = items.filter((item) => item.session === session.id)
  const kinds = [...new Set(mine.map((i) => i.method))].sort()
  const shown = mine.filter((item) => {
    if (kind !== '' && item.method !== kind) return false
    if (item.method !== 'notifications/message') return true
    const level = item.params?.level
    return LEVELS.indexOf(level as LoggingLevel) >= floor
  })
  const logging = snap.capabilities?.logging !== undefined
  return (
    <div className="notifications">
      <div className="row toolbar">
        <label>
          kind{' '}
          <select
            aria-label="Notification kind"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
          >
            <option value="">all ({mine.length})</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {k.replace(/^notifications\//, '')}
              </option>
            ))}
          </select>
        </label>
        <label>
          show logs from{' '}
          <select
            aria-label="Minimum level"
            value={minLevel}
            onChange={(e) => setMinLevel(e.target.value as LoggingLevel)}
          >
            {LEVELS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <label
          title={
            logging ? undefined : 'This server declares no logging capability'
          }
        >
          server level{' '}
          <select
            aria-label="Server logging level"
            value={serverLevel}
            disabled={!logging}
            onChange={(e) => setServerLevel(e.target.value as LoggingLevel)}
          >
            <option value="" disabled>
              (not set)
            </option>
            {LEVELS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="small"
          disabled={serverLevel === '' || !snap.connected}
          onClick={() => {
            if (serverLevel === '') return
            session.client.setLoggingLevel(serverLevel).then(
              () => setNote(`logging/setLevel ${serverLevel} accepted`),
              (error: unknown) => setNote(errorText(error)),
            )
          }}
        >
          Set level
        </button>
        <button type="button" className="small" onClick={clearNotifications}>
          Clear
        </button>
        {note !== null && (
          <span className="hint" role="status">
            {note}
          </span>
        )}
      </div>
      {shown.length === 0 && (
        <p className="hint empty-state">
          {mine.length === 0
            ? 'No notifications from this session yet: log messages, list changes, progress and resource updates show here.'
            : 'None of this kind or level.'}
        </p>
      )}
      <ul className="note-list" aria-label="Notifications">
        {shown
          .slice(-500)
          .reverse()
          .map((item) => (
            <li
              key={item.n}
              className={`note level-${String(item.params?.level ?? 'none')}`}
            >
              <span className="hint">
                {new Date(item.time).toLocaleTimeString()}
              </span>{' '}
              <code>{item.method}</code>{' '}
              {item.method === 'notifications/message' ? (
                <span>
                  <span className="chip">{String(item.params?.level)}</span>{' '}
                  {typeof item.params?.logger === 'string' &&
                    `[${item.params.logger}] `}
                  {typeof item.params?.data === 'string'
                    ? item.params.data
                    : JSON.stringify(item.params?.data)}
                </span>
              ) : (
                <span className="hint">
                  {item.params === undefined ? '' : JSON.stringify(item.params)}
                </span>
              )}
            </li>
          ))}
      </ul>
    </div>
  )
}
