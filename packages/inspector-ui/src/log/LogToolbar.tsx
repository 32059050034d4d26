import type { WireEventType } from '@mcp-sse/core'
import { useRef, useState } from 'react'
import { download } from '../ui/download'
import { parseLogFile, toLogFile } from './transfer'
import { useInspector } from '../inspector/context'

const KINDS: WireEventType[] = [
  'stream-open',
  'stream-close',
  'stream-error',
  'sse-frame',
  'sse-comment',
  'endpoint',
  'message-in',
  'message-out',
  'post',
  'session-end',
  'probe',
  'parse-error',
  'unmatched-response',
  'retry',
  'tool-rejected',
  'input-required',
]

/** The stream labels of `LogEntry.stream` worth filtering by. */
const STREAMS: [value: string, label: string][] = [
  ['', 'all streams'],
  ['LISTEN', 'LISTEN'],
  ['GET', 'GET'],
  ['POST', 'POST'],
  ['SSE', 'SSE'],
  ['probe', 'probe'],
]

export function LogToolbar({ shown }: { shown: number }) {
  const { useLogStore, logModel, ingestImport, logActions } = useInspector()
  const filters = useLogStore((s) => s.filters)
  const paused = useLogStore((s) => s.paused)
  const held = useLogStore((s) => s.held)
  const cap = useLogStore((s) => s.cap)
  const follow = useLogStore((s) => s.follow)
  useLogStore((s) => s.version)
  const [note, setNote] = useState<string | null>(null)
  const fileInput = useRef<HTMLInputElement>(null)

  async function importFile(file: File) {
    try {
      const parsed = parseLogFile(await file.text())
      const added = ingestImport(parsed.events)
      const names = added.sessions
      setNote(
        `Imported ${added.count.toLocaleString()} events from ${file.name} as ` +
          `${names.slice(0, 3).join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}` +
          (parsed.skipped > 0
            ? ` (${parsed.skipped} items were not events).`
            : '.'),
      )
    } catch (error) {
      setNote(error instanceof Error ? error.message : String(error))
    }
  }

  return (
    <div className="log-toolbar">
      <strong>Log</strong>
      <span className="hint" data-testid="log-count">
        {shown.toLocaleString()} / {logModel.size.toLocaleString()}
      </span>
      <label>
        <input
          type="checkbox"
          checked={filters.rpcOnly}
          onChange={(e) => logActions.setFilters({ rpcOnly: e.target.checked })}
        />{' '}
        JSON-RPC
      </label>
      <select
        aria-label="Session filter"
        value={filters.session}
        onChange={(e) => logActions.setFilters({ session: e.target.value })}
      >
        <option value="">all sessions</option>
        {[...logModel.sessions].map((s) => (
          <option key={s}>{s}</option>
        ))}
      </select>
      <select
        aria-label="Direction filter"
        value={filters.dir}
        onChange={(e) =>
          logActions.setFilters({ dir: e.target.value as 'all' | 'in' | 'out' })
        }
      >
        <option value="all">in + out</option>
        <option value="out">→ out</option>
        <option value="in">← in</option>
      </select>
      <select
        aria-label="Kind filter"
        value={filters.kind}
        onChange={(e) => logActions.setFilters({ kind: e.target.value })}
      >
        <option value="">all kinds</option>
        {KINDS.map((k) => (
          <option key={k}>{k}</option>
        ))}
      </select>
      <select
        aria-label="Stream filter"
        title="LISTEN: the subscriptions/listen request and stream (2026-07-28); POST: every POST and its answer stream"
        value={filters.stream}
        onChange={(e) => logActions.setFilters({ stream: e.target.value })}
      >
        {STREAMS.map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      {filters.exchange !== null && (
        <button
          type="button"
          className="small chip chip-accent"
          title="Showing one multi round-trip exchange; click to show everything again"
          data-testid="exchange-filter"
          onClick={() => logActions.setFilters({ exchange: null })}
        >
          exchange of row #{filters.exchange} ✕
        </button>
      )}
      <input
        aria-label="Method filter"
        placeholder="method"
        size={10}
        value={filters.method}
        onChange={(e) => logActions.setFilters({ method: e.target.value })}
      />
      <label>
        <input
          type="checkbox"
          checked={filters.errorsOnly}
          onChange={(e) =>
            logActions.setFilters({ errorsOnly: e.target.checked })
          }
        />{' '}
        errors
      </label>
      <input
        type="search"
        aria-label="Search the log"
        placeholder="search"
        size={12}
        value={filters.text}
        onChange={(e) => logActions.setFilters({ text: e.target.value })}
      />
      <span className="push" />
      <label title="Scroll to the newest row as events arrive">
        <input
          type="checkbox"
          checked={follow}
          onChange={(e) => logActions.setFollow(e.target.checked)}
        />{' '}
        follow
      </label>
      <button
        type="button"
        className="small"
        onClick={() => logActions.setPaused(!paused)}
      >
        {paused ? `Resume${held > 0 ? ` (${held})` : ''}` : 'Pause'}
      </button>
      <button
        type="button"
        className="small"
        onClick={() => logActions.clear()}
      >
        Clear
      </button>
      <label title="Oldest rows are dropped past this many">
        cap{' '}
        <select
          aria-label="Log cap"
          value={cap}
          onChange={(e) => logActions.setCap(Number(e.target.value))}
        >
          {[1_000, 10_000, 100_000, 200_000, 500_000, 1_000_000].map((n) => (
            <option key={n} value={n}>
              {n.toLocaleString()}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="small"
        onClick={() =>
          download(
            `mcp-sse-log-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
            JSON.stringify(toLogFile(logModel.entries())),
            'application/json',
          )
        }
      >
        Export
      </button>
      <button
        type="button"
        className="small"
        onClick={() => fileInput.current?.click()}
      >
        Import
      </button>
      <input
        ref={fileInput}
        type="file"
        accept="application/json,.json"
        data-testid="log-import"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0]
          if (file !== undefined) void importFile(file)
          e.target.value = ''
        }}
      />
      {note !== null && (
        <span className="hint" role="status">
          {note}
        </span>
      )}
    </div>
  )
}
