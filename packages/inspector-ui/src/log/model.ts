import type { WireEvent } from '@mcp-sse/core'
import { createEntry, type LogEntry } from './entry'
import { ExchangeIndex, type Exchange } from './exchanges'
import { RingBuffer } from './ring'

export const DEFAULT_LOG_CAP = 200_000

/**
 * The log's data, outside React: a ring buffer of entries and the index that pairs each JSON-RPC
 * request with its answer. The zustand store (store.ts) wraps it and bumps a version on change.
 */
export class LogModel {
  private ring: RingBuffer<LogEntry>
  private byN = new Map<number, LogEntry>()
  /** Requests still waiting for their answer, by session, direction and id. */
  private open = new Map<string, LogEntry>()
  private nextN = 1
  /** Per session: the stream label of its last SSE frame, which the next message came out of. */
  private lastFrame = new Map<string, string>()
  /** Sessions seen in the log, for the session filter. */
  readonly sessions = new Set<string>()
  /** The rounds of multi round-trip requests (2026-07-28). */
  private readonly exchanges = new ExchangeIndex((n) => this.byN.get(n))
  /** Entries dropped because the cap was reached, since the last clear. */
  dropped = 0

  constructor(cap = DEFAULT_LOG_CAP) {
    this.ring = new RingBuffer(cap)
  }

  get size(): number {
    return this.ring.size
  }

  get cap(): number {
    return this.ring.cap
  }

  at(index: number): LogEntry | undefined {
    return this.ring.at(index)
  }

  get(n: number): LogEntry | undefined {
    return this.byN.get(n)
  }

  add(session: string, event: WireEvent): LogEntry {
    const entry = createEntry(
      this.nextN++,
      session,
      event,
      this.lastFrame.get(session),
    )
    if (event.type === 'sse-frame') this.lastFrame.set(session, entry.stream)
    this.sessions.add(session)
    this.pair(entry)
    this.exchanges.observe(entry)
    this.markCancelled(entry)
    this.byN.set(entry.n, entry)
    const evicted = this.ring.push(entry)
    if (evicted !== undefined) this.forget(evicted)
    return entry
  }

  setCap(cap: number): void {
    for (const entry of this.ring.resize(cap)) this.forget(entry)
  }

  clear(): void {
    this.ring.clear()
    this.byN.clear()
    this.open.clear()
    this.lastFrame.clear()
    this.exchanges.clear()
    this.sessions.clear()
    this.dropped = 0
  }

  /** The MRTR exchange begun by request entry `n`, if that request took more than one round. */
  exchangeOf(n: number): Exchange | undefined {
    return this.exchanges.of(n)
  }

  entries(): LogEntry[] {
    return this.ring.toArray()
  }

  private forget(entry: LogEntry): void {
    this.dropped++
    this.byN.delete(entry.n)
    this.exchanges.forget(entry)
    if (entry.rpcKind === 'request' && entry.pair === undefined) {
      this.open.delete(key(entry.session, entry.dir, entry.rpcId))
    }
  }

  /** `notifications/cancelled` from the client marks the request it names, which gets no answer. */
  private markCancelled(entry: LogEntry): void {
    if (
      entry.event.type !== 'message-out' ||
      entry.method !== 'notifications/cancelled' ||
      !('params' in entry.event.message)
    )
      return
    const id = entry.event.message.params?.requestId
    if (typeof id !== 'string' && typeof id !== 'number') return
    const request = this.open.get(key(entry.session, 'out', id))
    if (request === undefined) return
    request.cancelled = true
    entry.pair = request.n
  }

  /** A request waits in `open`; the answer travelling the other way closes the pair. */
  private pair(entry: LogEntry): void {
    const type = entry.event.type
    if (type !== 'message-in' && type !== 'message-out') return
    if (entry.rpcKind === 'request') {
      this.open.set(key(entry.session, entry.dir, entry.rpcId), entry)
      return
    }
    if (entry.rpcKind !== 'response' || entry.rpcId === undefined) return
    const requestDir = entry.dir === 'in' ? 'out' : 'in'
    const k = key(entry.session, requestDir, entry.rpcId)
    const request = this.open.get(k)
    if (request === undefined) return
    this.open.delete(k)
    const latency = entry.event.time - request.event.time
    request.pair = entry.n
    request.latencyMs = latency
    entry.pair = request.n
    entry.latencyMs = latency
    entry.method = request.method
    // A later round's request is marked when it is sent; its answer joins the same exchange.
    entry.exchange = request.exchange
    entry.round = request.round
  }
}

function key(
  session: string,
  dir: string,
  id: string | number | undefined,
): string {
  return `${session}\u0000${dir}\u0000${typeof id}:${String(id)}`
}
