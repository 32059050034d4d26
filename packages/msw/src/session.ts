import type { LoggingLevel, RequestId } from '@mcp-sse/core'
import { NO_OUTLET, type Outlet } from './outlet.js'

/**
 * One client's session: what it negotiated and asked for (version, log level, subscriptions),
 * where its unprompted messages go, and the work in flight on it. Everything it started ends
 * when it closes, so a test that disconnects leaves no timer or promise behind.
 */
export class Session {
  readonly id: string
  /** A stateless Streamable HTTP server's stand-in: no id goes on the wire. */
  readonly stateless: boolean
  protocolVersion: string | undefined
  logLevel: LoggingLevel | undefined
  readonly subscriptions = new Set<string>()
  /** Requests running, by id, so `notifications/cancelled` can abort them. */
  readonly inFlight = new Map<RequestId, AbortController>()
  /** Where notifications and requests that belong to no client request go. */
  outlet: Outlet = NO_OUTLET
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()
  private readonly closeListeners = new Set<() => void>()
  private closed = false

  constructor(id: string, options: { stateless?: boolean } = {}) {
    this.id = id
    this.stateless = options.stateless === true
  }

  get isOpen(): boolean {
    return !this.closed
  }

  /** A timer that dies with the session; returns its cancel function. */
  setTimer(fn: () => void, ms: number): () => void {
    if (this.closed) return () => {}
    const timer = setTimeout(() => {
      this.timers.delete(timer)
      fn()
    }, ms)
    this.timers.add(timer)
    return () => {
      clearTimeout(timer)
      this.timers.delete(timer)
    }
  }

  /** Runs `listener` when the session closes (at once if it has); returns its remover. */
  onClose(listener: () => void): () => void {
    if (this.closed) {
      listener()
      return () => {}
    }
    this.closeListeners.add(listener)
    return () => this.closeListeners.delete(listener)
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    for (const timer of this.timers) clearTimeout(timer)
    this.timers.clear()
    for (const controller of this.inFlight.values()) controller.abort()
    this.inFlight.clear()
    for (const listener of [...this.closeListeners]) listener()
    this.closeListeners.clear()
  }
}
