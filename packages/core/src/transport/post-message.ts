import { createParser } from 'eventsource-parser'
import { httpError } from '../http-errors'
import type { JSONRPCMessage } from '../jsonrpc'
import type { WireTap } from '../wire-tap'
import { readMessages } from './frame-reader'
import { httpPost } from './http-post'
import type { MessageSource } from './transport'

export interface PostContext {
  fetch: typeof fetch
  headers: Record<string, string>
  withCredentials: boolean
  signal: AbortSignal
  wire: WireTap
  hadSession: boolean
  deliver(message: JSONRPCMessage, via: MessageSource): void
}

/**
 * POSTs one message. Servers that answer in the HTTP body (200 with JSON, or an SSE body) have
 * their answers delivered exactly like answers from the stream; 202 means "look on the stream".
 */
export async function postMessage(
  url: string,
  message: JSONRPCMessage,
  context: PostContext,
): Promise<void> {
  const body = JSON.stringify(message)
  const headers = {
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
    ...context.headers,
  }
  if (context.wire.active) context.wire.emit({ type: 'message-out', message })
  const response = await httpPost(
    {
      url,
      headers,
      body,
      credentials: context.withCredentials ? 'include' : 'same-origin',
      signal: context.signal,
    },
    { fetch: context.fetch, wire: context.wire, userHeaders: context.headers },
  )
  const text = await response.text().catch(() => '')
  if (!response.ok) {
    throw httpError('post', url, response.status, text, context.hadSession)
  }
  if (text.trim() === '') return
  const contentType = response.headers.get('content-type')?.toLowerCase() ?? ''
  if (contentType.includes('text/event-stream')) {
    deliverEventStreamBody(text, context)
  } else if (contentType.includes('json')) {
    deliverFrame(text, context)
  }
  // Anything else ("Accepted", an HTML page) carries no message: the answer comes on the stream.
}

function deliverFrame(data: string, context: PostContext): void {
  const reading = readMessages(data)
  if (!reading.ok) {
    if (context.wire.active) {
      context.wire.emit({
        type: 'parse-error',
        data,
        message: `POST answer body is ${reading.reason}; ignored.`,
      })
    }
    return
  }
  for (const message of reading.messages) context.deliver(message, 'post-body')
}

function deliverEventStreamBody(text: string, context: PostContext): void {
  const parser = createParser({
    onEvent: (event) => {
      if (event.event === undefined || event.event === 'message') {
        deliverFrame(event.data, context)
      }
    },
  })
  parser.feed(text)
  parser.feed('\n\n')
}
