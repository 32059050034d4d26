import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { clientOptions, DEFAULT_CONFIG } from '../connect/config'
import { summarize } from '../log/entry'
import { flush, logModel } from '../test/inspector'
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
