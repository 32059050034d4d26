import { createMCPServer } from '@mcp-sse/msw'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import { setupServer } from 'msw/node'
import { StrictMode, useEffect, useState, type ReactNode } from 'react'
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import { MCPSSEProvider, useMCPSSE } from '../index'
import { useMCPCallTool, useMCPTools } from '../query/index'

// The same hooks, unchanged, against a protocol 2026-07-28 server: no session, list changes on
// the subscriptions/listen stream, elicitation through multi round-trip requests.
const URL = 'http://localhost:4120/mcp'
const server = createMCPServer({
  url: 'http://localhost:4120',
  protocol: '2026-07-28',
  capabilities: { tools: { listChanged: true } },
  dialect: { cacheHints: { ttlMs: 60_000, cacheScope: 'public' } },
  tools: [
    { name: 'echo', run: ({ message }) => `Echo: ${String(message)}` },
    {
      name: 'greet',
      run: async (_args, ctx) => {
        const answer = await ctx.request('elicitation/create', {
          mode: 'form',
          message: 'Your name?',
          requestedSchema: {
            type: 'object',
            properties: { name: { type: 'string' } },
          },
        })
        return `Hello ${String((answer.content as { name?: string } | undefined)?.name)}`
      },
    },
  ],
})
const network = setupServer(...server.handlers)
beforeAll(() => network.listen({ onUnhandledFrame: 'error' }))
afterEach(async () => {
  cleanup()
  await new Promise((resolve) => setTimeout(resolve, 10))
  server.reset()
})
afterAll(() => network.close())

function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false } } }),
  )
  return (
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <MCPSSEProvider connections={{ modern: { url: URL } }}>
          {children}
        </MCPSSEProvider>
      </QueryClientProvider>
    </StrictMode>
  )
}

function Status() {
  const { status, protocolVersion, sessionId, tools } = useMCPSSE({
    connection: 'modern',
  })
  return (
    <p data-testid="status">
      {status} {protocolVersion} {String(sessionId)}{' '}
      {tools.map((t) => t.name).join(',')}
    </p>
  )
}

function Tools() {
  const { data = [], isStale } = useMCPTools('modern')
  return (
    <p data-testid="tools">
      {data.map((t) => t.name).join(',')} {isStale ? 'stale' : 'fresh'}
    </p>
  )
}

function Greeter() {
  const { client } = useMCPSSE({ connection: 'modern' })
  useEffect(
    () =>
      client?.setRequestHandler('elicitation/create', () => ({
        action: 'accept',
        content: { name: 'Ada' },
      })),
    [client],
  )
  const call = useMCPCallTool('modern')
  return (
    <>
      <button onClick={() => call.mutate({ name: 'greet', arguments: {} })}>
        greet
      </button>
      <p data-testid="greeting">
        {call.data?.content[0]?.type === 'text'
          ? call.data.content[0].text
          : ''}
      </p>
    </>
  )
}

it('connects statelessly and keeps the catalog and a Query list current through subscriptions/listen', async () => {
  render(
    <Providers>
      <Status />
      <Tools />
    </Providers>,
  )
  await waitFor(() =>
    expect(screen.getByTestId('status').textContent).toBe(
      'ready 2026-07-28 null echo,greet',
    ),
  )
  await waitFor(() =>
    expect(screen.getByTestId('tools').textContent).toBe('echo,greet fresh'),
  )
  await waitFor(() => expect(server.subscriptions).toHaveLength(1))
  expect(server.subscriptions[0]?.notifications).toEqual({
    toolsListChanged: true,
  })
  act(() => server.addTool({ name: 'later', run: () => 'later' }))
  await waitFor(() =>
    expect(screen.getByTestId('tools').textContent).toBe(
      'echo,greet,later fresh',
    ),
  )
  await waitFor(() =>
    expect(screen.getByTestId('status').textContent).toContain('later'),
  )
  // StrictMode mounts twice: still one listen stream, and one discover.
  expect(server.subscriptions).toHaveLength(1)
  const discovers = server.received.filter(
    (r) => 'method' in r.message && r.message.method === 'server/discover',
  )
  expect(discovers).toHaveLength(1)
})

it('answers an elicitation through multi round-trip requests from a handler registered after connecting', async () => {
  render(
    <Providers>
      <Greeter />
    </Providers>,
  )
  await waitFor(() => expect(server.received.length).toBeGreaterThan(0))
  act(() => screen.getByText('greet').click())
  await waitFor(() =>
    expect(screen.getByTestId('greeting').textContent).toBe('Hello Ada'),
  )
  const calls = server.received.filter(
    (r) => 'method' in r.message && r.message.method === 'tools/call',
  )
  expect(calls).toHaveLength(2)
})

it('takes the server ttlMs as the freshness of a Query list', async () => {
  server.setDialect({ cacheHints: { ttlMs: 150, cacheScope: 'public' } })
  render(
    <Providers>
      <Tools />
    </Providers>,
  )
  await waitFor(() =>
    expect(screen.getByTestId('tools').textContent).toBe('echo,greet fresh'),
  )
  await waitFor(() =>
    expect(screen.getByTestId('tools').textContent).toBe('echo,greet stale'),
  )
})
