import type { EventSourceMessage } from 'eventsource-parser'
import type { JSONRPCMessage, RequestId } from '../../jsonrpc'
import { readMessages } from '../frame-reader'
import type { StreamableHTTPConfig } from './http-context'

/** Which stream a frame came on, for the wire tap. */
export type StreamOrigin =
  { requestId: RequestId } | { stream: 'get' | 'listen' }

/**
 * One SSE event of a Streamable HTTP stream: shown on the wire tap, then its messages delivered.
 * Events with empty data are the "priming" events servers send first (an id to resume from).
 */
export function deliverEvent(
  config: StreamableHTTPConfig,
  event: EventSourceMessage,
  origin: StreamOrigin,
  deliver: (message: JSONRPCMessage) => void,
): void {
  const { wire } = config
  if (wire.active) {
    wire.emit({
      type: 'sse-frame',
      event: event.event ?? 'message',
      id: event.id,
      data: event.data,
      ...origin,
    })
  }
  if (event.data.trim() === '') return
  if (event.event !== undefined && event.event !== 'message') return
  const reading = readMessages(event.data)
  if (!reading.ok) {
    if (wire.active) {
      wire.emit({
        type: 'parse-error',
        data: event.data,
        message: `Frame is ${reading.reason}; ignored.`,
      })
    }
    return
  }
  for (const message of reading.messages) deliver(message)
}
