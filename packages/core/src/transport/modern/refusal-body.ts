import { MCPError } from '../../errors'
import {
  asJSONRPCMessage,
  type JSONRPCErrorObject,
  type RequestId,
} from '../../jsonrpc'
import { MODERN_PROTOCOL_VERSIONS } from '../../modern/revision'

/** The JSON-RPC error an HTTP refusal carries for request `id`, if it carries one. */
export function errorFor(
  text: string,
  id: RequestId,
): JSONRPCErrorObject | null {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return null
  }
  const message = asJSONRPCMessage(parsed)
  if (!message || !('error' in message)) return null
  // A modern server names the request; a legacy one refusing a session-less POST names none.
  return message.id === id ? message.error : null
}

/** The newest revision of this era that both sides speak, from an UnsupportedProtocolVersion error. */
export function commonVersion(data: unknown): string | null {
  const supported = (data as { supported?: unknown } | undefined)?.supported
  if (!Array.isArray(supported)) return null
  return (
    MODERN_PROTOCOL_VERSIONS.find((version) => supported.includes(version)) ??
    null
  )
}

/**
 * A server that refuses a 2025-era request with one of 2026-07-28's errors speaks only the
 * stateless revision: no other transport will do better, so detection stops here.
 */
export function modernOnlyError(
  method: string,
  error: JSONRPCErrorObject,
): MCPError {
  const supported = (error.data as { supported?: unknown } | undefined)
    ?.supported
  const versions = Array.isArray(supported)
    ? supported.join(', ')
    : '2026-07-28'
  return new MCPError(
    'rpc',
    `The server refused ${method} with a protocol 2026-07-28 error (${error.message}, JSON-RPC ${error.code}): it speaks ${versions} only. ` +
      `Remove the protocolVersion pin (or pin 2026-07-28) to reach it.`,
    { rpcCode: error.code, data: error.data },
  )
}
