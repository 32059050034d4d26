import { createMCPServer } from '@mcp-sse/msw'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { flush, logModel } from '../test/inspector'
import { sessionActions } from '../test/inspector'
import { DEFAULT_CONFIG } from '../connect/config'
import {
  openTab,
  openTool,
  ready,
  renderApp,
  useNetwork,
} from '../test/mock-servers'

const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='

/** What a new user met against server-everything, rebuilt in msw over Streamable HTTP. */
const everything = createMCPServer({
  url: 'http://everything.test',
  transport: 'streamable-http',
  tools: [
    {
      name: 'get-tiny-image',
      inputSchema: { type: 'object', properties: {} },
      run: (args) => ({
        content: [
          { type: 'text', text: `args ${JSON.stringify(args)}` },
          {
            type: 'image',
            data: PNG,
            mimeType: 'image/png',
            annotations: { audience: ['user'], priority: 0.9 },
          },
        ],
      }),
    },
  ],
  resources: [
    {
      uri: 'demo://text/1',
      name: 'plain',
      mimeType: 'text/plain',
      blob: btoa('hello as a blob'),
    },
    { uri: 'demo://text/2', name: 'other', text: 'second' },
  ],
  resourceTemplates: [
    {
      uriTemplate:
        'demo://resource/dynamic/text/{resourceId}/with/a/long/tail/{more}',
      name: 'dynamic',
      read: () => 'x',
    },
  ],
  prompts: [
    {
      name: 'simple-prompt',
      title: 'Simple Prompt',
      get: () => ({ messages: [] }),
    },
  ],
})

useNetwork({ servers: [everything] })

const URL = 'http://everything.test/mcp'

describe('what a new user hit', () => {
  it('calls a tool with no properties with {} and no field to fill; images zoom; annotations in words', async () => {
    renderApp(URL)
    await openTool('get-tiny-image')
    const form = await screen.findByRole('form', {
      name: 'Call get-tiny-image',
    })
    expect(within(form).getByTestId('no-arguments')).toBeTruthy()
    expect(within(form).queryByRole('textbox')).toBeNull()
    fireEvent.click(
      within(form).getByRole('button', { name: 'Call get-tiny-image' }),
    )
    const result = await screen.findByTestId('tool-result')
    expect(result.textContent).toContain('args {}')
    expect(within(result).getByTestId('annotations').textContent).toBe(
      'for userpriority 0.9',
    )
    const zoom = within(result).getByRole('button', { name: 'Zoom image' })
    fireEvent.click(zoom)
    expect(zoom.getAttribute('aria-pressed')).toBe('true')
    expect(
      within(result).getByRole('button', { name: 'Fit image' }),
    ).toBeTruthy()
  })

  it('keeps subscriptions across tab switches, previews text blobs, shows long template URIs whole on hover', async () => {
    renderApp(URL)
    await ready()
    openTab('Resources')
    fireEvent.click(await screen.findByRole('button', { name: /^plain/ }))
    expect(await screen.findByText('hello as a blob')).toBeTruthy()
    const subscribe = screen.getAllByRole('button', {
      name: 'Subscribe',
    })[0] as HTMLElement
    fireEvent.click(subscribe)
    await screen.findByRole('button', { name: 'Unsubscribe' })
    openTab('Tools')
    openTab('Resources')
    expect(
      await screen.findByRole('button', { name: 'Unsubscribe' }),
    ).toBeTruthy()
    expect(await screen.findByText('hello as a blob')).toBeTruthy()
    const template =
      'demo://resource/dynamic/text/{resourceId}/with/a/long/tail/{more}'
    expect(screen.getByText(template).getAttribute('title')).toBe(template)
    expect(screen.getByText(template).className).toContain('ellipsis')
  })

  it('lists prompts by title and name', async () => {
    renderApp(URL)
    await ready()
    openTab('Prompts')
    const item = await screen.findByTestId('prompt-simple-prompt')
    expect(item.textContent).toContain('Simple Prompt')
    expect(item.textContent).toContain('simple-prompt')
  })

  it('filters notifications by kind', async () => {
    renderApp(URL)
    await ready()
    act(() => {
      everything.notify('notifications/message', {
        level: 'info',
        data: 'a log line',
      })
      everything.notify('notifications/resources/list_changed')
    })
    openTab('Notifications')
    await screen.findByText('a log line')
    fireEvent.change(
      screen.getByRole('combobox', { name: 'Notification kind' }),
      {
        target: { value: 'notifications/resources/list_changed' },
      },
    )
    expect(screen.queryByText('a log line')).toBeNull()
    expect(
      screen.getByRole('list', { name: 'Notifications' }).textContent,
    ).toContain('notifications/resources/list_changed')
  })

  it('clears every ended session at once', async () => {
    renderApp(URL)
    await ready()
    act(() => {
      sessionActions.open({ ...DEFAULT_CONFIG, url: URL })
    })
    await ready('s2')
    await act(() => sessionActions.close('s1'))
    await act(() => sessionActions.close('s2'))
    fireEvent.click(
      await screen.findByRole('button', { name: 'Remove 2 ended' }),
    )
    await waitFor(() => expect(screen.queryByTestId('session-s1')).toBeNull())
    expect(screen.queryByTestId('session-s2')).toBeNull()
  })

  it('does not repeat the error code, nor give advice about schemas where there is none', async () => {
    renderApp(URL)
    await ready()
    openTab('Resources')
    const form = await screen.findByRole('form', { name: 'Template dynamic' })
    for (const input of within(form).getAllByRole('textbox'))
      fireEvent.change(input, { target: { value: 'x' } })
    everything.setResourceTemplates([])
    fireEvent.click(within(form).getByRole('button', { name: 'Read' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toMatch(/\(JSON-RPC -?\d+\)/)
    expect(alert.textContent?.match(/JSON-RPC/g)).toHaveLength(1)
    expect(alert.textContent).not.toMatch(
      /Check the arguments against the schema/,
    )
  })

  it('shows the Streamable HTTP streams in the log: GET, POST #n, and the session headers', async () => {
    renderApp(URL)
    await ready()
    expect(screen.getByTestId('session-transport').textContent).toBe(
      'Streamable HTTP',
    )
    flush()
    const entries = logModel.entries()
    const init = entries.find(
      (e) => e.method === 'initialize' && e.rpcKind === 'response',
    )
    expect(init?.stream).toMatch(/^POST( #\d+)?$/)
    expect(
      entries.some((e) => e.event.type === 'stream-open' && e.stream === 'GET'),
    ).toBe(true)
    const post = entries.find(
      (e) => e.event.type === 'post' && e.event.body.includes('tools/list'),
    )
    expect(post).toBeDefined()
    if (post?.event.type !== 'post') return
    expect(post.event.headers['Mcp-Session-Id']).toBeTruthy()
    expect(post.event.responseHeaders?.['content-type']).toBeTruthy()
  })
})
