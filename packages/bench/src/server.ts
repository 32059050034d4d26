// A deliberately small MCP server over HTTP + SSE, run in its own process so its CPU is not charged
// to the clients being measured. It answers as fast as node:http can: no framework, no validation
// beyond what the benchmark needs, every frame written (and so flushed) at once.
//
//   node src/server.ts [port]   -> prints "READY <port>" on stdout once listening
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'

type Id = string | number

interface RpcMessage {
  jsonrpc: '2.0'
  id?: Id
  method?: string
  params?: Record<string, unknown>
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Expose-Headers': '*',
}

const ECHO_TOOL = {
  name: 'echo',
  description: 'Returns its message.',
  inputSchema: {
    type: 'object',
    properties: { message: { type: 'string' } },
    required: ['message'],
  },
}

const sessions = new Map<string, ServerResponse>()

function answer(message: RpcMessage): object | undefined {
  if (message.id === undefined || message.method === undefined) return // notification or response
  const { id } = message
  switch (message.method) {
    case 'initialize':
      return {
        jsonrpc: '2.0',
        id,
        result: {
          protocolVersion: message.params?.protocolVersion ?? '2025-06-18',
          capabilities: { tools: {} },
          serverInfo: { name: 'mcp-sse-bench-server', version: '1.0.0' },
        },
      }
    case 'ping':
      return { jsonrpc: '2.0', id, result: {} }
    case 'tools/list':
      return { jsonrpc: '2.0', id, result: { tools: [ECHO_TOOL] } }
    case 'tools/call': {
      const args = message.params?.arguments as
        { message?: unknown } | undefined
      return {
        jsonrpc: '2.0',
        id,
        result: {
          content: [{ type: 'text', text: String(args?.message ?? '') }],
        },
      }
    }
    default:
      return {
        jsonrpc: '2.0',
        id,
        error: { code: -32601, message: `Method not found: ${message.method}` },
      }
  }
}

function openStream(res: ServerResponse): void {
  const sessionId = randomUUID()
  res.writeHead(200, {
    ...CORS,
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
  })
  res.write(`event: endpoint\ndata: /message?sessionId=${sessionId}\n\n`)
  sessions.set(sessionId, res)
  res.on('close', () => sessions.delete(sessionId))
}

function receive(req: IncomingMessage, res: ServerResponse, url: URL): void {
  const stream = sessions.get(url.searchParams.get('sessionId') ?? '')
  const chunks: Buffer[] = []
  req.on('data', (chunk: Buffer) => chunks.push(chunk))
  req.on('end', () => {
    if (!stream) {
      res.writeHead(404, CORS).end('Unknown session')
      return
    }
    let parsed: RpcMessage | RpcMessage[]
    try {
      parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as
        RpcMessage | RpcMessage[]
    } catch {
      res.writeHead(400, CORS).end('Invalid JSON')
      return
    }
    res.writeHead(202, CORS).end('Accepted')
    for (const message of Array.isArray(parsed) ? parsed : [parsed]) {
      const reply = answer(message)
      if (reply)
        stream.write(`event: message\ndata: ${JSON.stringify(reply)}\n\n`)
    }
  })
}

export function createBenchServer() {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    if (req.method === 'OPTIONS') res.writeHead(204, CORS).end()
    else if (req.method === 'GET' && url.pathname === '/sse') openStream(res)
    else if (req.method === 'POST' && url.pathname === '/message')
      receive(req, res, url)
    else res.writeHead(404, CORS).end('Not found')
  })
}

if (import.meta.main) {
  const server = createBenchServer()
  server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
    const address = server.address()
    const port = typeof address === 'object' && address ? address.port : 0
    process.stdout.write(`READY ${port}\n`)
  })
}
