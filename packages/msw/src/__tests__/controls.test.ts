import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMCPServer } from '../index.js'
import { connect, openStream, post } from './sse-client.js'

const server = createMCPServer({
  tools: [{ name: 'one', run: () => '1' }],
  prompts: [],
})
const msw = setupServer(...server.handlers)

beforeAll(() => msw.listen({ onUnhandledFrame: 'error' }))
afterEach(() => server.reset())
afterAll(() => msw.close())

const ping = (id: number | string) => ({ jsonrpc: '2.0', id, method: 'ping' })

describe('pushing to the client', () => {
  it('notifies every stream or one session', async () => {
    const a = await connect(server.sseUrl)
    const b = await connect(server.sseUrl)
    server.notify('custom/all', { n: 1 })
    server.notify('custom/one', { n: 2 }, { sessionId: b.sessionId })
    expect((await a.stream.message('custom/all')).params).toEqual({ n: 1 })
    expect((await b.stream.message('custom/all')).params).toEqual({ n: 1 })
    expect((await b.stream.message('custom/one')).params).toEqual({ n: 2 })
    await a.rpc('ping')
    expect(a.stream.events.some((e) => e.data.includes('custom/one'))).toBe(
      false,
    )
    a.stream.close()
    b.stream.close()
  })

  it('announces list changes and serves the new lists', async () => {
    const { rpc, stream } = await connect(server.sseUrl)
    server.addTool({ name: 'two', run: () => '2' })
    await stream.message('notifications/tools/list_changed')
    const { result } = await rpc('tools/list')
    expect(
      (result as { tools: { name: string }[] }).tools.map((t) => t.name),
    ).toEqual(['one', 'two'])
    server.removeTool('one')
    server.addResource({ uri: 'x://1', name: 'x' })
    server.addPrompt({ name: 'p', get: () => ({ messages: [] }) })
    await stream.message('notifications/resources/list_changed')
    await stream.message('notifications/prompts/list_changed')
    const changes = stream.events.filter((e) => e.data.includes('list_changed'))
    expect(changes).toHaveLength(4)
    expect((await rpc('tools/list')).result).toEqual({
      tools: [{ name: 'two', inputSchema: { type: 'object' } }],
    })
    stream.close()
  })

  it('sends a request to the client and resolves with its answer', async () => {
    const { stream, postUrl } = await connect(server.sseUrl)
    const answer = server.request('sampling/createMessage', { messages: [] })
    const request = await stream.message('sampling/createMessage')
    await post(postUrl, {
      jsonrpc: '2.0',
      id: request.id,
      result: { role: 'assistant' },
    })
    await expect(answer).resolves.toEqual({ role: 'assistant' })

    const refused = server.request('elicitation/create', {})
    const second = await stream.message('elicitation/create')
    await post(postUrl, {
      jsonrpc: '2.0',
      id: second.id,
      error: { code: -32601, message: 'no handler' },
    })
    await expect(refused).rejects.toThrow(/no handler/)

    const unanswered = server.request('ping')
    await stream.message('ping')
    stream.close()
    await expect(unanswered).rejects.toThrow(/closed/)
  })

  it('refuses to send a request when no session is open', async () => {
    await expect(server.request('ping')).rejects.toThrow(/No open session/)
  })

  it('writes raw bytes onto the stream', async () => {
    const { stream } = await connect(server.sseUrl)
    server.sendRaw('event: message\ndata: {not json\n\n')
    const bad = await stream.next((e) => e.data === '{not json')
    expect(bad.event).toBe('message')
    stream.close()
  })
})

