import { createMCPServer } from '@mcp-sse/msw'
import { QueryClientProvider } from '@tanstack/react-query'
import {
  act,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { App } from '../App'
import { DEFAULT_CONFIG } from '../connect/config'
import { logActions, logModel, flush } from '../log/store'
import { createQueryClient } from '../queryClient'
import { sessionActions, useSessions } from '../sessions/store'

// A 1×1 transparent PNG.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='

const mock = createMCPServer({
  url: 'http://mcp.test',
  serverInfo: { name: 'mock-everything', version: '9.9.9' },
  tools: [
    {
      name: 'echo',
      description: 'Echoes its message',
      inputSchema: {
        type: 'object',
        properties: { message: { type: 'string', description: 'What to say' } },
        required: ['message'],
      },
      run: ({ message }) => `Echo: ${String(message)}`,
    },
    {
      name: 'configure',
      description: 'Every kind of field',
      inputSchema: {
        type: 'object',
        properties: {
          mode: { type: 'string', enum: ['fast', 'slow'] },
          count: { type: 'integer' },
          verbose: { type: 'boolean' },
          target: {
            type: 'object',
            properties: { host: { type: 'string' } },
            required: ['host'],
          },
          tags: { type: 'array', items: { type: 'string' } },
        },
        required: ['mode'],
      },
      run: (args) => ({
        content: [{ type: 'text', text: JSON.stringify(args) }],
      }),
    },
    {
      name: 'slow',
      run: async (_args, ctx) => {
        for (let step = 1; step <= 50; step++) {
          ctx.progress(step, 50, `step ${step}`)
          await new Promise((resolve) => setTimeout(resolve, 40))
          if (ctx.signal.aborted) return 'stopped'
        }
        return 'done'
      },
    },
    {
      name: 'media',
      run: () => ({
        content: [
          { type: 'image', data: PNG, mimeType: 'image/png' },
          { type: 'image', data: PNG, mimeType: 'text/html' },
          { type: 'resource_link', uri: 'file:///notes.txt', name: 'notes' },
          {
            type: 'resource',
            resource: { uri: 'file:///b.txt', text: '<b>not bold</b>' },
          },
        ],
      }),
    },
    {
      name: 'big',
      run: () => 'x'.repeat(50_000),
    },
    {
      name: 'fails',
      run: () => {
        throw new Error('disk on fire')
      },
    },
    {
      name: 'typed',
      outputSchema: {
        type: 'object',
        properties: { sum: { type: 'number' } },
        required: ['sum'],
      },
      run: () => ({ content: [], structuredContent: { sum: 'three' } }),
    },
  ],
  resources: [
    { uri: 'file:///notes.txt', name: 'notes', text: 'first version' },
  ],
  resourceTemplates: [
    {
      uriTemplate: 'file:///users/{id}',
      name: 'user',
      read: (_uri, { id }) => `user ${String(id)}`,
    },
  ],
  prompts: [
    {
      name: 'greet',
      arguments: [{ name: 'who', required: true }],
      get: ({ who }) => ({
        messages: [
          {
            role: 'user',
            content: { type: 'text', text: `Hello ${String(who)}` },
          },
        ],
      }),
    },
  ],
})
const locked = createMCPServer({
  url: 'http://locked.test',
  dialect: { auth: { header: 'Authorization', value: 'Bearer right' } },
})

// Two servers that are not MCP servers at all: the page must say what is wrong in words.
const notMCP = [
  http.get('http://html.test/sse', () =>
    HttpResponse.html('<html>a web page</html>'),
  ),
  http.get(
    'http://missing.test/sse',
    () => new HttpResponse('Not Found', { status: 404 }),
  ),
]

const network = setupServer(...mock.handlers, ...locked.handlers, ...notMCP)
beforeAll(() => network.listen({ onUnhandledFrame: 'error' }))
afterEach(async () => {
  await act(() => sessionActions.reset())
  logActions.clear()
  mock.reset()
  locked.reset()
})
afterAll(() => network.close())

function renderApp(url = 'http://mcp.test', autoConnect = true) {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <App
        initial={{ ...DEFAULT_CONFIG, url }}
        remember={false}
        autoConnect={autoConnect}
      />
    </QueryClientProvider>,
  )
}

async function openTool(name: string) {
  const list = await screen.findByRole('list', { name: 'Tools' })
  fireEvent.click(
    await within(list).findByRole('button', { name: new RegExp(`^${name}`) }),
  )
}

