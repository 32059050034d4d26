import type { MCPError } from './errors'
import type { JSONRPCRequest, JSONRPCResponse, RequestId } from './jsonrpc'
import type { RequestOptions } from './options'
import { IDEMPOTENT_METHODS } from './protocol'
import type { Progress } from './protocol'

/** One request waiting for its answer. Owned by `RequestTracker`. */
export interface PendingRequest {
  /** Changes when the request is re-issued under a new id (see `reissued`). */
  id: RequestId
  message: JSONRPCRequest
  /** Resolve with the whole response (sendMessage) rather than its result. */
  readonly raw: boolean
  /** Safe to send again on a new session after the old one was lost. */
  readonly repeatable: boolean
  /** Sent on the current session and not yet answered. */
  sent: boolean
  /** Counts sends, so a late failure of an earlier send is not taken for the current one. */
  attempt: number
  readonly startedAt: number
  timer: ReturnType<typeof setTimeout> | undefined
  readonly timeout: number
  readonly maxTotalTimeout: number | undefined
  readonly resetTimeoutOnProgress: boolean
  readonly onProgress: ((progress: Progress) => void) | undefined
  resolve(value: Record<string, unknown> | JSONRPCResponse): void
  reject(error: MCPError): void
  /** Detaches the abort listener. */
  detach(): void
}

/** Remembers the last ids answered so a second answer is reported as a duplicate, not unknown. */
export class RecentIds {
  readonly #ids = new Set<RequestId>()
  readonly #capacity: number

  constructor(capacity = 512) {
    this.#capacity = capacity
  }

  add(id: RequestId): void {
    this.#ids.add(id)
    if (this.#ids.size > this.#capacity) {
      const oldest = this.#ids.values().next().value
      if (oldest !== undefined) this.#ids.delete(oldest)
    }
  }

  has(id: RequestId): boolean {
    return this.#ids.has(id)
  }
}

/** A request message; with a progress token (its own id) when the caller listens for progress. */
export function buildRequest(
  id: RequestId,
  method: string,
  params: Record<string, unknown> | undefined,
  withProgress: boolean,
): JSONRPCRequest {
  const message: JSONRPCRequest = { jsonrpc: '2.0', id, method }
  if (withProgress) {
    const meta = {
      ...(params?._meta as Record<string, unknown> | undefined),
      progressToken: id,
    }
    message.params = { ...params, _meta: meta }
  } else if (params !== undefined) {
    message.params = params
  }
  return message
}

export interface PendingDefaults {
  timeout: number
  resetTimeoutOnProgress: boolean
  maxTotalTimeout: number | undefined
}

/** A new, unsent entry for `message`, its limits from `options` or the client's defaults. */
export function createPending(
  message: JSONRPCRequest,
  options: RequestOptions & { raw?: boolean },
  defaults: PendingDefaults,
  settle: {
    resolve(value: unknown): void
    reject(error: MCPError): void
    detach(): void
  },
): PendingRequest {
  return {
    id: message.id,
    message,
    raw: options.raw ?? false,
    repeatable: IDEMPOTENT_METHODS.has(message.method),
    sent: false,
    attempt: 0,
    startedAt: Date.now(),
    timer: undefined,
    timeout: options.timeout ?? defaults.timeout,
    maxTotalTimeout: options.maxTotalTimeout ?? defaults.maxTotalTimeout,
    resetTimeoutOnProgress:
      options.resetTimeoutOnProgress ?? defaults.resetTimeoutOnProgress,
    onProgress: options.onProgress,
    resolve: settle.resolve,
    reject: settle.reject,
    detach: settle.detach,
  }
}

/**
 * `message` under a new id, for re-issuing a request whose answer was lost: a server may still be
 * working on the old id, and a progress token that was the old id follows the new one.
 */
export function reissued(
  message: JSONRPCRequest,
  id: RequestId,
): JSONRPCRequest {
  const meta = message.params?._meta as Record<string, unknown> | undefined
  if (meta?.progressToken !== message.id) return { ...message, id }
  return {
    ...message,
    id,
    params: { ...message.params, _meta: { ...meta, progressToken: id } },
  }
}

/** The timeout a progress report re-arms: the per-request one, within `maxTotalTimeout`. */
export function timeoutAfterProgress(entry: PendingRequest): number {
  const elapsed = Date.now() - entry.startedAt
  const left =
    entry.maxTotalTimeout === undefined
      ? Infinity
      : entry.maxTotalTimeout - elapsed
  return Math.min(entry.timeout, left)
}
