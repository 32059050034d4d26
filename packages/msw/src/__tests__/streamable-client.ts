/**
 * Plain-fetch helpers for the Streamable HTTP tests: what any client sends, read back with the
 * same SSE parser as the HTTP+SSE tests. Not a client under test, just the wire.
 */
import { readStream, type TestStream } from './sse-client.js'

export const ACCEPT = 'application/json, text/event-stream'

let nextId = 0

/** A fresh JSON-RPC id, so tests never collide. */
export function newId(): number {
  return ++nextId
}

export function rpcRequest(
  method: string,
  params?: Record<string, unknown>,
  id: number = newId(),
) {
  return params === undefined
    ? { jsonrpc: '2.0', id, method }
    : { jsonrpc: '2.0', id, method, params }
}

/** POSTs `body` to the MCP endpoint as a conforming client does. */
export function postMCP(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: {
      Accept: ACCEPT,
      'Content-Type': 'application/json',
      ...headers,
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    signal,
  })
}

/** Every JSON-RPC message a stream carried so far (priming events and comments skipped). */
export function messagesOf(stream: TestStream): Record<string, unknown>[] {
  return stream.events
    .filter((e) => e.data !== '')
    .map((e) => JSON.parse(e.data) as Record<string, unknown>)
}

export interface Call {
  response: Response
  /** The SSE answer stream, when the server answered with one. */
  stream: TestStream | undefined
  /** The JSON-RPC answer, from the JSON body or from the stream. */
  answer: Promise<Record<string, unknown>>
}

/** POSTs one request and reads its answer in whichever shape the server chose. */
export async function call(
  url: string,
  body: { id: number },
  headers: Record<string, string> = {},
): Promise<Call> {
  const abort = new AbortController()
  const response = await postMCP(url, body, headers, abort.signal)
  const type = response.headers.get('content-type') ?? ''
  if (type.includes('text/event-stream')) {
    const stream = readStream(response, abort)
    const answer = stream.message(body.id)
    // Tests of streams that end unanswered never await it.
    answer.catch(() => {})
    return { response, stream, answer }
  }
  const answer = response.json() as Promise<Record<string, unknown>>
  return { response, stream: undefined, answer }
}

export interface MCPTestSession {
  sessionId: string | undefined
  protocolVersion: string
  /** `Mcp-Session-Id` and `MCP-Protocol-Version`, as a client sends them after initialize. */
  headers: Record<string, string>
  initialize: Call
}

/** Runs the handshake: `initialize`, then `notifications/initialized`. */
export async function handshake(
  url: string,
  protocolVersion = '2025-11-25',
): Promise<MCPTestSession> {
  const initialize = await call(
    url,
    rpcRequest('initialize', {
      protocolVersion,
      capabilities: { elicitation: {} },
      clientInfo: { name: 'test', version: '1.0.0' },
    }),
  )
  if (initialize.response.status !== 200)
    throw new Error(`initialize answered ${initialize.response.status}`)
  const result = (await initialize.answer).result as { protocolVersion: string }
  const sessionId =
    initialize.response.headers.get('mcp-session-id') ?? undefined
  const headers: Record<string, string> = {
    'MCP-Protocol-Version': result.protocolVersion,
  }
  if (sessionId !== undefined) headers['Mcp-Session-Id'] = sessionId
  const initialized = await postMCP(
    url,
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    headers,
  )
  if (initialized.status !== 202)
    throw new Error(`initialized answered ${initialized.status}`)
  return {
    sessionId,
    protocolVersion: result.protocolVersion,
    headers,
    initialize,
  }
}

/** Opens a GET stream on the MCP endpoint. */
export async function openGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ response: Response; stream: TestStream }> {
  const abort = new AbortController()
  const response = await fetch(url, {
    headers: { Accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  })
  return { response, stream: readStream(response, abort) }
}

/** Node's count of live timers, to show a scenario left none behind. */
export function liveTimers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout')
    .length
}
