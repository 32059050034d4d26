import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { Server } from '@modelcontextprotocol/sdk/server/index.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import {
  CallToolRequestSchema,
  ListToolsRequestSchema,
} from '@modelcontextprotocol/sdk/types.js'
import type { RunningAuthorizationServer } from './authorization-server'

export interface ProtectedMcpServerOptions {
  /** The authorization server whose tokens it accepts (checked by introspection). */
  authorizationServer: RunningAuthorizationServer
  /** `scopes_supported` in its resource metadata. @defaultValue ['mcp:read'] */
  scopes?: readonly string[]
  /** The scope each tool needs; calling it with a token without it gets 403 insufficient_scope. */
  toolScopes?: Readonly<Record<string, string>>
  /** Page origins allowed by CORS (for browser tests). @defaultValue [] */
  corsOrigins?: readonly string[]
}

export interface RunningProtectedMcpServer {
  /** The MCP endpoint, `http://127.0.0.1:PORT/mcp`. */
  readonly url: string
  readonly resourceMetadataUrl: string
  /** Bearer tokens it received, valid or not, in order. */
  tokensSeen(): string[]
  stop(): Promise<void>
}

interface Introspection {
  active?: boolean
  aud?: string | string[]
  scope?: string
  sub?: string
}

/**
 * An MCP server (the v1 SDK's Streamable HTTP transport, stateless) that is an OAuth resource
 * server: it serves Protected Resource Metadata, answers 401 with
 * `WWW-Authenticate: Bearer resource_metadata=…`, and accepts only tokens the authorization
 * server says are active and issued for it (audience = its URL). Tools: `whoami` (the token's
 * subject and scopes) and `write` (needs the scope `toolScopes.write`, if set).
 */
export async function startProtectedMcpServer(
  options: ProtectedMcpServerOptions,
): Promise<RunningProtectedMcpServer> {
  const seen: string[] = []
  const as = options.authorizationServer
  let origin = ''
  const metadataPath = '/.well-known/oauth-protected-resource/mcp'
  const http = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error))
    })
  })
  const cors = (req: IncomingMessage, res: ServerResponse) => {
    const from = req.headers.origin
    if (!from || !options.corsOrigins?.includes(from)) return
    res.setHeader('Access-Control-Allow-Origin', from)
    res.setHeader(
      'Access-Control-Allow-Headers',
      'Authorization, Content-Type, Accept, Mcp-Protocol-Version, Mcp-Session-Id, Last-Event-ID',
    )
    res.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE, OPTIONS')
    res.setHeader(
      'Access-Control-Expose-Headers',
      'WWW-Authenticate, Mcp-Session-Id',
    )
  }
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    cors(req, res)
    const path = new URL(req.url ?? '/', origin).pathname
    if (req.method === 'OPTIONS') return void res.writeHead(204).end()
    if (path === metadataPath)
      return void res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end(
          JSON.stringify({
            resource: `${origin}/mcp`,
            authorization_servers: [as.issuer],
            scopes_supported: options.scopes ?? ['mcp:read'],
            bearer_methods_supported: ['header'],
          }),
        )
    if (path !== '/mcp') return void res.writeHead(404).end('Not Found')
    const challenge = (extra: string) =>
      `Bearer ${extra}resource_metadata="${origin}${metadataPath}"`
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    if (token) seen.push(token)
    const grant = token ? await introspect(token) : null
    const audience = [grant?.aud ?? []].flat()
    if (!grant?.active || !audience.includes(`${origin}/mcp`))
      return void res
        .writeHead(401, {
          'WWW-Authenticate': challenge(token ? 'error="invalid_token", ' : ''),
          'Content-Type': 'application/json',
        })
        .end(JSON.stringify({ error: 'invalid_token' }))
    const body = req.method === 'POST' ? await readJson(req) : undefined
    const granted = new Set((grant.scope ?? '').split(' '))
    const tool = callName(body)
    const needed = tool ? options.toolScopes?.[tool] : undefined
    if (needed && !granted.has(needed))
      return void res
        .writeHead(403, {
          'WWW-Authenticate': challenge(
            `error="insufficient_scope", scope="${needed}", `,
          ),
          'Content-Type': 'application/json',
        })
        .end(JSON.stringify({ error: 'insufficient_scope' }))
    const server = mcpServer(grant)
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    })
    res.on('close', () => {
      void transport.close()
      void server.close()
    })
    await server.connect(transport)
    await transport.handleRequest(req, res, body)
  }
  const introspect = async (token: string): Promise<Introspection | null> => {
    const basic = Buffer.from(
      `${as.introspection.clientId}:${as.introspection.clientSecret}`,
    ).toString('base64')
    const answer = await fetch(as.introspection.endpoint, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${basic}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token }).toString(),
    })
    return answer.ok ? ((await answer.json()) as Introspection) : null
  }
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  return {
    url: `${origin}/mcp`,
    resourceMetadataUrl: `${origin}${metadataPath}`,
    tokensSeen: () => [...seen],
    stop: async () => {
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}

function mcpServer(grant: Introspection): Server {
  const server = new Server(
    { name: 'protected-test-server', version: '1.0.0' },
    { capabilities: { tools: {} } },
  )
  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: [
      { name: 'whoami', inputSchema: { type: 'object' } },
      { name: 'write', inputSchema: { type: 'object' } },
    ],
  }))
  server.setRequestHandler(CallToolRequestSchema, (request) => ({
    content: [
      {
        type: 'text',
        text:
          request.params.name === 'whoami'
            ? JSON.stringify({ sub: grant.sub, scope: grant.scope })
            : 'written',
      },
    ],
  }))
  return server
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  try {
    return text ? JSON.parse(text) : undefined
  } catch {
    return undefined
  }
}

/** The tool a `tools/call` message calls. */
function callName(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined
  const message = body as { method?: unknown; params?: { name?: unknown } }
  return message.method === 'tools/call' &&
    typeof message.params?.name === 'string'
    ? message.params.name
    : undefined
}
