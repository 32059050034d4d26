import { ClientRegistry, isMCPError, type MCPSSEClient } from '@mcp-sse/core'
import {
  cleanup,
  render,
  renderHook,
  screen,
  waitFor,
} from '@testing-library/react'
import { StrictMode } from 'react'
import { afterEach, expect, it, vi } from 'vitest'
import {
  MCPSSEProvider,
  useMCPClient,
  useMCPConnections,
  useMCPSSE,
} from '../index'
import { useMockMCPServers } from './mcp-fixture'

const [docs, tools] = useMockMCPServers(
  'http://localhost:4001',
  'http://localhost:4002',
)

afterEach(async () => {
  cleanup()
  await new Promise((resolve) => setTimeout(resolve, 10))
})

const connections = {
  docs: { url: 'http://localhost:4001' },
  tools: { url: 'http://localhost:4002' },
}

function Reader({ name, id }: { name: string; id: string }) {
  const mcp = useMCPSSE({ connection: name })
  return (
    <p data-testid={id}>
      {mcp.status}:{mcp.serverInfo?.name ?? ''}:{mcp.tools.length}
    </p>
  )
}

let seen: MCPSSEClient[] = []
function ClientReader({ name }: { name: string }) {
  seen.push(useMCPClient(name))
  return null
}

it('shares one stream between two readers of a connection, and keeps connections apart', async () => {
  seen = []
  const view = render(
    <StrictMode>
      <MCPSSEProvider connections={connections}>
        <Reader name="docs" id="a" />
        <Reader name="docs" id="b" />
        <Reader name="tools" id="c" />
        <ClientReader name="docs" />
      </MCPSSEProvider>
    </StrictMode>,
  )
  for (const id of ['a', 'b', 'c'])
    await waitFor(() =>
      expect(screen.getByTestId(id).textContent).toBe(
        'ready:mock-mcp-server:2',
      ),
    )
  expect(docs.streamsOpened()).toBe(1)
  expect(tools.streamsOpened()).toBe(1)
  expect(new Set(seen).size).toBe(1)
  expect(seen[0]?.getSnapshot().status).toBe('ready')

  // Redefining a connection with the same options (a new object) changes nothing.
  view.rerender(
    <StrictMode>
      <MCPSSEProvider
        connections={{ ...connections, docs: { url: 'http://localhost:4001' } }}
      >
        <Reader name="docs" id="a" />
        <Reader name="docs" id="b" />
        <Reader name="tools" id="c" />
      </MCPSSEProvider>
    </StrictMode>,
  )
  await new Promise((resolve) => setTimeout(resolve, 30))
  expect(docs.streamsOpened()).toBe(1)

  view.unmount()
  await waitFor(() => {
    expect(docs.server.sessions).toEqual([])
    expect(tools.server.sessions).toEqual([])
  })
})

it('keeps the stream while one of two readers unmounts', async () => {
  function Two({ both }: { both: boolean }) {
    return (
      <MCPSSEProvider connections={connections}>
        <Reader name="docs" id="a" />
        {both ? <Reader name="docs" id="b" /> : null}
      </MCPSSEProvider>
    )
  }
  const view = render(<Two both />)
  await waitFor(() =>
    expect(screen.getByTestId('b').textContent).toMatch(/^ready/),
  )
  view.rerender(<Two both={false} />)
  await new Promise((resolve) => setTimeout(resolve, 30))
  expect(docs.server.sessions).toHaveLength(1)
  expect(screen.getByTestId('a').textContent).toMatch(/^ready/)
  expect(docs.streamsOpened()).toBe(1)
})

it('uses a registry given to it, reachable outside React', async () => {
  const registry = new ClientRegistry({ connections })
  render(
    <MCPSSEProvider registry={registry}>
      <Reader name="tools" id="c" />
    </MCPSSEProvider>,
  )
  await waitFor(() =>
    expect(screen.getByTestId('c').textContent).toMatch(/^ready/),
  )
  const client = registry.get('tools')
  expect(await client?.listAllTools()).toHaveLength(2)
  expect(registry.getSnapshot()).toMatchObject([{ name: 'tools', users: 1 }])
})

it('throws at once, with the fix, for a connection nobody defined', () => {
  // React reports the render error on the console (and React 18 through jsdom's error event) too;
  // that is expected here.
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
  const swallow = (event: ErrorEvent) => event.preventDefault()
  window.addEventListener('error', swallow)
  let thrown: unknown
  try {
    renderHook(() => useMCPClient('nope'), {
      wrapper: ({ children }) => (
        <MCPSSEProvider connections={connections}>{children}</MCPSSEProvider>
      ),
    })
  } catch (error) {
    thrown = error
  }
  quiet.mockRestore()
  window.removeEventListener('error', swallow)
  expect(isMCPError(thrown, 'invalid-options')).toBe(true)
  expect(String(thrown)).toMatch(
    /No connection named "nope".*defined: docs, tools/,
  )
})

it('lists the held connections for a session list', async () => {
  function Sessions() {
    const sessions = useMCPConnections()
    return (
      <p data-testid="sessions">
        {sessions
          .map((s) => `${s.name ?? '?'}=${String(s.users)}`)
          .sort()
          .join(',')}
      </p>
    )
  }
  function App({ second }: { second: boolean }) {
    return (
      <MCPSSEProvider connections={connections}>
        <Reader name="docs" id="a" />
        <Reader name="docs" id="b" />
        {second ? <Reader name="tools" id="c" /> : null}
        <Sessions />
      </MCPSSEProvider>
    )
  }
  const view = render(<App second />)
  const sessions = () => screen.getByTestId('sessions').textContent
  await waitFor(() => expect(sessions()).toBe('docs=2,tools=1'))
  view.rerender(<App second={false} />)
  await waitFor(() => expect(sessions()).toBe('docs=2'))
})
