import { MCPDevtools } from '@mcp-sse/devtools'
import { MCPSSEProvider, useMCPSSE } from '@mcp-sse/react'
import {
  cleanup,
  fireEvent,
  render,
  waitFor,
  within,
} from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { devtools, inDevtools, sentInLog } from './shadow'
import { getStreams, useMockServers } from './mcp-fixture'

const [docs] = useMockServers('http://localhost:4201')

afterEach(async () => {
  cleanup()
  localStorage.clear()
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

async function openTool(view: ReturnType<typeof within>, name: string) {
  const list = await view.findByRole('list', { name: 'Tools' })
  fireEvent.click(
    await within(list).findByRole('button', { name: new RegExp(`^${name}`) }),
  )
}

it("shows the app's own calls in the log as it makes them", async () => {
  const { page, view } = await renderOpen()
  await waitFor(() =>
    expect(sentInLog(view, 'docs', 'tools/list')).toBeGreaterThan(0),
  )
  expect(sentInLog(view, 'docs', 'tools/call')).toBe(0)
  fireEvent.click(page.getByRole('button'))
  await waitFor(() => expect(sentInLog(view, 'docs', 'tools/call')).toBe(1))
})

it('calls a tool from its form, on the app’s own session', async () => {
  const { view } = await renderOpen()
  await openTool(view, 'echo')
  fireEvent.change(view.getByRole('textbox', { name: /message/ }), {
    target: { value: 'from the panel' },
  })
  fireEvent.click(await view.findByRole('button', { name: 'Call echo' }))
  expect((await view.findByTestId('tool-result')).textContent).toContain(
    'Echo: from the panel',
  )
  expect(docs.sessions).toHaveLength(1)
  expect(getStreams(docs)).toBe(1)
})

it('shows what a server sends as text, never as markup', async () => {
  const { view } = await renderOpen()
  await openTool(view, 'markup')
  fireEvent.click(await view.findByRole('button', { name: 'Call markup' }))
  expect((await view.findByTestId('tool-result')).textContent).toContain(
    '<img src="x" onerror',
  )
  expect((await devtools()).querySelector('img')).toBeNull()
  expect('__pwned' in window).toBe(false)
})

it('lists a tool the server adds, and the list change, as they happen', async () => {
  const { view } = await renderOpen()
  await view.findByRole('list', { name: 'Tools' })
  expect(view.queryByTestId('tool-late')).toBeNull()
  docs.addTool({ name: 'late', run: () => 'late answer' })
  expect(await view.findByTestId('tool-late')).toBeTruthy()
  fireEvent.click(view.getByRole('tab', { name: /^Notifications/ }))
  const notes = await view.findByRole('list', { name: 'Notifications' })
  await waitFor(() =>
    expect(notes.textContent).toContain('notifications/tools/list_changed'),
  )
})
