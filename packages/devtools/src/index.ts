export { MCPDevtools } from './mcp-devtools'
export { MCPDevtoolsPanel } from './mcp-devtools-panel'
export { mcpDevtoolsPlugin } from './plugin'

export type {
  DevtoolsClients,
  DevtoolsPosition,
  MCPDevtoolsPanelProps,
  MCPDevtoolsProps,
} from './options'
export type { MCPDevtoolsPlugin } from './plugin'
