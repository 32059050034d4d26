import type { JSONRPCMessage } from '@mcp-sse/core'
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

interface Awaiting {
  exchange: Exchange
  round: number
  method: string | undefined
  params: string
}

const ROUND_KEYS = new Set(['inputResponses', 'requestState', '_meta'])

/** A request's params without what changes from round to round, to spot the next round by. */
function sameCall(message: JSONRPCMessage): string {
  if (!('method' in message) || message.params === undefined) return ''
  const kept = Object.entries(message.params).filter(
    ([k]) => !ROUND_KEYS.has(k),
  )
  return JSON.stringify(kept)
}

function idKey(session: string, id: unknown): string {
  return `${session}\u0000${typeof id}:${String(id)}`
}

/**
 * Links the rounds of each MRTR exchange to the request that began it. The core's
 * `input-required` event names the round's id and the first id; the next round's id appears only
 * on its own request, which is the same call re-sent with `inputResponses`/`requestState`, so the
 * next request of that session with the same method and the same other params is taken as it.
 */
export class ExchangeIndex {
  /** The client's requests by session and id. */
  private readonly requests = new Map<string, LogEntry>()
  private readonly exchanges = new Map<number, Exchange>()
  private readonly awaiting = new Map<string, Awaiting[]>()

  constructor(private readonly get: (n: number) => LogEntry | undefined) {}

  of(n: number): Exchange | undefined {
    return this.exchanges.get(n)
  }

  observe(entry: LogEntry): void {
    const event = entry.event
    if (event.type === 'message-out' && entry.rpcKind === 'request') {
      this.requests.set(idKey(entry.session, entry.rpcId), entry)
      this.nextRound(entry, event.message)
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
    const list = this.awaiting.get(entry.session) ?? []
    list.push({
      exchange,
      round: event.round,
      method: first.method,
      params:
        first.event.type === 'message-out' ? sameCall(first.event.message) : '',
    })
    this.awaiting.set(entry.session, list)
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

  private nextRound(entry: LogEntry, message: JSONRPCMessage): void {
    const list = this.awaiting.get(entry.session)
    if (list === undefined) return
    const params = sameCall(message)
    const at = list.findIndex(
      (a) => a.method === entry.method && a.params === params,
    )
    const found = list[at]
    if (found === undefined) return
    list.splice(at, 1)
    const round = found.round + 1
    found.exchange.rounds.push({ round, request: entry.n, inputs: [] })
    this.mark(entry, found.exchange, round)
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
