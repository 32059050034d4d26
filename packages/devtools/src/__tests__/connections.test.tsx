import { ClientRegistry, MCPSSEClient } from '@mcp-sse/core'
import { MCPDevtools } from '@mcp-sse/devtools'
import { MCPSSEProvider, useMCPSSE } from '@mcp-sse/react'
import {
  act,
  cleanup,
  fireEvent,
  render,
  waitFor,
  within,
} from '@testing-library/react'
import { StrictMode } from 'react'
import { afterEach, expect, it } from 'vitest'
import { getStreams, useMockServers } from './mcp-fixture'
import { inDevtools, sentInLog, sessionCard } from './shadow'

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

/** The app with two connections, `docs` and `tools`, and the devtools open on them. */
async function openOnTwo() {
  render(
    <MCPSSEProvider
      connections={{ docs: { url: docs.sseUrl }, tools: { url: tools.sseUrl } }}
    >
      <Reader name="docs" />
      <Reader name="tools" />
      <MCPDevtools />
    </MCPSSEProvider>,
  )
  return open()
}

it("shows the app's one connection: status, server, transport and its handshake in the log, with no second stream", async () => {
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
  const card = await view.findByTestId('session-docs')
  await waitFor(() => expect(card.dataset.status).toBe('ready'))
  expect(card.textContent).toContain(docs.sseUrl)
  expect(within(card).getByTestId('session-transport').textContent).toBe(
    'HTTP+SSE',
  )
  // The handshake is in the log: recorded before the lazily loaded panel mounted, handed to it.
  await waitFor(() =>
    expect(sentInLog(view, 'docs', 'initialize')).toBeGreaterThan(0),
  )
  expect(sentInLog(view, 'docs', 'tools/list')).toBeGreaterThan(0)
  expect(getStreams(docs)).toBe(1)
  expect(docs.sessions).toHaveLength(1)
})

it('lists two connections and shows the one chosen', async () => {
  const view = await openOnTwo()
  await waitFor(() => {
    expect(sessionCard(view, 'docs').dataset.status).toBe('ready')
    expect(sessionCard(view, 'tools').dataset.status).toBe('ready')
  })
  fireEvent.click(
    within(sessionCard(view, 'tools')).getByRole('button', { name: /^tools/ }),
  )
  await waitFor(() =>
    expect(
      view.getByRole('tablist', { name: 'Session panels' }).textContent,
    ).toContain('tools'),
  )
  expect(getStreams(docs)).toBe(1)
  expect(getStreams(tools)).toBe(1)
})

it('finds the panel as it was left after closing and opening again', async () => {
  const view = await openOnTwo()
  await waitFor(() =>
    expect(sessionCard(view, 'tools').dataset.status).toBe('ready'),
  )
  fireEvent.click(
    within(sessionCard(view, 'tools')).getByRole('button', { name: /^tools/ }),
  )
  const panels = () =>
    view.getByRole('tablist', { name: 'Session panels' }).textContent
  await waitFor(() => expect(panels()).toContain('tools'))
  const filter = view.getByRole('textbox', { name: 'Method filter' })
  fireEvent.change(filter, { target: { value: 'tools/list' } })
  fireEvent.click(view.getByRole('button', { name: 'Close the devtools' }))
  expect(view.getByRole('dialog', { hidden: true }).hidden).toBe(true)
  fireEvent.click(view.getByRole('button', { name: 'MCP devtools' }))
  expect(view.getByRole('dialog', { name: 'MCP devtools' }).hidden).toBe(false)
  expect(panels()).toContain('tools')
  expect(
    (view.getByRole('textbox', { name: 'Method filter' }) as HTMLInputElement)
      .value,
  ).toBe('tools/list')
})

it('follows a registry given to it, as clients come and go', async () => {
  const registry = new ClientRegistry({
    connections: { docs: { url: docs.sseUrl } },
  })
  render(<MCPDevtools clients={registry} initialIsOpen />)
  const view = await inDevtools()
  expect(await view.findByText(/No connections yet/)).toBeTruthy()
  let lease: ReturnType<ClientRegistry['acquire']> | undefined
  act(() => {
    lease = registry.acquire({ connection: 'docs' })
  })
  await waitFor(() =>
    expect(sessionCard(view, 'docs').dataset.status).toBe('ready'),
  )
  await waitFor(() =>
    expect(sentInLog(view, 'docs', 'initialize')).toBeGreaterThan(0),
  )
  act(() => lease?.release())
  await waitFor(() => expect(view.queryByTestId('session-docs')).toBeNull())
  await registry.closeAll()
})

it('shows clients handed to it, named or not, without connecting them', async () => {
  const idle = new MCPSSEClient({ url: tools.sseUrl })
  const live = new MCPSSEClient({ url: docs.sseUrl })
  render(<MCPDevtools clients={{ live, idle }} initialIsOpen />)
  const view = await inDevtools()
  await act(() => live.connect())
  await waitFor(() =>
    expect(sessionCard(view, 'live').dataset.status).toBe('ready'),
  )
  expect(sessionCard(view, 'idle').dataset.status).toBe('idle')
  expect(tools.httpRequests).toHaveLength(0)
  await live.disconnect()
})
