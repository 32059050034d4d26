import { MCPError } from '../errors'
import type { JSONRPCMessage } from '../jsonrpc'
import type { EventSourceConstructor } from '../options'
import type { EventStream, SSEFrame } from '../stream/event-stream'
import { openEventSourceStream } from '../stream/eventsource-stream'
import { openFetchStream } from '../stream/fetch-stream'
import {
  assertAllowedOrigin,
  endpointFromEventData,
  sessionIdFromUrl,
  withSessionId,
} from '../url'
import type { WireTap } from '../wire-tap'
import { readMessages, sessionIdFromMessage } from './frame-reader'
import { InFlight } from './in-flight'
import { watchSilence, type SilenceWatch } from './keep-alive'
import { postMessage } from './post-message'
import type { MessageSource, Transport, TransportEvents } from './transport'

export interface SSETransportConfig {
  streamUrl: URL
  fallbackPostUrl: URL
  headers: Record<string, string>
  allowedOrigins: readonly string[]
  withCredentials: boolean
  via: 'eventsource' | 'fetch'
  fetch: typeof fetch
  EventSource: EventSourceConstructor | undefined
  endpointTimeout: number
  keepAliveTimeout: number
  wire: WireTap
}

type EndpointSource = 'event' | 'fallback' | 'message'

/**
 * MCP's HTTP+SSE transport in every dialect we meet: the POST endpoint named by an `endpoint`
 * event (path, URL or JSON), or not named at all (fallback path), or a session id announced in a
 * message; answers on the stream or in the POST's body.
 */
export class SSETransport implements Transport {
  readonly kind = 'sse'
  sessionId: string | null = null
  endpoint: string | null = null

  private readonly config: SSETransportConfig
  readonly #events: TransportEvents
  #stream: EventStream | null = null
  #endpointSource: EndpointSource | null = null
  #sessionHeader: string | null = null
  #closed = false
  #started: { resolve(): void; reject(error: MCPError): void } | null = null
  #endpointTimer: ReturnType<typeof setTimeout> | undefined
  #keepAlive: SilenceWatch | null = null
  readonly #posts = new InFlight()

  constructor(config: SSETransportConfig, events: TransportEvents) {
    this.config = config
    this.#events = events
  }

