import { useVirtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useEffect, useMemo, useRef } from 'react'
import { summarize, type LogEntry } from './entry'
import { visibleRows } from './filters'
import { LogDetail } from './LogDetail'
import { LogToolbar } from './LogToolbar'
import { useInspector } from '../inspector/context'

const ROW_HEIGHT = 22
const rowHeight = () => ROW_HEIGHT

export function LogPanel() {
  const { useLogStore, logModel, logActions } = useInspector()
  const version = useLogStore((s) => s.version)
  const filters = useLogStore((s) => s.filters)
  const selected = useLogStore((s) => s.selected)
  const follow = useLogStore((s) => s.follow)
  // One pass over the log per batch of events or filter change; null means "every row".
  const rows = useMemo(() => visibleRows(logModel, filters), [version, filters])
  const count = rows === null ? logModel.size : rows.length
  const entryAt = useCallback(
    (i: number): LogEntry | undefined =>
      logModel.at(rows === null ? i : (rows[i] ?? -1)),
    [rows, version],
  )
  // Stable between data changes: a new function per render makes the virtualizer re-measure all
  // 100,000 rows on every scroll frame.
  const getItemKey = useCallback((i: number) => entryAt(i)?.n ?? i, [entryAt])

  const scroller = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: rowHeight,
    overscan: 20,
    getItemKey,
  })

  useEffect(() => {
    if (follow && count > 0)
      virtualizer.scrollToIndex(count - 1, { align: 'end' })
  }, [follow, count, version, virtualizer])

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key === 'Escape') logActions.select(undefined)
    if (e.key === 'End') logActions.setFollow(true)
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return
    e.preventDefault()
    let index = -1
    for (let i = 0; i < count && selected !== undefined; i++) {
      if (entryAt(i)?.n === selected) {
        index = i
        break
      }
    }
    const next = Math.max(
      0,
      Math.min(count - 1, index + (e.key === 'ArrowDown' ? 1 : -1)),
    )
    const entry = entryAt(next)
    if (entry !== undefined) {
      logActions.select(entry.n)
      logActions.setFollow(false)
      virtualizer.scrollToIndex(next)
    }
  }

  return (
    <section className="log-panel" aria-label="Raw event log">
      <LogToolbar shown={count} />
      <div className="log-body">
        <div className="log-grid">
          <div className="log-head" role="row" aria-hidden>
            <span className="c-time">time</span>
            <span className="c-session">session</span>
            <span className="c-dir" />
            <span className="c-stream">stream</span>
            <span className="c-kind">event</span>
            <span className="c-method">method · id</span>
            <span className="c-latency">latency</span>
            <span className="c-summary">summary</span>
          </div>
          <div
            ref={scroller}
            className="log-scroller"
            tabIndex={0}
            role="grid"
            aria-rowcount={count}
            data-testid="log-rows"
            onKeyDown={onKeyDown}
            onWheel={(e) => {
              if (e.deltaY < 0 && follow) logActions.setFollow(false)
            }}
          >
            <div
              style={{
                height: virtualizer.getTotalSize(),
                position: 'relative',
              }}
            >
              {virtualizer.getVirtualItems().map((item) => {
                const entry = entryAt(item.index)
                if (entry === undefined) return null
                return (
                  <LogRow
                    key={item.key}
                    entry={entry}
                    top={item.start}
                    selected={entry.n === selected}
                    latencyMs={entry.latencyMs}
                    method={entry.method}
                    cancelled={entry.cancelled}
                    round={entry.round}
                  />
                )
              })}
            </div>
          </div>
        </div>
        {selected !== undefined && <LogDetail n={selected} />}
      </div>
    </section>
  )
}

/** 12:34:56.789 in local time; hand-formatted because Intl is slow at 60 rows a frame. */
function clock(ms: number): string {
  const t = new Date(ms)
  const two = (n: number) => (n < 10 ? `0${n}` : String(n))
  const ms3 = t.getMilliseconds()
  return `${two(t.getHours())}:${two(t.getMinutes())}:${two(t.getSeconds())}.${ms3 < 10 ? '00' : ms3 < 100 ? '0' : ''}${ms3}`
}

/**
 * Memoized: scrolling re-renders only the rows that come into view. Pairing mutates an entry in
 * place, so what pairing changes (`latencyMs`, `method`) is passed as props of its own.
 */
const LogRow = memo(function LogRow({
  entry,
  top,
  selected,
}: {
  entry: LogEntry
  top: number
  selected: boolean
  latencyMs: number | undefined
  method: string | undefined
  cancelled: boolean
  round: number | undefined
}) {
  const { logActions } = useInspector()
  return (
    <div
      role="row"
      className={`log-row dir-${entry.dir}${entry.isError ? ' is-error' : ''}${entry.isWarning ? ' is-warning' : ''}${entry.round !== undefined && entry.round > 1 ? ' later-round' : ''}${entry.serverRequest ? ' server-request' : ''}${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${top}px)`, height: ROW_HEIGHT }}
      data-kind={entry.event.type}
      onClick={() => {
        logActions.select(entry.n)
        logActions.setFollow(false)
      }}
    >
      <span role="gridcell" className="c-time">
        {clock(entry.event.time)}
      </span>
      <span role="gridcell" className="c-session">
        {entry.session}
      </span>
      <span role="gridcell" className="c-dir">
        {entry.dir === 'out' ? '→' : entry.dir === 'in' ? '←' : '·'}
      </span>
      <span role="gridcell" className="c-stream">
        {entry.stream}
      </span>
      <span role="gridcell" className="c-kind">
        {entry.event.type}
      </span>
      <span
        role="gridcell"
        className="c-method"
        title={entry.method === undefined ? undefined : entry.method}
      >
        {entry.serverRequest && (
          <span
            className="s2c"
            title="A request from the server to the client, or the client's answer to one"
          >
            ⇠{' '}
          </span>
        )}
        {entry.method ?? ''}
        {entry.rpcId !== undefined && (
          <span className="hint"> #{String(entry.rpcId)}</span>
        )}
        {entry.round !== undefined && <RoundMark entry={entry} />}
      </span>
      <span role="gridcell" className="c-latency">
        {entry.cancelled ? (
          <span className="cancelled">cancelled</span>
        ) : entry.latencyMs !== undefined ? (
          `${Math.round(entry.latencyMs)} ms`
        ) : (
          ''
        )}
      </span>
      <span role="gridcell" className="c-summary">
        {summarize(entry)}
      </span>
    </div>
  )
})

/** "round 2 of #3": which MRTR exchange a row belongs to, by the id of the request that began it. */
function RoundMark({ entry }: { entry: LogEntry }) {
  const { logModel } = useInspector()
  const first =
    entry.exchange === undefined ? undefined : logModel.get(entry.exchange)
  return (
    <span
      className="round-mark"
      data-testid="round-mark"
      title="A multi round-trip request: the server answered input_required and the client sent the call again with its answers"
    >
      {' '}
      round {entry.round}
      {entry.round !== 1 && first?.rpcId !== undefined
        ? ` of #${String(first.rpcId)}`
        : ''}
    </span>
  )
}
