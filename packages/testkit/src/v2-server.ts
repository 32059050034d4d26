import {
  createServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  localhostHostValidation,
  localhostOriginValidation,
  toNodeHandler,
  toWebRequest,
} from '@modelcontextprotocol/node'
import {
  createMcpHandler,
  isLegacyRequest,
  type ServerNotifier,
} from '@modelcontextprotocol/server'
import { legacySessions, type LegacySessions } from './v2-legacy-sessions'
import { buildV2Server, COUNTER_URI, type V2State } from './v2-tools'

export interface V2ServerOptions {
  /**
   * How 2025-era clients (`initialize`, no per-request `_meta`) are served, from the same tools:
   * - `'reject'`: not at all; the SDK refuses them with the unsupported-protocol-version error
   *   (a 2026-07-28-only server).
   * - `'stateless'`: the SDK's own dual-era serving (`createMcpHandler`'s `legacy: 'stateless'`):
   *   a fresh instance per request, no `Mcp-Session-Id`, GET and DELETE answer 405.
   * - `'sessions'`: 2025-11-25 sessions (`Mcp-Session-Id`, a GET stream, DELETE) through the
   *   SDK's Node transport, routed beside the strict handler with its `isLegacyRequest`.
   * @defaultValue `'reject'`
   * @example startV2Server({ legacy: 'stateless' })
   */
  legacy?: 'stateless' | 'sessions' | 'reject'
  /**
   * Where the MCP endpoint is; every other path answers 404, so a client given the bare origin
   * has to find it.
   * @defaultValue `'/mcp'`
   */
  path?: string
}

/** One HTTP request the server received, as an intermediary would see it. */
export interface V2ServerRequest {
  method: string
  path: string
  /** The `Mcp-Method` header, when there is one (2026-07-28 requests carry it). */
  mcpMethod?: string
  /** The `MCP-Protocol-Version` header, when there is one. */
  protocolVersion?: string
  /** The `Mcp-Session-Id` header, when there is one (2025-era sessions). */
  sessionId?: string
}

export interface RunningV2Server {
  /** The MCP endpoint, `http://127.0.0.1:PORT/mcp` (or the chosen path). */
  readonly url: string
  /** `http://127.0.0.1:PORT`, for clients that are given the bare origin. */
  readonly origin: string
  /** The URI of the resource that `bump` updates. */
  readonly counterUri: string
  /** Every HTTP request so far, in order of arrival. */
  requests(): readonly V2ServerRequest[]
  /** Ids of `sleep` calls whose request the SDK reported cancelled (the client closed it). */
  cancelled(): readonly string[]
  /** 2025-era sessions open now (only `legacy: 'sessions'` opens any). */
  sessions(): number
  /** The SDK's publish side of `subscriptions/listen` (list changes, resource updates). */
  readonly notify: ServerNotifier
  stop(): Promise<void>
}

/**
 * The official v2 SDK (`@modelcontextprotocol/server` 2.4.0) serving protocol 2026-07-28 through
 * its own `createMcpHandler` on `node:http` at 127.0.0.1, as its users deploy it; with `legacy`
 * also 2025-era clients on the same endpoint. Tools (see v2-tools.ts):
 * `echo`, `regional` (an `x-mcp-header` parameter), `greet` and `survey` (elicitation, one and two
 * rounds), `countdown` (progress), `sleep` (cancellable), `add-tool` (list change), `bump` (updates
 * the `test://counter` resource). Host and Origin are checked (localhost only).
 */
export async function startV2Server(
  options: V2ServerOptions = {},
): Promise<RunningV2Server> {
  const path = options.path ?? '/mcp'
  const requests: V2ServerRequest[] = []
  const state: V2State = {
    added: [],
    counter: 0,
    cancelled: [],
    notify: () => handler.notify,
  }
  const legacy = options.legacy ?? 'reject'
  const handler = createMcpHandler((ctx) => buildV2Server(state, ctx), {
    legacy: legacy === 'stateless' ? 'stateless' : 'reject',
  })
  const modern = toNodeHandler(handler)
  const sessions: LegacySessions | null =
    legacy === 'sessions'
      ? legacySessions(() => buildV2Server(state, { era: 'legacy' }))
      : null
  // Reads the body once, asks the SDK which era the request is, and hands it to that arm.
  const route = async (req: IncomingMessage, res: ServerResponse) => {
    if (!sessions) return modern(req, res)
    const request = await toWebRequest(req)
    const isLegacy = await isLegacyRequest(request)
    const body: unknown =
      req.method === 'POST'
        ? await request.json().catch(() => undefined)
        : undefined
    return isLegacy ? sessions.handle(req, res, body) : modern(req, res, body)
  }
  const validHost = localhostHostValidation()
  const validOrigin = localhostOriginValidation()
  const header = (value: string | string[] | undefined) =>
    typeof value === 'string' ? value : undefined
  const http: HttpServer = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    requests.push({
      method: req.method ?? '',
      path: url.pathname,
      mcpMethod: header(req.headers['mcp-method']),
      protocolVersion: header(req.headers['mcp-protocol-version']),
      sessionId: header(req.headers['mcp-session-id']),
    })
    if (!validHost(req, res) || !validOrigin(req, res)) return
    if (url.pathname !== path) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found')
      return
    }
    route(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end()
    })
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  const origin = `http://127.0.0.1:${port}`
  return {
    url: `${origin}${path}`,
    origin,
    counterUri: COUNTER_URI,
    requests: () => [...requests],
    cancelled: () => [...state.cancelled],
    sessions: () => sessions?.count() ?? 0,
    notify: handler.notify,
    stop: async () => {
      await sessions?.close()
      await handler.close()
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}
