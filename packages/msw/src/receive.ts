import type { JSONRPCMessage, JSONRPCResponse, RequestId } from '@mcp-sse/core'
import { settleClientRequest } from './client-requests.js'
import { dispatch, onNotification, type Dispatcher } from './methods.js'
import { ErrorCode, JSONRPCError } from './rpc-error.js'
import type { RequestScope } from './scope.js'
import { record, type ReceivedMessage, type ServerState } from './state.js'

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

/** Waits `ms`, or less when `signal` aborts first, leaving no timer behind. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve()
      return
    }
    const done = () => {
      clearTimeout(timer)
      signal?.removeEventListener('abort', done)
      resolve()
    }
    const timer = setTimeout(done, ms)
    signal?.addEventListener('abort', done, { once: true })
  })
}

/** What became of a request the server took in (besides an answer). */
export const SWALLOWED = 'swallowed'

/**
 * Takes in one POSTed message and works out the answer, if it gets one. `undefined` means no
 * answer is due: a notification, a response to the server's own request, or a request the
 * client cancelled. {@link SWALLOWED}: a request the test told the server never to answer.
 */
export async function receive(
  state: ServerState,
  scope: RequestScope,
  message: JSONRPCMessage,
  entry: Omit<ReceivedMessage, 'message'>,
  handler: Dispatcher = dispatch,
): Promise<JSONRPCResponse | typeof SWALLOWED | undefined> {
  record(state.received, state.receivedListeners, { ...entry, message })
  const { session } = scope

  if (!('method' in message)) {
    settleClientRequest(state, message)
    return undefined
  }
  if (!('id' in message)) {
    onNotification(session, message)
    return undefined
  }
  if (state.neverAnswer?.(message) === true) return SWALLOWED

  const abort = new AbortController()
  session.inFlight.set(message.id, abort)
  let response: JSONRPCResponse
  try {
    const result = await handler(state, scope, message, abort.signal)
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
  }
  if (state.delayMs > 0) await sleep(state.delayMs, abort.signal)
  if (session.inFlight.get(message.id) === abort)
    session.inFlight.delete(message.id)
  // A cancelled request gets no answer, as the protocol asks.
  return abort.signal.aborted ? undefined : response
}
