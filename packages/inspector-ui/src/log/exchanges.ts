import type { LogEntry } from './entry'

/** One round of a multi round-trip request: the request sent, and what its answer asked for. */
export interface ExchangeRound {
  round: number
  /** `n` of the round's request. */
  request: number
  /** Keys of the input requests its answer carried (empty for the last, complete round). */
  inputs: readonly string[]
}

/** A request answered `input_required` at least once, and every round it took (2026-07-28). */
export interface Exchange {
  /** `n` of the request that began it. */
  readonly first: number
  readonly session: string
  readonly method: string | undefined
  readonly rounds: ExchangeRound[]
}

/** A round announced by the core's `input-round` event, waiting for its request to go out. */
interface Awaiting {
  exchange: Exchange
  round: number
}

function idKey(session: string, id: unknown): string {
  return `${session}\u0000${typeof id}:${String(id)}`
}

/**
 * Links the rounds of each MRTR exchange to the request that began it: the core's
 * `input-required` event names the round that asked and the first id, and its `input-round`
 * event names the next round's id just before that request goes out.
 */
export class ExchangeIndex {
  /** The client's requests by session and id. */
  private readonly requests = new Map<string, LogEntry>()
  private readonly exchanges = new Map<number, Exchange>()
  private readonly awaiting = new Map<string, Awaiting>()

  constructor(private readonly get: (n: number) => LogEntry | undefined) {}

  of(n: number): Exchange | undefined {
    return this.exchanges.get(n)
  }

  observe(entry: LogEntry): void {
    const event = entry.event
    if (event.type === 'message-out' && entry.rpcKind === 'request') {
      this.requests.set(idKey(entry.session, entry.rpcId), entry)
      this.nextRound(entry)
      return
    }
    if (event.type === 'input-round') {
      const exchange = this.exchangeOf(entry.session, event.firstRequestId)
      if (exchange === undefined) return
      this.awaiting.set(idKey(entry.session, event.requestId), {
        exchange,
        round: event.round,
      })
      entry.exchange = exchange.first
      entry.round = event.round
      entry.method = exchange.method
      return
    }
    if (event.type !== 'input-required') return
    const first = this.requests.get(idKey(entry.session, event.firstRequestId))
    const request = this.requests.get(idKey(entry.session, event.requestId))
    if (first === undefined || request === undefined) return
    let exchange = this.exchanges.get(first.n)
    if (exchange === undefined) {
      exchange = {
        first: first.n,
        session: entry.session,
        method: first.method,
        rounds: [{ round: 1, request: first.n, inputs: [] }],
      }
      this.exchanges.set(first.n, exchange)
      this.mark(first, exchange, 1)
    }
    const round = exchange.rounds.find((r) => r.request === request.n)
    if (round !== undefined) round.inputs = event.inputs
    entry.exchange = exchange.first
    entry.round = event.round
    entry.method = first.method
  }

  forget(entry: LogEntry): void {
    if (entry.rpcKind === 'request' && entry.dir === 'out') {
      const key = idKey(entry.session, entry.rpcId)
      if (this.requests.get(key) === entry) this.requests.delete(key)
    }
    this.exchanges.delete(entry.n)
  }

  clear(): void {
    this.requests.clear()
    this.exchanges.clear()
    this.awaiting.clear()
  }

  private exchangeOf(session: string, firstId: unknown): Exchange | undefined {
    const first = this.requests.get(idKey(session, firstId))
    return first === undefined ? undefined : this.exchanges.get(first.n)
  }

  private nextRound(entry: LogEntry): void {
    const key = idKey(entry.session, entry.rpcId)
    const found = this.awaiting.get(key)
    if (found === undefined) return
    this.awaiting.delete(key)
    found.exchange.rounds.push({
      round: found.round,
      request: entry.n,
      inputs: [],
    })
    this.mark(entry, found.exchange, found.round)
  }

  /** Marks a round's request, and its answer when it already came. */
  private mark(request: LogEntry, exchange: Exchange, round: number): void {
    request.exchange = exchange.first
    request.round = round
    const answer =
      request.pair === undefined ? undefined : this.get(request.pair)
    if (answer !== undefined) {
      answer.exchange = exchange.first
      answer.round = round
    }
  }
}
