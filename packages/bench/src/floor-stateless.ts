// The least a protocol 2026-07-28 client must do: every request one POST with the protocol fields
// in `_meta` and the version, method and name mirrored into headers; `server/discover` to connect;
// the answer read as JSON or SSE. No session, no listen stream, no timeouts, no validation.
import { readFloorAnswer } from './floor-answer.ts'

const VERSION = '2026-07-28'
const META = {
  'io.modelcontextprotocol/protocolVersion': VERSION,
  'io.modelcontextprotocol/clientInfo': { name: 'floor', version: '0.0.0' },
  'io.modelcontextprotocol/clientCapabilities': {},
}

export class StatelessFloorClient {
  readonly #url: string
  #nextId = 0

  constructor(url: string) {
    this.#url = url
  }

  async connect(): Promise<void> {
    await this.request('server/discover', {})
  }

  callTool(name: string, args: Record<string, unknown>): Promise<unknown> {
    return this.request('tools/call', { name, arguments: args }, name)
  }

  async request(
    method: string,
    params: object,
    name?: string,
  ): Promise<unknown> {
    const id = this.#nextId++
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      'MCP-Protocol-Version': VERSION,
      'Mcp-Method': method,
    }
    if (name !== undefined) headers['Mcp-Name'] = name
    const response = await fetch(this.#url, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        jsonrpc: '2.0',
        id,
        method,
        params: { ...params, _meta: META },
      }),
    })
    return readFloorAnswer(response, id)
  }
}
