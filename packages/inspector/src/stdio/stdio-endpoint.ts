import type { IncomingMessage, ServerResponse } from 'node:http'
import { BASE_HEADERS, refuse } from '../reply'
import type { StdioCommand } from './command'
import { errorAnswer, isRequest, parseMessage } from './jsonrpc'
import { jsonSink, sseSink } from './sinks'
import { StdioSession } from './stdio-session'

export interface StdioEndpointOptions {
  command: StdioCommand
  log(line: string): void
  /** @defaultValue 60000 */
  idleTimeout?: number
  /** Processes running at once, at most. @defaultValue 8 */
  maxSessions?: number
}

/** The largest POST body taken, in bytes; one JSON-RPC message is far smaller. */
const BODY_LIMIT = 16 * 1024 * 1024

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > BODY_LIMIT) {
        resolve(null)
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.once('error', reject)
  })
}

function jsonError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
  })
  res.end(JSON.stringify(errorAnswer(null, message, -32600)))
}

/** How a request is answered: an SSE stream when the client takes one, else one JSON body. */
function answerKind(req: IncomingMessage): 'sse' | 'json' | null {
  const accept = req.headers.accept ?? ''
  if (accept.includes('text/event-stream')) return 'sse'
  if (accept.includes('application/json') || accept.includes('*/*'))
    return 'json'
  return null
}

/**
 * The stdio server, spoken to over Streamable HTTP (revision 2025-11-25): each `initialize`
 * without a session starts one process from the launcher's command line; `Mcp-Session-Id` names
 * it afterwards; DELETE ends it. The command is fixed when the endpoint is made: no part of any
 * request is ever passed to spawn.
 */
export class StdioEndpoint {
  private readonly sessions = new Map<string, StdioSession>()
  private readonly idleTimeout: number
  private readonly maxSessions: number

  constructor(private readonly options: StdioEndpointOptions) {
    this.idleTimeout = options.idleTimeout ?? 60_000
    this.maxSessions = options.maxSessions ?? 8
  }

  /** Sessions running now: each is one process. */
  get running(): readonly StdioSession[] {
    return [...this.sessions.values()]
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const header = req.headers['mcp-session-id']
    const sessionId = typeof header === 'string' ? header : undefined
    const session =
      sessionId === undefined ? undefined : this.sessions.get(sessionId)
    if (sessionId !== undefined && session === undefined) {
      jsonError(
        res,
        404,
        'This session has ended (its process exited or was closed); initialize a new one.',
      )
      return
    }
    switch (req.method) {
      case 'POST':
        return this.post(req, res, session)
      case 'GET':
        return this.get(req, res, session)
      case 'DELETE':
        if (session === undefined) {
          jsonError(
            res,
            400,
            'DELETE needs the Mcp-Session-Id header of the session to end.',
          )
          return
        }
        await session.end('was closed by the page (DELETE)')
        res.writeHead(204, BASE_HEADERS).end()
        return
      default:
        refuse(res, 405, 'The MCP endpoint answers GET, POST and DELETE.', {
          Allow: 'GET, POST, DELETE',
        })
    }
  }

  /** Ends every process; resolves once all have exited. */
  async close(): Promise<void> {
    await Promise.all(
      [...this.sessions.values()].map((s) =>
        s.end('was ended: the launcher is exiting'),
      ),
    )
  }

  private async post(
    req: IncomingMessage,
    res: ServerResponse,
    existing: StdioSession | undefined,
  ): Promise<void> {
    const body = await readBody(req)
    if (body === null) {
      jsonError(res, 413, `The message is larger than ${BODY_LIMIT} bytes.`)
      return
    }
    let parsed: unknown
    try {
      parsed = JSON.parse(body)
    } catch {
      jsonError(res, 400, 'The POST body is not JSON.')
      return
    }
    if (Array.isArray(parsed)) {
      jsonError(
        res,
        400,
        'Batches are not part of MCP since 2025-06-18; send one message per POST.',
      )
      return
    }
    const message = parseMessage(parsed)
    if (message === null) {
      jsonError(res, 400, 'The POST body is not a JSON-RPC 2.0 message.')
      return
    }
    const kind = isRequest(message) ? answerKind(req) : 'none'
    if (kind === null) {
      jsonError(
        res,
        406,
        'Accept must include application/json or text/event-stream.',
      )
      return
    }
    let session = existing
    if (session === undefined) {
      if (message.method !== 'initialize' || !isRequest(message)) {
        jsonError(
          res,
          400,
          'No Mcp-Session-Id: send initialize first to start a session.',
        )
        return
      }
      if (this.sessions.size >= this.maxSessions) {
        jsonError(
          res,
          503,
          `${this.maxSessions} stdio sessions are running already; close one (its session in the page) first.`,
        )
        return
      }
      session = this.start()
    }
    if (!isRequest(message)) {
      session.deliver(message)
      res.writeHead(202, BASE_HEADERS).end()
      return
    }
    const headers = { 'Mcp-Session-Id': session.id }
    const sink = kind === 'sse' ? sseSink(res, headers) : jsonSink(res, headers)
    session.request(message, sink)
  }

  private get(
    req: IncomingMessage,
    res: ServerResponse,
    session: StdioSession | undefined,
  ): void {
    if (session === undefined) {
      jsonError(res, 400, 'GET needs the Mcp-Session-Id header of a session.')
      return
    }
    if (!(req.headers.accept ?? '').includes('text/event-stream')) {
      jsonError(res, 406, 'The GET stream needs Accept: text/event-stream.')
      return
    }
    session.openStream(sseSink(res, { 'Mcp-Session-Id': session.id }))
  }

  private start(): StdioSession {
    const session = new StdioSession(this.options.command, {
      idleTimeout: this.idleTimeout,
      log: this.options.log,
      onEnd: (ended) => this.sessions.delete(ended.id),
    })
    this.sessions.set(session.id, session)
    return session
  }
}
