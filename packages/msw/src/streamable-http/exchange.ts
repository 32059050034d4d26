import type { JSONRPCMessage, JSONRPCRequest } from '@mcp-sse/core'
import type { ReceivedMessage } from '../state.js'
import type { Session } from '../session.js'

/** One POST that carries at least one request, checked and ready to answer. */
export interface Exchange {
  request: Request
  session: Session
  messages: JSONRPCMessage[]
  /** Whether the body was a JSON-RPC batch (2025-03-26 allows them). */
  batch: boolean
  /** The `initialize` request, when this POST is one. */
  initialize: JSONRPCRequest | undefined
  /** What `received` records alongside each message. */
  entry: Omit<ReceivedMessage, 'message'>
  /** CORS and `Mcp-Session-Id` headers for the answer. */
  headers: Record<string, string>
}

export function isRequest(message: JSONRPCMessage): message is JSONRPCRequest {
  return 'method' in message && 'id' in message
}

/** Resolves when the client goes away or the session ends, whichever comes first. */
export function untilGone(
  signal: AbortSignal,
  session: Session,
): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done)
      forget()
      resolve()
    }
    const forget = session.onClose(done)
    if (signal.aborted) done()
    else signal.addEventListener('abort', done, { once: true })
  })
}
