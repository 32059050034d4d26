export { createMCPServer } from './server.js'
export { JSONRPCError, ErrorCode } from './rpc-error.js'
export { DEFAULT_PROTOCOL_VERSIONS } from './types.js'

export type { MCPServer, TargetOptions } from './mcp-server.js'
export type {
  MCPServerOptions,
  MCPServerDialect,
  EndpointDialect,
} from './options.js'
export type {
  MockTool,
  ToolContext,
  MockResource,
  MockResourceTemplate,
  MockPrompt,
} from './definitions.js'
export type {
  ReceivedMessage,
  FailOptions,
  FailStatus,
  RequestMatcher,
} from './state.js'
export type {
  RequestId,
  JSONRPCMessage,
  JSONRPCRequest,
  JSONRPCNotification,
  JSONRPCResponse,
  JSONRPCResultResponse,
  JSONRPCErrorResponse,
  Implementation,
  ServerCapabilities,
  CallToolResult,
  ContentBlock,
  TextContent,
  ImageContent,
  EmbeddedResource,
  ResourceLink,
  ResourceContents,
  TextResourceContents,
  BlobResourceContents,
  GetPromptResult,
  PromptArgument,
  PromptMessage,
  CompleteParams,
  CompleteResult,
  LoggingLevel,
} from './types.js'
