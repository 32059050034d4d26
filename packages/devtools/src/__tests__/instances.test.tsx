import { MCPSSEClient } from '@mcp-sse/core'
import { MCPDevtools } from '@mcp-sse/devtools'
import {
  act,
  cleanup,
  fireEvent,
  render,
  waitFor,
  within,
} from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { useMockServers } from './mcp-fixture'
import { inDevtools, sentInLog } from './shadow'

const [docs] = useMockServers('http://localhost:4301')

afterEach(() => {
  cleanup()
  localStorage.clear()
})

it('keeps two devtools on one page apart: open state, view, log and layout', async () => {
  const client = new MCPSSEClient({ url: docs.sseUrl })
  render(
    <>
      <MCPDevtools clients={[client]} storageKey="one" />
      <MCPDevtools clients={[client]} storageKey="two" />
    </>,
  )
  const one = await inDevtools(0)
  const two = await inDevtools(1)
  await act(() => client.connect())
  fireEvent.click(one.getByRole('button', { name: 'MCP devtools' }))
  expect(one.getByRole('dialog').hidden).toBe(false)
  expect(two.getByRole('dialog', { hidden: true }).hidden).toBe(true)

  fireEvent.click(two.getByRole('button', { name: 'MCP devtools' }))
  await waitFor(() =>
    expect(sentInLog(two, 's1', 'initialize')).toBeGreaterThan(0),
  )
  // Clearing one log leaves the other's.
  await waitFor(() =>
    expect(sentInLog(one, 's1', 'initialize')).toBeGreaterThan(0),
  )
  fireEvent.click(one.getByRole('button', { name: 'Clear' }))
  await waitFor(() =>
    expect(one.getByTestId('log-count').textContent).toMatch(/^0 \/ 0$/),
  )
  expect(sentInLog(two, 's1', 'initialize')).toBeGreaterThan(0)
  // Another tab in one; the other stays on its own.
  const tabs = (view: typeof one) =>
    view.getByRole('tablist', { name: 'Session panels' })
  fireEvent.click(within(tabs(one)).getByRole('tab', { name: /^Resources/ }))
  expect(
    within(tabs(two))
      .getByRole('tab', { name: /^Tools/ })
      .getAttribute('aria-selected'),
  ).toBe('true')
  fireEvent.click(one.getByRole('button', { name: 'Dock right' }))
  expect(two.getByRole('dialog').className).toContain('dock-bottom')
  expect(localStorage.getItem('mcp-sse-devtools:two')).toBeNull()
  await client.disconnect()
})
