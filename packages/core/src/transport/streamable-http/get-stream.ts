import { backoffDelay } from '../../backoff'
import { MCPError } from '../../errors'
import type { JSONRPCMessage } from '../../jsonrpc'
import type { ResponseBody } from '../../stream/read-event-stream'
import type { StreamableHTTPConfig } from './http-context'
import { openGet } from './open-get'
import { StreamCursor } from './stream-cursor'

export interface GetStreamDeps {
  config: StreamableHTTPConfig
  session(): { sessionId: string | null; protocolVersion: string | null }
  deliver(message: JSONRPCMessage): void
  /** The stream cannot be opened again: the server or the session is gone. */
  fail(error: MCPError): void
}

/**
 * The GET stream on which a Streamable HTTP server sends what it wants unasked. A server that
 * offers none (405, or 404 at the first try) is not an error. When the stream ends or breaks it is
 * re-opened after the server's `retry:` delay or with backoff, resuming from `Last-Event-ID`; a
 * re-open that finds the server gone or the session forgotten ends the transport.
 */
export class GetStream {
  #everOpened = false
  #stopped = false
  #quietRounds = 0
  readonly #cursor: StreamCursor
  #timer: ReturnType<typeof setTimeout> | undefined
  readonly #controller = new AbortController()

  readonly #deps: GetStreamDeps

  constructor(deps: GetStreamDeps) {
    this.#deps = deps
    this.#cursor = new StreamCursor(deps.config, { stream: 'get' })
  }

  /** Resolves once the server answered the first GET, with a stream or a refusal. */
  start(): Promise<void> {
    return new Promise((answered) => {
      void this.#loop(answered)
    })
  }

  stop(): void {
    this.#stopped = true
    clearTimeout(this.#timer)
    this.#cursor.cancel()
    this.#controller.abort()
  }

  async #loop(answered: () => void): Promise<void> {
    const { config } = this.#deps
    if (this.#stopped) answered()
    while (!this.#stopped) {
      const { sessionId, protocolVersion } = this.#deps.session()
      let outcome
      try {
        outcome = await openGet(config, {
          sessionId,
          protocolVersion,
          lastEventId: this.#cursor.lastEventId,
          signal: this.#controller.signal,
        })
      } catch (error) {
        answered()
        // At the first try the POSTs work, so the server is up: a GET refused outright (a
        // browser's CORS check on it, say) only means no stream. Later, the server went away.
        if (!this.#stopped && this.#everOpened)
          this.#deps.fail(
            new MCPError(
              'connection-lost',
              `The server's GET stream could not be re-opened: ${(error as MCPError).message}`,
              { cause: error },
            ),
          )
        return
      }
      answered()
      if (this.#stopped) return
      if (!outcome.ok) {
        const { status } = outcome.error
        if (this.#everOpened && status !== 405)
          this.#deps.fail(this.#gone(outcome.error, sessionId))
        return
      }
      this.#everOpened = true
      const before = this.#cursor.lastEventId
      const events = await this.#read(outcome.body)
      if (this.#stopped) return
      this.#quietRounds =
        events > 0 || before !== this.#cursor.lastEventId
          ? 1
          : this.#quietRounds + 1
      const delay =
        this.#cursor.retryMs ??
        backoffDelay(this.#quietRounds, config.reconnect)
      await new Promise<void>((resolve) => {
        this.#timer = setTimeout(resolve, delay)
      })
    }
  }

  #gone(error: MCPError, sessionId: string | null): MCPError {
    if (error.status === 404 && sessionId !== null)
      return new MCPError(
        'session-expired',
        `The server no longer knows this session (404 on re-opening its GET stream); the client starts a new session.`,
        { status: 404, cause: error },
      )
    return error
  }

  /** Reads one stream to its end or break; resolves with the number of messages it carried. */
  async #read(body: ResponseBody): Promise<number> {
    let count = 0
    // A broken stream is re-opened like an ended one.
    await this.#cursor.read(body, (message) => {
      count++
      this.#deps.deliver(message)
    })
    if (!this.#stopped && this.#deps.config.wire.active)
      this.#deps.config.wire.emit({
        type: 'stream-close',
        reason: 'The server ended the GET stream; it is re-opened.',
      })
    return count
  }
}
