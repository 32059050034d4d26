import { dispatch, onNotification } from './methods.js'
import { ErrorCode, JSONRPCError } from './rpc-error.js'
import type { Session } from './session.js'
import type { ReceivedMessage, ServerState } from './state.js'
import type { JSONRPCMessage, JSONRPCResponse, RequestId } from './types.js'

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isId(value: unknown): value is RequestId {
  return typeof value === 'string' || typeof value === 'number'
}

/** Narrows a parsed JSON value to a JSON-RPC message, or `undefined`. */
export function asMessage(value: unknown): JSONRPCMessage | undefined {
  if (!isObject(value) || value.jsonrpc !== '2.0') return undefined
  if (value.params !== undefined && !isObject(value.params)) return undefined
  if (typeof value.method === 'string') {
    if (value.id !== undefined && !isId(value.id)) return undefined
    return value as unknown as JSONRPCMessage
  }
  if (('result' in value && isObject(value.result)) || isObject(value.error)) {
    return value as unknown as JSONRPCMessage
  }
  return undefined
}

export function errorResponse(
  id: RequestId | null,
  code: number,
  message: string,
  data?: unknown,
): JSONRPCResponse {
  const error = data === undefined ? { code, message } : { code, message, data }
  return { jsonrpc: '2.0', id, error }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/**
 * Takes in one POSTed message and works out the answer, if it gets one. `undefined` means no
 * answer: a notification, a response to the server's own request, a request the test told the
 * server to swallow, or a request the client cancelled.
 */
export async function receive(
  state: ServerState,
  session: Session,
  message: JSONRPCMessage,
  entry: Omit<ReceivedMessage, 'message'>,
): Promise<JSONRPCResponse | undefined> {
  const record: ReceivedMessage = { ...entry, message }
  state.received.push(record)
  for (const listener of state.receivedListeners) listener(record)

  if (!('method' in message)) {
    session.settle(message)
    return undefined
  }
  if (!('id' in message)) {
    onNotification(session, message)
    return undefined
  }
  if (state.neverAnswer?.(message) === true) return undefined

  const abort = new AbortController()
  session.inFlight.set(message.id, abort)
  let response: JSONRPCResponse
  try {
    const result = await dispatch(state, session, message, abort.signal)
    response = { jsonrpc: '2.0', id: message.id, result }
  } catch (error) {
    response =
      error instanceof JSONRPCError
        ? errorResponse(message.id, error.code, error.message, error.data)
        : errorResponse(
            message.id,
            ErrorCode.InternalError,
            error instanceof Error ? error.message : String(error),
          )
  } finally {
    session.inFlight.delete(message.id)
  }
  if (state.delayMs > 0) await sleep(state.delayMs)
  // A cancelled request gets no answer, as the protocol asks.
  return abort.signal.aborted ? undefined : response
}