describe('faults', () => {
  it('drops every stream; their sessions end', async () => {
    const session = await connect(server.sseUrl)
    server.dropStreams()
    await session.stream.ended
    expect(server.sessions).toEqual([])
    expect((await post(session.postUrl, ping(1))).status).toBe(404)
  })

  it('expires sessions while their streams stay open', async () => {
    const session = await connect(server.sseUrl)
    server.expireSessions()
    expect(server.sessions).toEqual([])
    expect((await post(session.postUrl, ping(1))).status).toBe(404)
    const fresh = await connect(server.sseUrl)
    expect(await fresh.rpc('ping')).toMatchObject({ result: {} })
    // reset() closes the forgotten stream too.
    server.reset()
    await session.stream.ended
    fresh.stream.close()
  })

  it('fails the stream a number of times, then recovers', async () => {
    server.fail({ stream: 503, times: 2 })
    expect((await openStream(server.sseUrl)).status).toBe(503)
    expect((await openStream(server.sseUrl)).status).toBe(503)
    const ok = await openStream(server.sseUrl)
    expect(ok.status).toBe(200)
    ok.close()
  })

  it('fails POSTs until healed', async () => {
    const session = await connect(server.sseUrl)
    server.fail({ post: 500 })
    expect((await post(session.postUrl, ping(1))).status).toBe(500)
    expect((await post(session.postUrl, ping(2))).status).toBe(500)
    server.fail(null)
    expect((await post(session.postUrl, ping(3))).status).toBe(202)
    expect(server.received.map((r) => r.message)).toEqual([ping(3)])
    session.stream.close()
  })

  it('fails with a network error', async () => {
    server.fail({ stream: 'network', times: 1 })
    await expect(fetch(server.sseUrl)).rejects.toThrow(TypeError)
  })

  it('delays answers', async () => {
    const { rpc, stream } = await connect(server.sseUrl)
    server.setDelay(150)
    const started = Date.now()
    await rpc('ping')
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    stream.close()
  })

  it('delays answers given in the POST body', async () => {
    server.setDialect({ answers: 'post-body' })
    const { stream, postUrl } = await connect(server.sseUrl)
    server.setDelay(150)
    const started = Date.now()
    const response = await post(postUrl, ping(1))
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    expect(await response.json()).toMatchObject({ id: 1, result: {} })
    stream.close()
  })

  it('never answers matching requests, but records them', async () => {
    const { stream, postUrl, rpc } = await connect(server.sseUrl)
    server.neverAnswer('tools/list')
    await post(postUrl, { jsonrpc: '2.0', id: 'lost', method: 'tools/list' })
    await rpc('ping')
    expect(stream.events.some((e) => e.data.includes('"lost"'))).toBe(false)
    expect(
      server.received.some((r) => 'id' in r.message && r.message.id === 'lost'),
    ).toBe(true)
    server.neverAnswer((request) => request.id === 'x')
    expect((await rpc('tools/list')).result).toBeDefined()
    server.neverAnswer(false)
    stream.close()
  })

  it('answers 202 with no body for a swallowed request in the post-body dialect', async () => {
    server.setDialect({ answers: 'post-body', endpoint: 'none' })
    server.neverAnswer('ping')
    const response = await post(server.postUrl, ping(1))
    expect(response.status).toBe(202)
    expect(await response.text()).toBe('')
  })
})

describe('waitForMessage and reset', () => {
  it('resolves with past and future messages', async () => {
    const { rpc, postUrl, stream } = await connect(server.sseUrl)
    await rpc('ping')
    expect((await server.waitForMessage('ping')).message).toMatchObject({
      method: 'ping',
    })
    const later = server.waitForMessage('tools/call')
    await post(postUrl, {
      jsonrpc: '2.0',
      id: 9,
      method: 'tools/call',
      params: { name: 'one' },
    })
    expect((await later).message).toMatchObject({ id: 9 })
    await expect(
      server.waitForMessage('never', { timeout: 20 }),
    ).rejects.toThrow(/never/)
    stream.close()
  })

  it('restores the initial state', async () => {
    const session = await connect(server.sseUrl)
    server.setTools([])
    server.setDialect({ answers: 'post-body' })
    server.fail({ post: 500 })
    await session.rpc('ping').catch(() => undefined)
    server.reset()
    await session.stream.ended
    expect(server.sessions).toEqual([])
    expect(server.received).toEqual([])
    const fresh = await connect(server.sseUrl)
    const { result } = await fresh.rpc('tools/list')
    expect((result as { tools: unknown[] }).tools).toHaveLength(1)
    fresh.stream.close()
  })
})
