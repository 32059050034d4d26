import type {
  MockPrompt,
  MockResource,
  MockResourceTemplate,
  MockTool,
} from './definitions.js'
import type {
  CompleteParams,
  CompleteResult,
  Implementation,
  ServerCapabilities,
} from './types.js'

/**
 * How the `endpoint` event names the URL to POST to (always with `?sessionId=`):
 * - `'relative'`: a path, `/message?sessionId=…` (the reference servers)
 * - `'absolute'`: a full URL, `http://localhost:3001/message?sessionId=…`
 * - `'json'`: a JSON object, `{"endpoint":"/message?sessionId=…"}`
 * - `'none'`: no `endpoint` event; the client must fall back to its configured POST path
 * - `{ crossOrigin }`: a full URL on another origin, to test that a client refuses it. POSTs that
 *   arrive there anyway are handled and recorded in `received` with their `url`.
 */
export type EndpointDialect =
  'relative' | 'absolute' | 'json' | 'none' | { crossOrigin: string }

/** The ways real HTTP+SSE MCP servers differ from one another. Every field is optional. */
export interface MCPServerDialect {
  /**
   * How the first event names the POST endpoint.
   *
   * @defaultValue `'relative'`
   * @example
   * ```ts
   * dialect: { endpoint: { crossOrigin: 'http://evil.test' } }
   * ```
   */
  endpoint?: EndpointDialect
  /**
   * Where answers to the client's requests go. `'stream'`: the POST answers `202 Accepted` and the
   * JSON-RPC response is sent as an SSE event. `'post-body'`: the POST answers `200` with the
   * response as `application/json` (notifications and responses still get `202`).
   *
   * @defaultValue `'stream'`
   * @example
   * ```ts
   * dialect: { answers: 'post-body' } // like the FastAPI tutorial servers
   * ```
   */
  answers?: 'stream' | 'post-body'
  /**
   * Send JSON-RPC messages as bare `data:` frames with no `event: message` line.
   *
   * @defaultValue `false`
   * @example
   * ```ts
   * dialect: { unnamedEvents: true }
   * ```
   */
  unnamedEvents?: boolean
  /**
   * On stream open, send the session id inside a message,
   * `{"jsonrpc":"2.0","method":"notifications/initialized","params":{"sessionId":"…"}}`.
   * POSTs must then carry `?sessionId=`. Usually paired with `endpoint: 'none'`.
   *
   * @defaultValue `false`
   * @example
   * ```ts
   * dialect: { endpoint: 'none', sessionIdInMessage: true }
   * ```
   */
  sessionIdInMessage?: boolean
  /**
   * Raw `data:` payload sent as an unnamed frame before anything else.
   *
   * @defaultValue `undefined` (no greeting)
   * @example
   * ```ts
   * dialect: { greeting: '{"status":"connected"}' }
   * ```
   */
  greeting?: string
  /**
   * Send a keep-alive every `intervalMs`: a comment line (`: ping`), a named `event: heartbeat`,
   * or an unnamed `data:` frame holding `{"type":"heartbeat"}` (which is not JSON-RPC).
   *
   * @defaultValue `undefined` (no heartbeat)
   * @example
   * ```ts
   * dialect: { heartbeat: { intervalMs: 15_000, as: 'comment' } }
   * ```
   */
  heartbeat?: { intervalMs: number; as: 'comment' | 'event' | 'data' }
  /**
   * Require a header on the stream and on POSTs; without it they answer `401`.
   *
   * @defaultValue `undefined` (no auth)
   * @example
   * ```ts
   * dialect: { auth: { header: 'Authorization', value: 'Bearer secret' } }
   * ```
   */
  auth?: { header: string; value: string }
  /**
   * Send a `retry:` field when the stream opens, so an `EventSource` reconnects after this many
   * milliseconds instead of its default (about 3 s).
   *
   * @defaultValue `undefined`
   * @example
   * ```ts
   * dialect: { retry: 50 } // fast EventSource reconnects in browser tests
   * ```
   */
  retry?: number
}