describe('sessions', () => {
  it('connects from the form and shows the server, protocol and capabilities', async () => {
    renderApp('http://mcp.test', false)
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }))
    const row = await screen.findByTestId('session-s1')
    await waitFor(() => expect(row.dataset.status).toBe('ready'))
    expect(row.textContent).toContain('mock-everything 9.9.9')
    expect(row.textContent).toContain('2025-11-25')
    expect(row.textContent).toMatch(/tools/)
    await waitFor(() =>
      expect(within(row).getByTestId('rtt').textContent).toMatch(/ms$/),
    )
  })

  it('explains a refusal for missing credentials', async () => {
    renderApp('http://locked.test')
    const error = await screen.findByTestId('session-error')
    expect(error.textContent).toMatch(/credentials/)
    expect(error.textContent).toMatch(/401/)
  })

  it('explains a stream path that answers 404', async () => {
    renderApp('http://missing.test')
    const error = await screen.findByTestId('session-error')
    expect(error.textContent).toMatch(/404/)
    expect(error.textContent).toMatch(/sseEndpoint|stream path/)
  })

  it('explains a URL that is not an event stream', async () => {
    renderApp('http://html.test')
    const error = await screen.findByTestId('session-error')
    expect(error.textContent).toMatch(/Not an event stream/)
    expect(error.textContent).toMatch(/text\/html/)
  })

  it('says what is wrong with the URL before connecting', () => {
    renderApp('', false)
    fireEvent.change(screen.getByRole('textbox', { name: 'Server URL' }), {
      target: { value: 'localhost:3001' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }))
    expect(screen.getByRole('alert').textContent).toMatch(/http/)
    expect(useSessions.getState().sessions).toHaveLength(0)
  })
})

describe('tools', () => {
  it('fills the generated form, calls the tool and keeps the input across a reconnect', async () => {
    renderApp()
    await openTool('echo')
    fireEvent.change(screen.getByRole('textbox', { name: /message/ }), {
      target: { value: 'hi there' },
    })
    fireEvent.click(await screen.findByRole('button', { name: 'Call echo' }))
    expect((await screen.findByTestId('tool-result')).textContent).toContain(
      'Echo: hi there',
    )

    await act(async () => sessionActions.reconnect('s1'))
    await waitFor(() =>
      expect(screen.getByTestId('session-s1').dataset.status).toBe('ready'),
    )
    expect(screen.getByRole('textbox', { name: /message/ })).toHaveProperty(
      'value',
      'hi there',
    )

    flush()
    const request = logModel
      .entries()
      .find((e) => e.method === 'tools/call' && e.rpcKind === 'request')
    expect(request?.latencyMs).toBeGreaterThanOrEqual(0)
  })

  it('maps enums, integers, booleans, nested objects and arrays to inputs', async () => {
    renderApp()
    await openTool('configure')
    const form = await screen.findByRole('form', { name: 'Call configure' })
    fireEvent.change(within(form).getByRole('combobox', { name: /mode/ }), {
      target: { value: '1' },
    })
    fireEvent.change(within(form).getByRole('spinbutton', { name: /count/ }), {
      target: { value: '7' },
    })
    fireEvent.click(within(form).getByRole('checkbox', { name: /verbose/ }))
    fireEvent.change(within(form).getByRole('textbox', { name: /host/ }), {
      target: { value: 'db' },
    })
    fireEvent.click(within(form).getByRole('button', { name: /add tags item/ }))
    fireEvent.change(within(form).getByRole('textbox', { name: /tags\[0\]/ }), {
      target: { value: 'x' },
    })
    fireEvent.click(
      within(form).getByRole('button', { name: 'Call configure' }),
    )
    const result = await screen.findByTestId('tool-result')
    expect(JSON.parse(result.querySelector('pre')?.textContent ?? '')).toEqual({
      mode: 'slow',
      count: 7,
      verbose: true,
      target: { host: 'db' },
      tags: ['x'],
    })
    // The raw JSON mode shows the same arguments.
    fireEvent.click(
      within(form).getAllByRole('checkbox', {
        name: 'raw JSON',
      })[0] as HTMLElement,
    )
    const raw = within(form).getByRole('textbox', { name: 'Arguments as JSON' })
    expect(JSON.parse((raw as HTMLTextAreaElement).value)).toMatchObject({
      mode: 'slow',
      count: 7,
    })
    // Edited as JSON and called with Ctrl+Enter from the textarea.
    fireEvent.change(raw, { target: { value: '{"mode":"fast","count":1}' } })
    fireEvent.keyDown(raw, { key: 'Enter', ctrlKey: true })
    await waitFor(() =>
      expect(
        screen.getByTestId('tool-result').querySelector('pre')?.textContent,
      ).toBe('{"mode":"fast","count":1}'),
    )
  })

  it('shows progress and cancels a running call', async () => {
    renderApp()
    await openTool('slow')
    fireEvent.click(await screen.findByRole('button', { name: 'Call slow' }))
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toMatch(/\/ 50 — step/),
    )
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    expect((await screen.findByRole('alert')).textContent).toMatch(/Cancelled/)
    await mock.waitForMessage('notifications/cancelled')
  })

  it('renders content by type and never as HTML', async () => {
    renderApp()
    await openTool('media')
    fireEvent.click(await screen.findByRole('button', { name: 'Call media' }))
    const result = await screen.findByTestId('tool-result')
    const images = result.querySelectorAll('img')
    expect(images).toHaveLength(1)
    expect(images[0]?.getAttribute('src')).toMatch(/^data:image\/png;base64,/)
    expect(result.textContent).toMatch(/Not shown: declared type “text\/html”/)
    expect(result.textContent).toContain('file:///notes.txt')
    fireEvent.click(within(result).getByRole('button', { name: 'Read' }))
    expect(await within(result).findByText('first version')).toBeTruthy()
    expect(result.textContent).toContain('<b>not bold</b>')
    expect(result.querySelector('b')).toBeNull()
  })

  it('shows isError results as errors and checks structuredContent against outputSchema', async () => {
    renderApp()
    await openTool('fails')
    fireEvent.click(await screen.findByRole('button', { name: 'Call fails' }))
    const failed = await screen.findByTestId('tool-result')
    expect(failed.textContent).toMatch(/isError: true/)
    expect(failed.textContent).toContain('disk on fire')

    await openTool('typed')
    fireEvent.click(await screen.findByRole('button', { name: 'Call typed' }))
    await waitFor(() =>
      expect(screen.getByTestId('tool-result').textContent).toMatch(
        /does not match outputSchema/,
      ),
    )
    expect(screen.getByTestId('tool-result').textContent).toMatch(
      /sum.*expected number/,
    )
  })

  it('cuts a large result, with a way to see it all', async () => {
    renderApp()
    await openTool('big')
    fireEvent.click(await screen.findByRole('button', { name: 'Call big' }))
    const result = await screen.findByTestId('tool-result')
    expect(result.textContent).toMatch(/Showing 20,000 of 50,000 characters/)
    expect(result.querySelector('pre')?.textContent).toHaveLength(20_000)
    fireEvent.click(within(result).getByRole('button', { name: 'Show all' }))
    expect(result.querySelector('pre')?.textContent).toHaveLength(50_000)
    expect(
      within(result).getByRole('button', { name: 'Download' }),
    ).toBeTruthy()
  })

  it('refetches the list when the server says it changed', async () => {
    renderApp()
    const list = await screen.findByRole('list', { name: 'Tools' })
    await within(list).findByRole('button', { name: /^echo/ })
    act(() => mock.setTools([{ name: 'brand-new', run: () => 'ok' }]))
    await within(list).findByRole('button', { name: /^brand-new/ })
  })
})

