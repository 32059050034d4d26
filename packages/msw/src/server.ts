import { http, type HttpHandler } from 'msw'
import type { JSONRPCRequest } from '@mcp-sse/core'
import { requestClient } from './client-requests.js'
import { definitionControls } from './definition-controls.js'
import { logged, notFound } from './http.js'
import type { MCPServer } from './mcp-server.js'
import type { MCPServerOptions } from './options.js'
import { createSSEHandlers } from './sse/handlers.js'
import {
  notification,
  sendTo,
  waitForEntry,
  type HTTPRequestRecord,
  type ReceivedMessage,
  type ServerState,
} from './state.js'
import { createStreamableHTTPHandlers } from './streamable-http/handlers.js'
import { createModernHandlers } from './modern/handlers.js'
import { protectedResource } from './oauth/protected-resource.js'
import { endSubscriptions, publish } from './modern/subscriptions.js'

function joinUrl(base: string, path: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(path)) return path
  return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? '' : '/'}${path}`
}

function initialState(
  options: MCPServerOptions,
  resourceUrl: string,
): ServerState {
  return {
    options,
    protection:
      options.auth === undefined
        ? undefined
        : protectedResource(options.auth, resourceUrl),
    dialect: { ...options.dialect },
    tools: [...(options.tools ?? [])],
    resources: [...(options.resources ?? [])],
    resourceTemplates: [...(options.resourceTemplates ?? [])],
    prompts: [...(options.prompts ?? [])],
    sessions: new Map(),
    expired: new Set(),
    stateless: undefined,
    received: [],
    receivedListeners: new Set(),
    httpRequests: [],
    httpListeners: new Set(),
    connections: new Set(),
    replayStreams: new Map(),
    clientRequests: new Map(),
    subscriptions: new Set(),
    issuedStates: new Map(),
    delayMs: 0,
    fail: { streamLeft: 0, postLeft: 0 },
    neverAnswer: undefined,
    nextRequestId: 0,
    nextStreamId: 0,
  }
}

/**
 * Creates a simulated MCP server that speaks HTTP + SSE or Streamable HTTP through msw. It needs
 * no global `EventSource` and runs under `setupServer` (Node, jsdom, happy-dom) and `setupWorker`.
 *
 * @example
 * ```ts
 * const server = createMCPServer({
 *   transport: 'streamable-http', // http://localhost:3001/mcp; leave out for HTTP+SSE at /sse
 *   tools: [{ name: 'echo', inputSchema: { type: 'object' }, run: (args) => JSON.stringify(args) }],
 * })
 * const network = setupServer(...server.handlers)
 * ```
 */
export function createMCPServer(options: MCPServerOptions = {}): MCPServer {
  const base = options.url ?? 'http://localhost:3001'
  const protocol = options.protocol ?? 'legacy'
  if (protocol !== 'legacy' && options.transport === 'sse') {
    throw new Error(
      `protocol '${protocol}' runs over Streamable HTTP only: leave transport out or set it to 'streamable-http'`,
    )
  }
  const transport =
    options.transport ?? (protocol === 'legacy' ? 'sse' : 'streamable-http')
  const urls = {
    sse: joinUrl(base, options.ssePath ?? '/sse'),
    post: joinUrl(base, options.postPath ?? '/message'),
    mcp: joinUrl(base, options.mcpPath ?? '/mcp'),
  }
  // Tokens are for the endpoint (Streamable HTTP) or the base URL both HTTP+SSE paths share.
  const pageUrl = (globalThis as { location?: { href: string } }).location?.href
  const resourceUrl = new URL(
    transport === 'sse' ? base : urls.mcp,
    pageUrl ?? 'http://localhost',
  ).href
  const state = initialState(options, resourceUrl)
  const handlers: HttpHandler[] = [...(state.protection?.handlers ?? [])]
  handlers.push(
    ...(protocol !== 'legacy'
      ? createModernHandlers(state, urls.mcp, protocol === 'dual-era')
      : transport === 'sse'
        ? createSSEHandlers(state, urls)
        : createStreamableHTTPHandlers(state, urls.mcp)),
  )
  // Last, so every route above wins: what a real server answers on paths it does not serve.
  // Clients that detect the transport (a POSTed initialize at the base URL) get a 404 here, as
  // they would from an Express or FastAPI server, not a network error from an unmatched request.
  const { origin } = new URL(urls.mcp, 'http://localhost')
  if (options.notFound !== false) {
    handlers.push(
      http.all(
        `${origin}/*`,
        logged(state, (request) => notFound(state, request)),
      ),
    )
  }
  const allSessions = () => [
    ...state.sessions.values(),
    ...state.expired,
    ...(state.stateless === undefined ? [] : [state.stateless]),
  ]

  const server: MCPServer = {
    handlers,
    transport,
    protocol,
    sseUrl: urls.sse,
    postUrl: urls.post,
    mcpUrl: urls.mcp,
    get sessions() {
      return [...state.sessions.keys()]
    },
    get openStreams() {
      const open = [...state.connections]
      return {
        get: open.filter((c) => c.kind === 'get').length,
        post: open.filter((c) => c.kind === 'post').length,
      }
    },
    get subscriptions() {
      return [...state.subscriptions].map(({ id, notifications }) => ({
        id,
        notifications,
      }))
    },
    get received() {
      return [...state.received]
    },
    get httpRequests() {
      return [...state.httpRequests]
    },
    waitForMessage(match, { timeout = 5000 } = {}) {
      const accepts =
        typeof match === 'function'
          ? match
          : (entry: ReceivedMessage) =>
              'method' in entry.message && entry.message.method === match
      const what = `message matching ${String(match)}`
      return waitForEntry(
        state.received,
        state.receivedListeners,
        accepts,
        timeout,
        what,
      )
    },
    waitForHttpRequest(match, { timeout = 5000 } = {}) {
      const accepts =
        typeof match === 'function'
          ? match
          : (entry: HTTPRequestRecord) => entry.method === match.toUpperCase()
      const what = `HTTP request matching ${String(match)}`
      return waitForEntry(
        state.httpRequests,
        state.httpListeners,
        accepts,
        timeout,
        what,
      )
    },
    notify(method, params, target = {}) {
      sendTo(state, notification(method, params), target.sessionId)
      if (target.sessionId === undefined) publish(state, method, params)
    },
    request(method, params, target = {}) {
      const open = [...state.sessions.values()]
      const session =
        target.sessionId === undefined
          ? open[open.length - 1]
          : state.sessions.get(target.sessionId)
      if (session === undefined) {
        return Promise.reject(
          new Error('No open session to send the request on'),
        )
      }
      return requestClient(state, session, session.outlet, method, params)
    },
    ...definitionControls(state),
    setDialect(dialect) {
      state.dialect = { ...state.dialect, ...dialect }
    },
    dropStreams() {
      for (const session of allSessions()) session.close()
      for (const connection of [...state.connections]) connection.close()
    },
    endSubscriptions() {
      endSubscriptions(state)
    },
    cutStreams() {
      for (const connection of [...state.connections]) connection.sever()
    },
    expireSessions() {
      for (const session of state.sessions.values()) state.expired.add(session)
      state.sessions.clear()
    },
    setDelay(ms) {
      state.delayMs = ms
    },
    fail(fault) {
      const times = fault?.times ?? Infinity
      state.fail = {
        stream: fault?.stream,
        post: fault?.post,
        streamLeft: fault?.stream === undefined ? 0 : times,
        postLeft: fault?.post === undefined ? 0 : times,
      }
    },
    sendRaw(text, target = {}) {
      for (const session of state.sessions.values()) {
        if (target.sessionId === undefined || session.id === target.sessionId)
          session.outlet.write(text)
      }
    },
    neverAnswer(match) {
      state.neverAnswer =
        match === false
          ? undefined
          : typeof match === 'string'
            ? (request: JSONRPCRequest) => request.method === match
            : match
    },
    reset() {
      server.dropStreams()
      state.stateless = undefined
      state.dialect = { ...options.dialect }
      state.tools = [...(options.tools ?? [])]
      state.resources = [...(options.resources ?? [])]
      state.resourceTemplates = [...(options.resourceTemplates ?? [])]
      state.prompts = [...(options.prompts ?? [])]
      state.received = []
      state.receivedListeners.clear()
      state.httpRequests = []
      state.httpListeners.clear()
      state.delayMs = 0
      state.fail = { streamLeft: 0, postLeft: 0 }
      state.neverAnswer = undefined
      state.issuedStates.clear()
    },
  }
  return server
}
