import { MCPError } from './errors'
import type { NotificationListener, RequestHandler } from './inbound'
import {
  isRequest,
  type JSONRPCMessage,
  type JSONRPCNotification,
  type JSONRPCRequest,
  type JSONRPCResponse,
} from './jsonrpc'
import { ConnectionLifecycle } from './lifecycle'
import { MRTR_METHODS, isModernVersion } from './modern/revision'
import { exchange } from './mrtr'
import type { RequestOptions } from './options'
import { refusalFor } from './refusal'
import type { WireListener } from './wire'

/**
 * A connection that sends: requests (id-correlated promises), notifications and raw messages once
 * the session is ready, and listens for what the server sends. The lifecycle is `ConnectionLifecycle`.
 */
export class MCPConnection extends ConnectionLifecycle {
  /** Every wire-level event, for inspectors and debugging; returns unsubscribe. */
  onWire(listener: WireListener): () => void {
    return this.wire.listen(listener)
  }

  /** Listens for a server notification (`'*'` for all); returns unsubscribe. */
  onNotification(method: string, listener: NotificationListener): () => void {
    return this.inbound.onNotification(method, listener)
  }

  /**
   * Answers a server-to-client request (`roots/list`, `sampling/createMessage`,
   * `elicitation/create`, …); returns unsubscribe. Registering before `connect()` announces the
   * matching capability in `initialize`.
   */
  setRequestHandler(method: string, handler: RequestHandler): () => void {
    return this.inbound.setRequestHandler(method, handler)
  }

  // ——— sending ———

  /**
   * Sends a request once the session is ready; resolves with its result. A request the server
   * answers `input_required` (2026-07-28) is completed through the registered handlers first.
   */
  request<T = Record<string, unknown>>(
    method: string,
    params?: Record<string, unknown>,
    options: RequestOptions = {},
  ): Promise<T> {
    const refusal = this.#refusal(method)
    if (refusal) return Promise.reject(refusal)
    if (!MRTR_METHODS.has(method))
      return this.tracker.request(method, params, options) as Promise<T>
    return exchange(method, params, options, {
      round: (roundParams, roundOptions) =>
        this.tracker.request(method, roundParams, roundOptions),
      inbound: this.inbound,
      wire: this.wire,
      timeout: this.resolved.requestTimeout,
    }) as Promise<T>
  }

  /** Sends a notification once the session is ready. */
  async notify(
    method: string,
    params?: Record<string, unknown>,
  ): Promise<void> {
    const message: JSONRPCNotification = { jsonrpc: '2.0', method }
    if (params !== undefined) message.params = params
    await this.#sendWhenReady(message)
  }

  /**
   * Sends a raw JSON-RPC message. For a request (it has an `id`), resolves with the server's whole
   * response, error responses included; otherwise resolves once the server accepted it.
   */
  sendMessage(
    message: JSONRPCRequest,
    options?: RequestOptions,
  ): Promise<JSONRPCResponse>
  sendMessage(
    message: JSONRPCNotification | JSONRPCResponse,
  ): Promise<undefined>
  sendMessage(
    message: JSONRPCMessage,
    options?: RequestOptions,
  ): Promise<JSONRPCResponse | undefined> {
    if (
      typeof message !== 'object' ||
      message === null ||
      message.jsonrpc !== '2.0'
    ) {
      return Promise.reject(
        new MCPError(
          'invalid-options',
          "sendMessage needs a JSON-RPC 2.0 message: { jsonrpc: '2.0', … }.",
        ),
      )
    }
    if (isRequest(message)) {
      const refusal = this.#refusal(message.method)
      if (refusal) return Promise.reject(refusal)
      return this.tracker.requestRaw(message, options)
    }
    return this.#sendWhenReady(message).then(() => undefined)
  }

  // ——— internals ———

  #refusal(method: string): MCPError | null {
    return refusalFor(this.getSnapshot(), method)
  }

  /**
   * Whether the connection speaks protocol 2026-07-28, once it is ready: what sessions kept on
   * the server (subscriptions, the log level) the client keeps there.
   */
  protected async isStateless(method: string): Promise<boolean> {
    const refusal = this.#refusal(method)
    if (refusal) throw refusal
    if (this.getSnapshot().status !== 'ready') await this.ready.wait()
    return isModernVersion(this.getSnapshot().protocolVersion)
  }

  async #sendWhenReady(message: JSONRPCMessage): Promise<void> {
    const method = 'method' in message ? message.method : 'a response'
    const refusal = this.#refusal(method)
    if (refusal) throw refusal
    if (this.getSnapshot().status !== 'ready') await this.ready.wait()
    await this.sendNow(message)
  }
}
