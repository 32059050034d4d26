import type {
  CompleteParams,
  JSONRPCNotification,
  JSONRPCRequest,
  ServerCapabilities,
} from '@mcp-sse/core'
import { listed, paginate } from './paginate.js'
import { readResource } from './resources.js'
import { ErrorCode, JSONRPCError } from './rpc-error.js'
import type { RequestScope } from './scope.js'
import type { Session } from './session.js'
import type { ServerState } from './state.js'
import { isLoggingLevel } from './scope.js'
import { callTool } from './tool-call.js'
import { legacyVersions, negotiate } from './versions.js'

type Result = Record<string, unknown>

function stringParam(request: JSONRPCRequest, key: string): string {
  const value = request.params?.[key]
  if (typeof value !== 'string') {
    throw new JSONRPCError(
      ErrorCode.InvalidParams,
      `params.${key} must be a string`,
    )
  }
  return value
}

export function capabilities(state: ServerState): ServerCapabilities {
  if (state.options.capabilities !== undefined)
    return state.options.capabilities
  const caps: ServerCapabilities = {
    tools: { listChanged: true },
    resources: { subscribe: true, listChanged: true },
    prompts: { listChanged: true },
    logging: {},
  }
  if (state.options.complete !== undefined) caps.completions = {}
  return caps
}

function initialize(
  state: ServerState,
  session: Session,
  request: JSONRPCRequest,
): Result {
  const versions = legacyVersions(state.options)
  const protocolVersion = negotiate(versions, request.params?.protocolVersion)
  session.protocolVersion = protocolVersion
  const result: Result = {
    protocolVersion,
    capabilities: capabilities(state),
    serverInfo: state.options.serverInfo ?? {
      name: 'mock-mcp-server',
      version: '1.0.0',
    },
  }
  if (state.options.instructions !== undefined) {
    result.instructions = state.options.instructions
  }
  return result
}

const TOOL_FIELDS_NOT_LISTED = ['run']
const RESOURCE_FIELDS_NOT_LISTED = ['text', 'blob', 'read']

async function complete(
  state: ServerState,
  request: JSONRPCRequest,
): Promise<Result> {
  const { complete: completer } = state.options
  if (completer === undefined) {
    throw new JSONRPCError(
      ErrorCode.MethodNotFound,
      'Method not found: completion/complete',
    )
  }
  const params = request.params
  const argument = params?.argument
  if (
    typeof argument !== 'object' ||
    argument === null ||
    typeof params?.ref !== 'object'
  ) {
    throw new JSONRPCError(
      ErrorCode.InvalidParams,
      'params.ref and params.argument are required',
    )
  }
  // The shape was checked above as far as a test double needs to.
  const answer = await completer(params as unknown as CompleteParams)
  const completion = Array.isArray(answer)
    ? { values: answer, total: answer.length, hasMore: false }
    : answer
  return { completion }
}

async function getPrompt(
  state: ServerState,
  request: JSONRPCRequest,
): Promise<Result> {
  const name = stringParam(request, 'name')
  const prompt = state.prompts.find((p) => p.name === name)
  if (prompt === undefined) {
    throw new JSONRPCError(ErrorCode.InvalidParams, `Unknown prompt: ${name}`)
  }
  const raw = request.params?.arguments ?? {}
  const args: Record<string, string> = {}
  if (typeof raw === 'object' && raw !== null) {
    for (const [key, value] of Object.entries(raw)) args[key] = String(value)
  }
  const missing = (prompt.arguments ?? []).filter(
    (a) => a.required && !(a.name in args),
  )
  if (missing.length > 0) {
    throw new JSONRPCError(
      ErrorCode.InvalidParams,
      `Missing required arguments for prompt ${name}: ${missing.map((a) => a.name).join(', ')}`,
    )
  }
  return { ...(await prompt.get(args)) }
}

/** Answers one client request; an era may bring its own (see `modern/dispatch.ts`). */
export type Dispatcher = (
  state: ServerState,
  scope: RequestScope,
  request: JSONRPCRequest,
  signal: AbortSignal,
) => Promise<Result>

/** Answers one client request. Throws `JSONRPCError` for protocol errors. */
export async function dispatch(
  state: ServerState,
  scope: RequestScope,
  request: JSONRPCRequest,
  signal: AbortSignal,
): Promise<Result> {
  const { session } = scope
  const { pageSize } = state.options
  switch (request.method) {
    case 'initialize':
      return initialize(state, session, request)
    case 'ping':
      return {}
    case 'tools/list': {
      const { page, nextCursor } = paginate(
        state.tools,
        request.params?.cursor,
        pageSize,
      )
      const tools = page.map((tool) => ({
        inputSchema: { type: 'object' },
        ...listed(tool, TOOL_FIELDS_NOT_LISTED),
      }))
      return nextCursor === undefined ? { tools } : { tools, nextCursor }
    }
    case 'tools/call':
      return { ...(await callTool(state, scope, request, signal)) }
    case 'resources/list': {
      const { page, nextCursor } = paginate(
        state.resources,
        request.params?.cursor,
        pageSize,
      )
      const resources = page.map((r) => listed(r, RESOURCE_FIELDS_NOT_LISTED))
      return nextCursor === undefined
        ? { resources }
        : { resources, nextCursor }
    }
    case 'resources/templates/list': {
      const { page, nextCursor } = paginate(
        state.resourceTemplates,
        request.params?.cursor,
        pageSize,
      )
      const resourceTemplates = page.map((t) =>
        listed(t, RESOURCE_FIELDS_NOT_LISTED),
      )
      return nextCursor === undefined
        ? { resourceTemplates }
        : { resourceTemplates, nextCursor }
    }
    case 'resources/read': {
      const uri = stringParam(request, 'uri')
      return {
        contents: await readResource(
          state.resources,
          state.resourceTemplates,
          uri,
        ),
      }
    }
    case 'resources/subscribe':
      session.subscriptions.add(stringParam(request, 'uri'))
      return {}
    case 'resources/unsubscribe':
      session.subscriptions.delete(stringParam(request, 'uri'))
      return {}
    case 'prompts/list': {
      const { page, nextCursor } = paginate(
        state.prompts,
        request.params?.cursor,
        pageSize,
      )
      const prompts = page.map((p) => listed(p, []))
      return nextCursor === undefined ? { prompts } : { prompts, nextCursor }
    }
    case 'prompts/get':
      return getPrompt(state, request)
    case 'completion/complete':
      return complete(state, request)
    case 'logging/setLevel': {
      const level = request.params?.level
      if (!isLoggingLevel(level)) {
        throw new JSONRPCError(
          ErrorCode.InvalidParams,
          `Unknown logging level: ${String(level)}`,
        )
      }
      session.logLevel = level
      return {}
    }
    default:
      throw new JSONRPCError(
        ErrorCode.MethodNotFound,
        `Method not found: ${request.method}`,
      )
  }
}

/** Acts on a client notification; unknown ones are ignored, as the protocol asks. */
export function onNotification(
  session: Session,
  message: JSONRPCNotification,
): void {
  if (message.method !== 'notifications/cancelled') return
  const requestId = message.params?.requestId
  if (typeof requestId !== 'string' && typeof requestId !== 'number') return
  session.inFlight.get(requestId)?.abort(message.params?.reason)
}
