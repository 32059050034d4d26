import { MCPError } from './errors'

/** A request its caller's signal aborted. */
export function abortError(method: string, reason: unknown): MCPError {
  return new MCPError('aborted', `${method} was aborted by its signal.`, {
    cause: reason,
  })
}

/** A JSON-RPC error answer, with a hint for the codes that have an obvious fix. */
export function rpcError(
  method: string,
  error: { code: number; message: string; data?: unknown },
): MCPError {
  const hint =
    error.code === -32601
      ? ` The server does not implement ${method}.`
      : error.code === -32602
        ? ' Check the arguments against the schema the server publishes.'
        : ''
  return new MCPError(
    'rpc',
    `${method} failed: ${error.message} (JSON-RPC error ${error.code}).${hint}`,
    {
      rpcCode: error.code,
      data: error.data,
    },
  )
}
