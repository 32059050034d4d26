import type { MCPError } from './errors'
import type { JSONRPCRequest, JSONRPCResponse, RequestId } from './jsonrpc'
import type { Progress } from './protocol'

/** One request waiting for its answer. Owned by `RequestTracker`. */
export interface PendingRequest {
  readonly id: RequestId
  readonly message: JSONRPCRequest
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
  private readonly ids = new Set<RequestId>()
  private readonly capacity: number

  constructor(capacity = 512) {
    this.capacity = capacity
  }

  add(id: RequestId): void {
    this.ids.add(id)
    if (this.ids.size > this.capacity) {
      const oldest = this.ids.values().next().value
      if (oldest !== undefined) this.ids.delete(oldest)
    }
  }

  has(id: RequestId): boolean {
    return this.ids.has(id)
  }
}
