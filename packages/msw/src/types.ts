/**
 * The JSON-RPC and MCP shapes this package reads and writes. They are kept here, small and open
 * (`[key: string]: unknown`), so the simulated server depends on nothing but msw.
 */

export type RequestId = string | number

export interface JSONRPCRequest {
  jsonrpc: '2.0'
  id: RequestId
  method: string
  params?: Record<string, unknown>
}

export interface JSONRPCNotification {
  jsonrpc: '2.0'
  method: string
  params?: Record<string, unknown>
}

export interface JSONRPCResultResponse {
  jsonrpc: '2.0'
  id: RequestId
  result: Record<string, unknown>
}

export interface JSONRPCErrorResponse {
  jsonrpc: '2.0'
  id: RequestId | null
  error: { code: number; message: string; data?: unknown }
}

export type JSONRPCResponse = JSONRPCResultResponse | JSONRPCErrorResponse

export type JSONRPCMessage =
  JSONRPCRequest | JSONRPCNotification | JSONRPCResponse

export interface Implementation {
  name: string
  version: string
  title?: string
  [key: string]: unknown
}

export interface ServerCapabilities {
  tools?: { listChanged?: boolean }
  resources?: { subscribe?: boolean; listChanged?: boolean }
  prompts?: { listChanged?: boolean }
  logging?: Record<string, unknown>
  completions?: Record<string, unknown>
  [key: string]: unknown
}

export interface TextContent {
  type: 'text'
  text: string
  [key: string]: unknown
}

export interface ImageContent {
  type: 'image' | 'audio'
  data: string
  mimeType: string
  [key: string]: unknown
}

export interface TextResourceContents {
  uri: string
  mimeType?: string
  text: string
  [key: string]: unknown
}

export interface BlobResourceContents {
  uri: string
  mimeType?: string
  blob: string
  [key: string]: unknown
}

export type ResourceContents = TextResourceContents | BlobResourceContents

export interface EmbeddedResource {
  type: 'resource'
  resource: ResourceContents
  [key: string]: unknown
}

export interface ResourceLink {
  type: 'resource_link'
  uri: string
  name: string
  [key: string]: unknown
}

export type ContentBlock =
  TextContent | ImageContent | EmbeddedResource | ResourceLink

export interface CallToolResult {
  content: ContentBlock[]
  structuredContent?: Record<string, unknown>
  isError?: boolean
  [key: string]: unknown
}

export interface PromptArgument {
  name: string
  title?: string
  description?: string
  required?: boolean
}

export interface PromptMessage {
  role: 'user' | 'assistant'
  content: ContentBlock
}

export interface GetPromptResult {
  description?: string
  messages: PromptMessage[]
  [key: string]: unknown
}

export interface CompleteParams {
  ref:
    { type: 'ref/prompt'; name: string } | { type: 'ref/resource'; uri: string }
  argument: { name: string; value: string }
  context?: { arguments?: Record<string, string> }
}

export interface CompleteResult {
  values: string[]
  total?: number
  hasMore?: boolean
}

export type LoggingLevel =
  | 'debug'
  | 'info'
  | 'notice'
  | 'warning'
  | 'error'
  | 'critical'
  | 'alert'
  | 'emergency'

/** Newest first, as `initialize` negotiates them. */
export const DEFAULT_PROTOCOL_VERSIONS: readonly string[] = [
  '2025-11-25',
  '2025-06-18',
  '2025-03-26',
  '2024-11-05',
]
