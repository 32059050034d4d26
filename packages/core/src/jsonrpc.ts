/** JSON-RPC 2.0 message shapes as MCP uses them. */

export type RequestId = string | number

export interface JSONRPCRequest {
  jsonrpc: '2.0'
  id: RequestId
  method: string
  params?: Record<string, unknown>
}

export interface JSONRPCNotification {
  jsonrpc: '2.0'
  method: string
  params?: Record<string, unknown>
}

export interface JSONRPCResultResponse {
  jsonrpc: '2.0'
  id: RequestId
  result: Record<string, unknown>
}

export interface JSONRPCErrorObject {
  code: number
  message: string
  data?: unknown
}

export interface JSONRPCErrorResponse {
  jsonrpc: '2.0'
  /** `null` when the server could not read the request's id. */
  id: RequestId | null
  error: JSONRPCErrorObject
}

export type JSONRPCResponse = JSONRPCResultResponse | JSONRPCErrorResponse

export type JSONRPCMessage =
  JSONRPCRequest | JSONRPCNotification | JSONRPCResponse

/** Standard JSON-RPC error codes the client itself sends. */
export const JSONRPC_METHOD_NOT_FOUND = -32601
export const JSONRPC_INVALID_PARAMS = -32602
export const JSONRPC_INTERNAL_ERROR = -32603

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isId(value: unknown): value is RequestId {
  return typeof value === 'string' || typeof value === 'number'
}

/** Narrows an already-parsed JSON value to a JSON-RPC 2.0 message, or returns `null`. */
export function asJSONRPCMessage(value: unknown): JSONRPCMessage | null {
  if (!isObject(value) || value.jsonrpc !== '2.0') return null
  if (value.params !== undefined && !isObject(value.params)) return null
  if (typeof value.method === 'string') {
    if (value.id === undefined) return value as unknown as JSONRPCNotification
    return isId(value.id) ? (value as unknown as JSONRPCRequest) : null
  }
  if ('result' in value) {
    return isId(value.id) && isObject(value.result)
      ? (value as unknown as JSONRPCResultResponse)
      : null
  }
  if (isObject(value.error)) {
    const { code, message } = value.error
    const idOk = value.id === null || isId(value.id)
    return idOk && typeof code === 'number' && typeof message === 'string'
      ? (value as unknown as JSONRPCErrorResponse)
      : null
  }
  return null
}

export function isRequest(message: JSONRPCMessage): message is JSONRPCRequest {
  return 'method' in message && 'id' in message && message.id !== undefined
}

export function isNotification(
  message: JSONRPCMessage,
): message is JSONRPCNotification {
  return 'method' in message && !('id' in message && message.id !== undefined)
}

export function isResponse(
  message: JSONRPCMessage,
): message is JSONRPCResponse {
  return !('method' in message)
}
