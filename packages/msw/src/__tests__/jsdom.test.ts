// @vitest-environment jsdom
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { createMCPServer } from '../index.js'
import { connect } from './sse-client.js'

// Component tests run here: the DOM globals replace Node's, and the server must still stream.
const server = createMCPServer({
  url: '/api',
  tools: [{ name: 't', run: () => 'ok' }],
})
const msw = setupServer(...server.handlers)

beforeAll(() => msw.listen({ onUnhandledFrame: 'error' }))
afterEach(() => server.reset())
afterAll(() => msw.close())

it('streams under jsdom, with a URL relative to the page', async () => {
  expect(typeof window).toBe('object')
  const sseUrl = new URL(server.sseUrl, location.href).href
  const session = await connect(sseUrl)
  expect(session.postUrl).toBe(
    new URL('/api/message', location.href).href +
      `?sessionId=${session.sessionId}`,
  )
  const answer = await session.rpc('tools/call', { name: 't' })
  expect(answer.result).toEqual({ content: [{ type: 'text', text: 'ok' }] })
  session.stream.close()
  await expect.poll(() => server.sessions).toEqual([])
})
