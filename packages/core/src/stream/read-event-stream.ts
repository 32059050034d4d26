import { createParser, type EventSourceMessage } from 'eventsource-parser'

/** A fetch response's body. */
export type ResponseBody = NonNullable<Response['body']>

export interface EventStreamReader {
  onEvent(event: EventSourceMessage): void
  onComment?(text: string): void
  /** The server set the reconnection delay (`retry:`), in milliseconds. */
  onRetry?(ms: number): void
}

/**
 * Feeds a fetch response body through `eventsource-parser` as it arrives. Resolves when the body
 * ends, rejects when it breaks. `cancel` stops reading (resolving, not rejecting).
 *
 * The body's own reader is read directly: every stream stacked on it (a decoding
 * `TransformStream`, a pipe) costs CPU on each answer when every request has an SSE answer of its
 * own, and Node's `TextDecoderStream` builds an error with its stack each time a stream ends.
 * Cancelling goes through a pipe, though: cancelling the body's reader, or aborting the fetch
 * while the body is read, races undici's completion of the response (an internal assertion fails
 * under msw), and a pipe that is aborted cancels the body from within.
 */
export function readEventStream(
  body: ResponseBody,
  handlers: EventStreamReader,
): { done: Promise<void>; cancel(): void } {
  let cancelled = false
  const decoder = new TextDecoder()
  const parser = createParser({
    onEvent: (event) => {
      if (!cancelled) handlers.onEvent(event)
    },
    onComment: (comment) => {
      if (!cancelled) handlers.onComment?.(comment)
    },
    onRetry: (ms) => {
      if (!cancelled) handlers.onRetry?.(ms)
    },
  })
  const reader = body.getReader()
  const done = (async () => {
    try {
      for (;;) {
        const { done: ended, value } = await reader.read()
        if (cancelled) return
        if (ended) return parser.feed(decoder.decode())
        parser.feed(decoder.decode(value, { stream: true }))
      }
    } catch (error) {
      if (!cancelled) throw error
    }
  })()
  const cancel = () => {
    if (cancelled) return
    cancelled = true
    try {
      // Releasing a reader with a read pending throws in browsers older than the current spec.
      reader.releaseLock()
      body
        .pipeTo(new WritableStream(), { signal: AbortSignal.abort() })
        .catch(() => {})
    } catch {
      reader.cancel().catch(() => {})
    }
  }
  return { done, cancel }
}
