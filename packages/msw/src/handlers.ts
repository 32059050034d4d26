import { http, HttpResponse, type HttpHandler } from 'msw'
import { commentFrame, eventFrame, retryFrame } from './frames.js'
import { asMessage, errorResponse, receive } from './receive.js'
import { ErrorCode } from './rpc-error.js'
import { Session } from './session.js'
import { notification, type FailStatus, type ServerState } from './state.js'
import type { JSONRPCResponse } from './types.js'

export interface Urls {
  sse: string
  post: string
}

function corsHeaders(
  state: ServerState,
  request: Request,
): Record<string, string> {
  if (state.options.cors === false) return {}
  const origin = request.headers.get('origin')
  // Echoing the origin (rather than `*`) lets credentialed requests through too.
  return origin === null
    ? {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Expose-Headers': '*',
      }
    : {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Expose-Headers': '*',
        Vary: 'Origin',
      }
}

function failure(
  status: FailStatus,
  headers: Record<string, string>,
): Response {
  if (status === 'network') return HttpResponse.error()
  return new HttpResponse(`Simulated failure (${status})`, { status, headers })
}

/** The configured fault for this kind of request, if one is due; counts it down. */
function dueFailure(
  state: ServerState,
  kind: 'stream' | 'post',
): FailStatus | undefined {
  const { fail } = state
  const status = fail[kind]
  const left = kind === 'stream' ? fail.streamLeft : fail.postLeft
  if (status === undefined || left <= 0) return undefined
  if (kind === 'stream') fail.streamLeft--
  else fail.postLeft--
  return status
}

function unauthorized(state: ServerState, request: Request): boolean {
  const { auth } = state.dialect
  return auth !== undefined && request.headers.get(auth.header) !== auth.value
}

function endpointData(
  state: ServerState,
  urls: Urls,
  request: Request,
  id: string,
) {
  const post = new URL(urls.post, request.url)
  const query = `?sessionId=${encodeURIComponent(id)}`
  const endpoint = state.dialect.endpoint ?? 'relative'
  if (endpoint === 'none') return undefined
  if (endpoint === 'relative') return `${post.pathname}${query}`
  if (endpoint === 'absolute') return `${post.href}${query}`
  if (endpoint === 'json')
    return JSON.stringify({ endpoint: `${post.pathname}${query}` })
  return `${new URL(post.pathname, endpoint.crossOrigin).href}${query}`
}

/** `crypto.randomUUID` exists only in secure contexts; a page served over plain http lacks it. */
function newSessionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

function openStream(
  state: ServerState,
  urls: Urls,
  request: Request,
): Response {
  const cors = corsHeaders(state, request)
  const failed = dueFailure(state, 'stream')
  if (failed !== undefined) return failure(failed, cors)
  if (unauthorized(state, request)) {
    return new HttpResponse('Unauthorized', {
      status: 401,
      headers: { ...cors, 'WWW-Authenticate': 'Bearer' },
    })
  }
  const session = new Session(newSessionId(), (closed) => {
    state.sessions.delete(closed.id)
    state.expired.delete(closed)
  })
  state.sessions.set(session.id, session)
  const { dialect } = state
  const body = session.createStream(() => {
    if (dialect.retry !== undefined) session.write(retryFrame(dialect.retry))
    if (dialect.greeting !== undefined)
      session.write(eventFrame(dialect.greeting))
    const endpoint = endpointData(state, urls, request, session.id)
    if (endpoint !== undefined) session.write(eventFrame(endpoint, 'endpoint'))
    const silentOpen =
      endpoint === undefined &&
      dialect.greeting === undefined &&
      dialect.retry === undefined &&
      dialect.sessionIdInMessage !== true
    // msw hands the response to fetch only with its first chunk, where a real server flushes the
    // headers at once: a comment (which clients ignore) stands in for that flush.
    if (silentOpen) session.write(commentFrame('open'))
    if (dialect.sessionIdInMessage === true) {
      const hello = notification('notifications/initialized', {
        sessionId: session.id,
      })
      session.send(hello, dialect.unnamedEvents === true)
    }
    const { heartbeat } = dialect
    if (heartbeat !== undefined) {
      const frame =
        heartbeat.as === 'comment'
          ? commentFrame('ping')
          : heartbeat.as === 'event'
            ? eventFrame(String(Date.now()), 'heartbeat')
            : eventFrame('{"type":"heartbeat"}')
      session.setTimer(() => session.write(frame), heartbeat.intervalMs, true)
    }
  })
  request.signal.addEventListener('abort', () => session.close(), {
    once: true,
  })
  return new HttpResponse(body, {
    headers: {
      ...cors,
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
    },
  })
}

