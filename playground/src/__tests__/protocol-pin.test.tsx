import { fireEvent, screen, within } from '@testing-library/react'
import { clientOptions, DEFAULT_CONFIG } from '@mcp-sse/inspector-ui/app'
import { describe, expect, it } from 'vitest'
import { readAddress, writeAddress } from '../connect/address'
import { modern, renderApp, useNetwork } from '../test/app'

useNetwork({ servers: [modern] })

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
