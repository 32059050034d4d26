import type { JSONRPCMessage } from '@mcp-sse/core'
import { HttpResponse } from 'msw'
import { corsHeaders, refusePost } from '../http.js'
import { asMessage, receive, sleep } from '../receive.js'
import { ErrorCode } from '../rpc-error.js'
import { sessionScope } from '../scope.js'
import type { Session } from '../session.js'
import type { ServerState } from '../state.js'
import { isAtLeast } from '../versions.js'
import { answerJSON } from './answer-json.js'
import { answerStream } from './answer-stream.js'
import {
  httpError,
  namedSession,
  refuseUnacceptable,
  versionProblem,
} from './checks.js'
import { isRequest, type Exchange } from './exchange.js'
import { createSession, statelessSession, touch } from './sessions.js'

type Parsed = { messages: JSONRPCMessage[]; batch: boolean } | Response

function parse(text: string, cors: Record<string, string>): Parsed {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return httpError(400, 'Parse error', cors, ErrorCode.ParseError)
  }
  const batch = Array.isArray(parsed)
  const items: unknown[] = Array.isArray(parsed) ? parsed : [parsed]
  const messages = items.map(asMessage)
  if (items.length === 0 || messages.some((m) => m === undefined)) {
    return httpError(
      400,
      'Invalid Request: the body must be a JSON-RPC request, notification or response',
      cors,
      ErrorCode.InvalidRequest,
    )
  }
  return { messages: messages.filter((m) => m !== undefined), batch }
}

/** The session this POST belongs to, made for `initialize`, or the error answer. */
function sessionFor(
  state: ServerState,
  request: Request,
  initialize: boolean,
  cors: Record<string, string>,
): Session | Response {
  if (initialize && state.dialect.stateless !== true)
    return createSession(state)
  const session =
    state.dialect.stateless === true
      ? statelessSession(state)
      : namedSession(state, request, cors)
  if (session instanceof Response || initialize) return session
  const problem = versionProblem(state, session, request)
  return problem === undefined ? session : httpError(400, problem, cors)
}

/** A POST to the MCP endpoint: one JSON-RPC message (or a 2025-03-26 batch). */
export async function handlePost(
  state: ServerState,
  request: Request,
): Promise<Response> {
  const cors = corsHeaders(state, request)
  const refused =
    refusePost(state, request, cors) ?? refuseUnacceptable(request, cors)
  if (refused !== undefined) return refused
  const type = request.headers.get('content-type') ?? ''
  if (!type.toLowerCase().includes('application/json')) {
    return httpError(
      415,
      'Unsupported Media Type: Content-Type must be application/json',
      cors,
    )
  }
  const parsed = parse(await request.text(), cors)
  if (parsed instanceof Response) return parsed
  const { messages, batch } = parsed

  const initialize = messages.find(
    (m) => isRequest(m) && m.method === 'initialize',
  )
  if (initialize !== undefined && messages.length > 1) {
    return httpError(
      400,
      'Invalid Request: initialize must be sent on its own',
      cors,
      ErrorCode.InvalidRequest,
    )
  }
  const session = sessionFor(state, request, initialize !== undefined, cors)
  if (session instanceof Response) return session
  const version =
    session.protocolVersion ??
    request.headers.get('mcp-protocol-version') ??
    '2025-03-26'
  if (batch && isAtLeast(version, '2025-06-18')) {
    return httpError(
      400,
      `Invalid Request: protocol ${version} has no JSON-RPC batches (2025-06-18 removed them)`,
      cors,
      ErrorCode.InvalidRequest,
    )
  }
  touch(state, session)

  const headers = session.stateless
    ? cors
    : { ...cors, 'Mcp-Session-Id': session.id }
  const entry = {
    sessionId: session.stateless ? undefined : session.id,
    url: request.url,
    headers: Object.fromEntries(request.headers),
  }
  if (!messages.some(isRequest)) {
    const scope = sessionScope(state, session, session.outlet)
    for (const message of messages) await receive(state, scope, message, entry)
    return new HttpResponse(null, { status: 202, headers })
  }

  const delay = state.dialect.firstByteDelay ?? 0
  if (delay > 0) await sleep(delay, request.signal)
  const exchange: Exchange = {
    request,
    session,
    messages,
    batch,
    initialize:
      initialize !== undefined && isRequest(initialize)
        ? initialize
        : undefined,
    entry,
    headers,
  }
  return state.dialect.response === 'json'
    ? answerJSON(state, exchange)
    : answerStream(state, exchange)
}
