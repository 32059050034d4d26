import type { MCPError } from '../errors'

/** One server-sent event. `event` is 'message' when the frame had no `event:` line. */
export interface SSEFrame {
  event: string
  id?: string
  data: string
}

export interface EventStreamHandlers {
  /** The server accepted the stream. `headers` is empty where the stream API hides them (EventSource). */
  onOpen(status: number, headers: Headers): void
  onFrame(frame: SSEFrame): void
  onComment(text: string): void
  /**
   * The stream failed or ended; it will deliver nothing more. `error` says why (an end of stream
   * with no error is reported as one too: for MCP a stream that ends is a connection lost).
   */
  onEnd(error: MCPError): void
}

/** A server-sent event stream that is open or opening; `close` is idempotent and silent. */
export interface EventStream {
  close(): void
}

export interface EventStreamOptions {
  url: string
  headers: Record<string, string>
  withCredentials: boolean
}
