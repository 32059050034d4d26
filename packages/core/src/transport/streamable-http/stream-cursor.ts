import type { JSONRPCMessage } from '../../jsonrpc'
import {
  readEventStream,
  type ResponseBody,
} from '../../stream/read-event-stream'
import type { StreamableHTTPConfig } from './http-context'
import { deliverEvent, type StreamOrigin } from './read-messages'

/**
 * One logical SSE stream across its connections: reads each body in turn and keeps what resuming
 * needs, the last event id and the server's `retry:` delay.
 */
export class StreamCursor {
  lastEventId: string | undefined
  retryMs: number | undefined
  #reading: { cancel(): void } | null = null

  readonly #config: StreamableHTTPConfig
  readonly #origin: StreamOrigin

  constructor(config: StreamableHTTPConfig, origin: StreamOrigin) {
    this.#config = config
    this.#origin = origin
  }

  /** Reads `body` to its end; resolves true when it broke off, false when it ended. */
  async read(
    body: ResponseBody,
    deliver: (message: JSONRPCMessage) => void,
  ): Promise<boolean> {
    const reading = readEventStream(body, {
      onEvent: (event) => {
        if (event.id !== undefined) this.lastEventId = event.id
        deliverEvent(this.#config, event, this.#origin, deliver)
      },
      onRetry: (ms) => {
        this.retryMs = ms
      },
    })
    this.#reading = reading
    try {
      await reading.done
      return false
    } catch {
      return true
    } finally {
      this.#reading = null
    }
  }

  cancel(): void {
    this.#reading?.cancel()
  }
}
