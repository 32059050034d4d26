import type {
  CallToolResult,
  GetPromptResult,
  LoggingLevel,
  PromptArgument,
  ResourceContents,
} from '@mcp-sse/core'

type MaybePromise<T> = T | Promise<T>

/** What a tool's `run` receives besides its arguments. */
export interface ToolContext {
  /** The id of the session the call arrived on; `undefined` on a stateless server. */
  sessionId: string | undefined
  /** The JSON-RPC id of the `tools/call` request. */
  requestId: string | number
  /**
   * Aborted when the client sends `notifications/cancelled` for this call, or when its stream
   * closes. A cancelled call's result is not sent, as the protocol asks.
   */
  signal: AbortSignal
  /**
   * Sends `notifications/progress` for this call. Does nothing when the request carried no
   * `_meta.progressToken`, so a tool can report progress unconditionally.
   *
   * @example
   * ```ts
   * ctx.progress(1, 3, 'first step done')
   * ```
   */
  progress: (progress: number, total?: number, message?: string) => void
  /**
   * Sends `notifications/message` when `level` is at or above what the client asked for: with
   * `logging/setLevel` (2025 era: everything is sent until it asks), or in the request's
   * `_meta` `io.modelcontextprotocol/logLevel` (2026-07-28: nothing is sent without it).
   */
  log: (level: LoggingLevel, data: unknown, logger?: string) => void
  /**
   * Asks the client (`sampling/createMessage`, `elicitation/create`, `roots/list`, `ping`) and
   * resolves with its answer. 2025 era: a request where this call's messages go (its POST's SSE
   * answer on Streamable HTTP, the session's stream on HTTP+SSE). 2026-07-28: an MRTR round: the
   * call answers `input_required`, and when the client retries with its answer the tool runs
   * again from the start, this time getting the answer here (so keep `run` free of side effects
   * before its last `ctx.request`).
   */
  request: (
    method: string,
    params?: Record<string, unknown>,
  ) => Promise<Record<string, unknown>>
  /**
   * Protocol 2026-07-28: the client's `inputResponses` on this round of a multi round-trip
   * request (MRTR), as sent; `undefined` on a first round and in the 2025 era. `ctx.request`
   * reads them for you: use this with `inputRequired`.
   */
  inputResponses: Record<string, unknown> | undefined
  /** Protocol 2026-07-28: the `requestState` this tool gave `inputRequired` last round. */
  requestState: string | undefined
  /**
   * Protocol 2026-07-28: ends this round with an `input_required` result carrying these input
   * requests and this state; the client retries the call with its answers. (In the 2025 era it
   * throws: use `ctx.request` there.)
   *
   * @example
   * ```ts
   * if (ctx.inputResponses?.confirm === undefined)
   *   ctx.inputRequired({ inputRequests: { confirm: { method: 'elicitation/create', params } }, requestState: 'step-1' })
   * ```
   */
  inputRequired: (result: {
    inputRequests?: Record<
      string,
      { method: string; params?: Record<string, unknown> }
    >
    requestState?: string
  }) => never
}

/**
 * A tool the simulated server lists and runs.
 *
 * @example
 * ```ts
 * const echo: MockTool = {
 *   name: 'echo',
 *   description: 'Echoes its input',
 *   inputSchema: { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] },
 *   run: ({ message }) => `Echo: ${String(message)}`,
 * }
 * ```
 */
export interface MockTool {
  name: string
  title?: string
  description?: string
  /**
   * The tool's JSON Schema. Only its `required` list is enforced: a call missing one of those
   * arguments gets a JSON-RPC error -32602.
   *
   * @defaultValue `{ type: 'object' }`
   */
  inputSchema?: { type: 'object'; [key: string]: unknown }
  outputSchema?: { type: 'object'; [key: string]: unknown }
  annotations?: Record<string, unknown>
  /** Extra fields listed as they are (`_meta`, `icons`, ...). */
  [key: string]: unknown
  /**
   * Runs the tool. A string is sent as one text block. A thrown error becomes a result with
   * `isError: true` and the error's message as text, as MCP servers report tool failures; throw a
   * {@link JSONRPCError} to answer with a protocol error instead.
   */
  run: (
    args: Record<string, unknown>,
    ctx: ToolContext,
  ) => MaybePromise<CallToolResult | string>
}

/**
 * A resource with a fixed URI. Give its content as `text` or `blob` (base64), or compute it in
 * `read`.
 *
 * @example
 * ```ts
 * const readme: MockResource = { uri: 'file:///readme.md', name: 'README', mimeType: 'text/markdown', text: '# Hi' }
 * ```
 */
export interface MockResource {
  uri: string
  name: string
  title?: string
  description?: string
  mimeType?: string
  text?: string
  blob?: string
  [key: string]: unknown
  /** Computes the contents; wins over `text` and `blob`. A string is sent as one text content. */
  read?: (uri: string) => MaybePromise<ResourceContents[] | string>
}

/**
 * A family of resources whose URIs fit an RFC 6570 level-1 template such as `file:///{path}`.
 *
 * @example
 * ```ts
 * const users: MockResourceTemplate = {
 *   uriTemplate: 'users://{id}',
 *   name: 'User',
 *   read: (uri, { id }) => JSON.stringify({ id }),
 * }
 * ```
 */
export interface MockResourceTemplate {
  uriTemplate: string
  name: string
  title?: string
  description?: string
  mimeType?: string
  [key: string]: unknown
  /**
   * Reads a URI that fits the template, given the template's variables. Without it, the template
   * is listed but its URIs cannot be read (-32002).
   */
  read?: (
    uri: string,
    variables: Record<string, string>,
  ) => MaybePromise<ResourceContents[] | string>
}

/**
 * A prompt the server lists and renders.
 *
 * @example
 * ```ts
 * const greet: MockPrompt = {
 *   name: 'greet',
 *   arguments: [{ name: 'who', required: true }],
 *   get: ({ who }) => ({ messages: [{ role: 'user', content: { type: 'text', text: `Hello ${who}` } }] }),
 * }
 * ```
 */
export interface MockPrompt {
  name: string
  title?: string
  description?: string
  arguments?: PromptArgument[]
  [key: string]: unknown
  /** Renders the prompt. Missing required arguments are refused with -32602 before it runs. */
  get: (args: Record<string, string>) => MaybePromise<GetPromptResult>
}
