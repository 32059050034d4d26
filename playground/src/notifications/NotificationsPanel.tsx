import { LOGGING_LEVELS, type LoggingLevel } from '@mcp-sse/core'
import { useState } from 'react'
import { errorText } from '../connect/explain'
import type { Session } from '../sessions/store'
import { clearNotifications, useNotifications } from './store'

const LEVELS = LOGGING_LEVELS

export function NotificationsPanel({ session }: { session: Session }) {
  const items = useNotifications((s) => s.items)
  const [minLevel, setMinLevel] = useState<LoggingLevel>('debug')
  const [serverLevel, setServerLevel] = useState<LoggingLevel>('info')
  const [note, setNote] = useState<string | null>(null)
  const floor = LEVELS.indexOf(minLevel)
  const shown = items.filter((item) => {
    if (item.session !== session.id) return false
    if (item.method !== 'notifications/message') return true
    const level = item.params?.level
    return LEVELS.indexOf(level as LoggingLevel) >= floor
  })
  return (
    <div className="notifications">
      <div className="row">
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
        <label>
          server level{' '}
          <select
            aria-label="Server logging level"
            value={serverLevel}
            onChange={(e) => setServerLevel(e.target.value as LoggingLevel)}
          >
            {LEVELS.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="small"
          onClick={() =>
            session.client.setLoggingLevel(serverLevel).then(
              () => setNote(`logging/setLevel ${serverLevel} accepted`),
              (error: unknown) => setNote(errorText(error)),
            )
          }
        >
          Set level
        </button>
        <button type="button" className="small" onClick={clearNotifications}>
          Clear
        </button>
        {note !== null && <span className="hint">{note}</span>}
      </div>
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
