import { backoffDelay } from '../../backoff'
import { MCPError } from '../../errors'
import type { JSONRPCMessage, RequestId } from '../../jsonrpc'
import type { ResponseBody } from '../../stream/read-event-stream'
import type { StreamableHTTPConfig } from './http-context'
import { openGet } from './open-get'
import { StreamCursor } from './stream-cursor'

/** Resumptions in a row that brought no new event before the answer counts as lost. */
const MAX_IDLE_RESUMES = 3

export interface AnswerStreamDeps {
  config: StreamableHTTPConfig
  session(): { sessionId: string | null; protocolVersion: string | null }
  deliver(message: JSONRPCMessage): void
  /** The answer can no longer arrive. */
  lost(error: MCPError): void
}

/**
 * The SSE answer to one POSTed request: progress, logs and server requests, then the answer.
 * When the stream ends or breaks before the answer, it is resumed with GET and `Last-Event-ID`
 * after the server's `retry:` delay (SSE polling, 2025-11-25); with no event id to resume from,
 * the answer is lost and the session layer decides whether to send the request again.
 */
export class AnswerStream {
  #answered = false
  #cancelled = false
  #idleResumes = 0
  readonly #cursor: StreamCursor
  #timer: ReturnType<typeof setTimeout> | undefined
  /** Made on the first resumption: most answers never need one. */
  #controller: AbortController | null = null

  readonly #deps: AnswerStreamDeps

  constructor(
    private readonly requestId: RequestId,
    deps: AnswerStreamDeps,
  ) {
    this.#deps = deps
    this.#cursor = new StreamCursor(deps.config, { requestId })
  }

  /** Reads `body` to its end, resuming as often as needed; never rejects. */
  async run(body: ResponseBody): Promise<void> {
    let current: ResponseBody | null = body
    while (current && !this.#cancelled) {
      const before = this.#cursor.lastEventId
      const broke = await this.#read(current)
      if (this.#answered || this.#cancelled) return
      if (this.#cursor.lastEventId === undefined) {
        this.#deps.lost(
          new MCPError(
            'connection-lost',
            `The answer stream of request ${JSON.stringify(this.requestId)} ${broke ? 'broke off' : 'ended'} before its answer, ` +
              'and the server gave no event id to resume from.',
          ),
        )
        return
      }
      this.#idleResumes =
        before === this.#cursor.lastEventId ? this.#idleResumes + 1 : 0
      if (this.#idleResumes >= MAX_IDLE_RESUMES) {
        this.#deps.lost(
          new MCPError(
            'connection-lost',
            `Resuming the answer stream of request ${JSON.stringify(this.requestId)} brought nothing ${MAX_IDLE_RESUMES} times in a row.`,
          ),
        )
        return
      }
      current = await this.#resume()
    }
  }

  cancel(): void {
    this.#cancelled = true
    clearTimeout(this.#timer)
    this.#cursor.cancel()
    this.#controller?.abort()
  }

  /** Resolves true when the stream broke, false when it ended. */
  #read(body: ResponseBody): Promise<boolean> {
    return this.#cursor.read(body, (message) => {
      if (!('method' in message) && message.id === this.requestId)
        this.#answered = true
      this.#deps.deliver(message)
    })
  }

  /** Waits the server's `retry:` delay, then GETs with `Last-Event-ID`; null when it failed. */
  async #resume(): Promise<ResponseBody | null> {
    const { config } = this.#deps
    const delay =
      this.#cursor.retryMs ??
      backoffDelay(this.#idleResumes + 1, config.reconnect)
    await new Promise<void>((resolve) => {
      this.#timer = setTimeout(resolve, delay)
    })
    if (this.#cancelled) return null
    const { sessionId, protocolVersion } = this.#deps.session()
    try {
      const outcome = await openGet(config, {
        sessionId,
        protocolVersion,
        lastEventId: this.#cursor.lastEventId,
        signal: (this.#controller ??= new AbortController()).signal,
      })
      if (outcome.ok) return outcome.body
      this.#deps.lost(
        new MCPError(
          'connection-lost',
          `Resuming the answer stream of request ${JSON.stringify(this.requestId)} failed: ${outcome.error.message}`,
          { cause: outcome.error, status: outcome.error.status },
        ),
      )
    } catch (error) {
      if (!this.#cancelled)
        this.#deps.lost(
          new MCPError(
            'connection-lost',
            `Resuming the answer stream of request ${JSON.stringify(this.requestId)} failed: ${(error as Error).message}`,
            { cause: error },
          ),
        )
    }
    return null
  }
}
