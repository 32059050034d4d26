import type { WireEvent } from '@mcp-sse/core'
import { create } from 'zustand'
import { NO_FILTERS, type LogFilters } from './filters'
import { DEFAULT_LOG_CAP, LogModel } from './model'

export interface LogState {
  /** Bumped whenever rows were added, dropped or cleared: what the list re-renders on. */
  version: number
  cap: number
  paused: boolean
  /** Events received while paused, shown on resume. */
  held: number
  selected: number | undefined
  filters: LogFilters
  /** Follow the newest row as events arrive. */
  follow: boolean
}

/** The raw log of one inspector instance. */
export function createLogStore() {
  const logModel = new LogModel(DEFAULT_LOG_CAP)

  const useLogStore = create<LogState>(() => ({
    version: 0,
    cap: DEFAULT_LOG_CAP,
    paused: false,
    held: 0,
    selected: undefined,
    filters: NO_FILTERS,
    follow: true,
  }))

  let pending: { session: string; event: WireEvent }[] = []
  let flushTimer: ReturnType<typeof setTimeout> | undefined

  /**
   * Live events are queued and added in one batch per ~30 ms: a busy stream then costs one store
   * update (and one filter pass) per batch instead of one per frame.
   */
  function ingest(session: string, event: WireEvent): void {
    pending.push({ session, event })
    const { paused, cap } = useLogStore.getState()
    if (paused) {
      // Held events are bounded like the log itself.
      if (pending.length > cap) pending.splice(0, pending.length - cap)
      useLogStore.setState({ held: pending.length })
      return
    }
    flushTimer ??= setTimeout(flush, 30)
  }

  function flush(): void {
    if (flushTimer !== undefined) clearTimeout(flushTimer)
    flushTimer = undefined
    if (pending.length === 0 || useLogStore.getState().paused) return
    const batch = pending
    pending = []
    for (const { session, event } of batch) logModel.add(session, event)
    useLogStore.setState((s) => ({ version: s.version + 1, held: 0 }))
  }

  let imports = 0

  /**
   * Adds an imported log in one store update. Its sessions are renamed `imp1:s1`, … so they never
   * merge with the live sessions of the same name, and the log is re-sorted by time, so events from
   * an old file sit before the live ones instead of after them. Returns the names given.
   */
  function ingestImport(
    items: readonly { session: string; event: WireEvent }[],
  ): { count: number; sessions: string[] } {
    const prefix = `imp${++imports}:`
    const renamed = items.map(({ session, event }) => ({
      session: `${prefix}${session}`,
      event,
    }))
    const live = logModel
      .entries()
      .map((e) => ({ session: e.session, event: e.event }))
    // Array.prototype.sort is stable: events of one time keep their order.
    const all = [...live, ...renamed].sort(
      (a, b) => a.event.time - b.event.time,
    )
    logModel.clear()
    for (const { session, event } of all) logModel.add(session, event)
    useLogStore.setState((s) => ({
      version: s.version + 1,
      selected: undefined,
    }))
    return {
      count: renamed.length,
      sessions: [...new Set(renamed.map((r) => r.session))],
    }
  }

  /** Adds many events in one store update. */
  function ingestMany(
    items: Iterable<{ session: string; event: WireEvent }>,
  ): number {
    let count = 0
    for (const { session, event } of items) {
      logModel.add(session, event)
      count++
    }
    useLogStore.setState((s) => ({ version: s.version + 1 }))
    return count
  }

  const logActions = {
    setPaused(paused: boolean): void {
      useLogStore.setState({ paused })
      if (!paused) flush()
    },
    clear(): void {
      pending = []
      logModel.clear()
      useLogStore.setState((s) => ({
        version: s.version + 1,
        held: 0,
        selected: undefined,
      }))
    },
    setCap(cap: number): void {
      logModel.setCap(cap)
      useLogStore.setState((s) => ({ cap, version: s.version + 1 }))
    },
    select(n: number | undefined): void {
      useLogStore.setState({ selected: n })
    },
    setFilters(patch: Partial<LogFilters>): void {
      useLogStore.setState((s) => ({ filters: { ...s.filters, ...patch } }))
    },
    setFollow(follow: boolean): void {
      useLogStore.setState({ follow })
    },
  }
  return {
    logModel,
    useLogStore,
    ingest,
    flush,
    ingestImport,
    ingestMany,
    logActions,
  }
}
