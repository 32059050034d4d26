import { MCPError } from './errors'

/** A request its caller's signal aborted. */
export function abortError(method: string, reason: unknown): MCPError {
  return new MCPError('aborted', `${method} was aborted by its signal.`, {
    cause: reason,
  })
}

const HINTS: Record<number, (method: string, data: unknown) => string> = {
  [-32601]: (method) => ` The server does not implement ${method}.`,
  [-32602]: () =>
    ' Check the arguments against the schema the server publishes.',
  // Protocol 2026-07-28's own codes.
  [-32020]: () =>
    ' The headers mirrored from the request did not match its body; list the tools again (their schemas may have changed) and retry.',
  [-32021]: (_method, data) => {
    const required = (data as { requiredCapabilities?: unknown } | undefined)
      ?.requiredCapabilities
    const names =
      typeof required === 'object' && required !== null
        ? Object.keys(required).join(', ')
        : 'a capability'
    return ` The server needs the client to declare ${names}: register the matching handler with setRequestHandler (or pass capabilities) before the call.`
  },
}

/** A JSON-RPC error answer, with a hint for the codes that have an obvious fix. */
export function rpcError(
  method: string,
  error: { code: number; message: string; data?: unknown },
): MCPError {
  const hint = HINTS[error.code]?.(method, error.data) ?? ''
  return new MCPError(
    'rpc',
    `${method} failed: ${error.message} (JSON-RPC error ${error.code}).${hint}`,
    {
      rpcCode: error.code,
      data: error.data,
    },
  )
}

/** A request that got no answer within its timeout. */
export function timeoutError(method: string, waitedMs: number): MCPError {
  return new MCPError(
    'timeout',
    `No answer to ${method} after ${waitedMs} ms. The server may be busy or the answer was lost; ` +
      `raise the timeout option for slow operations.`,
  )
}

/** A request in flight when its answer was lost, which is not safe to send again. */
export function notRepeatedError(
  what: string,
  method: string,
  cause: MCPError | null,
): MCPError {
  return new MCPError(
    'connection-lost',
    `${what} while ${method} was in flight; it is not safe to repeat, ` +
      `so it was not re-sent. Check whether it took effect, then call it again.`,
    { cause },
  )
}
