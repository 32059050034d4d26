import type { WireEvent } from '@mcp-sse/core'
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { NO_FILTERS } from '../log/filters'
import { LogModel } from '../log/model'
import { flush, logActions, logModel } from '../test/inspector'
import { modern } from '../test/modern-server'
import { openTool, ready, renderApp, useNetwork } from '../test/mock-servers'

useNetwork({ servers: [modern] })
afterEach(() => logActions.setFilters(NO_FILTERS))

/** Answers the pending elicitation card that asks `message`. */
async function answer(message: string, field: string, value: string) {
  const form = await waitFor(() => {
    const found = screen
      .getAllByRole('article', { name: /^Elicitation request/ })
      .find((a) => a.textContent?.includes(message))
    if (found === undefined) throw new Error(`no card asking ${message}`)
    return found
  })
  fireEvent.change(within(form).getByLabelText(new RegExp(field)), {
    target: { value },
  })
  const accept = within(form).getByRole('button', { name: 'Accept' })
  expect((accept as HTMLButtonElement).disabled).toBe(false)
  fireEvent.click(accept)
}

const calls = () =>
  logModel
    .entries()
    .filter((e) => e.event.type === 'message-out' && e.method === 'tools/call')

describe('the log of a 2026-07-28 session', () => {
  it('groups the rounds of a multi round-trip call under the request that began it', async () => {
    renderApp('http://modern.test/mcp')
    await ready()
    await openTool('survey')
    fireEvent.click(screen.getByRole('button', { name: 'Call survey' }))
    await answer('<b>Name?</b>', 'name', 'Ada')
    await answer('Colour?', 'colour', 'teal')
    await screen.findByText('Ada likes teal')
    act(() => flush())
    const rounds = calls()
    expect(rounds.map((e) => e.round)).toEqual([1, 2, 3])
    const first = rounds[0]
    if (first === undefined) throw new Error('no call in the log')
    // Every round, its answer and its input-required row point at the first request.
    expect(rounds.every((e) => e.exchange === first.n)).toBe(true)
    const answers = logModel
      .entries()
      .filter((e) => e.rpcKind === 'response' && e.method === 'tools/call')
    expect(answers.map((e) => [e.round, e.exchange])).toEqual([
      [1, first.n],
      [2, first.n],
      [3, first.n],
    ])
    act(() => logActions.select(first.n))
    const exchange = await screen.findByTestId('exchange')
    expect(exchange.textContent).toContain('3 rounds')
    const one = within(exchange).getByTestId('exchange-round-1')
    // The server's text is shown as text: its markup stays visible, nothing is rendered from it.
    expect(one.textContent).toContain(
      'asked elicitation/create: “<b>Name?</b>”',
    )
    expect(one.querySelector('b')).toBeNull()
    expect(one.textContent).toContain('"name": "Ada"')
    const two = within(exchange).getByTestId('exchange-round-2')
    expect(two.textContent).toContain('asked elicitation/create: “Colour?”')
    expect(two.textContent).toContain('"colour": "teal"')
    expect(
      within(exchange).getByTestId('exchange-round-3').textContent,
    ).toContain('complete')
    // "show only these rows" filters the log down to the exchange.
    fireEvent.click(
      within(exchange).getByRole('button', { name: 'show only these rows' }),
    )
    expect(screen.getByTestId('exchange-filter').textContent).toContain(
      `#${first.n}`,
    )
    expect(screen.getByTestId('log-count').textContent).toMatch(/^(\d+) \//)
    const shown = Number(
      /^(\d+)/.exec(screen.getByTestId('log-count').textContent ?? '')?.[1],
    )
    expect(shown).toBe(
      logModel.entries().filter((e) => e.exchange === first.n).length,
    )
  })

  it('labels the subscriptions/listen request and its stream LISTEN', async () => {
    renderApp('http://modern.test/mcp')
    await ready()
    await waitFor(() => {
      flush()
      expect(
        logModel
          .entries()
          .some((e) => e.event.type === 'sse-frame' && e.stream === 'LISTEN'),
      ).toBe(true)
    })
    const listen = logModel
      .entries()
      .filter(
        (e) =>
          e.method === 'subscriptions/listen' && e.event.type === 'message-out',
      )
    expect(listen.length).toBeGreaterThan(0)
    expect(listen.every((e) => e.stream === 'LISTEN')).toBe(true)
    // The stream filter shows that lane alone.
    fireEvent.change(screen.getByRole('combobox', { name: 'Stream filter' }), {
      target: { value: 'LISTEN' },
    })
    const count = Number(
      /^(\d+)/.exec(screen.getByTestId('log-count').textContent ?? '')?.[1],
    )
    expect(count).toBe(
      logModel.entries().filter((e) => e.stream === 'LISTEN').length,
    )
  })

  it("shows a POST's MCP headers, Mcp-Param-* included, and never a credential's value", async () => {
    renderApp('http://modern.test/mcp', true, {
      auth: 'bearer',
      token: 'sekret-42',
    })
    await ready()
    await openTool('regional')
    fireEvent.change(await screen.findByLabelText(/^region/), {
      target: { value: 'eu-west' },
    })
    fireEvent.click(screen.getByRole('button', { name: 'Call regional' }))
    await screen.findByText('Region eu-west')
    act(() => flush())
    const post = logModel
      .entries()
      .find(
        (e) =>
          e.event.type === 'post' &&
          e.event.headers['Mcp-Method'] === 'tools/call',
      )
    if (post === undefined) throw new Error('no tools/call POST')
    act(() => logActions.select(post.n))
    const detail = await screen.findByTestId('log-detail')
    const facts = within(detail).getByTestId('http-facts')
    const row = (name: string) =>
      within(facts).getByRole('rowheader', { name: `→ ${name}` }).nextSibling
        ?.textContent
    expect(row('Mcp-Method')).toBe('tools/call')
    expect(row('Mcp-Name')).toBe('regional')
    expect(row('Mcp-Param-Region')).toBe('eu-west')
    expect(row('MCP-Protocol-Version')).toBe('2026-07-28')
    expect(row('Authorization')).toBe('<redacted>')
    expect(detail.textContent).not.toContain('sekret-42')
  })
})

describe('grouping without the app', () => {
  const out = (
    seq: number,
    id: number,
    name: string,
    extra = {},
  ): WireEvent => ({
    type: 'message-out',
    time: seq,
    seq,
    message: {
      jsonrpc: '2.0',
      id,
      method: 'tools/call',
      params: { name, ...extra },
    },
  })
  const back = (seq: number, id: number, more: boolean): WireEvent => ({
    type: 'message-in',
    time: seq,
    seq,
    via: 'post-body',
    requestId: id,
    message: {
      jsonrpc: '2.0',
      id,
      result: more
        ? {
            resultType: 'input_required',
            inputRequests: { q: { method: 'elicitation/create' } },
          }
        : { content: [] },
    },
  })
  const asks = (
    seq: number,
    id: number,
    first: number,
    round: number,
  ): WireEvent => ({
    type: 'input-required',
    time: seq,
    seq,
    requestId: id,
    firstRequestId: first,
    round,
    inputs: ['q'],
  })

  const next = (
    seq: number,
    id: number,
    first: number,
    round: number,
  ): WireEvent => ({
    type: 'input-round',
    time: seq,
    seq,
    requestId: id,
    firstRequestId: first,
    round,
  })

  it('keeps two interleaved exchanges apart by the ids the core links', () => {
    const log = new LogModel()
    // Both calls are of the same tool with the same arguments: only the core's input-round
    // events can tell which retry belongs to which.
    const events = [
      out(1, 1, 'a'),
      out(2, 2, 'a'),
      back(3, 1, true),
      asks(4, 1, 1, 1),
      back(5, 2, true),
      asks(6, 2, 2, 1),
      next(7, 3, 2, 2),
      out(8, 3, 'a', { inputResponses: { q: {} } }),
      next(9, 4, 1, 2),
      out(10, 4, 'a', { inputResponses: { q: {} } }),
      back(11, 3, false),
      back(12, 4, false),
      out(13, 5, 'a'),
    ]
    const entries = events.map((e) => log.add('s', e))
    const [a1, b1] = entries
    const by = (id: number) =>
      entries.find((e) => e.event.type === 'message-out' && e.rpcId === id)
    expect([by(4)?.exchange, by(4)?.round]).toEqual([a1?.n, 2])
    expect([by(3)?.exchange, by(3)?.round]).toEqual([b1?.n, 2])
    // A fresh call of the same tool is an exchange of its own, not a round.
    expect(by(5)?.exchange).toBeUndefined()
    expect(log.exchangeOf(a1?.n ?? -1)?.rounds.length).toBe(2)
  })
})
