import { MCPError } from '../errors'
import { badContentTypeError, httpError, networkError } from '../http-errors'
import type { EventSourceConstructor } from '../options'
import type {
  EventStream,
  EventStreamHandlers,
  EventStreamOptions,
} from './event-stream'

/**
 * EventSource only reports events whose names were subscribed in advance. These are the names
 * servers use: MCP's own two, and the usual heartbeats (which we want visible on the wire tap).
 */
const EVENT_NAMES = [
  'message',
  'endpoint',
  'heartbeat',
  'ping',
  'keepalive',
  'keep-alive',
]

/**
 * EventSource hides why a stream failed. Ask once more with fetch so the error can say whether
 * it was a refusal, a 401, a 404 or the wrong content type.
 */
async function diagnose(
  url: string,
  withCredentials: boolean,
  fetchImpl: typeof fetch | undefined,
): Promise<MCPError> {
  if (!fetchImpl) {
    return new MCPError(
      'network',
      `The event stream at ${url} could not be opened.`,
    )
  }
  const controller = new AbortController()
  try {
    const response = await fetchImpl(url, {
      headers: { Accept: 'text/event-stream' },
      credentials: withCredentials ? 'include' : 'same-origin',
      signal: controller.signal,
    })
    if (!response.ok) {
      const body = await response.text().catch(() => '')
      return httpError('stream', url, response.status, body, false)
    }
    const contentType = response.headers.get('content-type')
    controller.abort()
    if (!contentType?.toLowerCase().includes('text/event-stream')) {
      return badContentTypeError(url, contentType)
    }
    return new MCPError(
      'network',
      `The browser's EventSource could not open ${url}, though the server answers it. Try stream: 'fetch'.`,
    )
  } catch (cause) {
    return networkError('stream', url, cause)
  } finally {
    controller.abort()
  }
}

/**
 * The browser's own EventSource. Its automatic reconnection is switched off (we close on the first
 * error) because the client must re-initialize a new session after a drop, with its own backoff.
 */
export function openEventSourceStream(
  options: EventStreamOptions,
  handlers: EventStreamHandlers,
  EventSourceImpl: EventSourceConstructor,
  fetchImpl: typeof fetch | undefined,
): EventStream {
  const source = new EventSourceImpl(options.url, {
    withCredentials: options.withCredentials,
  })
  let opened = false
  let ended = false
  const end = (error: MCPError) => {
    if (ended) return
    ended = true
    source.close()
    handlers.onEnd(error)
  }

  source.onopen = () => {
    opened = true
    handlers.onOpen(200, new Headers())
  }
  source.onerror = () => {
    if (ended) return
    if (opened) {
      end(
        new MCPError(
          'connection-lost',
          `The event stream at ${options.url} was closed by the server or the network.`,
        ),
      )
      return
    }
    source.close()
    void diagnose(options.url, options.withCredentials, fetchImpl).then(end)
  }
  const onEvent = (event: Event) => {
    if (ended) return
    const message = event as MessageEvent<string>
    handlers.onFrame({
      event: message.type,
      id: message.lastEventId || undefined,
      data:
        typeof message.data === 'string' ? message.data : String(message.data),
    })
  }
  for (const name of EVENT_NAMES) source.addEventListener(name, onEvent)

  return {
    close: () => {
      if (ended) return
      ended = true
      source.close()
    },
  }
}
