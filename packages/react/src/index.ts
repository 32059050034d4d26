export { useMCPSSE } from './use-mcp-sse'
export { useMCPClient } from './use-mcp-client'
export { useMCPCatalog } from './use-mcp-catalog'
export { useMCPRegistry } from './context'
export { MCPSSEProvider } from './provider'

export type { UseMCPSSEOptions, UseMCPSSEResult } from './use-mcp-sse'
export type { UseMCPClientOptions } from './use-mcp-client'
export type { MCPSSEProviderProps } from './provider'
