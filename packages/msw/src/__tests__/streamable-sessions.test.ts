import { describe, expect, it } from 'vitest'
import { createMCPServer } from '../index.js'
import {
  call,
  handshake,
  messagesOf,
  openGet,
  postMCP,
  rpcRequest,
} from './streamable-client.js'
import { useStreamableServer } from './streamable-fixture.js'

// An HTTP+SSE server on the same origin, listed first: without its 404 it hides nothing.
const sideBySide = createMCPServer({ notFound: false })
const server = useStreamableServer({}, [sideBySide])
const url = server.mcpUrl

describe('Streamable HTTP: the GET stream', () => {
  it('opens the standalone stream, which carries what the server sends unprompted', async () => {
    const { headers, sessionId } = await handshake(url)
    const { response, stream } = await openGet(url, headers)
    expect(response.status).toBe(200)
    expect(response.headers.get('mcp-session-id')).toBe(sessionId)
    expect(server.openStreams).toEqual({ get: 1, post: 0 })
    server.addTool({ name: 'new', run: () => 'new' })
    await stream.message('notifications/tools/list_changed')
    stream.close()
    await expect.poll(() => server.openStreams.get).toBe(0)
  })

  it('sends server requests on it and routes the POSTed answer back', async () => {
    const { headers } = await handshake(url)
    const { stream } = await openGet(url, headers)
    const roots = server.request('roots/list')
    const request = await stream.message('roots/list')
    await postMCP(
      url,
      { jsonrpc: '2.0', id: request.id, result: { roots: [] } },
      headers,
    )
    await expect(roots).resolves.toEqual({ roots: [] })
    stream.close()
  })

  it('refuses a server request at once when the session has no GET stream', async () => {
    await handshake(url)
    await expect(server.request('ping')).rejects.toThrow(/No open stream/)
  })

  it('allows one GET stream per session (409 for a second)', async () => {
    const { headers } = await handshake(url)
    const first = await openGet(url, headers)
    const second = await openGet(url, headers)
    expect(second.response.status).toBe(409)
    first.stream.close()
  })

  it('answers 405 with getStream: false, 404 with getStream: 404', async () => {
    const { headers } = await handshake(url)
    server.setDialect({ getStream: false })
    const refused = await openGet(url, headers)
    expect(refused.response.status).toBe(405)
    expect(refused.response.headers.get('allow')).toBe('POST, DELETE')
    server.setDialect({ getStream: 404 })
    expect((await openGet(url, headers)).response.status).toBe(404)
  })

  it('needs Accept: text/event-stream and a known session', async () => {
    const { headers } = await handshake(url)
    expect(
      (await openGet(url, { ...headers, Accept: 'application/json' })).response
        .status,
    ).toBe(406)
    expect((await openGet(url, {})).response.status).toBe(400)
    expect(
      (await openGet(url, { 'Mcp-Session-Id': 'nope' })).response.status,
    ).toBe(404)
  })
})

describe('Streamable HTTP: sessions', () => {
  it('ends a session on DELETE; later requests with it get 404', async () => {
    const { headers, sessionId } = await handshake(url)
    const { stream } = await openGet(url, headers)
    const deleted = await fetch(url, { method: 'DELETE', headers })
    expect(deleted.status).toBe(200)
    await stream.ended // its streams close with it
    expect(server.sessions).not.toContain(sessionId)
    expect((await postMCP(url, rpcRequest('ping'), headers)).status).toBe(404)
    const deletes = server.httpRequests.filter((r) => r.method === 'DELETE')
    expect(deletes).toHaveLength(1)
    expect(deletes[0]?.headers['mcp-session-id']).toBe(sessionId)
  })

  it('answers DELETE with 405 and keeps the session with deleteSession: false', async () => {
    server.setDialect({ deleteSession: false })
    const { headers } = await handshake(url)
    expect((await fetch(url, { method: 'DELETE', headers })).status).toBe(405)
    expect((await postMCP(url, rpcRequest('ping'), headers)).status).toBe(200)
  })

  it('expires sessions on command: the next request with the old id gets 404', async () => {
    const { headers } = await handshake(url)
    server.expireSessions()
    expect(server.sessions).toEqual([])
    expect((await postMCP(url, rpcRequest('ping'), headers)).status).toBe(404)
    const again = await handshake(url)
    expect((await postMCP(url, rpcRequest('ping'), again.headers)).status).toBe(
      200,
    )
  })

  it('expires a session left idle for sessionTimeout', async () => {
    server.setDialect({ sessionTimeout: 50 })
    const { headers } = await handshake(url)
    expect((await postMCP(url, rpcRequest('ping'), headers)).status).toBe(200)
    await expect.poll(() => server.sessions.length).toBe(0)
    expect((await postMCP(url, rpcRequest('ping'), headers)).status).toBe(404)
  })

  it('dropStreams() ends every stream and session, as a restart does', async () => {
    const { headers } = await handshake(url)
    const get = await openGet(url, headers)
    const pending = await call(
      url,
      rpcRequest('tools/call', { name: 'wait' }),
      headers,
    )
    expect(server.openStreams).toEqual({ get: 1, post: 1 })
    server.dropStreams()
    await get.stream.ended
    await pending.stream?.ended
    expect(server.openStreams).toEqual({ get: 0, post: 0 })
    expect((await postMCP(url, rpcRequest('ping'), headers)).status).toBe(404)
  })

  it('cutStreams() closes connections but keeps the sessions', async () => {
    const { headers } = await handshake(url)
    const get = await openGet(url, headers)
    server.cutStreams()
    await get.stream.ended
    expect((await postMCP(url, rpcRequest('ping'), headers)).status).toBe(200)
  })
})

describe('Streamable HTTP: stateless', () => {
  it('issues no session id, needs none, and offers no GET stream or DELETE', async () => {
    server.setDialect({ stateless: true })
    const { sessionId, headers } = await handshake(url)
    expect(sessionId).toBeUndefined()
    expect(server.sessions).toEqual([])
    const { answer } = await call(
      url,
      rpcRequest('tools/call', { name: 'echo', arguments: { message: 'x' } }),
    )
    expect(await answer).toMatchObject({
      result: { content: [{ text: 'Echo: x' }] },
    })
    expect((await openGet(url, headers)).response.status).toBe(405)
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(405)
    server.setDialect({ getStream: 404 })
    expect((await openGet(url, headers)).response.status).toBe(404)
  })

  it('still routes answers to server requests made on a POST stream', async () => {
    server.setDialect({ stateless: true })
    const { stream, answer } = await call(
      url,
      rpcRequest('tools/call', { name: 'ask' }),
    )
    const request = await stream!.message('elicitation/create')
    await postMCP(url, {
      jsonrpc: '2.0',
      id: request.id,
      result: { action: 'decline' },
    })
    expect(await answer).toMatchObject({
      result: { content: [{ text: 'Hello {"action":"decline"}' }] },
    })
    expect(messagesOf(stream!).map((m) => m.method)).toEqual([
      'elicitation/create',
      undefined,
    ])
  })
})

describe('two servers on one origin', () => {
  it('serve side by side when all but the last leave out their 404', async () => {
    const { sessionId } = await handshake(url)
    expect(sessionId).toBeTruthy()
    const sse = await fetch(sideBySide.sseUrl, {
      headers: { Accept: 'text/event-stream' },
    })
    expect(sse.headers.get('content-type')).toBe('text/event-stream')
    await sse.body?.cancel()
    expect((await fetch('http://localhost:3001/elsewhere')).status).toBe(404)
  })
})
