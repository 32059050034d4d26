// HTTP+SSE (2024-11-05): a GET stream that names a POST endpoint, every answer on that stream.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { answer, CORS, readBody } from './rpc.ts'

/** Open streams by session id. */
export const sseSessions = new Map<string, ServerResponse>()

export function openStream(res: ServerResponse): void {
  const sessionId = randomUUID()
  res.writeHead(200, {
    ...CORS,
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
  })
  res.write(`event: endpoint\ndata: /message?sessionId=${sessionId}\n\n`)
  sseSessions.set(sessionId, res)
  res.on('close', () => sseSessions.delete(sessionId))
}

export async function receive(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const stream = sseSessions.get(url.searchParams.get('sessionId') ?? '')
  const parsed = await readBody(req, res)
  if (parsed === undefined) return
  if (!stream) {
    res.writeHead(404, CORS).end('Unknown session')
    return
  }
  res.writeHead(202, CORS).end('Accepted')
  for (const message of Array.isArray(parsed) ? parsed : [parsed]) {
    const reply = answer(message)
    if (reply)
      stream.write(`event: message\ndata: ${JSON.stringify(reply)}\n\n`)
  }
}
