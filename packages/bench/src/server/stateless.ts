// Protocol 2026-07-28: no session, no initialize, every POST carries the revision in its
// MCP-Protocol-Version header (and in `_meta`) and mirrors its method in Mcp-Method. The server
// checks those two headers, as the revision requires and as cheaply as it can, and answers JSON.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { answer, CORS, MODERN_VERSION, readBody, refuse } from './rpc.ts'

async function post(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const parsed = await readBody(req, res)
  if (parsed === undefined) return
  if (Array.isArray(parsed)) {
    refuse(res, 400, -32600, 'Batches are not part of protocol 2026-07-28')
    return
  }
  if (req.headers['mcp-protocol-version'] !== MODERN_VERSION) {
    refuse(res, 400, -32022, 'Unsupported protocol version', {
      supported: [MODERN_VERSION],
    })
    return
  }
  if (req.headers['mcp-method'] !== parsed.method) {
    refuse(res, 400, -32020, 'Mcp-Method does not match the body')
    return
  }
  const reply = answer(parsed, true)
  if (!reply) {
    res.writeHead(202, CORS).end()
    return
  }
  res
    .writeHead(200, { ...CORS, 'Content-Type': 'application/json' })
    .end(JSON.stringify(reply))
}

export function handleStateless(
  req: IncomingMessage,
  res: ServerResponse,
): void {
  if (req.method === 'POST') void post(req, res)
  else res.writeHead(405, { ...CORS, Allow: 'POST' }).end()
}
