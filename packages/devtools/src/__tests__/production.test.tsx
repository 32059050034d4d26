import { MCPSSEClient } from '@mcp-sse/core'
import * as production from '@mcp-sse/devtools/production'
import { cleanup, render } from '@testing-library/react'
import { isValidElement } from 'react'
import { afterEach, expect, it, vi } from 'vitest'

afterEach(() => {
  cleanup()
  vi.unstubAllEnvs()
  vi.resetModules()
})

const client = new MCPSSEClient({ url: 'http://localhost:4401/sse' })

it('the production entry renders nothing and exports the same names', async () => {
  const page = render(
    <>
      <production.MCPDevtools clients={[client]} initialIsOpen />
      <production.MCPDevtoolsPanel clients={[client]} />
      {production.mcpDevtoolsPlugin().render}
    </>,
  )
  expect(page.container.innerHTML).toBe('')
  const development = await import('@mcp-sse/devtools')
  expect(Object.keys(production).sort()).toEqual(
    Object.keys(development).sort(),
  )
  expect(production.mcpDevtoolsPlugin()).toMatchObject({
    id: 'mcp-sse',
    name: 'MCP',
  })
  expect(isValidElement(production.mcpDevtoolsPlugin().render)).toBe(true)
})

it('the default entry renders nothing when NODE_ENV is production', async () => {
  vi.stubEnv('NODE_ENV', 'production')
  vi.resetModules()
  const { MCPDevtools, MCPDevtoolsPanel } = await import('@mcp-sse/devtools')
  const page = render(
    <>
      <MCPDevtools clients={[client]} initialIsOpen />
      <MCPDevtoolsPanel clients={[client]} />
    </>,
  )
  await new Promise((resolve) => setTimeout(resolve, 50))
  expect(page.container.innerHTML).toBe('')
})
