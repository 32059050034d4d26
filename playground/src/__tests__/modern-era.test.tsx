import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { readAddress, writeAddress } from '../connect/address'
import { clientOptions, DEFAULT_CONFIG } from '../connect/config'
import { summarize } from '../log/entry'
import { flush, logModel } from '../log/store'
import { modern } from '../test/modern-server'
import { openTool, ready, renderApp, useNetwork } from '../test/mock-servers'

useNetwork({ servers: [modern] })

describe('the protocol era, per session', () => {
  it('shows a 2026-07-28 server as stateless, with no session id', async () => {
    renderApp('http://modern.test/mcp')
    await ready()
    const card = screen.getByTestId('session-s1')
    expect(within(card).getByTestId('session-protocol').textContent).toBe(
      '2026-07-28',
    )
    expect(within(card).getByTestId('session-era').textContent).toBe(
      'stateless, no session',
    )
    expect(within(card).queryByTestId('session-id')).toBeNull()
    expect(within(card).getByTestId('session-transport').textContent).toBe(
      'Streamable HTTP',
    )
  })

  it('shows an older server as session-based, with its pinned revision', async () => {
    renderApp('http://mcp.test', true, {
      transport: 'sse',
      protocolVersion: '2024-11-05',
    })
    await ready()
    const card = screen.getByTestId('session-s1')
    expect(within(card).getByTestId('session-protocol').textContent).toBe(
      '2024-11-05',
    )
    expect(card.textContent).toContain('(pinned)')
    expect(within(card).getByTestId('session-era').textContent).toMatch(
      /^session-based/,
    )
  })
})

describe('the protocol pin in the connect form', () => {
  it('passes the pin to the client, and round-trips it through a link', () => {
    const config = {
      ...DEFAULT_CONFIG,
      url: 'http://modern.test/mcp',
      protocolVersion: '2026-07-28' as const,
    }
    expect(clientOptions(config).protocolVersion).toBe('2026-07-28')
    expect(clientOptions(DEFAULT_CONFIG).protocolVersion).toBeUndefined()
    const link = writeAddress(config)
    expect(link).toContain('protocol=2026-07-28')
    const back = readAddress({ search: link, hash: '' })
    expect(back.config.protocolVersion).toBe('2026-07-28')
    // Auto stays out of the link; a revision nobody knows is ignored.
    expect(writeAddress(DEFAULT_CONFIG)).not.toContain('protocol=')
    expect(
      readAddress({ search: '?url=x&protocol=1999-01-01', hash: '' }).config
        .protocolVersion,
    ).toBe('auto')
  })

  it('offers every revision, disables what the transport cannot carry, and explains a bad link', async () => {
    renderApp('http://modern.test/mcp', false)
    const pin = screen.getByRole('combobox', { name: 'Protocol version' })
    const values = within(pin)
      .getAllByRole('option')
      .map((o) => (o as HTMLOptionElement).value)
    expect(values).toEqual([
      'auto',
      '2026-07-28',
      '2025-11-25',
      '2025-06-18',
      '2025-03-26',
      '2024-11-05',
    ])
    fireEvent.change(pin, { target: { value: '2026-07-28' } })
    const sse = within(
      screen.getByRole('combobox', { name: 'Transport' }),
    ).getByRole('option', { name: /HTTP\+SSE/ }) as HTMLOptionElement
    expect(sse.disabled).toBe(true)
  })

  it('refuses to connect with HTTP+SSE pinned to 2026-07-28, saying why', async () => {
    renderApp('http://modern.test/mcp', false, {
      transport: 'sse',
      protocolVersion: '2026-07-28',
    })
    expect(screen.getByTestId('protocol-conflict').textContent).toMatch(
      /2026-07-28 has no HTTP\+SSE transport/,
    )
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }))
    const alerts = await screen.findAllByRole('alert')
    expect(
      alerts.some((a) => /set Transport to auto/.test(a.textContent ?? '')),
    ).toBe(true)
    expect(screen.queryByTestId('session-s1')).toBeNull()
  })
})

describe('tools on a 2026-07-28 server', () => {
  it('says which arguments become Mcp-Param-* headers', async () => {
    renderApp('http://modern.test/mcp')
    await ready()
    await openTool('regional')
    const hint = await screen.findByTestId('header-hint')
    expect(hint.textContent).toContain('Sent as request headers')
    expect(
      within(hint)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['region → Mcp-Param-Region'])
    // A tool without annotations has no hint.
    await openTool('echo')
    await screen.findByRole('form', { name: 'Call echo' })
    expect(screen.queryByTestId('header-hint')).toBeNull()
  })

  it('lists a tool the core rejected as not callable, with the reason', async () => {
    renderApp('http://modern.test/mcp')
    await ready()
    const rejected = await screen.findByTestId('rejected-tool-broken')
    expect(rejected.textContent).toMatch(
      /^broken not callable: x-mcp-header 'Ratio' is on parameter 'ratio' of type "number"/,
    )
    const list = screen.getByRole('list', { name: 'Tools' })
    expect(within(list).queryByRole('button', { name: /^broken/ })).toBeNull()
    // In the log it is a warning, not an error.
    flush()
    const row = logModel.entries().find((e) => e.event.type === 'tool-rejected')
    expect(row?.isWarning).toBe(true)
    expect(row?.isError).toBe(false)
    expect(row === undefined ? '' : summarize(row)).toMatch(
      /^broken not callable: /,
    )
  })
})
