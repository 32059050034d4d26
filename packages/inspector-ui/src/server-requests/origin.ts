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
  /**
   * Calls answered `input_required` (2026-07-28) whose next round is not sent yet: the core asks
   * its handlers for their inputs now, with no request on the wire to carry them.
   */
  private readonly asking = new Set<RequestId>()

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
          if (
            message.params?.inputResponses !== undefined ||
            message.params?.requestState !== undefined
          )
            this.nextRound(message.method, subject)
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
    if (event.type === 'input-required') {
      if (this.inFlight.has(event.requestId)) this.asking.add(event.requestId)
      return
    }
    if (event.type !== 'message-in') return
    const message = event.message
    if (!('method' in message)) {
      // An input_required answer does not end the call: its next round follows.
      const more =
        'result' in message && message.result.resultType === 'input_required'
      if ('id' in message && message.id !== null && !more)
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

  /** The previous round of this call ends as its next one is sent. */
  private nextRound(method: string, subject: unknown): void {
    for (const id of this.asking) {
      const call = this.inFlight.get(id)
      if (call?.method === method && call.subject === subject) {
        this.asking.delete(id)
        this.inFlight.delete(id)
      }
    }
  }

  originOf(serverRequestId: RequestId): RequestOrigin | null {
    const carrier = this.carriedBy.get(serverRequestId)
    if (carrier !== undefined) {
      const call = this.inFlight.get(carrier)
      return call === undefined ? null : { ...call, exact: true }
    }
    // No carrier: with one call waiting for inputs, the inputs are certainly its own.
    if (this.asking.size === 1) {
      const [id] = this.asking
      const call = id === undefined ? undefined : this.inFlight.get(id)
      if (call !== undefined) return { ...call, exact: true }
    }
    if (this.inFlight.size !== 1) return null
    const [only] = this.inFlight.values()
    return only === undefined ? null : { ...only, exact: false }
  }
}
