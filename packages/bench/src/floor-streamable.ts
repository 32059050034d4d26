// The least a Streamable HTTP (2025) client must do: POST initialize, keep the session id, POST
// each request with it and read the answer (JSON or SSE), DELETE the session at the end. No GET
// stream (it is optional), no timeouts, no validation, no recovery.
import { readFloorAnswer } from './floor-answer.ts'

const VERSION = '2025-11-25'

export class StreamableFloorClient {
  readonly #url: string
  #sessionId: string | undefined
  #nextId = 0

  constructor(url: string) {
    this.#url = url
  }

  async connect(): Promise<void> {
    await this.request('initialize', {
      protocolVersion: VERSION,
      capabilities: {},
      clientInfo: { name: 'floor', version: '0.0.0' },
    })
    const response = await this.#post({
      jsonrpc: '2.0',
      method: 'notifications/initialized',
    })
    await response.arrayBuffer()
  }

  callTool(name: string, args: Record<string, unknown>): Promise<unknown> {
    return this.request('tools/call', { name, arguments: args })
  }

  async request(method: string, params: object): Promise<unknown> {
    const id = this.#nextId++
    const response = await this.#post({ jsonrpc: '2.0', id, method, params })
    this.#sessionId ??= response.headers.get('mcp-session-id') ?? undefined
    return readFloorAnswer(response, id)
  }

  async close(): Promise<void> {
    if (this.#sessionId === undefined) return
    const response = await fetch(this.#url, {
      method: 'DELETE',
      headers: { 'Mcp-Session-Id': this.#sessionId },
    })
    await response.arrayBuffer()
  }

  #post(message: object): Promise<Response> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
    }
    if (this.#sessionId !== undefined) {
      headers['Mcp-Session-Id'] = this.#sessionId
      headers['MCP-Protocol-Version'] = VERSION
    }
    return fetch(this.#url, {
      method: 'POST',
      headers,
      body: JSON.stringify(message),
    })
  }
}
