export { createMCPServer } from './server.js'
export { createAuthorizationServer } from './oauth/authorization-server.js'
export { JSONRPCError, ErrorCode } from './rpc-error.js'
export { DEFAULT_PROTOCOL_VERSIONS } from './versions.js'

export type { MCPServer, TargetOptions } from './mcp-server.js'
export type { MCPServerOptions } from './options.js'
export type {
  MockAuthorizationServer,
  DenyOptions,
} from './oauth/mock-authorization-server.js'
export type {
  AuthorizationServerOptions,
  ProtectedResourceOptions,
  MockOAuthClient,
} from './oauth/options.js'
export type {
  RegisteredClient,
  IssuedToken,
  AuthorizationRequestRecord,
  Verdict,
} from './oauth/authorization-state.js'
export type {
  MCPServerDialect,
  CommonDialect,
  SSEDialect,
  EndpointDialect,
} from './dialect.js'
export type { StreamableHTTPDialect } from './streamable-http/dialect.js'
export type { ModernDialect } from './modern/dialect.js'
export type { CacheHint } from './modern/results.js'
export type { SubscriptionFilter } from './modern/subscriptions.js'
export { ModernErrorCode } from './modern/mrtr.js'
export type {
  MockTool,
  ToolContext,
  MockResource,
  MockResourceTemplate,
  MockPrompt,
} from './definitions.js'
export type {
  ReceivedMessage,
  HTTPRequestRecord,
  FailOptions,
  FailStatus,
  RequestMatcher,
} from './state.js'
// The MCP schema types live in @mcp-sse/core; they are re-exported for code written against this
// package's earlier releases.
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
  AudioContent,
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
} from '@mcp-sse/core'
