/**
 * A minimal SSE reader for the tests: fetch streaming parsed by eventsource-parser, the same
 * path a client without `EventSource` takes. Not a test double: it reads the real bytes.
 */
import { createParser, type EventSourceMessage } from 'eventsource-parser'

export interface TestStream {
  status: number
  headers: Headers
  /** Every event received so far. */
  events: EventSourceMessage[]
  comments: string[]
  /** Raw text received so far. */
  text: () => string
  /** Resolves with the first event (received or to come) that `match` accepts, past `from`. */
  next: (
    match?: (event: EventSourceMessage) => boolean,
    from?: number,
  ) => Promise<EventSourceMessage>
  /** Resolves with the next JSON-RPC message whose id or method matches. */
  message: (match: string | number) => Promise<Record<string, unknown>>
  /** Resolves when the server ends the stream. */
  ended: Promise<void>
  close: () => void
}

export async function openStream(
  url: string,
  init: RequestInit = {},
): Promise<TestStream> {
  const abort = new AbortController()
  const response = await fetch(url, {
    ...init,
    headers: { Accept: 'text/event-stream', ...init.headers },
    signal: abort.signal,
  })
  return readStream(response, abort)
}

/** Reads a response's body as SSE; `abort` (the fetch's controller) is what `close()` fires. */
export function readStream(
  response: Response,
  abort: AbortController = new AbortController(),
): TestStream {
  const events: EventSourceMessage[] = []
  const comments: string[] = []
  let raw = ''
  const waiters = new Set<() => void>()
  const parser = createParser({
    onEvent: (event) => {
      events.push(event)
      for (const wake of waiters) wake()
    },
    onComment: (comment) => comments.push(comment),
  })
  let ended: Promise<void> = Promise.resolve()
  let finished = response.body === null
  if (response.body !== null) {
    const reader = response.body
      .pipeThrough(new TextDecoderStream())
      .getReader()
    abort.signal.addEventListener('abort', () => void reader.cancel(), {
      once: true,
    })
    ended = (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read()
          if (done) break
          raw += value
          parser.feed(value)
        }
      } catch {
        // Aborted by close().
      }
      finished = true
      for (const wake of waiters) wake()
    })()
  }

  const next: TestStream['next'] = (match = () => true, from = 0) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = events.slice(from).find(match)
        if (found !== undefined) {
          waiters.delete(check)
          clearTimeout(timer)
          resolve(found)
        } else if (finished) {
          waiters.delete(check)
          clearTimeout(timer)
          reject(new Error('stream ended'))
        }
      }
      const timer = setTimeout(() => {
        waiters.delete(check)
        reject(new Error(`no matching event; got ${JSON.stringify(events)}`))
      }, 3000)
      waiters.add(check)
      check()
    })

  return {
    status: response.status,
    headers: response.headers,
    events,
    comments,
    text: () => raw,
    next,
    message: async (match) => {
      const event = await next((e) => {
        if (e.event !== undefined && e.event !== 'message') return false
        try {
          const parsed: unknown = JSON.parse(e.data)
          if (typeof parsed !== 'object' || parsed === null) return false
          return (
            ('id' in parsed && parsed.id === match) ||
            ('method' in parsed && parsed.method === match)
          )
        } catch {
          return false
        }
      })
      return JSON.parse(event.data) as Record<string, unknown>
    },
    ended,
    close: () => abort.abort(),
  }
}

/** The session id from a relative or absolute `endpoint` event. */
export function sessionIdOf(endpoint: string): string {
  const id = new URL(endpoint, 'http://localhost').searchParams.get('sessionId')
  if (id === null) throw new Error(`no sessionId in ${endpoint}`)
  return id
}

export function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
) {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

export interface TestSession {
  stream: TestStream
  sessionId: string
  /** The absolute URL to POST to, with its `?sessionId=`. */
  postUrl: string
  /** POSTs a request and resolves with its answer from the stream. */
  rpc: (
    method: string,
    params?: Record<string, unknown>,
  ) => Promise<Record<string, unknown>>
}

let nextId = 0

/** Opens a stream against the reference dialect and waits for its `endpoint` event. */
export async function connect(
  sseUrl: string,
  init: RequestInit = {},
): Promise<TestSession> {
  const stream = await openStream(sseUrl, init)
  const endpoint = await stream.next((e) => e.event === 'endpoint')
  const postUrl = new URL(endpoint.data, sseUrl).href
  return {
    stream,
    sessionId: sessionIdOf(endpoint.data),
    postUrl,
    rpc: async (method, params) => {
      const id = ++nextId
      const answer = stream.message(id)
      const response = await post(postUrl, {
        jsonrpc: '2.0',
        id,
        method,
        params,
      })
      if (response.status !== 202) {
        answer.catch(() => {}) // no answer is coming; only the POST's failure matters
        throw new Error(`POST answered ${response.status}`)
      }
      return answer
    },
  }
}