/** Options of {@link createMCPServer}. */
export interface MCPServerOptions {
  /**
   * The server's base URL; `ssePath` and `postPath` are appended to its path. A path alone
   * (`'/api'`) is matched against the page's origin, as msw does.
   *
   * @defaultValue `'http://localhost:3001'`
   * @example
   * ```ts
   * url: 'https://mcp.example.com/v1' // stream at /v1/sse, POSTs at /v1/message
   * ```
   */
  url?: string
  /**
   * Path of the event stream (GET).
   *
   * @defaultValue `'/sse'`
   * @example
   * ```ts
   * ssePath: '/events'
   * ```
   */
  ssePath?: string
  /**
   * Path that takes JSON-RPC messages (POST).
   *
   * @defaultValue `'/message'`
   * @example
   * ```ts
   * postPath: '/messages'
   * ```
   */
  postPath?: string
  /**
   * What `initialize` answers as `serverInfo`.
   *
   * @defaultValue `{ name: 'mock-mcp-server', version: '1.0.0' }`
   * @example
   * ```ts
   * serverInfo: { name: 'weather', version: '2.1.0' }
   * ```
   */
  serverInfo?: Implementation
  /**
   * What `initialize` answers as `instructions`.
   *
   * @defaultValue `undefined`
   * @example
   * ```ts
   * instructions: 'Call get_forecast before answering questions about weather.'
   * ```
   */
  instructions?: string
  /**
   * The protocol versions the server speaks, newest first. `initialize` echoes the client's
   * version when it is listed, and answers the first one otherwise.
   *
   * @defaultValue `['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05']`
   * @example
   * ```ts
   * protocolVersions: ['2024-11-05'] // an old server
   * ```
   */
  protocolVersions?: readonly string[]
  /**
   * Replaces the capabilities `initialize` reports. By default the server reports tools,
   * resources (with subscribe), prompts and logging, all with `listChanged`, and completions when
   * `complete` is given.
   *
   * @defaultValue derived from the options
   * @example
   * ```ts
   * capabilities: { tools: {} } // tools only, no list_changed
   * ```
   */
  capabilities?: ServerCapabilities
  /**
   * The tools the server lists and runs.
   *
   * @defaultValue `[]`
   * @example
   * ```ts
   * tools: [{ name: 'add', run: ({ a, b }) => String(Number(a) + Number(b)) }]
   * ```
   */
  tools?: MockTool[]
  /**
   * Resources with fixed URIs.
   *
   * @defaultValue `[]`
   * @example
   * ```ts
   * resources: [{ uri: 'file:///notes.txt', name: 'notes', mimeType: 'text/plain', text: 'hi' }]
   * ```
   */
  resources?: MockResource[]
  /**
   * Families of resources named by URI templates.
   *
   * @defaultValue `[]`
   * @example
   * ```ts
   * resourceTemplates: [{ uriTemplate: 'users://{id}', name: 'user', read: (uri, { id }) => `user ${id}` }]
   * ```
   */
  resourceTemplates?: MockResourceTemplate[]
  /**
   * The prompts the server lists and renders.
   *
   * @defaultValue `[]`
   * @example
   * ```ts
   * prompts: [{ name: 'summarize', get: () => ({ messages: [{ role: 'user', content: { type: 'text', text: 'Summarize.' } }] }) }]
   * ```
   */
  prompts?: MockPrompt[]
  /**
   * Answers `completion/complete`. Without it the method is unknown (-32601).
   *
   * @defaultValue `undefined`
   * @example
   * ```ts
   * complete: ({ argument }) => ['alpha', 'beta'].filter((v) => v.startsWith(argument.value))
   * ```
   */
  complete?: (
    params: CompleteParams,
  ) => string[] | CompleteResult | Promise<string[] | CompleteResult>
  /**
   * Split `tools/list`, `resources/list`, `resources/templates/list` and `prompts/list` into pages
   * of this many items, linked by `nextCursor`.
   *
   * @defaultValue `undefined` (one page)
   * @example
   * ```ts
   * pageSize: 2 // five tools come in three pages
   * ```
   */
  pageSize?: number
  /**
   * Answer `Access-Control-*` headers and `OPTIONS` preflights, like a server a browser page on
   * another origin can use.
   *
   * @defaultValue `true`
   * @example
   * ```ts
   * cors: false // no Access-Control-* headers, preflights left unhandled
   * ```
   */
  cors?: boolean
  /**
   * The server's dialect: how it names its endpoint, where it answers, what else it sends.
   *
   * @defaultValue `{}`, the reference dialect (relative `endpoint` event, answers on the stream)
   * @example
   * ```ts
   * dialect: { endpoint: 'none', answers: 'post-body', greeting: '{"status":"connected"}' }
   * ```
   */
  dialect?: MCPServerDialect
}
