const encoder = new TextEncoder()

/** Which kind of HTTP request a stream answers, for the `openStreams` counts. */
export type StreamKind = 'get' | 'post'

/**
 * One open SSE response body. It closes from either side (the server ends it, the client
 * aborts or cancels the read), and the timers it started die with it.
 */
export class EventStream {
  readonly kind: StreamKind
  readonly body: ReadableStream<Uint8Array>
  private controller: ReadableStreamDefaultController<Uint8Array> | undefined
  private closed = false
  private readonly timers = new Set<ReturnType<typeof setInterval>>()
  private readonly closeListeners = new Set<() => void>()

  constructor(kind: StreamKind, signal?: AbortSignal) {
    this.kind = kind
    this.body = new ReadableStream<Uint8Array>({
      // `start` runs inside the constructor, so writes right after it are queued, not lost.
      start: (controller) => {
        this.controller = controller
      },
      cancel: () => this.close(),
    })
    signal?.addEventListener('abort', () => this.close(), { once: true })
  }

  get isOpen(): boolean {
    return !this.closed
  }

  /** Enqueues `text` as its own chunk so the client sees it at once. */
  write(text: string): boolean {
    if (this.closed || this.controller === undefined) return false
    try {
      this.controller.enqueue(encoder.encode(text))
      return true
    } catch {
      this.close()
      return false
    }
  }

  /** Runs `fn` every `ms` while the stream is open (heartbeats). */
  every(ms: number, fn: () => void): void {
    if (this.closed) return
    this.timers.add(setInterval(fn, ms))
  }

  onClose(listener: () => void): void {
    if (this.closed) listener()
    else this.closeListeners.add(listener)
  }

  /** Ends the body cleanly: the client reads to its end. */
  close(): void {
    this.finish(() => this.controller?.close())
  }

  /** Breaks the body off, as a dropped connection does: the client's read fails. */
  sever(): void {
    this.finish(() => this.controller?.error(new TypeError('connection cut')))
  }

  private finish(end: () => void): void {
    if (this.closed) return
    this.closed = true
    for (const timer of this.timers) clearInterval(timer)
    this.timers.clear()
    try {
      end()
    } catch {
      // Already closed or errored by the reader going away.
    }
    for (const listener of this.closeListeners) listener()
    this.closeListeners.clear()
  }
}
