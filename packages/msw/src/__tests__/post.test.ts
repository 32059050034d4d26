import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMCPServer } from '../index.js'
import { connect, openStream, post } from './sse-client.js'

const server = createMCPServer()
const msw = setupServer(...server.handlers)

beforeAll(() => msw.listen({ onUnhandledFrame: 'error' }))
afterEach(() => server.reset())
afterAll(() => msw.close())

const ping = (id: number) => ({ jsonrpc: '2.0', id, method: 'ping' })

describe('POSTed messages', () => {
  it('answers 202 and sends the response as a message event', async () => {
    const session = await connect(server.sseUrl)
    const answer = session.stream.message(7)
    const response = await post(session.postUrl, ping(7))
    expect(response.status).toBe(202)
    expect(await answer).toEqual({ jsonrpc: '2.0', id: 7, result: {} })
    const frame = session.stream.events.find((e) => e.data.includes('"id":7'))
    expect(frame?.event).toBe('message')
    session.stream.close()
  })

  it('answers in the POST body in the post-body dialect', async () => {
    server.setDialect({ answers: 'post-body', endpoint: 'none' })
    // A post-body server does not need a stream at all.
    const response = await post(server.postUrl, ping(1))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/application\/json/)
    expect(await response.json()).toEqual({ jsonrpc: '2.0', id: 1, result: {} })
    const note = await post(server.postUrl, {
      jsonrpc: '2.0',
      method: 'notifications/initialized',
    })
    expect(note.status).toBe(202)
  })

  it('sends nothing on the stream for answers given in the POST body', async () => {
    server.setDialect({ answers: 'post-body' })
    const session = await connect(server.sseUrl)
    const response = await post(session.postUrl, ping(1))
    expect(await response.json()).toMatchObject({ id: 1, result: {} })
    server.notify('notifications/message', { level: 'info', data: 'after' })
    await session.stream.message('notifications/message')
    expect(
      session.stream.events.filter((e) => e.event === 'message'),
    ).toHaveLength(1)
    session.stream.close()
  })

  it('answers 400 without a session id and 404 for an unknown one', async () => {
    const session = await connect(server.sseUrl)
    expect((await post(server.postUrl, ping(1))).status).toBe(400)
    const unknown = await post(`${server.postUrl}?sessionId=nope`, ping(1))
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toMatch(/Session not found/)
    session.stream.close()
  })

  it('answers a parse error for malformed JSON and an invalid-request error for non-JSON-RPC', async () => {
    const session = await connect(server.sseUrl)
    const malformed = await post(session.postUrl, '{not json')
    expect(malformed.status).toBe(400)
    expect(await malformed.json()).toMatchObject({
      id: null,
      error: { code: -32700 },
    })
    const invalid = session.stream.next((e) => e.data.includes('-32600'))
    expect((await post(session.postUrl, { hello: 'world' })).status).toBe(202)
    expect(JSON.parse((await invalid).data)).toMatchObject({
      id: null,
      error: { code: -32600 },
    })
    session.stream.close()
  })

  it('answers a batch with a batch in the post-body dialect', async () => {
    server.setDialect({ answers: 'post-body', endpoint: 'none' })
    const response = await post(server.postUrl, [
      ping(1),
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      ping(2),
    ])
    expect(await response.json()).toEqual([
      { jsonrpc: '2.0', id: 1, result: {} },
      { jsonrpc: '2.0', id: 2, result: {} },
    ])
  })

  it('records every message with its session, URL and headers', async () => {
    const session = await connect(server.sseUrl)
    await session.rpc('ping')
    await post(
      session.postUrl,
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { 'X-Test': '1' },
    )
    await expect.poll(() => server.received.length).toBe(2)
    const [first, second] = server.received
    expect(first).toMatchObject({
      sessionId: session.sessionId,
      url: session.postUrl,
    })
    expect(first?.message).toMatchObject({ method: 'ping' })
    expect(second?.headers['x-test']).toBe('1')
    session.stream.close()
  })

  it('handles POSTs that reach the cross-origin endpoint, so a test can see them', async () => {
    const hostile = createMCPServer({
      dialect: { endpoint: { crossOrigin: 'http://evil.test' } },
    })
    msw.use(...hostile.handlers)
    const stream = await openStream(hostile.sseUrl)
    const endpoint = await stream.next()
    expect(endpoint.data).toMatch(/^http:\/\/evil\.test\/message\?sessionId=/)
    await post(endpoint.data, ping(1))
    expect(hostile.received.map((r) => new URL(r.url).origin)).toEqual([
      'http://evil.test',
    ])
    hostile.reset()
    msw.resetHandlers()
  })
})
