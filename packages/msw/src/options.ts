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
} from '@mcp-sse/core'
import type { MCPServerDialect } from './dialect.js'
import type { MockAuthorizationServer } from './oauth/mock-authorization-server.js'
import type { ProtectedResourceOptions } from './oauth/options.js'

type MaybePromise<T> = T | Promise<T>

/** Options of {@link createMCPServer}. */
export interface MCPServerOptions {
  /**
   * Which MCP transport the server speaks: `'sse'`, HTTP+SSE of protocol 2024-11-05 (a GET
   * stream at `ssePath`, POSTs at `postPath`); `'streamable-http'`, Streamable HTTP of protocols
   * 2025-03-26 to 2025-11-25 (one endpoint at `mcpPath` taking POST, GET and DELETE).
   *
   * @defaultValue `'sse'`
   * @example
   * ```ts
   * transport: 'streamable-http' // http://localhost:3001/mcp
   * ```
   */
  transport?: 'sse' | 'streamable-http'
  /**
   * Which protocol era the server speaks: `'legacy'`, the `initialize` handshake of 2024-11-05
   * to 2025-11-25; `'2026-07-28'`, the stateless revision (no sessions, `server/discover`,
   * per-request `_meta` and headers checked, MRTR, `subscriptions/listen`, cache hints; POST
   * only); `'dual-era'`, both on one endpoint, each POST served in the era it speaks. The last
   * two run over Streamable HTTP.
   *
   * @defaultValue `'legacy'`
   * @example
   * ```ts
   * protocol: '2026-07-28' // http://localhost:3001/mcp, stateless
   * ```
   */
  protocol?: 'legacy' | '2026-07-28' | 'dual-era'
  /**
   * The server's base URL; `ssePath` and `postPath` (or `mcpPath`) are appended to its path. A
   * path alone (`'/api'`) is matched against the page's origin, as msw does.
   *
   * @defaultValue `'http://localhost:3001'`
   * @example
   * ```ts
   * url: 'https://mcp.example.com/v1' // stream at /v1/sse, POSTs at /v1/message
   * ```
   */
  url?: string
  /**
   * Path of the Streamable HTTP endpoint (`transport: 'streamable-http'`).
   *
   * @defaultValue `'/mcp'`
   * @example
   * ```ts
   * mcpPath: '/' // the endpoint is the base URL itself
   * ```
   */
  mcpPath?: string
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
   * version when it is listed (and older than 2026-07-28), and answers the first such one
   * otherwise; 2026-07-28 requests must name one of 2026-07-28 or later.
   *
   * @defaultValue `['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05']`; with
   * `protocol: '2026-07-28'`, `['2026-07-28']`; with `'dual-era'`, both
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
  ) => MaybePromise<string[] | CompleteResult['completion']>
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
   * End `handlers` with a `404 Not Found` for every other path of the server's origin, as a real
   * server answers (transport probes then see a 404, not an unhandled request). Set it to
   * `false` on all but one of several servers that share an origin: msw tries handlers in
   * order, so one server's 404 would hide the routes of those after it.
   *
   * @defaultValue `true`
   * @example
   * ```ts
   * const sse = createMCPServer({ notFound: false }) // /sse and /message
   * const http = createMCPServer({ transport: 'streamable-http' }) // /mcp, 404 elsewhere
   * setupServer(...sse.handlers, ...http.handlers)
   * ```
   */
  notFound?: boolean
  /**
   * The server's dialect: how it names its endpoint, where it answers, what else it sends, and
   * (Streamable HTTP) how it streams, keeps sessions and breaks.
   *
   * @defaultValue `{}`, the reference dialect (HTTP+SSE: a relative `endpoint` event, answers on
   * the stream; Streamable HTTP: sessions, SSE answers with event ids and priming, a GET stream)
   * @example
   * ```ts
   * dialect: { endpoint: 'none', answers: 'post-body', greeting: '{"status":"connected"}' }
   * ```
   */
  dialect?: MCPServerDialect
  /**
   * Protect the server with OAuth 2.1, as MCP's authorization chapter describes: every request
   * without a good bearer token from this authorization server gets `401` with
   * `WWW-Authenticate: Bearer resource_metadata="…"`, and the Protected Resource Metadata
   * (RFC 9728) is served at `/.well-known/oauth-protected-resource` plus the endpoint's path.
   * `handlers` then include the authorization server's.
   *
   * @defaultValue `undefined` (no OAuth)
   * @example
   * ```ts
   * auth: createAuthorizationServer() // or { authorizationServer, scopes: ['mcp:tools'] }
   * ```
   */
  auth?: MockAuthorizationServer | ProtectedResourceOptions
}
