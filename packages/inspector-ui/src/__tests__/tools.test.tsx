import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { flush, logModel } from '../test/inspector'
import { sessionActions } from '../test/inspector'
import { mock, openTool, renderApp, useNetwork } from '../test/mock-servers'

useNetwork()

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
