import { createMCPServer, type MCPServer } from '@mcp-sse/msw'
import {
  act,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react'
import { http, HttpResponse, type RequestHandler } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, expect } from 'vitest'
import { DEFAULT_CONFIG, type ConnectConfig } from '../connect/config'
import { MCPInspector } from '../MCPInspector'
import { inspector, logActions, sessionActions } from './inspector'

/**
 * The simulated servers the panel tests talk to, served through msw; `useNetwork()` in a test file
 * starts them for that file and resets them (and the inspector's state) after each test.
 */
// A 1×1 transparent PNG.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='

export const mock = createMCPServer({
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
export const locked = createMCPServer({
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
  // What such servers answer the transport probe's POST: no MCP endpoint here.
  http.post(
    /^http:\/\/(html|missing)\.test\//,
    () => new HttpResponse('Not Found', { status: 404 }),
  ),
]

/**
 * Serves the simulated servers for one test file; `extra` adds servers (reset after each test
 * too) and handlers placed in front of them.
 */
export function useNetwork(
  extra: { servers?: MCPServer[]; handlers?: RequestHandler[] } = {},
): void {
  const servers = [mock, locked, ...(extra.servers ?? [])]
  const network = setupServer(
    ...(extra.handlers ?? []),
    ...servers.flatMap((s) => s.handlers),
    ...notMCP,
  )
  beforeAll(() => network.listen({ onUnhandledFrame: 'error' }))
  afterEach(async () => {
    await act(() => sessionActions.reset())
    logActions.clear()
    for (const server of servers) server.reset()
  })
  afterAll(() => network.close())
}

/**
 * The inspector on the test inspector's state; with `autoConnect`, a session to `url` is opened
 * as an app's connect form would.
 */
export function renderApp(
  url = 'http://mcp.test',
  autoConnect = true,
  config: Partial<ConnectConfig> = {},
) {
  const view = render(<MCPInspector inspector={inspector} />)
  if (autoConnect)
    act(() => {
      sessionActions.open({ ...DEFAULT_CONFIG, url, ...config })
    })
  return view
}

export async function openTool(name: string) {
  const list = await screen.findByRole('list', { name: 'Tools' })
  fireEvent.click(
    await within(list).findByRole('button', { name: new RegExp(`^${name}`) }),
  )
}

/** Waits until session `id` is ready, as its card says. */
export async function ready(id = 's1') {
  await waitFor(() =>
    expect(screen.getByTestId(`session-${id}`).dataset.status).toBe('ready'),
  )
}

export function openTab(name: string) {
  fireEvent.click(screen.getByRole('tab', { name: new RegExp(`^${name}`) }))
}
