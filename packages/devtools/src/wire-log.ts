import type { WireEvent } from '@mcp-sse/core'

/**
 * How many wire events one client's log keeps. Older ones are dropped, so a chatty connection left
 * open all day costs a bounded amount of memory and a render of the log stays cheap.
 * @defaultValue 1000
 */
export const LOG_CAPACITY = 1000

/** Coalesces bursts of events into one re-render; a page streaming frames stays responsive. */
const NOTIFY_DELAY_MS = 50

export interface WireLogSnapshot {
  /** Oldest first; at most {@link LOG_CAPACITY}. */
  readonly events: readonly WireEvent[]
  /** Events seen in all, dropped ones included. */
  readonly total: number
}

const EMPTY: WireLogSnapshot = Object.freeze({
  events: Object.freeze([]),
  total: 0,
})

/** One client's recent wire events, as a subscribe + snapshot store. */
export class WireLog {
  private events: WireEvent[] = []
  private total = 0
  private snapshot = EMPTY
  private readonly listeners = new Set<() => void>()
  private timer: ReturnType<typeof setTimeout> | null = null

  push(event: WireEvent): void {
    this.events.push(event)
    if (this.events.length > LOG_CAPACITY)
      this.events.splice(0, this.events.length - LOG_CAPACITY)
    this.total++
    this.timer ??= setTimeout(() => this.flush(), NOTIFY_DELAY_MS)
  }

  clear(): void {
    this.events = []
    this.total = 0
    this.flush()
  }

  getSnapshot = (): WireLogSnapshot => this.snapshot

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.listeners.clear()
  }

  private flush(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
    this.snapshot = Object.freeze({
      events: Object.freeze([...this.events]),
      total: this.total,
    })
    for (const listener of [...this.listeners]) listener()
  }
}
