import type { ClientCapabilities, JSONRPCRequest } from '@mcp-sse/core'
import { capabilities, dispatch, type Dispatcher } from '../methods.js'
import { ErrorCode, JSONRPCError } from '../rpc-error.js'
import { callTool } from '../tool-call.js'
import { modernVersions } from '../versions.js'
import { InputRequired, inputRequiredResult, readRound } from './mrtr.js'
import { decorate } from './results.js'

/** Methods of the 2025 era that protocol 2026-07-28 removed. */
const REMOVED = new Set([
  'initialize',
  'ping',
  'logging/setLevel',
  'resources/subscribe',
  'resources/unsubscribe',
])

/**
 * Answers a 2026-07-28 request: `server/discover`, the 2025 methods that remain (decorated with
 * `resultType`, server identity and cache hints), and `tools/call` as multi round-trip requests.
 */
export function modernDispatcher(
  declared: ClientCapabilities | undefined,
): Dispatcher {
  return async (state, scope, request: JSONRPCRequest, signal) => {
    const { method, params } = request
    if (REMOVED.has(method)) {
      throw new JSONRPCError(
        ErrorCode.MethodNotFound,
        `Method not found: ${method} is not part of protocol 2026-07-28`,
      )
    }
    const round = readRound(state, request, declared)
    if (method === 'server/discover') {
      const result: Record<string, unknown> = {
        supportedVersions: [...modernVersions(state.options)],
        capabilities: capabilities(state),
      }
      if (state.options.instructions !== undefined)
        result.instructions = state.options.instructions
      return decorate(state, method, result, params)
    }
    if (method === 'tools/call') {
      try {
        const result = await callTool(state, scope, request, signal, round)
        return decorate(state, method, { ...result }, params)
      } catch (error) {
        if (!(error instanceof InputRequired)) throw error
        return inputRequiredResult(state, request, round, error)
      }
    }
    try {
      return decorate(
        state,
        method,
        await dispatch(state, scope, request, signal),
        params,
      )
    } catch (error) {
      // -32002 was the 2025 era's "resource not found"; 2026-07-28 says -32602.
      if (
        error instanceof JSONRPCError &&
        error.code === ErrorCode.ResourceNotFound
      )
        throw new JSONRPCError(
          ErrorCode.InvalidParams,
          error.message,
          error.data,
        )
      throw error
    }
  }
}
