import { setupWorker } from 'msw/browser'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { createMCPServer } from '../index.js'
import { connect, post } from './sse-client.js'

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
