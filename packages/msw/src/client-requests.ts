import type { JSONRPCRequest, JSONRPCResponse, RequestId } from '@mcp-sse/core'
import type { Outlet } from './outlet.js'
import type { Session } from './session.js'
import type { ServerState } from './state.js'

/** A request the server sent to the client, waiting for the client's POSTed answer. */
export interface PendingClientRequest {
  resolve: (result: Record<string, unknown>) => void
  reject: (error: Error) => void
}

/**
 * Sends a request to the client through `outlet` and resolves with the client's answer. The
 * server picks the id (`server-N`, unique across sessions), so an answer is routed by its id
 * alone: a stateless server has no session to route by.
 */
export function requestClient(
  state: ServerState,
  session: Session,
  outlet: Outlet,
  method: string,
  params?: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const id: RequestId = `server-${++state.nextRequestId}`
  const message: JSONRPCRequest =
    params === undefined
      ? { jsonrpc: '2.0', id, method }
      : { jsonrpc: '2.0', id, method, params }
  return new Promise((resolve, reject) => {
    if (!session.isOpen) {
      reject(new Error(`session ${session.id} is closed`))
      return
    }
    const forget = session.onClose(() => {
      state.clientRequests.delete(id)
      reject(
        new Error(`session ${session.id} closed before the client answered`),
      )
    })
    state.clientRequests.set(id, {
      resolve: (result) => {
        forget()
        resolve(result)
      },
      reject: (error) => {
        forget()
        reject(error)
      },
    })
    if (!outlet.send(message)) {
      state.clientRequests.delete(id)
      forget()
      reject(
        new Error(
          `No open stream to send ${method} on: the client has no stream open to this server`,
        ),
      )
    }
  })
}

/** Settles a server-to-client request. Returns false when no request had that id. */
export function settleClientRequest(
  state: ServerState,
  response: JSONRPCResponse,
): boolean {
  if (response.id === null) return false
  const pending = state.clientRequests.get(response.id)
  if (pending === undefined) return false
  state.clientRequests.delete(response.id)
  if ('result' in response) pending.resolve(response.result)
  else
    pending.reject(
      new Error(`${response.error.code}: ${response.error.message}`),
    )
  return true
}
