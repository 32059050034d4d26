export { MCPSSEClient } from './client'
export { MCPError, isMCPError } from './errors'
export {
  IDEMPOTENT_METHODS,
  LATEST_PROTOCOL_VERSION,
  LOGGING_LEVELS,
  SUPPORTED_PROTOCOL_VERSIONS,
  INITIALIZE_PROTOCOL_VERSIONS,
} from './protocol'
export { cacheHintsOf } from './cache-hints'
export { forgetRememberedTransports } from './transport/remembered-ways'
// Protocol 2026-07-28's names and header rules, for servers and kits that speak it too.
export {
  META as META_KEYS,
  MODERN_PROTOCOL_VERSION,
  ModernErrorCode,
  isModernVersion,
} from './modern/revision'
export { decodeHeaderValue, encodeHeaderValue } from './modern/header-values'
export { readToolHeaders } from './modern/tool-headers'
export type { HeaderAnnotation, ToolHeaders } from './modern/tool-headers'
export type { ListenFilter } from './interest'
export { asJSONRPCMessage } from './jsonrpc'
export { INITIAL_SNAPSHOT } from './snapshot'
export { VERSION } from './version'

export type { AuthProvider, AuthSnapshot } from './auth'
export type { PageParams } from './client'
export type { MCPConnection } from './connection'
export type { MCPErrorCode, MCPErrorOptions } from './errors'
export type {
  NotificationListener,
  RequestHandler,
  RequestHandlerExtra,
} from './inbound'
export type {
  JSONRPCErrorObject,
  JSONRPCErrorResponse,
  JSONRPCMessage,
  JSONRPCNotification,
  JSONRPCRequest,
  JSONRPCResponse,
  JSONRPCResultResponse,
  RequestId,
} from './jsonrpc'
export type {
  EventSourceConstructor,
  MCPSSEClientOptions,
  ProtocolVersionPin,
  ReconnectOptions,
  RequestOptions,
} from './options'
export type {
  Annotations,
  AudioContent,
  CacheHints,
  BlobResourceContents,
  CallToolResult,
  ClientCapabilities,
  CompleteParams,
  CompleteRef,
  CompleteResult,
  ContentBlock,
  Cursor,
  EmbeddedResource,
  EmptyResult,
  GetPromptResult,
  ImageContent,
  Implementation,
  InitializeResult,
  ListPromptsResult,
  ListResourcesResult,
  ListResourceTemplatesResult,
  ListToolsResult,
  LoggingLevel,
  LoggingMessageParams,
  Progress,
  Prompt,
  PromptArgument,
  PromptMessage,
  ReadResourceResult,
  Resource,
  ResourceContents,
  ResourceLink,
  ResourceTemplate,
  ServerCapabilities,
  TextContent,
  TextResourceContents,
  Tool,
} from './protocol'
export type { ConnectionStatus, MCPClientSnapshot } from './snapshot'
export type {
  WireEvent,
  WireEventBase,
  TransportKind,
  WireEventType,
  WireListener,
} from './wire'

// catalog + registry
export { MCPCatalog, EMPTY_CATALOG } from './catalog'
export { ClientRegistry, optionsKey } from './registry'
export type { CatalogList, MCPCatalogSnapshot } from './catalog'
export type {
  ClientLease,
  ClientRegistryOptions,
  ConnectionRef,
  RegistryEntry,
} from './registry'
