import type { WireEvent } from '@mcp-sse/core'
import { createMCPServer } from '@mcp-sse/msw'
import { useMCPSSE } from '@mcp-sse/react'
import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { setupWorker } from 'msw/browser'
import { StrictMode, useEffect, useState } from 'react'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'

// Served by msw's service worker on the page's own origin, in real Chromium.
const mcp = createMCPServer({
  url: '/api',
  tools: [
    { name: 'echo', run: ({ message }) => `Echo: ${String(message)}` },
    { name: 'time', run: () => 'noon' },
  ],
  dialect: { retry: 50 },
})
const worker = setupWorker(...mcp.handlers)
const streamGets: string[] = []
worker.events.on('request:start', ({ request }) => {
  if (
    request.method === 'GET' &&
    new URL(request.url).href === new URL(mcp.sseUrl, location.href).href
  )
    streamGets.push(request.url)
})

beforeAll(() => worker.start({ quiet: true, onUnhandledFrame: 'bypass' }))
afterEach(() => {
  cleanup()
  mcp.reset()
})
afterAll(() => worker.stop())

function App() {
  const server = useMCPSSE(new URL('/api', location.href).href)
  const [via, setVia] = useState('')
  const [answer, setAnswer] = useState('')
  useEffect(
    () =>
      server.client?.onWire((event: WireEvent) => {
        if (event.type === 'stream-open') setVia(event.via)
      }),
    [server.client],
  )
  return (
    <div>
      <p>Status: {server.status}</p>
      <p>Stream: {via}</p>
      <ul>
        {server.tools.map((tool) => (
          <li key={tool.name}>{tool.name}</li>
        ))}
      </ul>
      <button
        disabled={!server.connected}
        onClick={() =>
          void server.callTool('echo', { message: 'hi' }).then((result) => {
            const first = result.content[0]
            setAnswer(first?.type === 'text' ? first.text : '')
          })
        }
      >
        Call
      </button>
      <output>{answer}</output>
    </div>
  )
}

it("runs the hook over the browser's own EventSource: one stream under StrictMode, tools, a call", async () => {
  expect(typeof EventSource).toBe('function')
  const view = render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
  expect(await screen.findByText('Status: ready')).toBeTruthy()
  expect(screen.getByText('Stream: eventsource')).toBeTruthy()
  expect(await screen.findByText('time')).toBeTruthy()
  expect(streamGets).toHaveLength(1)

  fireEvent.click(screen.getByRole('button', { name: 'Call' }))
  expect(await screen.findByText('Echo: hi')).toBeTruthy()

  view.unmount()
  await expect.poll(() => mcp.sessions).toEqual([])
})
