import { asJSONRPCMessage, type JSONRPCMessage } from '../jsonrpc'

export type FrameReading =
  { ok: true; messages: JSONRPCMessage[] } | { ok: false; reason: string }

/** Parses one frame's data as a JSON-RPC message or a batch of them. */
export function readMessages(data: string): FrameReading {
  let value: unknown
  try {
    value = JSON.parse(data)
  } catch (error) {
    return {
      ok: false,
      reason: `not JSON (${error instanceof Error ? error.message : String(error)})`,
    }
  }
  const items = Array.isArray(value) ? value : [value]
  const messages: JSONRPCMessage[] = []
  for (const item of items) {
    const message = asJSONRPCMessage(item)
    if (!message)
      return { ok: false, reason: 'JSON, but not a JSON-RPC 2.0 message' }
    messages.push(message)
  }
  if (messages.length === 0) return { ok: false, reason: 'an empty batch' }
  return { ok: true, messages }
}

/** A session id delivered inside a server message (`params.sessionId`), as some servers do. */
export function sessionIdFromMessage(message: JSONRPCMessage): string | null {
  if (!('method' in message)) return null
  const id = message.params?.sessionId ?? message.params?.session_id
  return typeof id === 'string' && id !== '' ? id : null
}
