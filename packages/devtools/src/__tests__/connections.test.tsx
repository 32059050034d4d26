import { ClientRegistry, MCPSSEClient } from '@mcp-sse/core'
import { MCPDevtools } from '@mcp-sse/devtools'
import { MCPSSEProvider, useMCPSSE } from '@mcp-sse/react'
import {
  cleanup,
  fireEvent,
  render,
  waitFor,
  within,
} from '@testing-library/react'
import { StrictMode } from 'react'
import { afterEach, expect, it } from 'vitest'
import { getStreams, useMockServers } from './mcp-fixture'
import { inDevtools } from './shadow'

const [docs, tools] = useMockServers(
  'http://localhost:4101',
  'http://localhost:4102',
)

afterEach(async () => {
  cleanup()
  localStorage.clear()
  await new Promise((resolve) => setTimeout(resolve, 10))
})

function Reader({ name }: { name: string }) {
  const mcp = useMCPSSE({ connection: name })
  return (
    <p data-testid={name}>
      {mcp.status}:{mcp.tools.length}
    </p>
  )
}

async function open() {
  const view = await inDevtools()
  fireEvent.click(view.getByRole('button', { name: 'MCP devtools' }))
  return view
}

it("shows the app's one connection: status, session, transport, protocol and its live wire log, with no second stream", async () => {
  render(
    <StrictMode>
      <MCPSSEProvider connections={{ docs: { url: docs.sseUrl } }}>
        <Reader name="docs" />
        <MCPDevtools />
      </MCPSSEProvider>
    </StrictMode>,
  )
  const view = await open()
  const dialog = view.getByRole('dialog', { name: 'MCP devtools' })
  expect(dialog.hidden).toBe(false)
  await waitFor(() =>
    expect(view.getByRole('button', { name: /docs/ }).textContent).toContain(
      'ready',
    ),
  )
  const session = docs.sessions[0]
  expect(session).toBeDefined()
  expect(view.getByText(session ?? 'none')).toBeTruthy()
  const fact = (name: string) =>
    view.getByText((_, element) => element?.getAttribute('data-fact') === name)
      .textContent
  expect(fact('transport')).toBe('sse')
  expect(fact('url')).toBe(docs.sseUrl)
  expect(fact('protocol')).toBe('2025-11-25') // what the simulated server agrees to
  expect(fact('server')).toMatch(/\S+ \S+/)
  // The handshake is in the log: recording began before the provider's hook connected.
  await waitFor(() =>
    expect(view.getAllByText(/^initialize #/).length).toBeGreaterThan(0),
  )
  expect(view.getAllByText(/^tools\/list #/).length).toBeGreaterThan(0)
  expect(getStreams(docs)).toBe(1)
  expect(docs.sessions).toHaveLength(1)
})

it('lists two connections and shows the one chosen', async () => {
  render(
    <MCPSSEProvider
      connections={{ docs: { url: docs.sseUrl }, tools: { url: tools.sseUrl } }}
    >
      <Reader name="docs" />
      <Reader name="tools" />
      <MCPDevtools />
    </MCPSSEProvider>,
  )
  const view = await open()
  const nav = await waitFor(() =>
    view.getByRole('navigation', { name: 'Connections' }),
  )
  await waitFor(() =>
    expect(nav.textContent).toMatch(/docs.*ready.*tools.*ready/),
  )
  fireEvent.click(within(nav).getByRole('button', { name: /tools/ }))
  expect(view.getByRole('region', { name: 'Connection tools' })).toBeTruthy()
  expect(view.getByText(tools.sseUrl)).toBeTruthy()
  expect(getStreams(docs)).toBe(1)
  expect(getStreams(tools)).toBe(1)
})

it('follows a registry given to it, as clients come and go', async () => {
  const registry = new ClientRegistry({
    connections: { docs: { url: docs.sseUrl } },
  })
  render(<MCPDevtools clients={registry} initialIsOpen />)
  const view = await inDevtools()
  expect(await view.findByText(/No connections yet/)).toBeTruthy()
  const lease = registry.acquire({ connection: 'docs' })
  await waitFor(() =>
    expect(view.getByRole('button', { name: /docs/ }).textContent).toContain(
      'ready',
    ),
  )
  await waitFor(() =>
    expect(view.getAllByText(/^initialize #/).length).toBeGreaterThan(0),
  )
  lease.release()
  expect(await view.findByText(/No connections yet/)).toBeTruthy()
  await registry.closeAll()
})

it('shows clients handed to it, named or not, without connecting them', async () => {
  const idle = new MCPSSEClient({ url: tools.sseUrl })
  const live = new MCPSSEClient({ url: docs.sseUrl })
  render(<MCPDevtools clients={{ live, idle }} initialIsOpen />)
  const view = await inDevtools()
  await live.connect()
  await waitFor(() =>
    expect(view.getByRole('button', { name: /live/ }).textContent).toContain(
      'ready',
    ),
  )
  expect(view.getByRole('button', { name: /idle/ }).textContent).toContain(
    'idle',
  )
  expect(tools.httpRequests).toHaveLength(0)
  await live.disconnect()
})
