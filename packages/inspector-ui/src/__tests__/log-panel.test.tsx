import type { WireEvent } from '@mcp-sse/core'
import {
  act,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { LogPanel } from '../log/LogPanel'
import {
  flush,
  ingest,
  logActions,
  logModel,
  renderIn,
  useLogStore,
} from '../test/inspector'
import { NO_FILTERS } from '../log/filters'

const ping = (id: number): WireEvent => ({
  type: 'message-out',
  time: 1_000 + id,
  seq: id,
  message: { jsonrpc: '2.0', id, method: 'ping' },
})

afterEach(() => {
  logActions.clear()
  logActions.setPaused(false)
  logActions.setFilters(NO_FILTERS)
})

describe('the log panel', () => {
  it('imports a file through the file input in one update', async () => {
    renderIn(<LogPanel />)
    const events = Array.from({ length: 5_000 }, (_, i) => ({
      session: 'x',
      event: ping(i),
    }))
    const file = new File(
      [JSON.stringify({ format: 'mcp-sse-log', version: 1, events })],
      'log.json',
    )
    const before = useLogStore.getState().version
    fireEvent.change(screen.getByTestId('log-import'), {
      target: { files: [file] },
    })
    await screen.findByText(/Imported 5,000 events from log.json/)
    expect(useLogStore.getState().version).toBe(before + 1)
    expect(screen.getByTestId('log-count').textContent).toBe('5,000 / 5,000')
  })

  it('says why a file cannot be imported', async () => {
    renderIn(<LogPanel />)
    const file = new File(['not json'], 'bad.json')
    fireEvent.change(screen.getByTestId('log-import'), {
      target: { files: [file] },
    })
    expect((await screen.findByRole('status')).textContent).toMatch(/not JSON/)
  })

  it('holds events while paused and shows them on resume', async () => {
    renderIn(<LogPanel />)
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }))
    act(() => {
      for (let i = 0; i < 3; i++) ingest('s1', ping(i))
    })
    expect(screen.getByRole('button', { name: 'Resume (3)' })).toBeTruthy()
    expect(logModel.size).toBe(0)
    fireEvent.click(screen.getByRole('button', { name: 'Resume (3)' }))
    await waitFor(() =>
      expect(screen.getByTestId('log-count').textContent).toBe('3 / 3'),
    )
  })

  it('filters by method and clears', async () => {
    renderIn(<LogPanel />)
    act(() => {
      ingest('s1', ping(1))
      ingest('s1', { type: 'sse-comment', time: 1, seq: 2, text: 'keep-alive' })
      flush()
    })
    fireEvent.change(screen.getByRole('textbox', { name: 'Method filter' }), {
      target: { value: 'ping' },
    })
    expect(screen.getByTestId('log-count').textContent).toBe('1 / 2')
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }))
    expect(screen.getByTestId('log-count').textContent).toBe('0 / 0')
  })

  it('bounds the log by the chosen cap', () => {
    renderIn(<LogPanel />)
    fireEvent.change(screen.getByRole('combobox', { name: 'Log cap' }), {
      target: { value: '1000' },
    })
    act(() => {
      for (let i = 0; i < 1_500; i++) ingest('s1', ping(i))
      flush()
    })
    expect(screen.getByTestId('log-count').textContent).toBe('1,000 / 1,000')
    logActions.setCap(200_000)
  })

  it('keeps an imported log apart from live sessions of the same name, in time order', async () => {
    renderIn(<LogPanel />)
    act(() => {
      ingest('s1', ping(5_000))
      flush()
    })
    const file = new File(
      [
        JSON.stringify({
          format: 'mcp-sse-log',
          version: 1,
          events: [{ session: 's1', event: ping(1) }],
        }),
      ],
      'old.json',
    )
    fireEvent.change(screen.getByTestId('log-import'), {
      target: { files: [file] },
    })
    expect((await screen.findByRole('status')).textContent).toMatch(
      /as imp\d+:s1/,
    )
    const [first, second] = logModel.entries()
    expect(first?.session).toMatch(/^imp\d+:s1$/)
    expect(first?.event.time).toBeLessThan(second?.event.time ?? 0)
    expect(second?.session).toBe('s1')
    const sessions = screen.getByRole('combobox', { name: 'Session filter' })
    expect(
      within(sessions)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['all sessions', first?.session, 's1'])
  })

  it('has column headers, and shows an SSE frame’s data as parsed JSON', () => {
    renderIn(<LogPanel />)
    act(() => {
      ingest('s1', {
        type: 'sse-frame',
        time: 1,
        seq: 1,
        event: 'message',
        data: '{"jsonrpc":"2.0","method":"ping","id":3}',
        stream: 'get',
      })
      flush()
    })
    expect(screen.getByText('method · id')).toBeTruthy()
    expect(screen.getByText('latency')).toBeTruthy()
    // jsdom lays out no rows to click: select the row as a click would.
    act(() => logActions.select(logModel.entries()[0]?.n))
    const detail = screen.getByTestId('log-detail')
    expect(detail.textContent).toContain('"method": "ping"')
    expect(detail.textContent).not.toContain('\\"method')
  })
})
