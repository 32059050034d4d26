import type { LogEntry } from './entry'
import type { LogModel } from './model'

export interface LogFilters {
  /** Inspector session id; empty for all. */
  session: string
  dir: 'all' | 'in' | 'out'
  /** A wire event type; empty for all. */
  kind: string
  /** Part of a JSON-RPC method name. */
  method: string
  errorsOnly: boolean
  /** Free text, matched against the event's JSON. */
  text: string
  /** The JSON-RPC view: only messages, each request beside the time to its answer. */
  rpcOnly: boolean
  /** A stream label (`LISTEN`, `GET`, `SSE`, `probe`; `POST` takes every POST and its stream); empty for all. */
  stream: string
  /** `n` of the request that began an MRTR exchange: only its rounds; null for all. */
  exchange: number | null
}

export const NO_FILTERS: LogFilters = {
  session: '',
  dir: 'all',
  kind: '',
  method: '',
  errorsOnly: false,
  text: '',
  rpcOnly: false,
  stream: '',
  exchange: null,
}

export function isFiltering(filters: LogFilters): boolean {
  return (
    filters.session !== '' ||
    filters.dir !== 'all' ||
    filters.kind !== '' ||
    filters.method !== '' ||
    filters.errorsOnly ||
    filters.text !== '' ||
    filters.rpcOnly ||
    filters.stream !== '' ||
    filters.exchange !== null
  )
}

/** Builds the per-entry test once per filter change, so the loop over 100,000 rows stays tight. */
export function matcher(filters: LogFilters): (entry: LogEntry) => boolean {
  const method = filters.method.trim().toLowerCase()
  const text = filters.text.trim().toLowerCase()
  return (entry) => {
    if (filters.session !== '' && entry.session !== filters.session)
      return false
    if (filters.dir !== 'all' && entry.dir !== filters.dir) return false
    if (filters.kind !== '' && entry.event.type !== filters.kind) return false
    if (filters.errorsOnly && !entry.isError) return false
    if (filters.rpcOnly && entry.rpcKind === undefined) return false
    if (filters.exchange !== null && entry.exchange !== filters.exchange)
      return false
    if (
      filters.stream !== '' &&
      entry.stream !== filters.stream &&
      !(filters.stream === 'POST' && entry.stream.startsWith('POST'))
    )
      return false
    if (method !== '' && !(entry.method ?? '').toLowerCase().includes(method)) {
      return false
    }
    if (text !== '') {
      entry.text ??= JSON.stringify(entry.event).toLowerCase()
      if (!entry.text.includes(text)) return false
    }
    return true
  }
}

/**
 * Positions (into the model, oldest first) of the rows to show, or `null` when every row shows,
 * which lets the list index the ring buffer directly with no array at all.
 */
export function visibleRows(
  model: LogModel,
  filters: LogFilters,
): number[] | null {
  if (!isFiltering(filters)) return null
  const test = matcher(filters)
  const rows: number[] = []
  for (let i = 0; i < model.size; i++) {
    const entry = model.at(i)
    if (entry !== undefined && test(entry)) rows.push(i)
  }
  return rows
}
