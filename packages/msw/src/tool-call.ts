import type { ToolContext } from './definitions.js'
import { ErrorCode, JSONRPCError } from './rpc-error.js'
import type { Session } from './session.js'
import { notification, sendTo, type ServerState } from './state.js'
import type {
  CallToolResult,
  JSONRPCRequest,
  LoggingLevel,
  RequestId,
} from './types.js'

const LEVELS: readonly LoggingLevel[] = [
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
]

export function isLoggingLevel(value: unknown): value is LoggingLevel {
  return LEVELS.some((level) => level === value)
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Sends a request to the client over one session's stream and waits for its POSTed answer. */
export function requestClient(
  state: ServerState,
  session: Session,
  method: string,
  params?: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const id: RequestId = `server-${++state.nextRequestId}`
  const answer = session.expect(id)
  const message: JSONRPCRequest =
    params === undefined
      ? { jsonrpc: '2.0', id, method }
      : { jsonrpc: '2.0', id, method, params }
  session.send(message, state.dialect.unnamedEvents === true)
  return answer
}

function progressToken(request: JSONRPCRequest): string | number | undefined {
  const meta = request.params?._meta
  if (!isObject(meta)) return undefined
  const token = meta.progressToken
  return typeof token === 'string' || typeof token === 'number'
    ? token
    : undefined
}

export async function callTool(
  state: ServerState,
  session: Session,
  request: JSONRPCRequest,
  signal: AbortSignal,
): Promise<CallToolResult> {
  const name = request.params?.name
  const tool = state.tools.find((t) => t.name === name)
  if (tool === undefined) {
    throw new JSONRPCError(
      ErrorCode.InvalidParams,
      `Unknown tool: ${String(name)}`,
    )
  }
  const rawArgs = request.params?.arguments ?? {}
  if (!isObject(rawArgs)) {
    throw new JSONRPCError(
      ErrorCode.InvalidParams,
      'arguments must be an object',
    )
  }
  const required = tool.inputSchema?.required
  if (Array.isArray(required)) {
    const missing = required.filter(
      (key): key is string => typeof key === 'string' && !(key in rawArgs),
    )
    if (missing.length > 0) {
      throw new JSONRPCError(
        ErrorCode.InvalidParams,
        `Invalid arguments for tool ${tool.name}: missing ${missing.join(', ')}`,
      )
    }
  }

  const token = progressToken(request)
  const ctx: ToolContext = {
    sessionId: session.id,
    requestId: request.id,
    signal,
    progress: (progress, total, message) => {
      if (token === undefined || signal.aborted) return
      const params: Record<string, unknown> = { progressToken: token, progress }
      if (total !== undefined) params.total = total
      if (message !== undefined) params.message = message
      sendTo(state, notification('notifications/progress', params), session.id)
    },
    log: (level, data, logger) => {
      const threshold = session.logLevel
      if (
        threshold !== undefined &&
        LEVELS.indexOf(level) < LEVELS.indexOf(threshold)
      ) {
        return
      }
      const params: Record<string, unknown> = { level, data }
      if (logger !== undefined) params.logger = logger
      sendTo(state, notification('notifications/message', params), session.id)
    },
    request: (method, params) => requestClient(state, session, method, params),
  }
  try {
    const result = await tool.run(rawArgs, ctx)
    return typeof result === 'string'
      ? { content: [{ type: 'text', text: result }] }
      : result
  } catch (error) {
    if (error instanceof JSONRPCError) throw error
    const text = error instanceof Error ? error.message : String(error)
    return { content: [{ type: 'text', text }], isError: true }
  }
}
