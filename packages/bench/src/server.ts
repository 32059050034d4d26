// A deliberately small MCP server, run in its own process so its CPU is not charged to the
// clients being measured. It answers as fast as node:http can: no framework, no validation beyond
// what each revision requires, every answer written (and so flushed) at once. One process speaks
// every transport, each at its own path (see ENDPOINTS).
//
//   node src/server.ts [port]   -> prints "READY <port>" on stdout once listening
import { createServer } from 'node:http'
import { CORS } from './server/rpc.ts'
import { openStream, receive, sseSessions } from './server/sse.ts'
import { handleStateless } from './server/stateless.ts'
import { handleStreamable, streamableSessions } from './server/streamable.ts'

/** Where each transport lives on the bench server. */
export const ENDPOINTS = {
  /** HTTP+SSE stream (it names `/message?sessionId=…` as the POST endpoint). */
  sse: '/sse',
  /** Streamable HTTP with sessions, answers as SSE streams. */
  streamableSse: '/mcp',
  /** Streamable HTTP with sessions, answers as JSON. */
  streamableJson: '/mcp-json',
  /** Protocol 2026-07-28, stateless, answers as JSON. */
  stateless: '/mcp-2026',
} as const

/** What `GET /stats` answers: sessions the server holds now. */
export interface ServerStats {
  sseStreams: number
  streamableSessions: number
}

export function createBenchServer() {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const path = url.pathname
    if (req.method === 'OPTIONS') res.writeHead(204, CORS).end()
    else if (path === ENDPOINTS.streamableSse) handleStreamable(req, res, 'sse')
    else if (path === ENDPOINTS.streamableJson)
      handleStreamable(req, res, 'json')
    else if (path === ENDPOINTS.stateless) handleStateless(req, res)
    else if (req.method === 'GET' && path === ENDPOINTS.sse) openStream(res)
    else if (req.method === 'POST' && path === '/message')
      void receive(req, res, url)
    else if (req.method === 'GET' && path === '/stats') {
      const stats: ServerStats = {
        sseStreams: sseSessions.size,
        streamableSessions: streamableSessions.size,
      }
      res
        .writeHead(200, { ...CORS, 'Content-Type': 'application/json' })
        .end(JSON.stringify(stats))
    } else res.writeHead(404, CORS).end('Not found')
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
