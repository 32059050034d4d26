import { MCPError } from '../../errors'
import { httpError } from '../../http-errors'
import { serverGone } from '../http-post'
import type { ListenFilter } from '../../interest'
import {
  isRequest,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type RequestId,
} from '../../jsonrpc'
import { ModernErrorCode } from '../../modern/revision'
import type { ServerCapabilities } from '../../protocol'
import type { Transport, TransportEvents } from '../transport'
import type { StreamableHTTPConfig } from '../streamable-http/http-context'
import { ListenStream } from './listen-stream'
import type { ClientDescription } from './prepare-request'
import { listToolsPage, postModern, postNotification } from './modern-post'
import { readAnswer, type AnswerReader } from './read-answer'
import { commonVersion, errorFor } from './refusal-body'
import { ToolBook } from './tool-book'

export interface ModernConfig extends StreamableHTTPConfig {
  /** The revision to ask for first; a server that speaks another one says so and is asked again. */
  protocolVersion: string
  client: ClientDescription
  /** What the client's listeners want, for the `subscriptions/listen` filter. */
  interest: {
    filter(capabilities: ServerCapabilities | null): ListenFilter | null
    onChange(watcher: () => void): () => void
  }
}

interface InFlightRequest {
  readonly method: string
  readonly controller: AbortController
  reader?: AnswerReader
}

/**
 * Streamable HTTP as protocol 2026-07-28 has it: no session and no GET stream; every request its
 * own POST carrying the client's version, identity and capabilities in `_meta` and mirrored into
 * headers; the answer JSON or an SSE stream scoped to it; cancelling is closing that stream;
 * notifications the client listens for come on one `subscriptions/listen` stream.
 */
export class ModernTransport implements Transport {
  readonly kind = 'streamable-http'
  readonly sessionId = null
  endpoint: string | null = null
  #version: string
  #capabilities: ServerCapabilities | null = null
  #closed = false
  readonly #inFlight = new Map<RequestId, InFlightRequest>()
  readonly #tools: ToolBook
  #listening: ListenStream | null = null
  #unwatch: () => void = () => {}
  #relists = 0

  readonly #config: ModernConfig
  readonly #events: TransportEvents

  constructor(config: ModernConfig, events: TransportEvents) {
    this.#config = config
    this.#events = events
    this.#version = config.protocolVersion
    this.#tools = new ToolBook(config.wire)
  }

  /** The revision requests are sent in now (the server may have asked for another). */
  get negotiatedVersion(): string {
    return this.#version
  }

