import type { CallToolResult, JSONRPCRequest } from '@mcp-sse/core'
import type { ToolContext } from './definitions.js'
import { InputRequired, mrtrAsker, type MRTRRound } from './modern/mrtr.js'
import { ErrorCode, JSONRPCError } from './rpc-error.js'
import type { RequestScope } from './scope.js'
import { notification, type ServerState } from './state.js'

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
  round?: MRTRRound,
): Promise<CallToolResult> {
  const { session, notifications } = scope
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
      if (!scope.logs(level)) return
      const params: Record<string, unknown> = { level, data }
      if (logger !== undefined) params.logger = logger
      notifications.send(notification('notifications/message', params))
    },
    request: round === undefined ? scope.ask : mrtrAsker(round),
    inputResponses: round?.inputResponses,
    requestState: round?.toolState,
    inputRequired: (result) => {
      if (round === undefined) {
        throw new Error(
          'input_required results exist in protocol 2026-07-28 only; use ctx.request on this server',
        )
      }
      throw new InputRequired(result)
    },
  }
  try {
    const result = await tool.run(rawArgs, ctx)
    return typeof result === 'string'
      ? { content: [{ type: 'text', text: result }] }
      : result
  } catch (error) {
    if (error instanceof JSONRPCError || error instanceof InputRequired)
      throw error
    const text = error instanceof Error ? error.message : String(error)
    return { content: [{ type: 'text', text }], isError: true }
  }
}
