// What the bench server answers, whichever transport carried the request. Kept as small as a
// server can be: no schema validation, the echo tool's text straight back.
import type { IncomingMessage, ServerResponse } from 'node:http'

export type Id = string | number

export interface RpcMessage {
  jsonrpc: '2.0'
  id?: Id
  method?: string
  params?: Record<string, unknown>
}

export const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': '*',
  'Access-Control-Expose-Headers': '*',
}

export const SERVER_INFO = { name: 'mcp-sse-bench-server', version: '1.0.0' }

/** The revision the stateless endpoint speaks. */
export const MODERN_VERSION = '2026-07-28'

const ECHO_TOOL = {
  name: 'echo',
  description: 'Returns its message.',
  inputSchema: {
    type: 'object',
    properties: { message: { type: 'string' } },
    required: ['message'],
  },
}

/** A request's answer, or undefined for a notification or a response. `modern`: 2026-07-28. */
export function answer(
  message: RpcMessage,
  modern = false,
): object | undefined {
  if (message.id === undefined || message.method === undefined) return
  const { id } = message
  // 2026-07-28 results say they are complete (not `input_required`).
  const complete = modern ? { resultType: 'complete' } : {}
  switch (message.method) {
    case 'initialize':
      return {
        jsonrpc: '2.0',
        id,
        result: {
          protocolVersion: message.params?.protocolVersion ?? '2025-06-18',
          capabilities: { tools: {} },
          serverInfo: SERVER_INFO,
        },
      }
    case 'server/discover':
      if (!modern) break
      return {
        jsonrpc: '2.0',
        id,
        result: {
          ...complete,
          supportedVersions: [MODERN_VERSION],
          capabilities: { tools: {} },
          ttlMs: 0,
          _meta: { 'io.modelcontextprotocol/serverInfo': SERVER_INFO },
        },
      }
    case 'ping':
      return { jsonrpc: '2.0', id, result: {} }
    case 'tools/list':
      return { jsonrpc: '2.0', id, result: { ...complete, tools: [ECHO_TOOL] } }
    case 'tools/call': {
      const args = message.params?.arguments as
        { message?: unknown } | undefined
      return {
        jsonrpc: '2.0',
        id,
        result: {
          ...complete,
          content: [{ type: 'text', text: String(args?.message ?? '') }],
        },
      }
    }
  }
  return {
    jsonrpc: '2.0',
    id,
    error: { code: -32601, message: `Method not found: ${message.method}` },
  }
}

/** The request body parsed as JSON-RPC; answers 400 itself and resolves undefined when it is not. */
export function readBody(
  req: IncomingMessage,
  res: ServerResponse,
): Promise<RpcMessage | RpcMessage[] | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      try {
        resolve(
          JSON.parse(Buffer.concat(chunks).toString('utf8')) as
            RpcMessage | RpcMessage[],
        )
      } catch {
        res.writeHead(400, CORS).end('Invalid JSON')
        resolve(undefined)
      }
    })
  })
}

/** A JSON-RPC error as a whole HTTP answer. */
export function refuse(
  res: ServerResponse,
  status: number,
  code: number,
  message: string,
  data?: object,
): void {
  res.writeHead(status, { ...CORS, 'Content-Type': 'application/json' }).end(
    JSON.stringify({
      jsonrpc: '2.0',
      id: null,
      error: { code, message, ...(data && { data }) },
    }),
  )
}