  async start(): Promise<void> {}

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed)
      throw new MCPError(
        'connection-lost',
        'The connection is closed; the message was not sent.',
      )
    if (isRequest(message)) return this.#sendRequest(message, {})
    // Closing a request's stream is its cancellation here, and there are no server requests to
    // answer (a client MUST NOT send responses); any other notification is POSTed as it is.
    if (!('method' in message) || message.method === 'notifications/cancelled')
      return
    const url = this.#config.url.href
    const response = await postNotification(
      this.#config,
      this.#version,
      message,
    )
    const text = response.ok ? '' : await response.text().catch(() => '')
    void response.body?.cancel().catch(() => {})
    if (!response.ok) throw httpError('post', url, response.status, text, false)
  }

  listen(): Promise<void> {
    if (this.#closed || this.#listening) return Promise.resolve()
    const listening = new ListenStream({
      config: this.#config,
      post: (message, signal) => this.#post(message, signal),
      deliver: (message) => this.#deliver(message, null),
    })
    this.#listening = listening
    const wanted = () => this.#config.interest.filter(this.#capabilities)
    this.#unwatch = this.#config.interest.onChange(
      () => void listening.want(wanted()),
    )
    return listening.want(wanted())
  }

  abandon(id: RequestId): void {
    const request = this.#inFlight.get(id)
    if (!request) return
    this.#inFlight.delete(id)
    request.reader?.cancel()
    request.controller.abort()
  }

  close(): void {
    if (this.#closed) return
    this.#closed = true
    this.#unwatch()
    this.#listening?.stop()
    for (const id of [...this.#inFlight.keys()]) this.abandon(id)
  }

  /** No session to end: closing is all there is. */
  async terminate(): Promise<void> {
    this.close()
  }

  #post(message: JSONRPCRequest, signal: AbortSignal): Promise<Response> {
    return postModern(this.#config, this.#version, this.#tools, message, signal)
  }

  /**
   * `retried`: what this request was already sent again for (another version, fresh tool
   * schemas), so that each recovery is tried once.
   */
  async #sendRequest(
    request: JSONRPCRequest,
    retried: { version?: boolean; headers?: boolean },
  ): Promise<void> {
    const entry: InFlightRequest = {
      method: request.method,
      controller: new AbortController(),
    }
    this.#inFlight.set(request.id, entry)
    const url = this.#config.url.href
    let response: Response
    try {
      response = await this.#post(request, entry.controller.signal)
    } catch (error) {
      this.#forget(request.id, entry)
      // Once the server answered discover, a POST with no HTTP answer means it went away.
      if (
        !this.#closed &&
        this.endpoint !== null &&
        (error as MCPError).code === 'network'
      ) {
        const lost = serverGone(error)
        this.#fail(lost)
        throw lost
      }
      throw error
    }
    if (this.#closed || entry.controller.signal.aborted) {
      void response.body?.cancel().catch(() => {})
      this.#forget(request.id, entry)
      return
    }
    if (!response.ok) {
      this.#forget(request.id, entry)
      const text = await response.text().catch(() => '')
      const refusal = errorFor(text, request.id)
      if (
        refusal?.code === ModernErrorCode.UnsupportedProtocolVersion &&
        !retried.version
      ) {
        const next = commonVersion(refusal.data)
        if (next !== null) {
          this.#version = next
          return this.#sendRequest(request, { ...retried, version: true })
        }
      }
      // The tool's schema (its x-mcp-header parameters) may have changed, or was never listed.
      if (
        refusal?.code === ModernErrorCode.HeaderMismatch &&
        request.method === 'tools/call' &&
        !retried.headers
      ) {
        await this.#tools.relist((cursor) =>
          listToolsPage(
            this.#config,
            (m, signal) => this.#post(m, signal),
            cursor,
            ++this.#relists,
          ),
        )
        return this.#sendRequest(request, { ...retried, headers: true })
      }
      if (refusal) {
        this.#deliver(
          { jsonrpc: '2.0', id: request.id, error: refusal },
          request.id,
        )
        return
      }
      throw httpError('post', url, response.status, text, false)
    }
    this.endpoint = url
    const reader = readAnswer(
      this.#config,
      response,
      request.id,
      { requestId: request.id },
      (message) => this.#deliver(message, request.id),
    )
    entry.reader = reader
    const finished = reader.outcome.then((outcome) => {
      if (!this.#forget(request.id, entry)) return
      if (outcome.kind === 'lost' && !this.#closed)
        this.#events.onRequestLost(request.id, outcome.error)
    })
    // A JSON answer is read before send resolves, so that one which is not JSON-RPC fails the send.
    const isStream = (response.headers.get('content-type') ?? '').includes(
      'text/event-stream',
    )
    if (!isStream) await finished
    else finished.catch(() => {})
  }

  /** Drops the record of request `id`; false when it was already dropped (abandoned). */
  #forget(id: RequestId, entry: InFlightRequest): boolean {
    if (this.#inFlight.get(id) !== entry) return false
    this.#inFlight.delete(id)
    return true
  }

  /** `requestId`: the request whose POST answer carried it; null for the listen stream. */
  #deliver(message: JSONRPCMessage, requestId: RequestId | null): void {
    if (this.#closed) return
    let delivered = message
    if (requestId !== null && 'result' in message && message.id === requestId) {
      const method = this.#inFlight.get(requestId)?.method
      if (method === 'tools/list')
        delivered = { ...message, result: this.#tools.learn(message.result) }
      if (
        method === 'server/discover' &&
        typeof message.result.capabilities === 'object'
      )
        this.#capabilities = message.result.capabilities as ServerCapabilities
    }
    const { wire } = this.#config
    if (wire.active)
      wire.emit(
        requestId === null
          ? { type: 'message-in', message, via: 'stream' }
          : { type: 'message-in', message, via: 'post-body', requestId },
      )
    this.#events.onMessage(
      delivered,
      requestId === null ? 'stream' : 'post-body',
    )
  }

  #fail(error: MCPError): void {
    if (this.#closed) return
    this.close()
    this.#events.onClose(error)
  }
}
