import { MCPError } from '../errors'
import { badContentTypeError, httpError, networkError } from '../http-errors'
import type {
  EventStream,
  EventStreamHandlers,
  EventStreamOptions,
} from './event-stream'
import { readEventStream } from './read-event-stream'

/**
 * Reads the stream with `fetch` and `eventsource-parser`: works in Node and in browsers, and can
 * send headers, which `EventSource` cannot.
 */
export function openFetchStream(
  options: EventStreamOptions,
  handlers: EventStreamHandlers,
  fetchImpl: typeof fetch,
): EventStream {
  const controller = new AbortController()
  let activeRead: { cancel(): void } | undefined
  let ended = false
  // Once the body is being read, cancelling the reader ends the request; aborting as well races
  // undici's own completion of the response (see readEventStream).
  const stop = () => {
    if (activeRead) activeRead.cancel()
    else controller.abort()
  }
  const end = (error: MCPError) => {
    if (ended) return
    ended = true
    stop()
    handlers.onEnd(error)
  }

  void (async () => {
    let response: Response
    try {
      response = await fetchImpl(options.url, {
        method: 'GET',
        // Only safelisted headers unless the user adds some, so a plain stream needs no preflight.
        headers: {
          Accept: 'text/event-stream',
          ...options.headers,
        },
        credentials: options.withCredentials ? 'include' : 'same-origin',
        signal: controller.signal,
        cache: 'no-store',
      })
    } catch (cause) {
      if (!ended)
        end(
          networkError(
            'stream',
            options.url,
            cause,
            Object.keys(options.headers),
          ),
        )
      return
    }
    if (ended) {
      void response.body?.cancel().catch(() => {})
      return
    }
    if (!response.ok) {
      const body = await response.text().catch(() => '')
      end(httpError('stream', options.url, response.status, body, false))
      return
    }
    const contentType = response.headers.get('content-type')
    if (!contentType?.toLowerCase().includes('text/event-stream')) {
      void response.body?.cancel().catch(() => {})
      end(badContentTypeError(options.url, contentType))
      return
    }
    if (!response.body) {
      end(
        new MCPError(
          'network',
          `The event stream at ${options.url} has no body.`,
        ),
      )
      return
    }
    handlers.onOpen(response.status, response.headers)
    const reading = readEventStream(response.body, {
      onEvent: (event) => {
        if (ended) return
        handlers.onFrame({
          event: event.event ?? 'message',
          id: event.id,
          data: event.data,
        })
      },
      onComment: (comment) => {
        if (!ended) handlers.onComment(comment)
      },
    })
    activeRead = reading
    try {
      await reading.done
      if (ended) return
      end(
        new MCPError(
          'connection-lost',
          `The server closed the event stream at ${options.url}.`,
        ),
      )
    } catch (cause) {
      if (ended) return
      end(
        new MCPError(
          'connection-lost',
          `The event stream at ${options.url} broke off: the server went away or the network dropped.`,
          { cause },
        ),
      )
    }
  })()

  return {
    close: () => {
      if (ended) return
      ended = true
      stop()
    },
  }
}
