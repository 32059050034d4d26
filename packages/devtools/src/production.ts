// The entry production builds resolve (the `production` export condition, or an explicit
// `@mcp-sse/devtools/production`): the same names, rendering nothing, importing no devtools code.
// Only React's own createElement, which every React app already ships, makes the plugin's element.
import { createElement, Fragment } from 'react'
import type { MCPDevtoolsPanelProps, MCPDevtoolsProps } from './options'
import type { MCPDevtoolsPlugin } from './plugin'

/** Renders nothing: this is the production build of `<MCPDevtools />`. */
export function MCPDevtools(_props: MCPDevtoolsProps): null {
  return null
}

/** Renders nothing: this is the production build of `<MCPDevtoolsPanel />`. */
export function MCPDevtoolsPanel(_props: MCPDevtoolsPanelProps): null {
  return null
}

/** A plugin whose tab is empty: this is the production build of `mcpDevtoolsPlugin()`. */
export function mcpDevtoolsPlugin(
  _props: MCPDevtoolsPanelProps = {},
): MCPDevtoolsPlugin {
  return { id: 'mcp-sse', name: 'MCP', render: createElement(Fragment) }
}

export type {
  DevtoolsClients,
  DevtoolsPosition,
  MCPDevtoolsPanelProps,
  MCPDevtoolsProps,
} from './options'
export type { MCPDevtoolsPlugin } from './plugin'
