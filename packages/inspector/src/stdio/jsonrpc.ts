/** The shapes of JSON-RPC 2.0 the stdio bridge tells apart; it reads no further into them. */
export type JsonRpcId = string | number

export interface JsonRpcMessage {
  jsonrpc: '2.0'
  id?: JsonRpcId | null
  method?: string
  params?: unknown
  result?: unknown
  error?: unknown
}

export function parseMessage(value: unknown): JsonRpcMessage | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return null
  const message = value as Record<string, unknown>
  if (message.jsonrpc !== '2.0') return null
  const id = message.id
  if (
    id !== undefined &&
    id !== null &&
    typeof id !== 'string' &&
    typeof id !== 'number'
  )
    return null
  if (message.method !== undefined && typeof message.method !== 'string')
    return null
  return message as unknown as JsonRpcMessage
}

export function isRequest(
  message: JsonRpcMessage,
): message is JsonRpcMessage & { id: JsonRpcId; method: string } {
  return (
    message.method !== undefined &&
    message.id !== undefined &&
    message.id !== null
  )
}

export function isResponse(message: JsonRpcMessage): boolean {
  return (
    message.method === undefined && ('result' in message || 'error' in message)
  )
}

/** Map key of an id: 1 and "1" are different ids. */
export function idKey(id: JsonRpcId): string {
  return JSON.stringify(id)
}

/** The progress token a request asked for, if any (`params._meta.progressToken`). */
export function progressTokenOf(
  message: JsonRpcMessage,
): JsonRpcId | undefined {
  const params = message.params
  if (typeof params !== 'object' || params === null) return undefined
  const meta = (params as { _meta?: unknown })._meta
  if (typeof meta !== 'object' || meta === null) return undefined
  const token = (meta as { progressToken?: unknown }).progressToken
  return typeof token === 'string' || typeof token === 'number'
    ? token
    : undefined
}

export function errorAnswer(
  id: JsonRpcId | null,
  message: string,
  code = -32603,
): JsonRpcMessage {
  return { jsonrpc: '2.0', id, error: { code, message } }
}

/** A `notifications/message` log entry, the way the page shows the server's stderr. */
export function logNotification(
  level: 'info' | 'warning' | 'error',
  logger: string,
  data: string,
): JsonRpcMessage {
  return {
    jsonrpc: '2.0',
    method: 'notifications/message',
    params: { level, logger, data },
  }
}
