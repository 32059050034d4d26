/** JSON-RPC error codes the simulated server answers with. */
export const ErrorCode = {
  ParseError: -32700,
  InvalidRequest: -32600,
  MethodNotFound: -32601,
  InvalidParams: -32602,
  InternalError: -32603,
  ResourceNotFound: -32002,
} as const

/**
 * Throw it from a tool, prompt, resource reader or `complete` to answer with a JSON-RPC error
 * instead of a result.
 *
 * @example
 * ```ts
 * run: () => { throw new JSONRPCError(-32603, 'database is down') }
 * ```
 */
export class JSONRPCError extends Error {
  readonly code: number
  readonly data: unknown

  constructor(code: number, message: string, data?: unknown) {
    super(message)
    this.name = 'JSONRPCError'
    this.code = code
    this.data = data
  }
}
