import { http, HttpResponse } from 'msw'
import type { JSONRPCMessage, JSONRPCRequest } from '../index'

/** One SSE event as a test server writes it. */
export interface TestEvent {
  id?: string
  retry?: number
  data: unknown
}

export type Answer =
  | { json: unknown }
  /** An SSE answer; `open` keeps the stream open after the events instead of ending it. */
  | { events: TestEvent[]; open?: boolean; cut?: boolean }
  | Response

export interface ScriptedServer {
  /** Every request the server received, with the headers that matter. */
  readonly received: {
    method: string
    body: JSONRPCMessage | null
    headers: Record<string, string | null>
  }[]
  /** GET streams the server holds open, to push on. */
  readonly gets: ReadableStreamDefaultController<Uint8Array>[]
  push(event: TestEvent): void
}

const encoder = new TextEncoder()

export function sse(event: TestEvent): string {
  let text = ''
  if (event.id !== undefined) text += `id: ${event.id}\n`
  if (event.retry !== undefined) text += `retry: ${event.retry}\n`
  const data = event.data === '' ? '' : JSON.stringify(event.data)
  return `${text}data: ${data}\n\n`
}

function streamOf(answer: {
  events: TestEvent[]
  open?: boolean
  cut?: boolean
}) {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const event of answer.events)
        controller.enqueue(encoder.encode(sse(event)))
      if (answer.cut) controller.error(new Error('cut'))
      else if (!answer.open) controller.close()
    },
  })
}

function toResponse(answer: Answer, sessionId: string | null): Response {
  if (answer instanceof Response) return answer
  const headers: Record<string, string> = sessionId
    ? { 'Mcp-Session-Id': sessionId }
    : {}
  if ('json' in answer)
    return HttpResponse.json(answer.json as object, { headers })
  return new HttpResponse(streamOf(answer), {
    headers: { ...headers, 'Content-Type': 'text/event-stream' },
  })
}

export const initializeResult = (
  id: JSONRPCRequest['id'],
  version = '2025-11-25',
) => ({
  jsonrpc: '2.0',
  id,
  result: {
    protocolVersion: version,
    capabilities: { tools: {} },
    serverInfo: { name: 'scripted', version: '1.0.0' },
  },
})

export interface ScriptOptions {
  url?: string
  /** The session id initialize hands out; null for a stateless server. */
  sessionId?: string | null
  /** Answers requests other than initialize; return undefined for a plain JSON `{}` result. */
  answer?(request: JSONRPCRequest, server: ScriptedServer): Answer | undefined
  /** Answers GET; default: 405 (no GET stream). */
  get?(request: Request, server: ScriptedServer): Response | 'stream'
}

/**
 * A Streamable HTTP server made of msw handlers, scripted per test: what each request is
 * answered with, what the GET does. The shapes a real server sends (headers, SSE framing) are
 * written out here so each test can break exactly one of them.
 */
export function scriptedServer(options: ScriptOptions = {}) {
  const url = options.url ?? 'http://localhost:3001/mcp'
  const sessionId =
    options.sessionId === undefined ? 'session-1' : options.sessionId
  const server: ScriptedServer = {
    received: [],
    gets: [],
    push(event) {
      for (const controller of server.gets)
        controller.enqueue(encoder.encode(sse(event)))
    },
  }
  const note = (request: Request, body: JSONRPCMessage | null) =>
    server.received.push({
      method: request.method,
      body,
      headers: Object.fromEntries(
        [
          'mcp-session-id',
          'mcp-protocol-version',
          'last-event-id',
          'accept',
        ].map((name) => [name, request.headers.get(name)]),
      ),
    })
  const handlers = [
    http.post(url, async ({ request }) => {
      const message = (await request.json()) as JSONRPCMessage
      note(request, message)
      if (!('id' in message) || !('method' in message))
        return new HttpResponse(null, { status: 202 })
      if (message.method === 'initialize')
        return toResponse({ json: initializeResult(message.id) }, sessionId)
      // As the SDK's 2025 servers do: a stateful one refuses what comes without a session; a
      // stateless one knows no server/discover (so the client's 2026-07-28 probe falls back).
      if (sessionId !== null && !request.headers.has('mcp-session-id'))
        return HttpResponse.json(
          {
            jsonrpc: '2.0',
            id: null,
            error: {
              code: -32000,
              message: 'Bad Request: No valid session ID provided',
            },
          },
          { status: 400 },
        )
      if (message.method === 'server/discover')
        return HttpResponse.json({
          jsonrpc: '2.0',
          id: message.id,
          error: { code: -32601, message: 'Method not found' },
        })
      const answer = options.answer?.(message as JSONRPCRequest, server) ?? {
        json: { jsonrpc: '2.0', id: message.id, result: {} },
      }
      return toResponse(answer, sessionId)
    }),
    http.get(url, ({ request }) => {
      note(request, null)
      const verdict =
        options.get?.(request, server) ??
        new HttpResponse(null, { status: 405 })
      if (verdict !== 'stream') return verdict
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          server.gets.push(controller)
        },
      })
      return new HttpResponse(body, {
        headers: { 'Content-Type': 'text/event-stream' },
      })
    }),
    http.delete(url, ({ request }) => {
      note(request, null)
      return new HttpResponse(null, { status: 200 })
    }),
  ]
  return { handlers, server, url }
}