/** A stand-in for POSTs that name no session in dialects that allow it and have no stream. */
function detachedSession(): Session {
  return new Session('detached', () => {})
}

function findSession(
  state: ServerState,
  url: URL,
): Session | { status: number; text: string } {
  const id = url.searchParams.get('sessionId')
  const needsId =
    (state.dialect.endpoint ?? 'relative') !== 'none' ||
    state.dialect.sessionIdInMessage === true
  if (id === null) {
    if (needsId)
      return { status: 400, text: 'Missing sessionId query parameter' }
    const open = [...state.sessions.values()]
    return open[open.length - 1] ?? detachedSession()
  }
  return (
    state.sessions.get(id) ?? { status: 404, text: `Session not found: ${id}` }
  )
}

async function postMessage(
  state: ServerState,
  request: Request,
): Promise<Response> {
  const cors = corsHeaders(state, request)
  const failed = dueFailure(state, 'post')
  if (failed !== undefined) return failure(failed, cors)
  if (unauthorized(state, request)) {
    return new HttpResponse('Unauthorized', {
      status: 401,
      headers: { ...cors, 'WWW-Authenticate': 'Bearer' },
    })
  }
  const url = new URL(request.url)
  const session = findSession(state, url)
  if (!(session instanceof Session)) {
    return new HttpResponse(session.text, {
      status: session.status,
      headers: cors,
    })
  }

  let parsed: unknown
  try {
    parsed = JSON.parse(await request.text())
  } catch {
    return HttpResponse.json(
      errorResponse(null, ErrorCode.ParseError, 'Parse error'),
      {
        status: 400,
        headers: cors,
      },
    )
  }
  const batch = Array.isArray(parsed)
  const items: unknown[] = Array.isArray(parsed) ? parsed : [parsed]
  const headers = Object.fromEntries(request.headers)
  const inStream = (state.dialect.answers ?? 'stream') === 'stream'
  const unnamed = state.dialect.unnamedEvents === true

  const answers = items.map(
    async (item): Promise<JSONRPCResponse | undefined> => {
      const message = asMessage(item)
      const response =
        message === undefined
          ? errorResponse(null, ErrorCode.InvalidRequest, 'Invalid Request')
          : await receive(state, session, message, {
              sessionId: session.id === 'detached' ? undefined : session.id,
              url: request.url,
              headers,
            })
      if (response !== undefined && inStream) session.send(response, unnamed)
      return response
    },
  )
  if (inStream) {
    return new HttpResponse('Accepted', { status: 202, headers: cors })
  }
  const responses = (await Promise.all(answers)).filter((r) => r !== undefined)
  const first = responses[0]
  if (first === undefined)
    return new HttpResponse(null, { status: 202, headers: cors })
  return HttpResponse.json(batch ? responses : first, { headers: cors })
}

function preflight(state: ServerState, request: Request): Response {
  const asked = request.headers.get('access-control-request-headers')
  return new HttpResponse(null, {
    status: 204,
    headers: {
      ...corsHeaders(state, request),
      'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
      'Access-Control-Allow-Headers': asked ?? '*',
      'Access-Control-Max-Age': '600',
    },
  })
}

export function createHandlers(state: ServerState, urls: Urls): HttpHandler[] {
  const handlers = [
    http.get(urls.sse, ({ request }) => openStream(state, urls, request)),
    http.post(urls.post, ({ request }) => postMessage(state, request)),
  ]
  const { endpoint } = state.dialect
  if (typeof endpoint === 'object') {
    // Where the hostile endpoint points: handled, so a test can see in `received` that a POST got there.
    const post = new URL(urls.post, 'http://localhost')
    const foreign = new URL(post.pathname, endpoint.crossOrigin).href
    handlers.push(
      http.post(foreign, ({ request }) => postMessage(state, request)),
    )
  }
  if (state.options.cors !== false) {
    handlers.push(
      http.options(urls.sse, ({ request }) => preflight(state, request)),
    )
    handlers.push(
      http.options(urls.post, ({ request }) => preflight(state, request)),
    )
  }
  // Last, so every route above wins: what a real server answers on paths it does not serve.
  // Clients that detect the transport (a POSTed initialize at the base URL) get a 404 here, as
  // they would from an Express or FastAPI server, not a network error from an unmatched request.
  const { origin } = new URL(urls.sse, 'http://localhost')
  handlers.push(
    http.all(
      `${origin}/*`,
      ({ request }) =>
        new HttpResponse('Not Found', {
          status: 404,
          headers: corsHeaders(state, request),
        }),
    ),
  )
  return handlers
}
