import { MCPSSEClient } from '@mcp-sse/core'
import { MCPDevtools } from '@mcp-sse/devtools'
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { useMockServers } from './mcp-fixture'
import { inDevtools } from './shadow'

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
  await client.connect()
  fireEvent.click(one.getByRole('button', { name: 'MCP devtools' }))
  expect(one.getByRole('dialog').hidden).toBe(false)
  expect(two.getByRole('dialog', { hidden: true }).hidden).toBe(true)

  fireEvent.click(two.getByRole('button', { name: 'MCP devtools' }))
  await waitFor(() =>
    expect(two.getAllByText(/^initialize #/).length).toBeGreaterThan(0),
  )
  // Clearing one log leaves the other's.
  fireEvent.click(one.getByRole('button', { name: 'Clear' }))
  await waitFor(() =>
    expect(one.getByRole('status').textContent).toBe('0 events'),
  )
  expect(two.getAllByText(/^initialize #/).length).toBeGreaterThan(0)
  // Another view in one; the other stays on its log.
  fireEvent.click(one.getByRole('tab', { name: 'Tools' }))
  expect(
    two.getByRole('tab', { name: 'Wire log' }).getAttribute('aria-selected'),
  ).toBe('true')
  fireEvent.click(one.getByRole('button', { name: 'Dock right' }))
  expect(two.getByRole('dialog').className).toContain('dock-bottom')
  expect(localStorage.getItem('mcp-sse-devtools:two')).toBeNull()
  await client.disconnect()
})