describe('resources and prompts', () => {
  it('reads a resource and a template with its parameter', async () => {
    renderApp()
    fireEvent.click(await screen.findByRole('tab', { name: 'Resources' }))
    fireEvent.click(await screen.findByRole('button', { name: /notes/ }))
    expect(await screen.findByText('first version')).toBeTruthy()
    // Subscribed: an update notification re-reads it.
    fireEvent.click(screen.getByRole('button', { name: 'Subscribe' }))
    await screen.findByRole('button', { name: 'Unsubscribe' })
    act(() => {
      mock.setResources([
        { uri: 'file:///notes.txt', name: 'notes', text: 'second version' },
      ])
      mock.updateResource('file:///notes.txt')
    })
    expect(await screen.findByText('second version')).toBeTruthy()
    fireEvent.change(await screen.findByRole('textbox', { name: 'user id' }), {
      target: { value: '42' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Read' }))
    expect(await screen.findByText('user 42')).toBeTruthy()
  })

  it('fills a prompt form and gets the messages', async () => {
    renderApp()
    fireEvent.click(await screen.findByRole('tab', { name: 'Prompts' }))
    fireEvent.click(await screen.findByRole('button', { name: /greet/ }))
    fireEvent.change(screen.getByRole('textbox', { name: /who/ }), {
      target: { value: 'Ada' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Get prompt' }))
    expect(await screen.findByText('Hello Ada')).toBeTruthy()
  })
})

describe('notifications', () => {
  it('lists server log messages and sets the server level', async () => {
    renderApp()
    await waitFor(() =>
      expect(screen.getByTestId('session-s1').dataset.status).toBe('ready'),
    )
    fireEvent.click(screen.getByRole('tab', { name: 'Notifications' }))
    fireEvent.click(screen.getByRole('button', { name: 'Set level' }))
    expect(
      await screen.findByText(/logging\/setLevel info accepted/),
    ).toBeTruthy()
    act(() =>
      mock.notify('notifications/message', {
        level: 'error',
        data: 'boom happened',
      }),
    )
    expect(await screen.findByText('boom happened')).toBeTruthy()
  })
})
