/**
 * The parts of the MCP schema the client reads or writes. Objects stay open (`[key: string]:
 * unknown`) because servers add fields of their own and newer protocol versions add more.
 */

/** Every revision the client speaks, newest first. */
export const SUPPORTED_PROTOCOL_VERSIONS = [
  '2026-07-28',
  '2025-11-25',
  '2025-06-18',
  '2025-03-26',
  '2024-11-05',
] as const

export const LATEST_PROTOCOL_VERSION = SUPPORTED_PROTOCOL_VERSIONS[0]

/**
 * The revisions opened with `initialize` (2025-11-25 and earlier), newest first: the client offers
 * the first and accepts any of them back.
 */
export const INITIALIZE_PROTOCOL_VERSIONS = [
  '2025-11-25',
  '2025-06-18',
  '2025-03-26',
  '2024-11-05',
] as const

export type Cursor = string

export interface Implementation {
  name: string
  version: string
  title?: string
  [key: string]: unknown
}

export interface ClientCapabilities {
  roots?: { listChanged?: boolean }
  sampling?: Record<string, unknown>
  elicitation?: Record<string, unknown>
  experimental?: Record<string, unknown>
  [key: string]: unknown
}

export interface ServerCapabilities {
  tools?: { listChanged?: boolean }
  resources?: { subscribe?: boolean; listChanged?: boolean }
  prompts?: { listChanged?: boolean }
  logging?: Record<string, unknown>
  completions?: Record<string, unknown>
  experimental?: Record<string, unknown>
  [key: string]: unknown
}

export interface InitializeResult {
  protocolVersion: string
  capabilities: ServerCapabilities
  serverInfo: Implementation
  instructions?: string
  [key: string]: unknown
}

export interface Annotations {
  audience?: ('user' | 'assistant')[]
  priority?: number
  lastModified?: string
  [key: string]: unknown
}

export interface Tool {
  name: string
  title?: string
  description?: string
  inputSchema: { type: 'object'; [key: string]: unknown }
  outputSchema?: { type: 'object'; [key: string]: unknown }
  annotations?: Record<string, unknown>
  [key: string]: unknown
}

export interface TextContent {
  type: 'text'
  text: string
  annotations?: Annotations
}
export interface ImageContent {
  type: 'image'
  data: string
  mimeType: string
  annotations?: Annotations
}
export interface AudioContent {
  type: 'audio'
  data: string
  mimeType: string
  annotations?: Annotations
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
  annotations?: Annotations
}
export interface ResourceLink extends Resource {
  type: 'resource_link'
}
export type ContentBlock =
  TextContent | ImageContent | AudioContent | EmbeddedResource | ResourceLink

export interface CallToolResult {
  content: ContentBlock[]
  structuredContent?: Record<string, unknown>
  isError?: boolean
  [key: string]: unknown
}

export interface Resource {
  uri: string
  name: string
  title?: string
  description?: string
  mimeType?: string
  size?: number
  annotations?: Annotations
  [key: string]: unknown
}

export interface ResourceTemplate {
  uriTemplate: string
  name: string
  title?: string
  description?: string
  mimeType?: string
  annotations?: Annotations
  [key: string]: unknown
}

/**
 * Protocol 2026-07-28's caching hints on list and read results: how long the result may be taken
 * as fresh, and whether it may be shared across users. Absent from older servers (take 0).
 */
export interface CacheHints {
  /** Milliseconds the result stays fresh after it arrived; 0 (or absent, or negative): stale at once. */
  ttlMs?: number
  /** `private`: never share it across authorization contexts. */
  cacheScope?: 'public' | 'private'
}

export interface ReadResourceResult extends CacheHints {
  contents: ResourceContents[]
  [key: string]: unknown
}

export interface PromptArgument {
  name: string
  title?: string
  description?: string
  required?: boolean
}

export interface Prompt {
  name: string
  title?: string
  description?: string
  arguments?: PromptArgument[]
  [key: string]: unknown
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

export interface ListToolsResult extends CacheHints {
  tools: Tool[]
  nextCursor?: Cursor
  [key: string]: unknown
}
export interface ListResourcesResult extends CacheHints {
  resources: Resource[]
  nextCursor?: Cursor
  [key: string]: unknown
}
export interface ListResourceTemplatesResult extends CacheHints {
  resourceTemplates: ResourceTemplate[]
  nextCursor?: Cursor
  [key: string]: unknown
}
export interface ListPromptsResult extends CacheHints {
  prompts: Prompt[]
  nextCursor?: Cursor
  [key: string]: unknown
}

export type CompleteRef =
  { type: 'ref/prompt'; name: string } | { type: 'ref/resource'; uri: string }

export interface CompleteParams {
  ref: CompleteRef
  argument: { name: string; value: string }
  context?: { arguments?: Record<string, string> }
}

export interface CompleteResult {
  completion: { values: string[]; total?: number; hasMore?: boolean }
  [key: string]: unknown
}

/** Log levels from least to most severe (RFC 5424), as `logging/setLevel` takes them. */
export const LOGGING_LEVELS = [
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
] as const

export type LoggingLevel = (typeof LOGGING_LEVELS)[number]

/** What `notifications/progress` carries, as handed to `onProgress`. */
export interface Progress {
  progress: number
  total?: number
  message?: string
}

/** `notifications/message`: a log line from the server. */
export interface LoggingMessageParams {
  level: LoggingLevel
  logger?: string
  data: unknown
}

/** An empty result, as `ping` and `resources/subscribe` return. */
export type EmptyResult = Record<string, unknown>

/** Requests whose repetition has no effect, so they are re-sent after a reconnect. */
export const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set([
  'ping',
  'tools/list',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'prompts/list',
  'prompts/get',
  'completion/complete',
])

/** The fields of a `notifications/progress` the client hands to `onProgress`. */
export function readProgress(
  params: Record<string, unknown>,
  value: number,
): Progress {
  const progress: Progress = { progress: value }
  if (typeof params.total === 'number') progress.total = params.total
  if (typeof params.message === 'string') progress.message = params.message
  return progress
}
