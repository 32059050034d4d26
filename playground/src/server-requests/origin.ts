import type { RequestId, WireEvent } from '@mcp-sse/core'

/** Which of the client's own requests a server-to-client request arrived during. */
export interface RequestOrigin {
  requestId: RequestId
  method: string
  /** `tools/call`: the tool's name; `tasks/result`: the task's id. */
  subject?: string
  /**
   * True when the request came on that request's own answer stream (Streamable HTTP), so it
   * certainly belongs to it; false when it is only the one call waiting (HTTP+SSE has one stream).
   */
  exact: boolean
}

/** Client requests that can cause the server to ask something back. */
const CAUSES = new Set(['tools/call', 'tasks/result', 'prompts/get'])

/**
 * Follows one session's wire tap to tell which call a server request belongs to: the POST stream
 * it came on when there is one, or the single call in flight otherwise.
 */
export class OriginTracker {
  private readonly inFlight = new Map<RequestId, Omit<RequestOrigin, 'exact'>>()
  private readonly carriedBy = new Map<RequestId, RequestId>()

  observe(event: WireEvent): void {
    if (event.type === 'message-out') {
      const message = event.message
      if ('method' in message && message.method === 'notifications/cancelled') {
        // A cancelled call gets no answer: forget it here, or it would stay "in flight".
        const id = message.params?.requestId
        if (typeof id === 'string' || typeof id === 'number')
          this.inFlight.delete(id)
      } else if (
        'method' in message &&
        'id' in message &&
        message.id !== undefined
      ) {
        if (CAUSES.has(message.method)) {
          const subject =
            message.params?.name ?? message.params?.taskId ?? undefined
          this.inFlight.set(message.id, {
            requestId: message.id,
            method: message.method,
            ...(typeof subject === 'string' && { subject }),
          })
        }
      } else if ('id' in message && message.id !== null) {
        this.carriedBy.delete(message.id)
      }
      return
    }
    if (event.type !== 'message-in') return
    const message = event.message
    if (!('method' in message)) {
      if ('id' in message && message.id !== null)
        this.inFlight.delete(message.id)
      return
    }
    if (
      'id' in message &&
      message.id !== undefined &&
      event.requestId !== undefined
    )
      this.carriedBy.set(message.id, event.requestId)
  }

  originOf(serverRequestId: RequestId): RequestOrigin | null {
    const carrier = this.carriedBy.get(serverRequestId)
    if (carrier !== undefined) {
      const call = this.inFlight.get(carrier)
      return call === undefined ? null : { ...call, exact: true }
    }
    if (this.inFlight.size !== 1) return null
    const [only] = this.inFlight.values()
    return only === undefined ? null : { ...only, exact: false }
  }
}
