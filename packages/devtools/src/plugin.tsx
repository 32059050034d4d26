import type { ReactElement } from 'react'
import { MCPDevtoolsPanel } from './mcp-devtools-panel'
import type { MCPDevtoolsPanelProps } from './options'

/** A plugin for `<TanStackDevtools plugins={[…]} />` of `@tanstack/react-devtools`. */
export interface MCPDevtoolsPlugin {
  readonly id: string
  readonly name: string
  readonly render: ReactElement
}

/**
 * The devtools as a tab of `@tanstack/react-devtools`, beside the Query devtools. Render
 * `<TanStackDevtools>` inside your `<MCPSSEProvider>` so the panel finds its clients.
 *
 * @example
 * ```tsx
 * <TanStackDevtools plugins={[mcpDevtoolsPlugin()]} />
 * ```
 */
export function mcpDevtoolsPlugin(
  props: MCPDevtoolsPanelProps = {},
): MCPDevtoolsPlugin {
  return { id: 'mcp-sse', name: 'MCP', render: <MCPDevtoolsPanel {...props} /> }
}
