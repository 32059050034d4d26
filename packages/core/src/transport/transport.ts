import type { MCPError } from '../errors'
import type { JSONRPCMessage } from '../jsonrpc'

/** Where a message came from: the event stream, or the HTTP body answering a POST. */
export type MessageSource = 'stream' | 'post-body'

export interface TransportEvents {
  onMessage(message: JSONRPCMessage, via: MessageSource): void
  /** The transport died (stream ended, went silent, failed). Not called after `close()`. */
  onClose(error: MCPError): void
  /** The session id or POST endpoint changed after `start()` resolved. */
  onSessionChange(): void
}

/**
 * Carries JSON-RPC messages between the client and one server session. The session layer and the
 * MCP client only see this interface, so other transports (Streamable HTTP) can slot in beside SSE.
 */
export interface Transport {
  readonly sessionId: string | null
  /** Where messages are sent, once known. */
  readonly endpoint: string | null
  /** Resolves once messages can be sent; rejects with an `MCPError` saying why not. */
  start(): Promise<void>
  /** Resolves once the server accepted the message; answers arrive through `onMessage`. */
  send(message: JSONRPCMessage): Promise<void>
  /** Idempotent; stops everything without calling `onClose`. */
  close(): void
}
