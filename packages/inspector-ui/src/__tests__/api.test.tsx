import { ClientRegistry, MCPSSEClient } from '@mcp-sse/core'
import { act, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createInspector, MCPInspector } from '@mcp-sse/inspector-ui'
import { useNetwork } from '../test/mock-servers'

useNetwork()

const made: MCPSSEClient[] = []
function client(): MCPSSEClient {
  const c = new MCPSSEClient({ url: 'http://mcp.test/sse', reconnect: false })
  made.push(c)
  return c
}
afterEach(async () => {
  for (const c of made.splice(0)) await c.disconnect()
})

const sessions = () =>
  within(screen.getAllByRole('list', { name: 'Sessions' })[0]!)

describe('<MCPInspector clients />', () => {
  it('shows one client the app made, its handshake in the log, and opens no client of its own', async () => {
    const app = client()
    const inspector = createInspector()
    render(<MCPInspector inspector={inspector} clients={[app]} />)
    await act(() => app.connect())
    const row = await screen.findByTestId('session-s1')
    await waitFor(() => expect(row.dataset.status).toBe('ready'))
    expect(row.textContent).toContain('mock-everything 9.9.9')
    // The log has the app's own initialize, recorded from mount (the rows are virtual: jsdom
    // lays nothing out, so the log's model is read).
    inspector.flush()
    const methods = inspector.logModel
      .entries()
      .map((e) =>
        e.event.type === 'message-out' && 'method' in e.event.message
          ? e.event.message.method
          : null,
      )
    expect(methods).toContain('initialize')
    expect(inspector.useSessions.getState().sessions).toHaveLength(1)
    expect(inspector.useSessions.getState().sessions[0]?.client).toBe(app)
  })

  it('names clients given by name, and lets go of them without closing them', async () => {
    const docs = client()
    const search = client()
    const view = render(<MCPInspector clients={{ docs, search }} />)
    await act(() => Promise.all([docs.connect(), search.connect()]))
    expect(sessions().getByTestId('session-docs')).toBeTruthy()
    expect(sessions().getByTestId('session-search')).toBeTruthy()
    view.unmount()
    expect(docs.getSnapshot().status).toBe('ready')
  })

  it('follows a registry as clients are acquired and released', async () => {
    const registry = new ClientRegistry({
      connections: { docs: { url: 'http://mcp.test/sse', reconnect: false } },
    })
    render(<MCPInspector clients={registry} />)
    expect(screen.queryByTestId('session-docs')).toBeNull()
    let lease: ReturnType<ClientRegistry['acquire']> | undefined
    act(() => {
      lease = registry.acquire({ connection: 'docs' })
    })
    const row = await screen.findByTestId('session-docs')
    await waitFor(() => expect(row.dataset.status).toBe('ready'))
    act(() => lease?.release())
    await waitFor(() => expect(screen.queryByTestId('session-docs')).toBeNull())
  })

  it('keeps the state of two inspectors on one page apart', async () => {
    const a = client()
    const b = client()
    const first = createInspector()
    const second = createInspector()
    render(
      <>
        <MCPInspector inspector={first} clients={{ a }} />
        <MCPInspector inspector={second} clients={{ b }} />
      </>,
    )
    await act(() => Promise.all([a.connect(), b.connect()]))
    expect(first.useSessions.getState().sessions.map((s) => s.id)).toEqual([
      'a',
    ])
    expect(second.useSessions.getState().sessions.map((s) => s.id)).toEqual([
      'b',
    ])
    first.flush()
    second.flush()
    const sessionsOf = (log: typeof first.logModel) =>
      new Set(log.entries().map((e) => e.session))
    expect([...sessionsOf(first.logModel)]).toEqual(['a'])
    expect([...sessionsOf(second.logModel)]).toEqual(['b'])
    first.toolActions.select('a', 'echo')
    expect(second.useToolState.getState().selected).toEqual({})
  })
})
