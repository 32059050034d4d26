import { setupWorker } from 'msw/browser'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createMCPServer } from '../index.js'
import { connect, post } from './sse-client.js'
import {
  call,
  handshake,
  messagesOf,
  openGet,
  rpcRequest,
} from './streamable-client.js'
import { modernCall } from './modern-client.js'

// The page's own origin: what an app under test in a real browser talks to.
const server = createMCPServer({
  url: '/api',
  tools: [{ name: 't', run: () => 'ok' }],
})
const worker = setupWorker(...server.handlers)

beforeAll(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }))
afterEach(() => server.reset())
afterAll(() => worker.stop())

function nextEvent(
  source: EventSource,
  type: string,
): Promise<MessageEvent<string>> {
  return new Promise((resolve, reject) => {
    source.addEventListener(
      type,
      (event) => resolve(event as MessageEvent<string>),
      { once: true },
    )
    source.addEventListener(
      'error',
      () => reject(new Error(`stream error before ${type}`)),
      {
        once: true,
      },
    )
  })
}

it("streams to the browser's own EventSource through the service worker", async () => {
  const source = new EventSource(server.sseUrl)
  const endpoint = await nextEvent(source, 'endpoint')
  expect(endpoint.data).toMatch(/^\/api\/message\?sessionId=/)
  const answer = nextEvent(source, 'message')
  const response = await post(new URL(endpoint.data, location.href).href, {
    jsonrpc: '2.0',
    id: 1,
    method: 'tools/call',
    params: { name: 't' },
  })
  expect(response.status).toBe(202)
  expect(JSON.parse((await answer).data)).toEqual({
    jsonrpc: '2.0',
    id: 1,
    result: { content: [{ type: 'text', text: 'ok' }] },
  })
  source.close()
  await expect.poll(() => server.sessions).toEqual([])
})

it('streams each frame at once to fetch streaming through the service worker', async () => {
  const session = await connect(new URL(server.sseUrl, location.href).href)
  expect(await session.rpc('ping')).toEqual({
    jsonrpc: '2.0',
    id: expect.any(Number),
    result: {},
  })
  server.notify('custom/hello', { n: 1 })
  expect((await session.stream.message('custom/hello')).params).toEqual({
    n: 1,
  })
  session.stream.close()
})

describe('Streamable HTTP through the service worker', () => {
  const streamable = createMCPServer({
    url: '/api',
    transport: 'streamable-http',
    tools: [
      {
        name: 'count',
        run: async (_args, ctx) => {
          ctx.progress(1, 2)
          await new Promise((resolve) => setTimeout(resolve, 20))
          ctx.progress(2, 2)
          return 'counted'
        },
      },
    ],
  })
  // Prepended, so its routes (and its 404 for the rest of the origin) win in this block.
  beforeAll(() => worker.use(...streamable.handlers))
  afterEach(() => streamable.reset())
  afterAll(() => worker.resetHandlers())

  it('answers over SSE with the session header readable by the page', async () => {
    expect(streamable.mcpUrl).toBe('/api/mcp')
    const { headers, sessionId } = await handshake(streamable.mcpUrl)
    expect(sessionId).toBeTruthy()
    const { stream, answer } = await call(
      streamable.mcpUrl,
      rpcRequest('tools/call', { name: 'count', _meta: { progressToken: 1 } }),
      headers,
    )
    expect(await answer).toMatchObject({
      result: { content: [{ text: 'counted' }] },
    })
    expect(messagesOf(stream!).map((m) => m.method ?? 'answer')).toEqual([
      'notifications/progress',
      'notifications/progress',
      'answer',
    ])
  })

  it('resumes a polled stream with GET and Last-Event-ID', async () => {
    streamable.setDialect({ closeAfterPriming: true, retry: 50 })
    const { headers } = await handshake(streamable.mcpUrl)
    const { stream } = await call(
      streamable.mcpUrl,
      rpcRequest('tools/call', { name: 'count' }, 7),
      headers,
    )
    await stream!.ended
    const resumed = await openGet(streamable.mcpUrl, {
      ...headers,
      'Last-Event-ID': stream!.events[0]?.id ?? '',
    })
    expect(await resumed.stream.message(7)).toMatchObject({
      result: { content: [{ text: 'counted' }] },
    })
    const deleted = await fetch(streamable.mcpUrl, {
      method: 'DELETE',
      headers,
    })
    expect(deleted.status).toBe(200)
    expect(streamable.sessions).toEqual([])
  })
})

describe('2026-07-28 through the service worker', () => {
  const modern = createMCPServer({
    url: '/v2',
    protocol: '2026-07-28',
    tools: [
      {
        name: 'ask',
        run: async (_args, ctx) => {
          const answer = await ctx.request('elicitation/create', {
            message: '?',
          })
          return String(answer.action)
        },
      },
    ],
  })
  beforeAll(() => worker.use(...modern.handlers))
  afterEach(() => modern.reset())
  afterAll(() => worker.resetHandlers())

  it('discovers, then completes a tool call over two MRTR rounds', async () => {
    const discover = await modernCall(modern.mcpUrl, 'server/discover')
    expect((await discover.answer).result).toMatchObject({
      supportedVersions: ['2026-07-28'],
    })
    const first = (
      await (
        await modernCall(modern.mcpUrl, 'tools/call', { name: 'ask' })
      ).answer
    ).result as { resultType: string; requestState: string }
    expect(first.resultType).toBe('input_required')
    const done = await modernCall(modern.mcpUrl, 'tools/call', {
      name: 'ask',
      inputResponses: { 'input-1': { action: 'decline' } },
      requestState: first.requestState,
    })
    expect((await done.answer).result).toMatchObject({
      resultType: 'complete',
      content: [{ text: 'decline' }],
    })
  })
})
