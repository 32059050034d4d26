import { createServer, type Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from '@modelcontextprotocol/sdk/server/index.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
} from '@modelcontextprotocol/sdk/types.js'

export interface SdkServerOptions {
  /** No sessions: a new server per POST; GET and DELETE answer 405 (the SDK's stateless mode). */
  stateless?: boolean
  /** Answer requests with `application/json` instead of an SSE stream (`enableJsonResponse`). */
  json?: boolean
}

export interface RunningSdkServer {
  /** The MCP endpoint, `http://127.0.0.1:PORT/mcp`. */
  readonly url: string
  /** Sessions the server holds now (always 0 when stateless). */
  sessions(): number
  stop(): Promise<void>
}

/** Two tools: `add` (numbers) and `countdown` (reports progress, then answers). */
function mcpServer(): Server {
  const server = new Server(
    { name: 'sdk-v1-test-server', version: '1.0.0' },
    { capabilities: { tools: {} } },
  )
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [
      {
        name: 'add',
        inputSchema: {
          type: 'object',
          properties: { a: { type: 'number' }, b: { type: 'number' } },
          required: ['a', 'b'],
        },
      },
      {
        name: 'countdown',
        inputSchema: {
          type: 'object',
          properties: { steps: { type: 'number' } },
        },
      },
    ],
  }))
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const args = request.params.arguments ?? {}
    if (request.params.name === 'add') {
      const sum = Number(args.a) + Number(args.b)
      return { content: [{ type: 'text', text: String(sum) }] }
    }
    const steps = Number(args.steps ?? 3)
    const token = request.params._meta?.progressToken
    for (let step = 1; step <= steps; step++) {
      if (token !== undefined)
        await extra.sendNotification({
          method: 'notifications/progress',
          params: { progressToken: token, progress: step, total: steps },
        })
    }
    return { content: [{ type: 'text', text: 'liftoff' }] }
  })
  return server
}

/**
 * The official v1 SDK's own Streamable HTTP server transport on node:http, as its users deploy
 * it (no CORS headers), stateful or stateless, SSE or JSON answers. Listens on 127.0.0.1.
 */
export async function startSdkServer(
  options: SdkServerOptions = {},
): Promise<RunningSdkServer> {
  const sessions = new Map<string, StreamableHTTPServerTransport>()
  const http: HttpServer = createServer(async (req, res) => {
    if (!req.url?.startsWith('/mcp')) {
      res.writeHead(404).end('Not Found')
      return
    }
    if (options.stateless) {
      const transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: undefined,
        enableJsonResponse: options.json ?? false,
      })
      const server = mcpServer()
      res.on('close', () => {
        void transport.close()
        void server.close()
      })
      await server.connect(transport)
      await transport.handleRequest(req, res)
      return
    }
    const id = req.headers['mcp-session-id']
    let transport = typeof id === 'string' ? sessions.get(id) : undefined
    if (!transport) {
      if (typeof id === 'string') {
        res.writeHead(404).end('Session not found')
        return
      }
      const created: StreamableHTTPServerTransport =
        new StreamableHTTPServerTransport({
          sessionIdGenerator: () => crypto.randomUUID(),
          enableJsonResponse: options.json ?? false,
          onsessioninitialized: (sessionId) => {
            sessions.set(sessionId, created)
          },
        })
      created.onclose = () => {
        if (created.sessionId) sessions.delete(created.sessionId)
      }
      await mcpServer().connect(created)
      transport = created
    }
    await transport.handleRequest(req, res)
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    sessions: () => sessions.size,
    stop: async () => {
      await Promise.all([...sessions.values()].map((t) => t.close()))
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}
