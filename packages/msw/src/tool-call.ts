import type {
  CallToolResult,
  JSONRPCRequest,
  LoggingLevel,
} from '@mcp-sse/core'
import { requestClient } from './client-requests.js'
import type { ToolContext } from './definitions.js'
import { ErrorCode, JSONRPCError } from './rpc-error.js'
import type { RequestScope } from './scope.js'
import { notification, type ServerState } from './state.js'

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

function progressToken(request: JSONRPCRequest): string | number | undefined {
  const meta = request.params?._meta
  if (!isObject(meta)) return undefined
  const token = meta.progressToken
  return typeof token === 'string' || typeof token === 'number'
    ? token
    : undefined
}

function checkArguments(
  tool: { name: string; inputSchema?: Record<string, unknown> },
  args: Record<string, unknown>,
): void {
  const required = tool.inputSchema?.required
  if (!Array.isArray(required)) return
  const missing = required.filter(
    (key): key is string => typeof key === 'string' && !(key in args),
  )
  if (missing.length > 0) {
    throw new JSONRPCError(
      ErrorCode.InvalidParams,
      `Invalid arguments for tool ${tool.name}: missing ${missing.join(', ')}`,
    )
  }
}

export async function callTool(
  state: ServerState,
  scope: RequestScope,
  request: JSONRPCRequest,
  signal: AbortSignal,
): Promise<CallToolResult> {
  const { session, related, notifications } = scope
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
  checkArguments(tool, rawArgs)

  const token = progressToken(request)
  const ctx: ToolContext = {
    sessionId: session.stateless ? undefined : session.id,
    requestId: request.id,
    signal,
    progress: (progress, total, message) => {
      if (token === undefined || signal.aborted) return
      const params: Record<string, unknown> = { progressToken: token, progress }
      if (total !== undefined) params.total = total
      if (message !== undefined) params.message = message
      notifications.send(notification('notifications/progress', params))
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
      notifications.send(notification('notifications/message', params))
    },
    request: (method, params) =>
      requestClient(state, session, related, method, params),
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
