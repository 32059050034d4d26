import type { MCPError } from '../errors'
import type { JSONRPCMessage, RequestId } from '../jsonrpc'
import type { TransportKind } from '../wire'

/** Where a message came from: a long-lived event stream, or the HTTP answer to a POST. */
export type MessageSource = 'stream' | 'post-body'

export interface TransportEvents {
  onMessage(message: JSONRPCMessage, via: MessageSource): void
  /** The transport died (stream ended, went silent, server gone). Not called after `close()`. */
  onClose(error: MCPError): void
  /** The session id or POST endpoint changed after `start()` resolved. */
  onSessionChange(): void
  /**
   * The answer to request `id` can no longer arrive (its answer stream broke and cannot be
   * resumed), while the transport itself lives on.
   */
  onRequestLost(id: RequestId, error: MCPError): void
}

/**
 * Carries JSON-RPC messages between the client and one server session. The session layer and the
 * MCP client see only this interface; HTTP+SSE and Streamable HTTP implement it side by side.
 */
export interface Transport {
  readonly kind: TransportKind
  readonly sessionId: string | null
  /** Where messages are sent, once known. */
  readonly endpoint: string | null
  /** The revision requests go out in, for a transport that negotiates it per request (2026-07-28). */
  readonly negotiatedVersion?: string
  /** Resolves once messages can be sent; rejects with an `MCPError` saying why not. */
  start(): Promise<void>
  /** Resolves once the server accepted the message; answers arrive through `onMessage`. */
  send(message: JSONRPCMessage): Promise<void>
  /**
   * The server answered `initialize`: start listening for what it sends unasked. Resolves once
   * listening (or once it is clear there is nothing to listen on), before `initialized` is sent,
   * so that what the server sends on `initialized` is not missed.
   */
  listen(): Promise<void>
  /** Nobody waits for request `id` any more (cancelled, timed out): stop reading its answer. */
  abandon(id: RequestId): void
  /** Idempotent; stops everything without calling `onClose`. */
  close(): void
  /** Ends the session on the server where the transport has one (best effort), then closes. */
  terminate(): Promise<void>
}
