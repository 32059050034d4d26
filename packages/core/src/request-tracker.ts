import { MCPError } from './errors'
import type {
  JSONRPCMessage,
  JSONRPCRequest,
  JSONRPCResponse,
  RequestId,
} from './jsonrpc'
import type { RequestOptions } from './options'
import {
  RecentIds,
  buildRequest,
  createPending,
  reissued,
  timeoutAfterProgress,
  type PendingDefaults,
  type PendingRequest,
} from './pending-request'
import { readProgress } from './protocol'
import {
  abortError,
  notRepeatedError,
  rpcError,
  timeoutError,
} from './request-errors'
import type { WireTap } from './wire-tap'

export interface TrackerDeps {
  /** Sends on the current session; rejects with an `MCPError`. */
  send(message: JSONRPCMessage): Promise<void>
  /** A send failed with something other than a plain rejection of this request (e.g. an expired session). */
  onSendError(
    entry: PendingRequest,
    error: MCPError,
  ): 'retry' | 'reject' | 'hold'
  /** Nobody waits for request `id` any more: the transport may stop reading its answer. */
  abandon(id: RequestId): void
  wire: WireTap
  defaults: PendingDefaults
}

export interface TrackOptions extends RequestOptions {
  /** Send now even though the session is not ready (initialize itself). */
  bypassGate?: boolean
  /** Resolve with the whole JSON-RPC response. */
  raw?: boolean
  /** Learns the id the request is sent under (multi round-trip requests link their rounds). */
  onId?: (id: RequestId) => void
}

/**
 * The session layer: gives each request an id, keeps its promise until the answer with that id
 * arrives, and guarantees it settles exactly once — answered, timed out, aborted, or failed.
 */
export class RequestTracker {
  readonly #deps: TrackerDeps
  readonly #pending = new Map<RequestId, PendingRequest>()
  readonly #answered = new RecentIds()
  #nextId = 1
  /** Whether ordinary requests may be sent now (the session is initialized). */
  #open = false

  constructor(deps: TrackerDeps) {
    this.#deps = deps
  }

  /** Tracks a request and sends it once the session is open; resolves with its result. */
  request(
    method: string,
    params: Record<string, unknown> | undefined,
    options: TrackOptions = {},
  ): Promise<Record<string, unknown>> {
    const id = this.#freshId()
    options.onId?.(id)
    const message = buildRequest(
      id,
      method,
      params,
      options.onProgress !== undefined,
    )
    return this.#track(message, options) as Promise<Record<string, unknown>>
  }

  #freshId(): RequestId {
    let id: RequestId = this.#nextId++
    while (this.#pending.has(id)) id = this.#nextId++
    return id
  }

