import { describe, expect, it } from 'vitest'
import {
  ACCEPT,
  call,
  handshake,
  messagesOf,
  postMCP,
  rpcRequest,
} from './streamable-client.js'
import { useStreamableServer } from './streamable-fixture.js'

const server = useStreamableServer()
const url = server.mcpUrl

describe('Streamable HTTP: POST', () => {
  it('serves one endpoint at /mcp and answers initialize with a session id over SSE', async () => {
    expect(url).toBe('http://localhost:3001/mcp')
    const { initialize, sessionId } = await handshake(url)
    const { response, stream } = initialize
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    expect(sessionId).toMatch(/^[\x21-\x7e]+$/)
    // The priming event comes first: an id and empty data.
    expect(stream?.events[0]).toMatchObject({ data: '' })
    expect(stream?.events[0]?.id).toMatch(/_\d+$/)
    expect(await initialize.answer).toMatchObject({
      result: {
        protocolVersion: '2025-11-25',
        serverInfo: { name: 'mock-mcp-server' },
      },
    })
    await stream?.ended // the stream ends after its answer
    expect(server.sessions).toEqual([sessionId])
  })

  it("negotiates the client's version when it speaks it, else its latest", async () => {
    expect((await handshake(url, '2025-06-18')).protocolVersion).toBe(
      '2025-06-18',
    )
    expect((await handshake(url, '2025-03-26')).protocolVersion).toBe(
      '2025-03-26',
    )
    expect((await handshake(url, '1999-01-01')).protocolVersion).toBe(
      '2025-11-25',
    )
  })

  it('answers 406 without both types in Accept, 415 for a body that is not JSON', async () => {
    const body = rpcRequest('initialize', { protocolVersion: '2025-11-25' })
    for (const accept of ['application/json', 'text/event-stream', '']) {
      const response = await postMCP(url, body, { Accept: accept })
      expect(response.status).toBe(406)
      expect(await response.json()).toMatchObject({
        id: null,
        error: { message: expect.stringMatching(/Accept/) },
      })
    }
    const text = await postMCP(url, body, { 'Content-Type': 'text/plain' })
    expect(text.status).toBe(415)
    const garbled = await postMCP(url, '{not json')
    expect(garbled.status).toBe(400)
    expect(await garbled.json()).toMatchObject({ error: { code: -32700 } })
  })

  it('answers 400 without a session id and 404 for one it does not know', async () => {
    await handshake(url)
    const missing = await postMCP(url, rpcRequest('tools/list'))
    expect(missing.status).toBe(400)
    const unknown = await postMCP(url, rpcRequest('tools/list'), {
      'Mcp-Session-Id': 'nope',
    })
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ error: { code: -32001 } })
  })

  it('answers notifications and responses with 202 and no body', async () => {
    const { headers } = await handshake(url)
    const note = await postMCP(
      url,
      { jsonrpc: '2.0', method: 'notifications/roots/list_changed' },
      headers,
    )
    expect(note.status).toBe(202)
    expect(await note.text()).toBe('')
    const response = await postMCP(
      url,
      { jsonrpc: '2.0', id: 'unknown', result: {} },
      headers,
    )
    expect(response.status).toBe(202)
  })

  it('streams progress and log lines before the answer, then ends the stream', async () => {
    const { headers } = await handshake(url)
    const { stream, answer } = await call(
      url,
      rpcRequest('tools/call', {
        name: 'steps',
        _meta: { progressToken: 'p1' },
      }),
      headers,
    )
    expect(await answer).toMatchObject({
      result: { content: [{ type: 'text', text: 'done' }] },
    })
    await stream?.ended
    const methods = messagesOf(stream!).map((m) => m.method ?? 'answer')
    expect(methods).toEqual([
      'notifications/progress',
      'notifications/message',
      'notifications/progress',
      'notifications/message',
      'answer',
    ])
    // Every event has an id of the same stream.
    const ids = stream!.events.map((e) => e.id ?? '')
    const prefixes = new Set(ids.map((id) => id.split('_')[0]))
    expect(prefixes.size).toBe(1)
  })

  it('answers as application/json with response: json', async () => {
    server.setDialect({ response: 'json' })
    const { initialize, headers } = await handshake(url)
    expect(initialize.response.headers.get('content-type')).toMatch(
      /application\/json/,
    )
    expect(initialize.response.headers.get('mcp-session-id')).toBeTruthy()
    const { response, answer } = await call(
      url,
      rpcRequest('tools/call', { name: 'echo', arguments: { message: 'hi' } }),
      headers,
    )
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    expect(await answer).toMatchObject({
      result: { content: [{ text: 'Echo: hi' }] },
    })
  })

  it('routes the answer to a server request made on the POST stream back to the tool', async () => {
    const { headers } = await handshake(url)
    const { stream, answer } = await call(
      url,
      rpcRequest('tools/call', { name: 'ask' }),
      headers,
    )
    const request = await stream!.message('elicitation/create')
    const posted = await postMCP(
      url,
      {
        jsonrpc: '2.0',
        id: request.id,
        result: { action: 'accept', content: { name: 'Ada' } },
      },
      headers,
    )
    expect(posted.status).toBe(202)
    expect(await answer).toMatchObject({
      result: {
        content: [
          { text: 'Hello {"action":"accept","content":{"name":"Ada"}}' },
        ],
      },
    })
  })

  it('checks MCP-Protocol-Version: 400 for a version it does not speak', async () => {
    const { headers } = await handshake(url)
    const bad = await postMCP(url, rpcRequest('ping'), {
      ...headers,
      'MCP-Protocol-Version': '2099-01-01',
    })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toMatch(/Unsupported protocol version 2099-01-01/)
    // Without the header the server assumes 2025-03-26, as the spec says.
    const { 'MCP-Protocol-Version': _dropped, ...noVersion } = headers
    expect((await postMCP(url, rpcRequest('ping'), noVersion)).status).toBe(200)
  })

  it('wants the negotiated MCP-Protocol-Version with requireProtocolVersionHeader', async () => {
    server.setDialect({ requireProtocolVersionHeader: true })
    const { headers } = await handshake(url, '2025-06-18')
    const { 'MCP-Protocol-Version': _dropped, ...noVersion } = headers
    expect((await postMCP(url, rpcRequest('ping'), noVersion)).status).toBe(400)
    const other = await postMCP(url, rpcRequest('ping'), {
      ...headers,
      'MCP-Protocol-Version': '2025-11-25',
    })
    expect(other.status).toBe(400)
    expect((await postMCP(url, rpcRequest('ping'), headers)).status).toBe(200)
  })

  it('takes batches from 2025-03-26 sessions only', async () => {
    server.setDialect({ response: 'json' })
    const old = await handshake(url, '2025-03-26')
    const batch = await postMCP(
      url,
      [rpcRequest('ping', undefined, 1), rpcRequest('ping', undefined, 2)],
      old.headers,
    )
    expect(await batch.json()).toEqual([
      { jsonrpc: '2.0', id: 1, result: {} },
      { jsonrpc: '2.0', id: 2, result: {} },
    ])
    const current = await handshake(url, '2025-06-18')
    const refused = await postMCP(
      url,
      [rpcRequest('ping'), rpcRequest('ping')],
      current.headers,
    )
    expect(refused.status).toBe(400)
  })

  it('records every request with its headers', async () => {
    const { headers, sessionId } = await handshake(url)
    await postMCP(url, rpcRequest('ping'), headers)
    const posts = server.httpRequests.filter((r) => r.method === 'POST')
    expect(posts).toHaveLength(3)
    expect(posts[0]?.headers.accept).toBe(ACCEPT)
    expect(posts[0]?.headers['mcp-session-id']).toBeUndefined()
    expect(posts[2]?.headers['mcp-session-id']).toBe(sessionId)
    expect(posts[2]?.headers['mcp-protocol-version']).toBe('2025-11-25')
    expect(posts.map((r) => r.status)).toEqual([200, 202, 200])
    // initialize is recorded under the session it began.
    expect(server.received.map((r) => r.sessionId)).toEqual([
      sessionId,
      sessionId,
      sessionId,
    ])
  })
})
