import { eventFrame } from './frames.js'
import type {
  JSONRPCMessage,
  JSONRPCResponse,
  LoggingLevel,
  RequestId,
} from './types.js'

interface PendingRequest {
  resolve: (result: Record<string, unknown>) => void
  reject: (error: Error) => void
}

const encoder = new TextEncoder()

/**
 * One client connection: the open event stream, what the client asked of it (log level,
 * subscriptions) and the work in flight on it. Everything it started ends when it closes, so a
 * test that disconnects leaves no timer or promise behind.
 */
export class Session {
  readonly id: string
  logLevel: LoggingLevel | undefined
  readonly subscriptions = new Set<string>()
  /** Tool calls running, by request id, so `notifications/cancelled` can abort them. */
  readonly inFlight = new Map<RequestId, AbortController>()
  private readonly pending = new Map<RequestId, PendingRequest>()
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()
  private controller: ReadableStreamDefaultController<Uint8Array> | undefined
  private closed = false
  private readonly onClose: (session: Session) => void

  constructor(id: string, onClose: (session: Session) => void) {
    this.id = id
    this.onClose = onClose
  }

  get isOpen(): boolean {
    return !this.closed
  }

  /** The response body of the GET that opened this session. */
  createStream(onOpen: () => void): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.controller = controller
        onOpen()
      },
      // The client went away (aborted fetch, EventSource.close()).
      cancel: () => this.close(),
    })
  }

  /** Writes raw text; each call is enqueued as its own chunk so the client sees it at once. */
  write(text: string): void {
    if (this.closed || this.controller === undefined) return
    try {
      this.controller.enqueue(encoder.encode(text))
    } catch {
      this.close()
    }
  }

  send(message: JSONRPCMessage, unnamed: boolean): void {
    this.write(
      eventFrame(JSON.stringify(message), unnamed ? undefined : 'message'),
    )
  }

  /** A timer that dies with the session. */
  setTimer(fn: () => void, ms: number, repeat = false): void {
    if (this.closed) return
    const timer = repeat
      ? setInterval(fn, ms)
      : setTimeout(() => {
          this.timers.delete(timer)
          fn()
        }, ms)
    this.timers.add(timer)
  }

  /** Registers a server-to-client request; resolves when the client POSTs its answer. */
  expect(id: RequestId): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      if (this.closed) {
        reject(new Error(`session ${this.id} is closed`))
        return
      }
      this.pending.set(id, { resolve, reject })
    })
  }

  /** Settles a server-to-client request. Returns false when no request had that id. */
  settle(response: JSONRPCResponse): boolean {
    if (response.id === null) return false
    const pending = this.pending.get(response.id)
    if (pending === undefined) return false
    this.pending.delete(response.id)
    if ('result' in response) pending.resolve(response.result)
    else
      pending.reject(
        new Error(`${response.error.code}: ${response.error.message}`),
      )
    return true
  }

  cancelPending(id: RequestId, reason: string): void {
    const pending = this.pending.get(id)
    if (pending === undefined) return
    this.pending.delete(id)
    pending.reject(new Error(reason))
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    for (const timer of this.timers) {
      clearTimeout(timer)
      clearInterval(timer)
    }
    this.timers.clear()
    for (const controller of this.inFlight.values()) controller.abort()
    this.inFlight.clear()
    for (const pending of this.pending.values()) {
      pending.reject(
        new Error(`session ${this.id} closed before the client answered`),
      )
    }
    this.pending.clear()
    try {
      this.controller?.close()
    } catch {
      // Already closed or errored by the reader going away.
    }
    this.onClose(this)
  }
}
