import { MCPError } from './errors'
import {
  JSONRPC_INTERNAL_ERROR,
  JSONRPC_METHOD_NOT_FOUND,
  type JSONRPCNotification,
  type JSONRPCRequest,
  type JSONRPCResponse,
  type RequestId,
} from './jsonrpc'
import {
  wantsElicitationDefaults,
  withElicitationDefaults,
} from './elicitation-defaults'
import type { ClientCapabilities } from './protocol'

export type NotificationListener = (
  params: Record<string, unknown> | undefined,
  message: JSONRPCNotification,
) => void

export interface RequestHandlerExtra {
  /** Aborted when the server cancels the request (`notifications/cancelled`) or the client closes. */
  signal: AbortSignal
  requestId: RequestId
}

export type RequestHandler = (
  params: Record<string, unknown> | undefined,
  extra: RequestHandlerExtra,
) => unknown

/** Routes what the server sends unasked: notifications to listeners, requests to handlers. */
export class InboundRouter {
  /** Set from the capabilities the client announced (SEP-1034). */
  applyElicitationDefaults = false
  readonly #listeners = new Map<string, Set<NotificationListener>>()
  readonly #handlers = new Map<string, RequestHandler>()
  readonly #running = new Map<RequestId, AbortController>()
  readonly #watchers = new Set<() => void>()

  onNotification(method: string, listener: NotificationListener): () => void {
    let set = this.#listeners.get(method)
    if (!set) {
      set = new Set()
      this.#listeners.set(method, set)
    }
    set.add(listener)
    this.#changed()
    return () => {
      if (set.delete(listener)) this.#changed()
    }
  }

  /** Whether anyone listens for `method` (`'*'` listeners count for every method). */
  isListened(method: string): boolean {
    return (
      (this.#listeners.get(method)?.size ?? 0) > 0 ||
      (this.#listeners.get('*')?.size ?? 0) > 0
    )
  }

  /**
   * Called when a notification listener comes or goes: protocol 2026-07-28 asks the server only
   * for the notifications somebody listens for.
   */
  onListenersChange(watcher: () => void): () => void {
    this.#watchers.add(watcher)
    return () => {
      this.#watchers.delete(watcher)
    }
  }

  #changed(): void {
    for (const watcher of [...this.#watchers]) watcher()
  }

  setRequestHandler(method: string, handler: RequestHandler): () => void {
    if (method === 'ping') {
      throw new MCPError(
        'invalid-options',
        'ping is answered by the client itself; it needs no handler.',
      )
    }
    this.#handlers.set(method, handler)
    return () => {
      if (this.#handlers.get(method) === handler) this.#handlers.delete(method)
    }
  }

  /** `base` plus the capabilities that the registered handlers provide. */
  announce(base: ClientCapabilities): ClientCapabilities {
    const capabilities: ClientCapabilities = { ...base }
    if (this.#handlers.has('roots/list'))
      capabilities.roots ??= { listChanged: true }
    if (this.#handlers.has('sampling/createMessage'))
      capabilities.sampling ??= {}
    if (this.#handlers.has('elicitation/create'))
      capabilities.elicitation ??= {}
    this.applyElicitationDefaults = wantsElicitationDefaults(capabilities)
    return capabilities
  }

  dispatchNotification(message: JSONRPCNotification): void {
    if (message.method === 'notifications/cancelled') {
      const id = message.params?.requestId
      if (typeof id === 'string' || typeof id === 'number')
        this.#running.get(id)?.abort(message.params?.reason)
    }
    for (const key of [message.method, '*']) {
      const set = this.#listeners.get(key)
      if (!set) continue
      for (const listener of [...set]) {
        try {
          listener(message.params, message)
        } catch (error) {
          queueMicrotask(() => {
            throw error
          })
        }
      }
    }
  }

  /** Runs the handler for a server request and builds the response to send back. */
  async handleRequest(
    message: JSONRPCRequest,
    signal?: AbortSignal,
  ): Promise<JSONRPCResponse | null> {
    if (message.method === 'ping')
      return { jsonrpc: '2.0', id: message.id, result: {} }
    const handler = this.#handlers.get(message.method)
    if (!handler) {
      return {
        jsonrpc: '2.0',
        id: message.id,
        error: {
          code: JSONRPC_METHOD_NOT_FOUND,
          message: `Method not found: ${message.method}`,
        },
      }
    }
    const controller = new AbortController()
    // A multi round-trip request's input is gathered for a caller who may give up.
    signal?.addEventListener('abort', () => controller.abort(signal.reason), {
      once: true,
    })
    this.#running.set(message.id, controller)
    try {
      const answer = await handler(message.params, {
        signal: controller.signal,
        requestId: message.id,
      })
      const result =
        this.applyElicitationDefaults && message.method === 'elicitation/create'
          ? withElicitationDefaults(message.params, answer)
          : answer
      if (controller.signal.aborted) return null
      return {
        jsonrpc: '2.0',
        id: message.id,
        result: (result ?? {}) as Record<string, unknown>,
      }
    } catch (error) {
      if (controller.signal.aborted) return null
      const rpc =
        error instanceof MCPError && error.rpcCode !== undefined
          ? error.rpcCode
          : JSONRPC_INTERNAL_ERROR
      return {
        jsonrpc: '2.0',
        id: message.id,
        error: {
          code: rpc,
          message: error instanceof Error ? error.message : String(error),
        },
      }
    } finally {
      this.#running.delete(message.id)
    }
  }

  /** Aborts every handler still running (the client closed). */
  abortAll(): void {
    for (const controller of this.#running.values()) controller.abort()
    this.#running.clear()
  }
}
