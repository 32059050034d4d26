import type { IncomingMessage, ServerResponse } from 'node:http'
import { NodeStreamableHTTPServerTransport } from '@modelcontextprotocol/node'
import {
  isInitializeRequest,
  type McpServer,
} from '@modelcontextprotocol/server'

/** The 2025-era arm of a dual-era server that keeps sessions (the SDK's own arm is stateless). */
export interface LegacySessions {
  handle(
    req: IncomingMessage,
    res: ServerResponse,
    body: unknown,
  ): Promise<void>
  /** Sessions open now. */
  count(): number
  close(): Promise<void>
}

const refuse = (res: ServerResponse, status: number, message: string): void => {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(
    JSON.stringify({
      jsonrpc: '2.0',
      error: { code: -32000, message },
      id: null,
    }),
  )
}

/**
 * Sessionful Streamable HTTP of 2025-11-25 with the v2 SDK's Node transport, one server instance
 * per session: `initialize` opens one (`Mcp-Session-Id`), later requests name it, an unknown id
 * answers 404, DELETE ends it. This is how the SDK tells users to keep 2025 sessions beside its
 * strict 2026-07-28 handler (routing on `isLegacyRequest`).
 */
export function legacySessions(build: () => McpServer): LegacySessions {
  const sessions = new Map<string, NodeStreamableHTTPServerTransport>()
  return {
    async handle(req, res, body) {
      const id = req.headers['mcp-session-id']
      const open = typeof id === 'string' ? sessions.get(id) : undefined
      if (open) return open.handleRequest(req, res, body)
      if (typeof id === 'string') return refuse(res, 404, 'Session not found')
      if (!isInitializeRequest(body))
        return refuse(res, 400, 'Bad Request: no session; send initialize')
      const transport: NodeStreamableHTTPServerTransport =
        new NodeStreamableHTTPServerTransport({
          sessionIdGenerator: () => crypto.randomUUID(),
          onsessioninitialized: (sessionId) => {
            sessions.set(sessionId, transport)
          },
        })
      transport.onclose = () => {
        if (transport.sessionId) sessions.delete(transport.sessionId)
      }
      await build().connect(transport)
      await transport.handleRequest(req, res, body)
    },
    count: () => sessions.size,
    async close() {
      await Promise.all([...sessions.values()].map((t) => t.close()))
    },
  }
}
