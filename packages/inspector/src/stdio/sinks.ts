import type { ServerResponse } from 'node:http'
import { BASE_HEADERS } from '../reply'
import type { JsonRpcMessage } from './jsonrpc'

/** Where messages for one HTTP response go: an SSE stream, or a single JSON body. */
export interface MessageSink {
  /** False for a JSON answer, which can carry only the response itself. */
  readonly streams: boolean
  send(message: JsonRpcMessage): void
  close(): void
  /** Called once when the HTTP connection ends, whoever ended it. */
  onClose(listener: () => void): void
}

export function sseSink(
  res: ServerResponse,
  headers: Record<string, string>,
): MessageSink {
  res.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-store',
    ...headers,
  })
  res.flushHeaders()
  return {
    streams: true,
    send(message) {
      if (!res.writableEnded)
        res.write(`event: message\ndata: ${JSON.stringify(message)}\n\n`)
    },
    close() {
      if (!res.writableEnded) res.end()
    },
    onClose(listener) {
      res.once('close', listener)
    },
  }
}

/** For a POST whose Accept names application/json only: the answer alone, as one body. */
export function jsonSink(
  res: ServerResponse,
  headers: Record<string, string>,
): MessageSink {
  return {
    streams: false,
    send(message) {
      if (res.headersSent) return
      const body = JSON.stringify(message)
      res.writeHead(200, {
        ...BASE_HEADERS,
        'Content-Type': 'application/json',
        'Cache-Control': 'no-store',
        ...headers,
      })
      res.end(body)
    },
    close() {
      if (!res.headersSent) res.writeHead(204, BASE_HEADERS).end()
    },
    onClose(listener) {
      res.once('close', listener)
    },
  }
}