  /** Tracks a request the caller built (its own id); resolves with the whole response. */
  requestRaw(
    message: JSONRPCRequest,
    options: RequestOptions = {},
  ): Promise<JSONRPCResponse> {
    if (this.#pending.has(message.id)) {
      return Promise.reject(
        new MCPError(
          'invalid-options',
          `A request with id ${JSON.stringify(message.id)} is already waiting for its answer; give each request its own id.`,
        ),
      )
    }
    return this.#track(message, {
      ...options,
      raw: true,
    }) as Promise<JSONRPCResponse>
  }

  #track(message: JSONRPCRequest, options: TrackOptions): Promise<unknown> {
    const { signal } = options
    if (signal?.aborted)
      return Promise.reject(abortError(message.method, signal.reason))
    const { defaults } = this.#deps
    return new Promise((resolve, reject) => {
      const onAbort = () => this.#abort(entry, signal?.reason)
      const entry = createPending(message, options, defaults, {
        resolve,
        reject,
        detach: () => signal?.removeEventListener('abort', onAbort),
      })
      signal?.addEventListener('abort', onAbort, { once: true })
      this.#pending.set(entry.id, entry)
      this.#armTimer(entry, entry.timeout)
      if (this.#open || options.bypassGate) this.#transmit(entry)
    })
  }

  /** Opens the gate and sends everything that waited for the session. */
  openGate(): void {
    this.#open = true
    for (const entry of this.#pending.values())
      if (!entry.sent) this.#transmit(entry)
  }

  /**
   * The session is gone. Requests that are safe to repeat wait for the next session; the others
   * cannot know whether the server acted on them, so they fail with `connection-lost`.
   */
  closeGate(cause: MCPError | null): void {
    this.#open = false
    for (const entry of [...this.#pending.values()])
      if (entry.sent) this.#orphan(entry, 'The connection dropped', cause)
  }

  /** Settles every request with `error` (disconnect, fatal failure). */
  rejectAll(error: MCPError): void {
    this.#open = false
    for (const entry of [...this.#pending.values()])
      this.#settleError(entry, error)
  }

  /** Rejects `entry` unless it was answered, settled or sent again since `attempt`. */
  failAttempt(entry: PendingRequest, attempt: number, error: MCPError): void {
    if (entry.attempt === attempt && entry.sent) this.#settleError(entry, error)
  }

  /**
   * The answer to request `id` can no longer arrive. A request safe to repeat is issued again
   * under a new id (its own, for one the caller numbered); any other rejects, since the server
   * may have acted on it.
   */
  lost(id: RequestId, cause: MCPError): void {
    const entry = this.#pending.get(id)
    if (!entry?.sent) return
    this.#orphan(entry, `Its answer was lost (${cause.message})`, cause)
    if (entry.sent || !this.#open) return
    if (!entry.raw) {
      this.#pending.delete(entry.id)
      this.#answered.add(entry.id)
      entry.id = this.#freshId()
      entry.message = reissued(entry.message, entry.id)
      this.#pending.set(entry.id, entry)
    }
    this.#transmit(entry)
  }

  /**
   * `entry` was sent but its answer cannot come: a request safe to repeat waits to be sent again;
   * any other rejects, since the server may have acted on it.
   */
  #orphan(entry: PendingRequest, what: string, cause: MCPError | null): void {
    if (entry.repeatable) {
      entry.sent = false
      return
    }
    this.#settleError(
      entry,
      notRepeatedError(what, entry.message.method, cause),
    )
  }

  /** Routes a response to its request; false when nobody waits for it. */
  handleResponse(message: JSONRPCResponse): boolean {
    const entry =
      message.id === null ? undefined : this.#pending.get(message.id)
    if (!entry) {
      if (this.#deps.wire.active) {
        const duplicate = message.id !== null && this.#answered.has(message.id)
        this.#deps.wire.emit({
          type: 'unmatched-response',
          message,
          reason: duplicate ? 'duplicate' : 'unknown-id',
        })
      }
      return false
    }
    this.#finish(entry)
    if (entry.raw) entry.resolve(message)
    else if ('error' in message)
      entry.reject(rpcError(entry.message.method, message.error))
    else entry.resolve(message.result)
    return true
  }

  /** Hands `notifications/progress` to the request that asked for it. */
  handleProgress(params: Record<string, unknown> | undefined): void {
    const token = params?.progressToken
    if (typeof token !== 'string' && typeof token !== 'number') return
    const entry = this.#pending.get(token)
    if (!entry?.onProgress || typeof params?.progress !== 'number') return
    if (entry.resetTimeoutOnProgress)
      this.#armTimer(entry, timeoutAfterProgress(entry))
    const progress = readProgress(params, params.progress)
    try {
      entry.onProgress(progress)
    } catch (error) {
      queueMicrotask(() => {
        throw error
      })
    }
  }

  #transmit(entry: PendingRequest): void {
    entry.sent = true
    const attempt = ++entry.attempt
    this.#deps.send(entry.message).catch((error: MCPError) => {
      if (this.#pending.get(entry.id) !== entry || entry.attempt !== attempt)
        return
      const decision = this.#deps.onSendError(entry, error)
      if (decision === 'hold') return
      if (decision === 'retry') {
        entry.sent = false
        if (this.#open) this.#transmit(entry)
        return
      }
      this.#settleError(entry, error)
    })
  }

  #armTimer(entry: PendingRequest, ms: number): void {
    clearTimeout(entry.timer)
    if (!Number.isFinite(ms)) return
    entry.timer = setTimeout(
      () => {
        const waited = Date.now() - entry.startedAt
        this.#cancelOnServer(entry, `timed out after ${waited} ms`)
        this.#settleError(entry, timeoutError(entry.message.method, waited))
      },
      Math.max(0, ms),
    )
  }

  #abort(entry: PendingRequest, reason: unknown): void {
    if (this.#pending.get(entry.id) !== entry) return
    this.#cancelOnServer(entry, 'aborted by the client')
    this.#settleError(entry, abortError(entry.message.method, reason))
  }

  /** Tells the server to stop working on a request we no longer wait for (never for initialize). */
  #cancelOnServer(entry: PendingRequest, reason: string): void {
    if (!entry.sent || entry.message.method === 'initialize') return
    this.#deps
      .send({
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: { requestId: entry.id, reason },
      })
      .catch(() => {
        // Best effort: the request is settled either way.
      })
  }

  #finish(entry: PendingRequest): void {
    clearTimeout(entry.timer)
    entry.detach()
    this.#pending.delete(entry.id)
    this.#answered.add(entry.id)
  }

  #settleError(entry: PendingRequest, error: MCPError): void {
    if (this.#pending.get(entry.id) !== entry) return
    this.#finish(entry)
    if (entry.sent) this.#deps.abandon(entry.id)
    entry.reject(error)
  }
}
