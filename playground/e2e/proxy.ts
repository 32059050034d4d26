import { request, type IncomingMessage, type ServerResponse } from 'node:http'

/**
 * Forwards one request to `target` (an origin) and streams the answer back, event streams
 * included: what a reverse proxy in front of an MCP server does, so that a page and a server
 * without CORS headers share an origin.
 */
export function forward(
  req: IncomingMessage,
  res: ServerResponse,
  target: string,
): void {
  const to = new URL(req.url ?? '/', target)
  const upstream = request(
    to,
    {
      method: req.method,
      headers: { ...req.headers, host: to.host },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    },
  )
  upstream.on('error', (error) => {
    if (!res.headersSent) res.writeHead(502).end(`proxy: ${error.message}`)
    else res.destroy()
  })
  // The page going away ends the upstream request too (a cancelled answer stream).
  res.on('close', () => upstream.destroy())
  req.pipe(upstream)
}
