import { HttpResponse } from 'msw'
import { corsHeaders, refuseUnauthorized } from '../http.js'
import type { ServerState } from '../state.js'
import { httpError, namedSession, versionProblem } from './checks.js'

/** A DELETE to the MCP endpoint: ends the session it names, unless the dialect refuses. */
export function handleDelete(state: ServerState, request: Request): Response {
  const cors = corsHeaders(state, request)
  const refused = refuseUnauthorized(state, request, cors)
  if (refused !== undefined) return refused
  if (
    state.dialect.stateless === true ||
    state.dialect.deleteSession === false
  ) {
    return new HttpResponse('Method Not Allowed', {
      status: 405,
      headers: { ...cors, Allow: 'GET, POST' },
    })
  }
  const session = namedSession(state, request, cors)
  if (session instanceof Response) return session
  const problem = versionProblem(state, session, request)
  if (problem !== undefined) return httpError(400, problem, cors)
  session.close()
  return new HttpResponse(null, { status: 200, headers: cors })
}
