import { backoffDelay } from '../../backoff'
import type { ListenFilter } from '../../interest'
import type { JSONRPCMessage, JSONRPCRequest } from '../../jsonrpc'
import type { StreamableHTTPConfig } from '../streamable-http/http-context'
import { StreamCursor } from '../streamable-http/stream-cursor'

/** How long `want` waits for the server's acknowledgment before it lets the caller go on. */
const ACK_WAIT_MS = 5000

export interface ListenDeps {
  config: StreamableHTTPConfig
  /** POSTs a request with the revision's metadata and headers. */
  post(message: JSONRPCRequest, signal: AbortSignal): Promise<Response>
  deliver(message: JSONRPCMessage): void
}

/** One `subscriptions/listen` request and the stream that answers it. */
class Subscription {
  readonly controller = new AbortController()
  acked = false
  #acknowledge: () => void = () => {}
  /** Resolves once the server acknowledged, or the stream failed before it did. */
  readonly acknowledged = new Promise<void>((resolve) => {
    this.#acknowledge = resolve
  })

  constructor(
    readonly id: string,
    private readonly deps: ListenDeps,
  ) {}

  /** Runs to the stream's end; resolves `retry: false` when the server cannot listen at all. */
  async run(filter: ListenFilter): Promise<{ retry: boolean }> {
    const { deps } = this
    try {
      const response = await deps.post(
        {
          jsonrpc: '2.0',
          id: this.id,
          method: 'subscriptions/listen',
          params: { notifications: filter },
        },
        this.controller.signal,
      )
      const type = response.headers.get('content-type') ?? ''
      if (
        !response.ok ||
        !type.includes('text/event-stream') ||
        !response.body
      ) {
        const text = await response.text().catch(() => '')
        if (deps.config.wire.active)
          deps.config.wire.emit({
            type: 'stream-error',
            url: deps.config.url.href,
            status: response.status,
            message: `subscriptions/listen was answered ${response.status} ${type || 'without a Content-Type'}, not an event stream${text.trim() ? `: ${text.trim().slice(0, 200)}` : ''}`,
          })
        // A server that refuses listening (no such method, bad request) will refuse it again.
        return { retry: response.ok || response.status >= 500 }
      }
      const cursor = new StreamCursor(deps.config, { stream: 'listen' })
      this.controller.signal.addEventListener('abort', () => cursor.cancel(), {
        once: true,
      })
      await cursor.read(response.body, (message) => {
        // The answer to the listen request itself: the server ended the subscription.
        if (!('method' in message) && message.id === this.id) return
        if (
          'method' in message &&
          message.method === 'notifications/subscriptions/acknowledged'
        ) {
          this.acked = true
          this.#acknowledge()
        }
        deps.deliver(message)
      })
      return { retry: true }
    } catch {
      return { retry: !this.controller.signal.aborted }
    } finally {
      this.#acknowledge()
    }
  }

  close(): void {
    this.controller.abort()
  }
}

/**
 * The one `subscriptions/listen` stream of a 2026-07-28 connection, asking for what the client's
 * listeners want. A new filter opens a new stream and closes the old one once the new one is
 * acknowledged, so no notification falls between them; a stream that ends or breaks is re-opened
 * with backoff; no filter closes it.
 */
export class ListenStream {
  #current: Subscription | null = null
  #wantedKey: string | null = null
  #wanted: ListenFilter | null = null
  #attempt = 0
  #opened = 0
  #timer: ReturnType<typeof setTimeout> | undefined
  #stopped = false

  readonly #deps: ListenDeps

  constructor(deps: ListenDeps) {
    this.#deps = deps
  }

  /** Listens with `filter` (null: stop listening); resolves once the server acknowledged. */
  want(filter: ListenFilter | null): Promise<void> {
    const key = filter === null ? null : JSON.stringify(filter)
    if (this.#stopped || key === this.#wantedKey) return Promise.resolve()
    this.#wanted = filter
    this.#wantedKey = key
    this.#attempt = 0
    clearTimeout(this.#timer)
    if (filter === null) {
      this.#current?.close()
      this.#current = null
      return Promise.resolve()
    }
    return this.#open(filter)
  }

  stop(): void {
    this.#stopped = true
    clearTimeout(this.#timer)
    this.#current?.close()
    this.#current = null
  }

  #open(filter: ListenFilter): Promise<void> {
    const previous = this.#current
    const subscription = new Subscription(
      `listen-${++this.#opened}`,
      this.#deps,
    )
    this.#current = subscription
    void subscription.run(filter).then(({ retry }) => {
      if (this.#current !== subscription || this.#stopped) return
      if (subscription.acked) this.#attempt = 0
      if (!retry) return
      const delay = backoffDelay(++this.#attempt, this.#deps.config.reconnect)
      this.#timer = setTimeout(() => {
        if (this.#current === subscription && this.#wanted !== null)
          void this.#open(this.#wanted)
      }, delay)
    })
    // The old stream goes once the new one carries notifications (or failed and will be retried).
    void subscription.acknowledged.then(() => previous?.close())
    let timer: ReturnType<typeof setTimeout> | undefined
    return Promise.race([
      subscription.acknowledged,
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, ACK_WAIT_MS)
      }),
    ]).finally(() => clearTimeout(timer))
  }
}
