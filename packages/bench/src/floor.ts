// The least any MCP-over-SSE client must do: read the stream with fetch, split it into SSE frames,
// POST each request, and match answers to a Map of pending ids. No timeouts, no validation, no
// reconnection, no events for an inspector. A real client is measured against this floor.
import { createParser } from 'eventsource-parser'

interface Pending {
  resolve: (result: unknown) => void
  reject: (error: Error) => void
}

interface RpcAnswer {
  id?: number
  result?: unknown
  error?: { message: string }
}

export class FloorClient {
  readonly #url: string
  readonly #pending = new Map<number, Pending>()
  readonly #abort = new AbortController()
  #endpoint: string | undefined
  #nextId = 0

  /** `url`: the SSE stream. */
  constructor(url: string) {
    this.#url = url
  }

  async connect(): Promise<void> {
    const response = await fetch(this.#url, {
      headers: { Accept: 'text/event-stream' },
      signal: this.#abort.signal,
    })
    if (!response.ok || !response.body)
      throw new Error(`stream: HTTP ${response.status}`)
    const endpoint = Promise.withResolvers<void>()
    const parser = createParser({
      onEvent: (event) => {
        if (event.event === 'endpoint') {
          this.#endpoint = new URL(event.data, this.#url).href
          endpoint.resolve()
        } else this.#receive(event.data)
      },
    })
    void this.#read(response.body, parser.feed, endpoint.reject)
    await endpoint.promise
    await this.request('initialize', {
      protocolVersion: '2025-06-18',
      capabilities: {},
      clientInfo: { name: 'floor', version: '0.0.0' },
    })
    await this.#post({ jsonrpc: '2.0', method: 'notifications/initialized' })
  }

  callTool(name: string, args: Record<string, unknown>): Promise<unknown> {
    return this.request('tools/call', { name, arguments: args })
  }

  request(method: string, params: object): Promise<unknown> {
    const id = this.#nextId++
    const { promise, resolve, reject } = Promise.withResolvers<unknown>()
    this.#pending.set(id, { resolve, reject })
    this.#post({ jsonrpc: '2.0', id, method, params }).catch((error: Error) => {
      this.#pending.delete(id)
      reject(error)
    })
    return promise
  }

  close(): void {
    this.#abort.abort()
    this.#fail(new Error('closed'))
  }

  async #post(message: object): Promise<void> {
    if (!this.#endpoint) throw new Error('not connected')
    const response = await fetch(this.#endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(message),
    })
    await response.arrayBuffer() // drain, so the connection goes back to the pool
    if (!response.ok) throw new Error(`POST: HTTP ${response.status}`)
  }

  #receive(data: string): void {
    const answer = JSON.parse(data) as RpcAnswer
    const pending =
      answer.id === undefined ? undefined : this.#pending.get(answer.id)
    if (!pending || answer.id === undefined) return
    this.#pending.delete(answer.id)
    if (answer.error) pending.reject(new Error(answer.error.message))
    else pending.resolve(answer.result)
  }

  async #read(
    body: ReadableStream<Uint8Array>,
    feed: (chunk: string) => void,
    onEarlyEnd: (error: Error) => void,
  ): Promise<void> {
    const decoder = new TextDecoder()
    const reader = body.getReader()
    try {
      for (;;) {
        const { done, value } = await reader.read()
        if (done) break
        feed(decoder.decode(value, { stream: true }))
      }
    } catch {
      // aborted or dropped: settled below
    }
    const error = new Error('stream ended')
    onEarlyEnd(error)
    this.#fail(error)
  }

  #fail(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error)
    this.#pending.clear()
  }
}
