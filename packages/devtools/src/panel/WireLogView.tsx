import type { WireEvent } from '@mcp-sse/core'
import { useState, useSyncExternalStore } from 'react'
import type { WireLog } from '../wire-log'
import { describe } from './describe'

/**
 * Rows rendered at once. The log keeps more (LOG_CAPACITY); rendering only the newest keeps a page
 * whose connection streams all day responsive without a virtualiser.
 */
export const VISIBLE_ROWS = 200

const ARROW = { in: '←', out: '→', none: '·' } as const

function time(event: WireEvent): string {
  return new Date(event.time).toISOString().slice(11, 23)
}

function detailOf(event: WireEvent): string {
  return JSON.stringify(event, null, 2)
}

export function WireLogView({ log }: { log: WireLog }) {
  const { events, total } = useSyncExternalStore(
    log.subscribe,
    log.getSnapshot,
    log.getSnapshot,
  )
  const [open, setOpen] = useState<number | null>(null)
  const shown = events.slice(-VISIBLE_ROWS).reverse()
  return (
    <section className="log" aria-label="Wire log">
      <div className="toolbar">
        <span role="status">
          {shown.length < total
            ? `newest ${String(shown.length)} of ${String(total)} events`
            : `${String(total)} events`}
        </span>
        <button type="button" onClick={() => log.clear()}>
          Clear
        </button>
      </div>
      <ol className="rows">
        {shown.map((event) => {
          const { direction, text } = describe(event)
          const expanded = open === event.seq
          return (
            <li
              key={event.seq}
              className={`row ${direction}`}
              data-type={event.type}
            >
              <button
                type="button"
                className="row-head"
                aria-expanded={expanded}
                onClick={() => setOpen(expanded ? null : event.seq)}
              >
                <span className="time">{time(event)}</span>
                <span className="arrow" aria-label={direction}>
                  {ARROW[direction]}
                </span>
                <span className="kind">{event.type}</span>
                <span className="text">{text}</span>
              </button>
              {expanded && <pre className="detail">{detailOf(event)}</pre>}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
