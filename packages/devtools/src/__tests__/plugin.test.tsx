import { mcpDevtoolsPlugin } from '@mcp-sse/devtools'
import { MCPSSEProvider, useMCPSSE } from '@mcp-sse/react'
import type { TanStackDevtoolsReactPlugin } from '@tanstack/react-devtools'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { afterEach, expect, expectTypeOf, it } from 'vitest'
import { useMockServers } from './mcp-fixture'
import { inDevtools } from './shadow'

const [docs] = useMockServers('http://localhost:4501')

afterEach(async () => {
  cleanup()
  localStorage.clear()
  await new Promise((resolve) => setTimeout(resolve, 10))
})

function Reader() {
  const mcp = useMCPSSE({ connection: 'docs' })
  return <p>{mcp.status}</p>
}

it('fits the plugins of @tanstack/react-devtools', () => {
  expectTypeOf(mcpDevtoolsPlugin()).toExtend<TanStackDevtoolsReactPlugin>()
})

// TanStack Devtools portal the plugin's element into their panel, inside the provider's tree.
// (Under Node they resolve to their server build, which mounts nothing, so the element is rendered
// here as they would render it.)
it("the plugin's element shows the app's connections in place", async () => {
  const plugin = mcpDevtoolsPlugin()
  render(
    <MCPSSEProvider connections={{ docs: { url: docs.sseUrl } }}>
      <Reader />
      <div data-testid="tanstack-panel">{plugin.render}</div>
    </MCPSSEProvider>,
  )
  const view = await inDevtools()
  const card = await view.findByTestId('session-docs')
  await waitFor(() => expect(card.dataset.status).toBe('ready'))
  // In place: no toggle, no dock.
  expect(view.queryByRole('button', { name: 'MCP devtools' })).toBeNull()
  expect(
    screen
      .getByTestId('tanstack-panel')
      .firstElementChild?.getAttribute('data-mcp-sse-devtools'),
  ).toBe('panel')
})
