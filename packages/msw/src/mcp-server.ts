import type { RequestId } from '@mcp-sse/core'
import type { HttpHandler } from 'msw'
import type { SubscriptionFilter } from './modern/subscriptions.js'
import type {
  MockPrompt,
  MockResource,
  MockResourceTemplate,
  MockTool,
} from './definitions.js'
import type { MCPServerDialect } from './dialect.js'
import type {
  FailOptions,
  HTTPRequestRecord,
  ReceivedMessage,
  RequestMatcher,
} from './state.js'

/** Which session a control acts on. */
export interface TargetOptions {
  /** One session's id; all open sessions when left out. @defaultValue `undefined` (all) */
  sessionId?: string
}

/** A simulated MCP server: msw handlers plus the controls a test drives it with. */
export interface MCPServer {
  /** Pass them to `setupServer(...server.handlers)` or `setupWorker(...server.handlers)`. */
  readonly handlers: HttpHandler[]
  /** The transport it speaks, as given to `createMCPServer` (or implied by `protocol`). */
  readonly transport: 'sse' | 'streamable-http'
  /** The protocol era it speaks, as given to `createMCPServer`. */
  readonly protocol: 'legacy' | '2026-07-28' | 'dual-era'
  /**
   * The `subscriptions/listen` streams open right now (2026-07-28), with the filter the server
   * agreed to: `id` is the listen request's JSON-RPC id, its `subscriptionId`.
   *
   * @example
   * ```ts
   * await expect.poll(() => server.subscriptions.length).toBe(1)
   * ```
   */
  readonly subscriptions: readonly {
    id: RequestId
    notifications: SubscriptionFilter
  }[]
  /** HTTP+SSE: the stream URL (GET), e.g. `http://localhost:3001/sse`. */
  readonly sseUrl: string
  /** HTTP+SSE: the POST URL without its `?sessionId=`, e.g. `http://localhost:3001/message`. */
  readonly postUrl: string
  /** Streamable HTTP: the MCP endpoint, e.g. `http://localhost:3001/mcp`. */
  readonly mcpUrl: string
  /**
   * Ids of the sessions alive, oldest first: HTTP+SSE, those whose stream is open; Streamable
   * HTTP, those `initialize` began that no DELETE, expiry or `reset()` has ended. Always empty
   * on a stateless server.
   */
  readonly sessions: readonly string[]
  /**
   * SSE response bodies open right now: `get` counts GET streams (the HTTP+SSE stream, the
   * Streamable HTTP standalone stream and its resumptions), `post` the SSE answers to POSTs.
   *
   * @example
   * ```ts
   * await expect.poll(() => server.openStreams.get).toBe(1)
   * ```
   */
  readonly openStreams: { readonly get: number; readonly post: number }
  /**
   * Every HTTP request the handlers answered since the last `reset()`, in order, refused ones
   * included: method, URL, lower-cased headers and status. Count DELETEs, read the
   * `mcp-session-id`, `mcp-protocol-version` or `last-event-id` a client sent.
   *
   * @example
   * ```ts
   * const deletes = server.httpRequests.filter((r) => r.method === 'DELETE')
   * ```
   */
  readonly httpRequests: readonly HTTPRequestRecord[]
  /**
   * Resolves with the first HTTP request (already answered or still to come) with this method,
   * or that the predicate accepts. Rejects after `timeout` ms. Its `status` may not be set yet.
   *
   * @example
   * ```ts
   * const resume = await server.waitForHttpRequest((r) => 'last-event-id' in r.headers)
   * ```
   */
  waitForHttpRequest(
    match: string | ((entry: HTTPRequestRecord) => boolean),
    options?: { timeout?: number },
  ): Promise<HTTPRequestRecord>
  /**
   * Every JSON-RPC message the server took in since the last `reset()`, in order. POSTs it
   * refused at the HTTP level (401, 406, 415, a missing or unknown session, a `fail()` status,
   * unparseable JSON) are not in it; 2026-07-28 requests refused for their `_meta` or headers
   * are, so a test can read what the client sent. `httpRequests` has every request.
   */
  readonly received: readonly ReceivedMessage[]
  /**
   * Resolves with the first received message (already received or still to come) that is a
   * request or notification with this method, or that the predicate accepts. Rejects after
   * `timeout` ms.
   */
  waitForMessage(
    match: string | ((entry: ReceivedMessage) => boolean),
    options?: { timeout?: number },
  ): Promise<ReceivedMessage>
  /**
   * Pushes a notification to one session or all of them: on the HTTP+SSE stream, or on the
   * Streamable HTTP GET stream (kept for replay, with event ids, while that stream is down).
   */
  notify(
    method: string,
    params?: Record<string, unknown>,
    options?: TargetOptions,
  ): void
  /**
   * Sends a request to the client (`ping`, `roots/list`, `sampling/createMessage`,
   * `elicitation/create`) and resolves with its result; rejects with the client's error, when
   * the session closes, or at once when the session has no stream to send it on (a Streamable
   * HTTP session that never opened its GET stream). Goes to `sessionId`, else the newest session.
   */
  request(
    method: string,
    params?: Record<string, unknown>,
    options?: TargetOptions,
  ): Promise<Record<string, unknown>>
  /** Replace, add or remove tools; each sends `notifications/tools/list_changed` to every stream. */
  setTools(tools: MockTool[]): void
  addTool(tool: MockTool): void
  removeTool(name: string): void
  /** Same for resources (`notifications/resources/list_changed`). */
  setResources(resources: MockResource[]): void
  addResource(resource: MockResource): void
  removeResource(uri: string): void
  setResourceTemplates(templates: MockResourceTemplate[]): void
  /** Same for prompts (`notifications/prompts/list_changed`). */
  setPrompts(prompts: MockPrompt[]): void
  addPrompt(prompt: MockPrompt): void
  removePrompt(name: string): void
  /**
   * Sends `notifications/resources/updated` to the sessions subscribed to `uri`.
   *
   * @example
   * ```ts
   * server.updateResource('file:///notes.txt')
   * ```
   */
  updateResource(uri: string): void
  /**
   * Changes the dialect from now on (new streams and new POSTs). A `crossOrigin` endpoint's own
   * handler exists only when it was given to `createMCPServer`.
   *
   * @example
   * ```ts
   * server.setDialect({ answers: 'post-body' })
   * ```
   */
  setDialect(dialect: Partial<MCPServerDialect>): void
  /**
   * Ends every `subscriptions/listen` gracefully (2026-07-28): answers the listen request with a
   * complete result, then closes its stream, as a server shutting down does.
   */
  endSubscriptions(): void
  /** Closes every open stream, as a server restart does. Their sessions end: later POSTs get 404. */
  dropStreams(): void
  /**
   * Breaks off every open SSE connection (the client's read fails), as a network blip or a
   * proxy timeout does. Streamable HTTP keeps the sessions and the streams themselves: clients
   * resume with GET and `Last-Event-ID`. On HTTP+SSE the stream is the session: it ends too.
   */
  cutStreams(): void
  /** Forgets every session while their streams stay open: later requests with those ids get 404. */
  expireSessions(): void
  /** Delays every answer by `ms` (on the stream, or the POST response in `post-body` and `json`). */
  setDelay(ms: number): void
  /**
   * Makes the stream GETs and/or POSTs fail with an HTTP status or a network error, `times` times.
   * `fail(null)` heals the server.
   *
   * @example
   * ```ts
   * server.fail({ stream: 503, times: 2 }) // the next two connection attempts get 503
   * ```
   */
  fail(options: FailOptions | null): void
  /**
   * Writes raw text onto one stream or all of them (malformed frames, bad JSON).
   *
   * @example
   * ```ts
   * server.sendRaw('event: message\ndata: {not json\n\n')
   * ```
   */
  sendRaw(text: string, options?: TargetOptions): void
  /**
   * Requests with this method (or accepted by the predicate) are recorded but never answered;
   * `false` answers everything again.
   *
   * @example
   * ```ts
   * server.neverAnswer('tools/call') // the client's timeout has to fire
   * ```
   */
  neverAnswer(match: string | RequestMatcher | false): void
  /**
   * Restores the tools, resources, prompts and dialect given at creation; clears faults,
   * `received` and `httpRequests`; closes every stream and ends every session.
   */
  reset(): void
}
