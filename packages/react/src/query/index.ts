export { mcpQueryKeys } from './keys'
export {
  useMCPTools,
  useMCPResources,
  useMCPResourceTemplates,
  useMCPPrompts,
} from './lists'
export { useMCPReadResource, useMCPGetPrompt } from './reads'
export { useMCPCallTool } from './call-tool'

export type { MCPQueryTarget, MCPQueryKeys } from './keys'
export type { MCPQueryOptions } from './use-mcp-query'
export type { MCPReadResourceOptions } from './reads'
export type { CallToolVariables, UseMCPCallToolResult } from './call-tool'
