import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request an in-test server received. */
export interface Received {
  readonly method: string
  readonly url: URL
  readonly headers: Record<string, string>
  readonly body: string
  readonly form: URLSearchParams
}

export interface Reply {
  status?: number
  headers?: Record<string, string>
  json?: unknown
  body?: string
}

export type Handler = (request: Received) => Reply | Promise<Reply>

/** A real HTTP server on 127.0.0.1 whose routes (`'GET /path'`) a test sets; others answer 404. */
export interface TestServer {
  readonly origin: string
  readonly requests: Received[]
  route(key: string, handler: Handler | null): void
  /** Requests whose path is `path`, in order. */
  to(path: string): Received[]
  close(): Promise<void>
}

export async function startServer(): Promise<TestServer> {
  const routes = new Map<string, Handler>()
  const requests: Received[] = []
  const http = createServer(async (req, res) => {
    const received = await receive(req)
    requests.push(received)
    const handler = routes.get(`${received.method} ${received.url.pathname}`)
    const reply: Reply = handler
      ? await handler(received)
      : { status: 404, body: 'Not Found' }
    const headers: Record<string, string> = { ...reply.headers }
    let body = reply.body ?? ''
    if (reply.json !== undefined) {
      headers['Content-Type'] ??= 'application/json'
      body = JSON.stringify(reply.json)
    }
    res.writeHead(reply.status ?? 200, headers).end(body)
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  return {
    origin,
    requests,
    route: (key, handler) => {
      if (handler) routes.set(key, handler)
      else routes.delete(key)
    },
    to: (path) => requests.filter((r) => r.url.pathname === path),
    close: async () => {
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}

async function receive(req: IncomingMessage): Promise<Received> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const body = Buffer.concat(chunks).toString('utf8')
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(req.headers))
    if (typeof value === 'string') headers[name] = value
  return {
    method: req.method ?? 'GET',
    url: new URL(req.url ?? '/', 'http://127.0.0.1'),
    headers,
    body,
    form: new URLSearchParams(
      headers['content-type']?.startsWith('application/x-www-form-urlencoded')
        ? body
        : '',
    ),
  }
}
