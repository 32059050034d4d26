import type { JSONRPCResponse } from '@mcp-sse/core'
import { HttpResponse } from 'msw'
import { corsHeaders, refusePost } from '../http.js'
import { asMessage, errorResponse, receive, SWALLOWED } from '../receive.js'
import { ErrorCode } from '../rpc-error.js'
import { sessionScope } from '../scope.js'
import { Session } from '../session.js'
import type { ServerState } from '../state.js'

/** A stand-in for POSTs that name no session in dialects that allow it and have no stream. */
function detachedSession(): Session {
  return new Session('detached')
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

/** A POST of HTTP+SSE: the answer goes on the session's stream, or in the body (`post-body`). */
export async function postMessage(
  state: ServerState,
  request: Request,
): Promise<Response> {
  const cors = corsHeaders(state, request)
  const refused = refusePost(state, request, cors)
  if (refused !== undefined) return refused
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
      { status: 400, headers: cors },
    )
  }
  const batch = Array.isArray(parsed)
  const items: unknown[] = Array.isArray(parsed) ? parsed : [parsed]
  const headers = Object.fromEntries(request.headers)
  const inStream = (state.dialect.answers ?? 'stream') === 'stream'
  const scope = sessionScope(state, session, session.outlet)

  const answers = items.map(
    async (item): Promise<JSONRPCResponse | undefined> => {
      const message = asMessage(item)
      const outcome =
        message === undefined
          ? errorResponse(null, ErrorCode.InvalidRequest, 'Invalid Request')
          : await receive(state, scope, message, {
              sessionId: session.id === 'detached' ? undefined : session.id,
              url: request.url,
              headers,
            })
      const response = outcome === SWALLOWED ? undefined : outcome
      if (response !== undefined && inStream) session.outlet.send(response)
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
