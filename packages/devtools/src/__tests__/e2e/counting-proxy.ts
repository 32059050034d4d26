import {
  createServer,
  request as forward,
  type IncomingMessage,
  type Server,
} from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SeenRequest {
  method: string
  path: string
  /** The JSON-RPC method of a POST's body, when it has one. */
  rpcMethod: string | null
  /** `mcp-session-id` of the server's answer. */
  sessionId: string | null
}

export interface CountingProxy {
  /** `http://127.0.0.1:PORT`: put it where the server's origin would be. */
  url: string
  seen: readonly SeenRequest[]
  /** GET streams the server was asked for (preflights left out). */
  streams(): number
  /** `initialize` requests: each starts a session. */
  initializes(): number
  /** Distinct session ids the server handed out. */
  sessions(): number
  close(): Promise<void>
}

function rpcMethodOf(body: string): string | null {
  try {
    const parsed: unknown = JSON.parse(body)
    return typeof parsed === 'object' &&
      parsed !== null &&
      'method' in parsed &&
      typeof parsed.method === 'string'
      ? parsed.method
      : null
  } catch {
    return null
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/**
 * A loopback proxy in front of a real server that writes down every request: how the test counts
 * streams and sessions at the server, whoever opened them. Streams pass through unbuffered.
 */
export async function startCountingProxy(
  target: string,
): Promise<CountingProxy> {
  const seen: SeenRequest[] = []
  const origin = new URL(target)
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const record: SeenRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        rpcMethod:
          req.method === 'POST' ? rpcMethodOf(body.toString('utf8')) : null,
        sessionId: null,
      }
      if (record.method !== 'OPTIONS') seen.push(record)
      const upstream = forward(
        {
          host: origin.hostname,
          port: origin.port,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: origin.host },
        },
        (answer) => {
          const session = answer.headers['mcp-session-id']
          if (typeof session === 'string') record.sessionId = session
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          // An event stream's headers go out now, not with its first event (maybe seconds away).
          res.flushHeaders()
          answer.pipe(res)
        },
      )
      upstream.on('error', () => res.destroy())
      // A client that goes away (an aborted stream) takes its upstream request with it.
      res.on('close', () => upstream.destroy())
      upstream.end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${String(port)}`,
    seen,
    streams: () => seen.filter((r) => r.method === 'GET').length,
    initializes: () => seen.filter((r) => r.rpcMethod === 'initialize').length,
    sessions: () =>
      new Set(seen.flatMap((r) => (r.sessionId === null ? [] : [r.sessionId])))
        .size,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
