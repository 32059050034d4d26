import {
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react'
import { DEFAULT_CONFIG } from '@mcp-sse/inspector-ui/app'
import { App } from '../App'
import { demoPresets } from '../connect/presets'
import { describe, expect, it } from 'vitest'
import {
  flush,
  inspector,
  logModel,
  renderApp,
  useNetwork,
  useSessions,
} from '../test/app'

useNetwork()

describe('sessions', () => {
  it('connects from the form and shows the server, protocol and capabilities', async () => {
    renderApp('http://mcp.test', false)
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }))
    const row = await screen.findByTestId('session-s1')
    await waitFor(() => expect(row.dataset.status).toBe('ready'))
    expect(row.textContent).toContain('mock-everything 9.9.9')
    expect(within(row).getByTestId('session-protocol').textContent).toBe(
      '2025-11-25',
    )
    // auto: the POST probe finds no Streamable HTTP endpoint, so the client uses HTTP+SSE.
    expect(within(row).getByTestId('session-transport').textContent).toBe(
      'HTTP+SSE',
    )
    expect(row.textContent).toMatch(/tools/)
    await waitFor(() =>
      expect(within(row).getByTestId('rtt').textContent).toMatch(/ms$/),
    )
  })

  it('uses the transport chosen in the form, with no probe', async () => {
    renderApp('http://mcp.test', false)
    fireEvent.change(screen.getByRole('combobox', { name: 'Transport' }), {
      target: { value: 'sse' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }))
    const row = await screen.findByTestId('session-s1')
    await waitFor(() => expect(row.dataset.status).toBe('ready'))
    expect(within(row).getByTestId('session-transport').textContent).toBe(
      'HTTP+SSE',
    )
    flush()
    const kinds = logModel.entries().map((e) => e.event.type)
    expect(kinds).not.toContain('probe')
    expect(
      logModel.entries().find((e) => e.event.type === 'stream-open')?.stream,
    ).toBe('SSE')
  })

  it('offers presets that fill the form and connect', async () => {
    render(
      <App
        inspector={inspector}
        initial={DEFAULT_CONFIG}
        remember={false}
        autoConnect={false}
        presets={demoPresets({ sse: 'http://mcp.test/sse' })}
      />,
    )
    fireEvent.click(screen.getByRole('button', { name: 'HTTP+SSE demo' }))
    const row = await screen.findByTestId('session-s1')
    await waitFor(() => expect(row.dataset.status).toBe('ready'))
    expect(
      (screen.getByRole('textbox', { name: 'Server URL' }) as HTMLInputElement)
        .value,
    ).toBe('http://mcp.test/sse')
    expect(
      (screen.getByRole('combobox', { name: 'Transport' }) as HTMLSelectElement)
        .value,
    ).toBe('sse')
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

  it('sends a bearer token from the auth shortcut and keeps it out of storage', async () => {
    localStorage.clear()
    renderApp('http://locked.test', false)
    fireEvent.change(screen.getByRole('combobox', { name: 'Auth' }), {
      target: { value: 'bearer' },
    })
    fireEvent.change(screen.getByLabelText('Token'), {
      target: { value: 'right' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }))
    const row = await screen.findByTestId('session-s1')
    await waitFor(() => expect(row.dataset.status).toBe('ready'))
    expect(JSON.stringify({ ...localStorage })).not.toContain('right')
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
