import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMCPServer } from '../index.js'
import { connect, openStream, post, sessionIdOf } from './sse-client.js'

const server = createMCPServer({
  url: 'http://mcp.test',
  ssePath: '/events',
  postPath: '/rpc',
})
const msw = setupServer(...server.handlers)

beforeAll(() => msw.listen({ onUnhandledFrame: 'error' }))
afterEach(() => server.reset())
afterAll(() => msw.close())

describe('the event stream', () => {
  it('opens a text/event-stream at the custom path and names a relative endpoint', async () => {
    const stream = await openStream('http://mcp.test/events')
    expect(stream.status).toBe(200)
    expect(stream.headers.get('content-type')).toBe('text/event-stream')
    const endpoint = await stream.next()
    expect(endpoint.event).toBe('endpoint')
    expect(endpoint.data).toMatch(/^\/rpc\?sessionId=[\w-]+$/)
    expect(server.sessions).toEqual([sessionIdOf(endpoint.data)])
    stream.close()
  })

  it('names an absolute endpoint', async () => {
    server.setDialect({ endpoint: 'absolute' })
    const stream = await openStream('http://mcp.test/events')
    const endpoint = await stream.next()
    expect(endpoint.data).toMatch(/^http:\/\/mcp\.test\/rpc\?sessionId=[\w-]+$/)
    stream.close()
  })

  it('names the endpoint inside a JSON object', async () => {
    server.setDialect({ endpoint: 'json' })
    const stream = await openStream('http://mcp.test/events')
    const endpoint = await stream.next()
    expect(endpoint.event).toBe('endpoint')
    const { endpoint: path } = JSON.parse(endpoint.data) as { endpoint: string }
    expect(path).toMatch(/^\/rpc\?sessionId=/)
    stream.close()
  })

  it('sends no endpoint event when told so, and takes POSTs without a session id', async () => {
    server.setDialect({ endpoint: 'none', greeting: '{"status":"connected"}' })
    const stream = await openStream('http://mcp.test/events')
    const greeting = await stream.next()
    expect(greeting).toEqual({
      event: undefined,
      id: undefined,
      data: '{"status":"connected"}',
    })
    const answer = stream.message(1)
    const response = await post('http://mcp.test/rpc', {
      jsonrpc: '2.0',
      id: 1,
      method: 'ping',
    })
    expect(response.status).toBe(202)
    expect(await answer).toEqual({ jsonrpc: '2.0', id: 1, result: {} })
    expect(stream.events.some((e) => e.event === 'endpoint')).toBe(false)
    expect(server.received[0]?.sessionId).toBe(server.sessions[0])
    stream.close()
  })

  it('answers a stream with nothing to say at once, with a comment', async () => {
    server.setDialect({ endpoint: 'none' })
    // Without a first chunk msw would hold the response back, unlike a real server.
    const stream = await openStream('http://mcp.test/events')
    expect(stream.status).toBe(200)
    await expect.poll(() => stream.comments).toEqual(['open'])
    expect(stream.events).toEqual([])
    stream.close()
  })

  it('delivers the session id in a notifications/initialized message', async () => {
    server.setDialect({ endpoint: 'none', sessionIdInMessage: true })
    const stream = await openStream('http://mcp.test/events')
    const hello = await stream.message('notifications/initialized')
    const params = hello.params as { sessionId: string }
    expect(server.sessions).toEqual([params.sessionId])
    expect(
      (
        await post('http://mcp.test/rpc', {
          jsonrpc: '2.0',
          id: 1,
          method: 'ping',
        })
      ).status,
    ).toBe(400)
    const answer = stream.message(2)
    await post(`http://mcp.test/rpc?sessionId=${params.sessionId}`, {
      jsonrpc: '2.0',
      id: 2,
      method: 'ping',
    })
    expect((await answer).result).toEqual({})
    stream.close()
  })

  it('sends messages as unnamed data frames', async () => {
    server.setDialect({ unnamedEvents: true })
    const session = await connect('http://mcp.test/events')
    await session.rpc('ping')
    const frame = session.stream.events.find((e) => e.data.includes('"result"'))
    expect(frame?.event).toBeUndefined()
    session.stream.close()
  })

  it('sends a retry field first', async () => {
    server.setDialect({ retry: 250 })
    const stream = await openStream('http://mcp.test/events')
    await stream.next()
    expect(stream.text().startsWith('retry: 250\n\n')).toBe(true)
    stream.close()
  })

  it.each([
    [
      'comment' as const,
      (s: Awaited<ReturnType<typeof openStream>>) => s.comments.length > 1,
    ],
    [
      'event' as const,
      (s: Awaited<ReturnType<typeof openStream>>) =>
        s.events.filter((e) => e.event === 'heartbeat').length > 1,
    ],
    [
      'data' as const,
      (s: Awaited<ReturnType<typeof openStream>>) =>
        s.events.filter((e) => e.data === '{"type":"heartbeat"}').length > 1,
    ],
  ])('sends %s heartbeats', async (as, seen) => {
    server.setDialect({ heartbeat: { intervalMs: 10, as } })
    const stream = await openStream('http://mcp.test/events')
    await expect.poll(() => seen(stream)).toBe(true)
    stream.close()
  })

  it('refuses a stream and POSTs without the auth header', async () => {
    server.setDialect({
      auth: { header: 'Authorization', value: 'Bearer s3cret' },
    })
    const refused = await openStream('http://mcp.test/events')
    expect(refused.status).toBe(401)
    const session = await connect('http://mcp.test/events', {
      headers: { Authorization: 'Bearer s3cret' },
    })
    const denied = await post(session.postUrl, {
      jsonrpc: '2.0',
      id: 1,
      method: 'ping',
    })
    expect(denied.status).toBe(401)
    const allowed = await post(
      session.postUrl,
      { jsonrpc: '2.0', id: 2, method: 'ping' },
      { Authorization: 'Bearer s3cret' },
    )
    expect(allowed.status).toBe(202)
    expect(server.received[0]?.headers.authorization).toBe('Bearer s3cret')
    session.stream.close()
  })

  it('ends the session when the client goes away', async () => {
    server.setDialect({ heartbeat: { intervalMs: 5, as: 'comment' } })
    const session = await connect('http://mcp.test/events')
    expect(server.sessions).toHaveLength(1)
    session.stream.close()
    await expect.poll(() => server.sessions).toEqual([])
    const late = await post(session.postUrl, {
      jsonrpc: '2.0',
      id: 1,
      method: 'ping',
    })
    expect(late.status).toBe(404)
  })

  it('answers CORS preflights and echoes the origin', async () => {
    const response = await fetch('http://mcp.test/rpc', {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://app.test',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,authorization',
      },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe(
      'http://app.test',
    )
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'content-type,authorization',
    )
  })
})
