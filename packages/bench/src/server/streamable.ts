// Streamable HTTP as revisions 2025-03-26..2025-11-25 have it: a session handed out on
// `initialize`, every request its own POST, answered with JSON or with an SSE stream that carries
// the answer and ends. No GET stream (405, which clients take as "none offered"). DELETE ends a
// session, so the endurance run can check that a client leaves none behind.
import { randomUUID } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { answer, CORS, readBody, refuse } from './rpc.ts'
import type { RpcMessage } from './rpc.ts'

export type AnswerFormat = 'sse' | 'json'

/** Session ids handed out and not yet ended with DELETE. */
export const streamableSessions = new Set<string>()

function write(
  res: ServerResponse,
  format: AnswerFormat,
  replies: object[],
  batch: boolean,
  sessionId: string,
): void {
  const headers = { ...CORS, 'Mcp-Session-Id': sessionId }
  if (format === 'json') {
    res
      .writeHead(200, { ...headers, 'Content-Type': 'application/json' })
      .end(JSON.stringify(batch ? replies : replies[0]))
    return
  }
  res.writeHead(200, {
    ...headers,
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache, no-transform',
  })
  let frames = ''
  for (const reply of replies)
    frames += `event: message\ndata: ${JSON.stringify(reply)}\n\n`
  res.end(frames)
}

async function post(
  req: IncomingMessage,
  res: ServerResponse,
  format: AnswerFormat,
): Promise<void> {
  const parsed = await readBody(req, res)
  if (parsed === undefined) return
  const messages: RpcMessage[] = Array.isArray(parsed) ? parsed : [parsed]
  let sessionId = req.headers['mcp-session-id']
  if (typeof sessionId !== 'string') {
    if (!messages.some((m) => m.method === 'initialize')) {
      // What the official SDK's server answers a request before initialize (server/discover too).
      refuse(res, 400, -32000, 'Bad Request: Server not initialized')
      return
    }
    sessionId = randomUUID()
    streamableSessions.add(sessionId)
  } else if (!streamableSessions.has(sessionId)) {
    refuse(res, 404, -32001, 'Session not found')
    return
  }
  const replies: object[] = []
  for (const message of messages) {
    const reply = answer(message)
    if (reply) replies.push(reply)
  }
  if (replies.length === 0) res.writeHead(202, CORS).end()
  else write(res, format, replies, Array.isArray(parsed), sessionId)
}

export function handleStreamable(
  req: IncomingMessage,
  res: ServerResponse,
  format: AnswerFormat,
): void {
  if (req.method === 'POST') {
    void post(req, res, format)
    return
  }
  if (req.method === 'DELETE') {
    const sessionId = req.headers['mcp-session-id']
    const known =
      typeof sessionId === 'string' && streamableSessions.delete(sessionId)
    res.writeHead(known ? 200 : 404, CORS).end()
    return
  }
  res.writeHead(405, { ...CORS, Allow: 'POST, DELETE' }).end()
}