  start(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#started = { resolve, reject }
      const { config } = this
      const options = {
        url: config.streamUrl.href,
        headers: config.headers,
        withCredentials: config.withCredentials,
      }
      const handlers = {
        onOpen: (status: number, headers: Headers) =>
          this.#handleOpen(status, headers),
        onFrame: (frame: SSEFrame) => this.#handleFrame(frame),
        onComment: (text: string) => this.#handleComment(text),
        onEnd: (error: MCPError) => this.#fail(error),
      }
      this.#stream =
        config.via === 'eventsource' && config.EventSource
          ? openEventSourceStream(
              options,
              handlers,
              config.EventSource,
              config.fetch,
            )
          : openFetchStream(options, handlers, config.fetch)
    })
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed || this.endpoint === null) {
      throw new MCPError(
        'connection-lost',
        'The connection is closed; the message was not sent.',
      )
    }
    const headers = this.#sessionHeader
      ? { ...this.config.headers, 'Mcp-Session-Id': this.#sessionHeader }
      : this.config.headers
    const controller = this.#posts.start()
    try {
      await postMessage(this.endpoint, message, {
        fetch: this.config.fetch,
        headers,
        withCredentials: this.config.withCredentials,
        signal: controller.signal,
        wire: this.config.wire,
        hadSession: this.sessionId !== null,
        deliver: (answer, via) => this.#deliver(answer, via),
      })
    } finally {
      this.#posts.done(controller)
    }
  }

  /** Listening needs nothing more (the stream is open), nor does leaving an answer to the stream. */
  async listen(): Promise<void> {}
  abandon(): void {}

  /** HTTP+SSE has no way to end a session but closing its stream. */
  terminate = async (): Promise<void> => this.close()

  close(): void {
    if (this.#closed) return
    this.#closed = true
    this.#clearTimers()
    this.#stream?.close()
    this.#posts.abortAll()
    if (this.config.wire.active) {
      this.config.wire.emit({
        type: 'stream-close',
        reason: 'closed by the client',
      })
    }
    this.#started?.reject(
      new MCPError('closed', 'The connection was closed before it was ready.'),
    )
    this.#started = null
  }

  #handleOpen(status: number, headers: Headers): void {
    if (this.#closed) return
    const { config } = this
    this.#touch()
    if (config.wire.active) {
      config.wire.emit({
        type: 'stream-open',
        url: config.streamUrl.href,
        status,
        via: config.via,
      })
    }
    const headerSession = headers.get('mcp-session-id')
    if (headerSession) {
      this.#sessionHeader = headerSession
      this.sessionId = headerSession
    }
    this.#endpointTimer = setTimeout(
      () => this.#useEndpoint(config.fallbackPostUrl, 'fallback'),
      config.endpointTimeout,
    )
    if (config.keepAliveTimeout > 0)
      this.#keepAlive = watchSilence(config.keepAliveTimeout, (error) =>
        this.#fail(error),
      )
  }

  #handleComment(text: string): void {
    if (this.#closed) return
    this.#touch()
    if (this.config.wire.active)
      this.config.wire.emit({ type: 'sse-comment', text })
  }

  #handleFrame(frame: SSEFrame): void {
    if (this.#closed) return
    this.#touch()
    const { wire } = this.config
    if (wire.active) {
      wire.emit({
        type: 'sse-frame',
        event: frame.event,
        id: frame.id,
        data: frame.data,
      })
    }
    if (frame.event === 'endpoint') {
      const url = endpointFromEventData(frame.data, this.config.streamUrl)
      if (url) this.#useEndpoint(url, 'event')
      else if (wire.active) {
        wire.emit({
          type: 'parse-error',
          data: frame.data,
          message: 'The endpoint event names no URL; ignored.',
        })
      }
      return
    }
    const reading = readMessages(frame.data)
    if (!reading.ok) {
      // Named non-message events are heartbeats and the like: expected, not errors.
      if (frame.event === 'message' && wire.active) {
        wire.emit({
          type: 'parse-error',
          data: frame.data,
          message: `Frame is ${reading.reason}; ignored.`,
        })
      }
      if (this.#endpointSource === null)
        this.#useEndpoint(this.config.fallbackPostUrl, 'fallback')
      return
    }
    for (const message of reading.messages) {
      const announced = sessionIdFromMessage(message)
      if (announced && this.#endpointSource !== 'event') {
        this.#useEndpoint(
          withSessionId(this.config.fallbackPostUrl, announced),
          'message',
        )
      }
    }
    if (this.#endpointSource === null)
      this.#useEndpoint(this.config.fallbackPostUrl, 'fallback')
    for (const message of reading.messages) this.#deliver(message, 'stream')
  }

  #deliver(message: JSONRPCMessage, via: MessageSource): void {
    if (this.#closed) return
    if (this.config.wire.active)
      this.config.wire.emit({ type: 'message-in', message, via })
    this.#events.onMessage(message, via)
  }

  #useEndpoint(url: URL, source: EndpointSource): void {
    if (this.#closed) return
    clearTimeout(this.#endpointTimer)
    if (this.#endpointSource === 'event' && source !== 'event') return
    try {
      assertAllowedOrigin(
        url,
        this.config.streamUrl,
        this.config.allowedOrigins,
      )
    } catch (error) {
      this.#fail(error as MCPError)
      return
    }
    const changed = this.endpoint !== url.href
    this.endpoint = url.href
    this.#endpointSource = source
    this.sessionId = sessionIdFromUrl(url) ?? this.#sessionHeader
    if (changed && this.config.wire.active) {
      this.config.wire.emit({ type: 'endpoint', url: url.href, source })
    }
    if (this.#started) {
      this.#started.resolve()
      this.#started = null
    } else if (changed) {
      this.#events.onSessionChange()
    }
  }

  #touch(): void {
    this.#keepAlive?.touch()
  }

  #clearTimers(): void {
    clearTimeout(this.#endpointTimer)
    this.#keepAlive?.stop()
  }

  /** The stream ended or something fatal happened: stop and tell whoever waits. */
  #fail(error: MCPError): void {
    if (this.#closed) return
    this.#closed = true
    this.#clearTimers()
    this.#stream?.close()
    this.#posts.abortAll()
    const { wire } = this.config
    if (wire.active) {
      if (this.#endpointSource === null && this.#started) {
        wire.emit({
          type: 'stream-error',
          url: this.config.streamUrl.href,
          status: error.status,
          message: error.message,
        })
      } else {
        wire.emit({ type: 'stream-close', reason: error.message })
      }
    }
    if (this.#started) {
      this.#started.reject(error)
      this.#started = null
    } else {
      this.#events.onClose(error)
    }
  }
}
