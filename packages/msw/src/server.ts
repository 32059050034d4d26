import { createHandlers } from './handlers.js'
import type { MCPServer } from './mcp-server.js'
import type { MCPServerOptions } from './options.js'
import {
  notification,
  sendTo,
  type ReceivedMessage,
  type ServerState,
} from './state.js'
import { requestClient } from './tool-call.js'
import type { JSONRPCRequest } from './types.js'

function joinUrl(base: string, path: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(path)) return path
  return `${base.replace(/\/+$/, '')}${path.startsWith('/') ? '' : '/'}${path}`
}

/**
 * Creates a simulated MCP server that speaks HTTP + SSE through msw. It needs no global
 * `EventSource` and runs under `setupServer` (Node, jsdom, happy-dom) and `setupWorker`.
 *
 * @example
 * ```ts
 * const server = createMCPServer({
 *   tools: [{ name: 'echo', inputSchema: { type: 'object' }, run: (args) => JSON.stringify(args) }],
 * })
 * const network = setupServer(...server.handlers)
 * ```
 */
export function createMCPServer(options: MCPServerOptions = {}): MCPServer {
  const base = options.url ?? 'http://localhost:3001'
  const urls = {
    sse: joinUrl(base, options.ssePath ?? '/sse'),
    post: joinUrl(base, options.postPath ?? '/message'),
  }
  const state: ServerState = {
    options,
    dialect: { ...options.dialect },
    tools: [...(options.tools ?? [])],
    resources: [...(options.resources ?? [])],
    resourceTemplates: [...(options.resourceTemplates ?? [])],
    prompts: [...(options.prompts ?? [])],
    sessions: new Map(),
    expired: new Set(),
    received: [],
    receivedListeners: new Set(),
    delayMs: 0,
    fail: { streamLeft: 0, postLeft: 0 },
    neverAnswer: undefined,
    nextRequestId: 0,
  }
  const changed = (kind: 'tools' | 'resources' | 'prompts') =>
    sendTo(state, notification(`notifications/${kind}/list_changed`))

  const server: MCPServer = {
    handlers: createHandlers(state, urls),
    sseUrl: urls.sse,
    postUrl: urls.post,
    get sessions() {
      return [...state.sessions.keys()]
    },
    get received() {
      return [...state.received]
    },
    waitForMessage(match, { timeout = 5000 } = {}) {
      const accepts =
        typeof match === 'function'
          ? match
          : (entry: ReceivedMessage) =>
              'method' in entry.message && entry.message.method === match
      const seen = state.received.find(accepts)
      if (seen !== undefined) return Promise.resolve(seen)
      return new Promise((resolve, reject) => {
        const listener = (entry: ReceivedMessage) => {
          if (!accepts(entry)) return
          clearTimeout(timer)
          state.receivedListeners.delete(listener)
          resolve(entry)
        }
        const timer = setTimeout(() => {
          state.receivedListeners.delete(listener)
          reject(
            new Error(
              `No message matching ${String(match)} within ${timeout} ms`,
            ),
          )
        }, timeout)
        state.receivedListeners.add(listener)
      })
    },
    notify(method, params, target = {}) {
      sendTo(state, notification(method, params), target.sessionId)
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
      return requestClient(state, session, method, params)
    },
    setTools(tools) {
      state.tools = [...tools]
      changed('tools')
    },
    addTool(tool) {
      state.tools = [...state.tools.filter((t) => t.name !== tool.name), tool]
      changed('tools')
    },
    removeTool(name) {
      state.tools = state.tools.filter((t) => t.name !== name)
      changed('tools')
    },
    setResources(resources) {
      state.resources = [...resources]
      changed('resources')
    },
    addResource(resource) {
      state.resources = [
        ...state.resources.filter((r) => r.uri !== resource.uri),
        resource,
      ]
      changed('resources')
    },
    removeResource(uri) {
      state.resources = state.resources.filter((r) => r.uri !== uri)
      changed('resources')
    },
    setResourceTemplates(templates) {
      state.resourceTemplates = [...templates]
      changed('resources')
    },
    setPrompts(prompts) {
      state.prompts = [...prompts]
      changed('prompts')
    },
    addPrompt(prompt) {
      state.prompts = [
        ...state.prompts.filter((p) => p.name !== prompt.name),
        prompt,
      ]
      changed('prompts')
    },
    removePrompt(name) {
      state.prompts = state.prompts.filter((p) => p.name !== name)
      changed('prompts')
    },
    updateResource(uri) {
      const unnamed = state.dialect.unnamedEvents === true
      for (const session of state.sessions.values()) {
        if (session.subscriptions.has(uri)) {
          session.send(
            notification('notifications/resources/updated', { uri }),
            unnamed,
          )
        }
      }
    },
    setDialect(dialect) {
      state.dialect = { ...state.dialect, ...dialect }
    },
    dropStreams() {
      for (const session of [...state.sessions.values(), ...state.expired])
        session.close()
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
        if (target.sessionId === undefined || session.id === target.sessionId) {
          session.write(text)
        }
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
      state.dialect = { ...options.dialect }
      state.tools = [...(options.tools ?? [])]
      state.resources = [...(options.resources ?? [])]
      state.resourceTemplates = [...(options.resourceTemplates ?? [])]
      state.prompts = [...(options.prompts ?? [])]
      state.received = []
      state.receivedListeners.clear()
      state.delayMs = 0
      state.fail = { streamLeft: 0, postLeft: 0 }
      state.neverAnswer = undefined
    },
  }
  return server
}
