import { MCPError } from '../../errors'
import type { ResponseBody } from '../../stream/read-event-stream'
import { httpError } from '../../http-errors'
import { isRequest, type JSONRPCMessage, type RequestId } from '../../jsonrpc'
import { isModernErrorCode } from '../../modern/revision'
import { errorFor, modernOnlyError } from '../modern/refusal-body'
import { readMessages } from '../frame-reader'
import { httpPost, serverGone } from '../http-post'
import { InFlight } from '../in-flight'
import type { Transport, TransportEvents } from '../transport'
import { AnswerStream } from './answer-stream'
import { GetStream } from './get-stream'
import {
  credentials,
  sessionHeaders,
  type StreamableHTTPConfig,
} from './http-context'

/**
 * MCP's Streamable HTTP transport (2025-03-26 to 2025-11-25): every message its own POST to one
 * endpoint, answered with JSON or an SSE stream; the session id from `initialize`'s answer on
 * every later request; a GET stream for what the server sends unasked; DELETE at the end.
 */
export class StreamableHTTPTransport implements Transport {
  readonly kind = 'streamable-http'
  sessionId: string | null = null
  /** Known once the server accepted a message there (the probe may find nothing). */
  endpoint: string | null = null
  #protocolVersion: string | null = null
  #initializeId: RequestId | null = null
  #closed = false
  #getStream: GetStream | null = null
  readonly #answers = new Map<RequestId, AnswerStream>()
  readonly #posts = new InFlight()

  readonly #config: StreamableHTTPConfig
  readonly #events: TransportEvents

  constructor(config: StreamableHTTPConfig, events: TransportEvents) {
    this.#config = config
    this.#events = events
  }

  /** Nothing to open first: the initialize POST itself starts the session. */
  async start(): Promise<void> {}

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed)
      throw new MCPError(
        'connection-lost',
        'The connection is closed; the message was not sent.',
      )
    const request = isRequest(message) ? message : null
    if (request?.method === 'initialize') this.#initializeId = request.id
    const url = this.#config.url.href
    const body = JSON.stringify(message)
    const headers = sessionHeaders(
      this.#config,
      this.sessionId,
      this.#protocolVersion,
      {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
      },
    )
    const { wire } = this.#config
    if (wire.active) wire.emit({ type: 'message-out', message })
    const controller = this.#posts.start()
    const hadSession = this.sessionId !== null
    let response: Response
    try {
      response = await httpPost(
        {
          url,
          headers,
          body,
          credentials: credentials(this.#config),
          signal: controller.signal,
        },
        { fetch: this.#config.fetch, wire, userHeaders: this.#config.headers },
      )
    } catch (error) {
      // Once the session is open, the server went away; before, this is a probe's answer for
      // detection to read.
      if (!this.#closed && this.#getStream) {
        const lost = serverGone(error)
        this.#fail(lost)
        throw lost
      }
      throw error
    } finally {
      this.#posts.done(controller)
    }
    if (this.#closed) {
      void response.body?.cancel().catch(() => {})
      throw new MCPError(
        'connection-lost',
        'The connection closed while the POST was answered.',
      )
    }
    if (!response.ok) {
      const text = await response.text().catch(() => '')
      const modern = request && errorFor(text, request.id)
      if (modern && isModernErrorCode(modern.code))
        throw modernOnlyError(request.method, modern)
      throw httpError('post', url, response.status, text, hadSession)
    }
    this.endpoint = url
    this.#takeSessionId(response.headers)
    const contentType =
      response.headers.get('content-type')?.toLowerCase() ?? ''
    if (!request || response.status === 202) {
      void response.body?.cancel().catch(() => {})
      return
    }
    if (contentType.includes('text/event-stream') && response.body) {
      this.#readAnswerStream(request.id, response.body)
      return
    }
    const text = await response.text().catch(() => '')
    const reading = contentType.includes('json') ? readMessages(text) : null
    if (!reading?.ok) {
      throw new MCPError(
        'protocol',
        `The POST of ${request.method} to ${url} was answered ${response.status} with ` +
          `${contentType ? `'${contentType}'` : 'no Content-Type'}, not a JSON-RPC answer: this is not a Streamable HTTP endpoint.`,
        { status: response.status },
      )
    }
    for (const answer of reading.messages) this.#deliver(answer, request.id)
  }

  listen(): Promise<void> {
    if (this.#closed || this.#getStream) return Promise.resolve()
    this.#getStream = new GetStream({
      config: this.#config,
      session: () => this.#session(),
      deliver: (message) => this.#deliver(message, null),
      fail: (error) => this.#fail(error),
    })
    return this.#getStream.start()
  }

  abandon(id: RequestId): void {
    this.#answers.get(id)?.cancel()
    this.#answers.delete(id)
  }

  close(): void {
    if (this.#closed) return
    this.#closed = true
    this.#getStream?.stop()
    for (const answer of this.#answers.values()) answer.cancel()
    this.#answers.clear()
    this.#posts.abortAll()
  }

  async terminate(): Promise<void> {
    const { sessionId } = this
    this.close()
    if (sessionId === null) return
    const url = this.#config.url.href
    let status: number | null = null
    try {
      const response = await this.#config.fetch(url, {
        method: 'DELETE',
        headers: sessionHeaders(
          this.#config,
          sessionId,
          this.#protocolVersion,
          {},
        ),
        credentials: credentials(this.#config),
        // Ending the session is a courtesy: a server that does not answer must not hold us up.
        signal: AbortSignal.timeout(3000),
      })
      status = response.status
      void response.body?.cancel().catch(() => {})
    } catch {
      // Best effort: 405 (no termination offered) and no answer are both fine.
    }
    if (this.#config.wire.active)
      this.#config.wire.emit({ type: 'session-end', url, status })
  }

  #session() {
    return { sessionId: this.sessionId, protocolVersion: this.#protocolVersion }
  }

  #takeSessionId(headers: Headers): void {
    const id = headers.get('mcp-session-id')
    if (id === null || id === this.sessionId) return
    const changed = this.sessionId !== null
    this.sessionId = id
    if (changed) this.#events.onSessionChange()
  }

  #readAnswerStream(id: RequestId, body: ResponseBody): void {
    const answer = new AnswerStream(id, {
      config: this.#config,
      session: () => this.#session(),
      deliver: (message) => this.#deliver(message, id),
      lost: (error) => {
        if (!this.#closed) this.#events.onRequestLost(id, error)
      },
    })
    this.#answers.set(id, answer)
    void answer.run(body).finally(() => {
      if (this.#answers.get(id) === answer) this.#answers.delete(id)
    })
  }

  /** `requestId`: the request whose POST answer carried it; null for the GET stream. */
  #deliver(message: JSONRPCMessage, requestId: RequestId | null): void {
    if (this.#closed) return
    if (
      requestId !== null &&
      requestId === this.#initializeId &&
      'result' in message &&
      message.id === requestId
    ) {
      const version = message.result.protocolVersion
      if (typeof version === 'string') this.#protocolVersion = version
    }
    if (this.#config.wire.active)
      this.#config.wire.emit(
        requestId === null
          ? { type: 'message-in', message, via: 'stream' }
          : { type: 'message-in', message, via: 'post-body', requestId },
      )
    this.#events.onMessage(message, requestId === null ? 'stream' : 'post-body')
  }

  #fail(error: MCPError): void {
    if (this.#closed) return
    this.close()
    this.#events.onClose(error)
  }
}
