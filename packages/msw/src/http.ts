import { HttpResponse } from 'msw'
import type { FailStatus, HTTPRequestRecord, ServerState } from './state.js'
import { record } from './state.js'

/** Headers a page on another origin must be allowed to read (`*` does not cover credentialed requests). */
const EXPOSED =
  'Mcp-Session-Id, MCP-Protocol-Version, WWW-Authenticate, Content-Type, *'

export function corsHeaders(
  state: ServerState,
  request: Request,
): Record<string, string> {
  if (state.options.cors === false) return {}
  const origin = request.headers.get('origin')
  // Echoing the origin (rather than `*`) lets credentialed requests through too.
  return origin === null
    ? {
        'Access-Control-Allow-Origin': '*',
        'Access-Control-Expose-Headers': EXPOSED,
      }
    : {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Expose-Headers': EXPOSED,
        Vary: 'Origin',
      }
}

export function preflight(
  state: ServerState,
  request: Request,
  methods: string,
): Response {
  const asked = request.headers.get('access-control-request-headers')
  return new HttpResponse(null, {
    status: 204,
    headers: {
      ...corsHeaders(state, request),
      'Access-Control-Allow-Methods': methods,
      'Access-Control-Allow-Headers': asked ?? '*',
      'Access-Control-Max-Age': '600',
    },
  })
}

export function failure(
  status: FailStatus,
  headers: Record<string, string>,
): Response {
  if (status === 'network') return HttpResponse.error()
  return new HttpResponse(`Simulated failure (${status})`, { status, headers })
}

/** The configured fault for this kind of request, if one is due; counts it down. */
export function dueFailure(
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

/** The `401` a request without a good token or the dialect's auth header gets, or `undefined`. */
export function refuseUnauthorized(
  state: ServerState,
  request: Request,
  cors: Record<string, string>,
): Response | undefined {
  const refused = state.protection?.refuse(request, cors)
  if (refused) return refused
  const { auth } = state.dialect
  if (auth === undefined || request.headers.get(auth.header) === auth.value)
    return undefined
  return new HttpResponse('Unauthorized', {
    status: 401,
    headers: { ...cors, 'WWW-Authenticate': 'Bearer' },
  })
}

/** What every POST meets first, in either transport: a fault that is due, then the auth check. */
export function refusePost(
  state: ServerState,
  request: Request,
  cors: Record<string, string>,
): Response | undefined {
  const failed = dueFailure(state, 'post')
  if (failed !== undefined) return failure(failed, cors)
  return refuseUnauthorized(state, request, cors)
}

/** `crypto.randomUUID` exists only in secure contexts; a page served over plain http lacks it. */
export function newSessionId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * Wraps a handler so every request it answers lands in `httpRequests`: recorded as it arrives
 * (so a test sees a slow request at once), its status filled in when the answer is known.
 */
export function logged(
  state: ServerState,
  answer: (request: Request) => Response | Promise<Response>,
): (info: { request: Request }) => Promise<Response> {
  return async ({ request }) => {
    const entry: HTTPRequestRecord = {
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      status: undefined,
    }
    record(state.httpRequests, state.httpListeners, entry)
    const response = await answer(request)
    entry.status = response.status
    return response
  }
}

/** What a real server answers on paths it does not serve. */
export function notFound(state: ServerState, request: Request): Response {
  return new HttpResponse('Not Found', {
    status: 404,
    headers: corsHeaders(state, request),
  })
}
