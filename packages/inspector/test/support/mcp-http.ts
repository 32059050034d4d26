/**
 * A plain fetch-based Streamable HTTP client for the tests: one POST per message, SSE answers read
 * frame by frame. Deliberately not @mcp-sse/core, so the launcher is checked against the
 * transport's wire format rather than against our own client's reading of it.
 */
export type Message = Record<string, unknown> & { jsonrpc: '2.0' }

export const ACCEPT_BOTH = 'application/json, text/event-stream'

/** Reads `data:` frames of an SSE body as JSON messages, as they arrive. */
export async function* sseMessages(
  response: Response,
): AsyncGenerator<Message> {
  if (response.body === null) return
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  try {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      buffer += value
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const data = frame
          .split('\n')
          .filter((l) => l.startsWith('data:'))
          .map((l) => l.slice(5).trimStart())
          .join('\n')
        if (data !== '') yield JSON.parse(data) as Message
      }
    }
  } finally {
    reader.releaseLock()
  }
}

export interface McpHttp {
  sessionId: string | undefined
  post(message: Message, headers?: Record<string, string>): Promise<Response>
  /** Sends a request and collects its SSE stream up to and including the answer. */
  request(
    method: string,
    params?: unknown,
    id?: number,
  ): Promise<{ answer: Message; before: Message[]; response: Response }>
  notify(method: string, params?: unknown): Promise<Response>
  openGet(): Promise<Response>
  delete(): Promise<Response>
}

export function mcpHttp(
  url: string,
  baseHeaders: Record<string, string>,
): McpHttp {
  let nextId = 1
  const client: McpHttp = {
    sessionId: undefined,
    async post(message, headers = {}) {
      return fetch(url, {
        method: 'POST',
        headers: {
          ...baseHeaders,
          'Content-Type': 'application/json',
          Accept: ACCEPT_BOTH,
          ...(client.sessionId !== undefined && {
            'Mcp-Session-Id': client.sessionId,
          }),
          ...headers,
        },
        body: JSON.stringify(message),
      })
    },
    async request(method, params, id = nextId++) {
      const response = await client.post({
        jsonrpc: '2.0',
        id,
        method,
        ...(params !== undefined && { params }),
      })
      if (!response.ok)
        throw new Error(
          `${method}: HTTP ${response.status} ${await response.text()}`,
        )
      client.sessionId ??= response.headers.get('mcp-session-id') ?? undefined
      const before: Message[] = []
      if (
        response.headers.get('content-type')?.startsWith('application/json')
      ) {
        return { answer: (await response.json()) as Message, before, response }
      }
      for await (const message of sseMessages(response)) {
        if (message.id === id && !('method' in message))
          return { answer: message, before, response }
        before.push(message)
      }
      throw new Error(`${method}: the stream ended without an answer`)
    },
    notify(method, params) {
      return client.post({
        jsonrpc: '2.0',
        method,
        ...(params !== undefined && { params }),
      })
    },
    openGet() {
      return fetch(url, {
        headers: {
          ...baseHeaders,
          Accept: 'text/event-stream',
          ...(client.sessionId !== undefined && {
            'Mcp-Session-Id': client.sessionId,
          }),
        },
      })
    },
    delete() {
      return fetch(url, {
        method: 'DELETE',
        headers: {
          ...baseHeaders,
          ...(client.sessionId !== undefined && {
            'Mcp-Session-Id': client.sessionId,
          }),
        },
      })
    },
  }
  return client
}

export const INITIALIZE_PARAMS = {
  protocolVersion: '2025-11-25',
  capabilities: { sampling: {} },
  clientInfo: { name: 'inspector-test', version: '1' },
}

/** Is a process with this pid still running? */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}
