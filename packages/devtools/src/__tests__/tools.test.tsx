import { MCPDevtools } from '@mcp-sse/devtools'
import { MCPSSEProvider, useMCPSSE } from '@mcp-sse/react'
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { devtools, inDevtools } from './shadow'
import { getStreams, useMockServers } from './mcp-fixture'

const [docs] = useMockServers('http://localhost:4201')

afterEach(async () => {
  cleanup()
  await new Promise((resolve) => setTimeout(resolve, 10))
})

function App() {
  const mcp = useMCPSSE({ connection: 'docs' })
  return (
    <button
      type="button"
      onClick={() => void mcp.callTool('echo', { message: 'from the app' })}
    >
      app call ({mcp.status})
    </button>
  )
}

async function renderOpen() {
  const page = render(
    <MCPSSEProvider connections={{ docs: { url: docs.sseUrl } }}>
      <App />
      <MCPDevtools initialIsOpen />
    </MCPSSEProvider>,
  )
  const view = await inDevtools()
  await waitFor(() =>
    expect(page.getByRole('button').textContent).toContain('ready'),
  )
  return { page, view }
}

it("shows the app's own calls in the log as it makes them", async () => {
  const { page, view } = await renderOpen()
  await waitFor(() =>
    expect(view.getAllByText(/^tools\/list #/).length).toBeGreaterThan(0),
  )
  expect(view.queryByText(/^tools\/call echo/)).toBeNull()
  fireEvent.click(page.getByRole('button'))
  await waitFor(() =>
    expect(view.getAllByText(/^tools\/call echo #/)).toHaveLength(1),
  )
  // The row opens to the whole event, the app's arguments in it.
  fireEvent.click(view.getByText(/^tools\/call echo #/))
  expect((await devtools()).textContent).toContain('from the app')
})

it('calls a tool from a form, refusing arguments that are not a valid object', async () => {
  const { view } = await renderOpen()
  fireEvent.click(view.getByRole('tab', { name: 'Tools' }))
  fireEvent.click(await view.findByRole('button', { name: 'echo' }))
  const args = view.getByLabelText('Arguments (JSON)')
  expect(JSON.parse((args as HTMLTextAreaElement).value)).toEqual({
    message: '',
  })

  fireEvent.change(args, { target: { value: '{"message": ' } })
  fireEvent.click(view.getByRole('button', { name: 'Call echo' }))
  expect(view.getByRole('alert').textContent).toMatch(/not valid JSON/)
  fireEvent.change(args, { target: { value: '{}' } })
  fireEvent.click(view.getByRole('button', { name: 'Call echo' }))
  expect(view.getByRole('alert').textContent).toBe(
    'echo requires message; add it to the object.',
  )
  expect(
    docs.received.filter(
      ({ message }) => 'method' in message && message.method === 'tools/call',
    ),
  ).toHaveLength(0)

  fireEvent.change(args, { target: { value: '{"message": "from the panel"}' } })
  fireEvent.click(view.getByRole('button', { name: 'Call echo' }))
  expect(await view.findByText('Echo: from the panel')).toBeTruthy()
  expect(getStreams(docs)).toBe(1)
})

it('shows what a server sends as text, never as markup', async () => {
  const { view } = await renderOpen()
  fireEvent.click(view.getByRole('tab', { name: 'Tools' }))
  fireEvent.click(await view.findByRole('button', { name: 'markup' }))
  fireEvent.click(view.getByRole('button', { name: 'Call markup' }))
  expect(await view.findByText(/^<img src="x" onerror/)).toBeTruthy()
  expect((await devtools()).querySelector('img')).toBeNull()
  expect('__pwned' in window).toBe(false)
})

it('lists a tool the server adds, and the list change, as they happen', async () => {
  const { view } = await renderOpen()
  fireEvent.click(view.getByRole('tab', { name: 'Tools' }))
  await view.findByRole('button', { name: 'echo' })
  expect(view.getByText('None yet.')).toBeTruthy()
  docs.addTool({ name: 'late', run: () => 'late answer' })
  expect(await view.findByRole('button', { name: 'late' })).toBeTruthy()
  const changes = await view.findByRole('list', { name: 'List changes' })
  expect(changes.textContent).toContain('notifications/tools/list_changed')
})
