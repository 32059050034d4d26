import { describe, expect, it } from 'vitest'
import {
  call,
  handshake,
  liveTimers,
  messagesOf,
  openGet,
  postMCP,
  rpcRequest,
} from './streamable-client.js'
import { steps, useStreamableServer } from './streamable-fixture.js'

const server = useStreamableServer()
const url = server.mcpUrl

describe('Streamable HTTP dialects', () => {
  it('sends no priming event with priming: false, nor to sessions older than 2025-11-25', async () => {
    server.setDialect({ priming: false })
    const plain = await handshake(url)
    await plain.initialize.stream?.ended
    expect(plain.initialize.stream?.events.map((e) => e.data === '')).toEqual([
      false,
    ])
    server.setDialect({ priming: true })
    const old = await handshake(url, '2025-06-18')
    const { stream } = await call(url, rpcRequest('ping'), old.headers)
    await stream?.ended
    expect(stream?.events.some((e) => e.data === '')).toBe(false)
    expect(stream?.events[0]?.id).toMatch(/_\d+$/) // ids all the same
  })

  it('pushes a notification on the initialize stream before its answer', async () => {
    server.setDialect({ notifyBeforeInitialize: true })
    const first = await handshake(url)
    await first.initialize.stream?.ended
    expect(
      messagesOf(first.initialize.stream!).map((m) => m.method ?? 'answer'),
    ).toEqual(['notifications/message', 'answer'])
    server.setDialect({
      notifyBeforeInitialize: { method: 'notifications/tools/list_changed' },
    })
    const second = await handshake(url)
    await second.initialize.stream?.ended
    expect(messagesOf(second.initialize.stream!)[0]?.method).toBe(
      'notifications/tools/list_changed',
    )
  })

  it("sends a request's progress and log lines on the GET stream with notificationsOn: 'get'", async () => {
    server.setDialect({ notificationsOn: 'get' })
    const { headers } = await handshake(url)
    const get = await openGet(url, headers)
    const { stream, answer } = await call(url, steps(91), headers)
    await answer
    await stream?.ended
    expect(messagesOf(stream!).map((m) => m.id)).toEqual([91])
    await get.stream.next((e) => e.data.includes('"progress":2'))
    const progress = messagesOf(get.stream).filter(
      (m) => m.method === 'notifications/progress',
    )
    expect(progress.map((m) => m.params)).toEqual([
      { progressToken: 91, progress: 1, total: 2, message: 'step 1' },
      { progressToken: 91, progress: 2, total: 2, message: 'step 2' },
    ])
    get.stream.close()
  })

  it('sends what a JSON-answered request says on the way on the GET stream', async () => {
    server.setDialect({ response: 'json' })
    const { headers } = await handshake(url)
    const get = await openGet(url, headers)
    const { answer } = await call(url, steps(92), headers)
    expect(await answer).toMatchObject({ id: 92, result: {} })
    await get.stream.next((e) => e.data.includes('"progress":2'))
    get.stream.close()
  })

  it('waits firstByteDelay before answering a POST', async () => {
    server.setDialect({ firstByteDelay: 150 })
    const started = Date.now()
    const pending = handshake(url)
    const seen = await server.waitForHttpRequest('POST')
    expect(seen.status).toBeUndefined() // recorded on arrival, answered later
    await pending
    expect(Date.now() - started).toBeGreaterThanOrEqual(140)
    expect(seen.status).toBe(200)
  })

  it('names no events with unnamedEvents', async () => {
    server.setDialect({ unnamedEvents: true })
    const { initialize } = await handshake(url)
    await initialize.stream?.ended
    expect(initialize.stream?.text()).not.toMatch(/event:/)
  })

  it('asks for the auth header on every method', async () => {
    server.setDialect({ auth: { header: 'Authorization', value: 'Bearer t' } })
    const refused = await postMCP(url, rpcRequest('initialize', {}))
    expect(refused.status).toBe(401)
    expect(refused.headers.get('www-authenticate')).toBe('Bearer')
    expect((await openGet(url, {})).response.status).toBe(401)
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(401)
  })

  it('fails POSTs and GETs on command', async () => {
    const { headers } = await handshake(url)
    server.fail({ post: 503, stream: 'network', times: 1 })
    expect((await postMCP(url, rpcRequest('ping'), headers)).status).toBe(503)
    await expect(openGet(url, headers)).rejects.toThrow(TypeError)
    expect((await postMCP(url, rpcRequest('ping'), headers)).status).toBe(200)
  })
})

describe('Streamable HTTP: cancellation and cleanup', () => {
  it('stops a request on notifications/cancelled and ends its stream without an answer', async () => {
    const { headers } = await handshake(url)
    const { stream } = await call(
      url,
      rpcRequest('tools/call', { name: 'wait' }, 93),
      headers,
    )
    await postMCP(
      url,
      {
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: { requestId: 93, reason: 'user' },
      },
      headers,
    )
    await stream?.ended
    expect(messagesOf(stream!)).toEqual([])
  })

  it('keeps a swallowed request open until the client gives up (json and sse)', async () => {
    server.neverAnswer('ping')
    const { headers } = await handshake(url)
    const sse = await call(url, rpcRequest('ping'), headers)
    expect(server.openStreams.post).toBe(1)
    sse.stream?.close()
    await expect.poll(() => server.openStreams.post).toBe(0)

    server.setDialect({ response: 'json' })
    const abort = new AbortController()
    const json = postMCP(url, rpcRequest('ping'), headers, abort.signal)
    await server.waitForMessage((m) => server.received.indexOf(m) === 3)
    abort.abort()
    await expect(json).rejects.toThrow()
  })

  it('leaves no timer behind once streams close and the server resets', async () => {
    const before = liveTimers()
    server.setDialect({
      heartbeat: { intervalMs: 20, as: 'comment' },
      sessionTimeout: 10_000,
      firstByteDelay: 10,
    })
    const { headers } = await handshake(url)
    const get = await openGet(url, headers)
    await get.stream.next(() => true)
    await expect.poll(() => get.stream.comments.includes('ping')).toBe(true)
    const pending = await call(
      url,
      rpcRequest('tools/call', { name: 'wait' }),
      headers,
    )
    expect(liveTimers()).toBeGreaterThan(before)
    server.reset()
    await get.stream.ended
    await pending.stream?.ended
    await expect.poll(() => liveTimers()).toBeLessThanOrEqual(before)
  })
})
