import type { JSONRPCRequest } from '@mcp-sse/core'
import { HttpResponse } from 'msw'
import { corsHeaders, refusePost } from '../http.js'
import { capabilities } from '../methods.js'
import { asMessage, receive, sleep } from '../receive.js'
import { ErrorCode } from '../rpc-error.js'
import { sessionScope } from '../scope.js'
import { Session } from '../session.js'
import { record, type ServerState } from '../state.js'
import { httpError, refuseUnacceptable } from '../streamable-http/checks.js'
import { serverVersions } from '../versions.js'
import { answerModern } from './answer.js'
import { ModernErrorCode } from './mrtr.js'
import { listen } from './subscriptions.js'
import { refusalOf } from './validate.js'

function refuse(
  id: JSONRPCRequest['id'] | null,
  status: number,
  error: { code: number; message: string; data?: unknown },
  headers: Record<string, string>,
): Response {
  return HttpResponse.json({ jsonrpc: '2.0', id, error }, { status, headers })
}

/**
 * A POST to a 2026-07-28 endpoint: one request or notification, no session, every request
 * checked on its own (`_meta`, version, mirrored headers) before it runs.
 */
export async function handleModernPost(
  state: ServerState,
  request: Request,
  body: unknown,
): Promise<Response> {
  const cors = corsHeaders(state, request)
  const refused =
    refusePost(state, request, cors) ?? refuseUnacceptable(request, cors)
  if (refused !== undefined) return refused
  const message = asMessage(body)
  if (message === undefined || !('method' in message)) {
    return httpError(
      400,
      'Invalid Request: the body must be one JSON-RPC request or notification (no batches, no responses)',
      cors,
      ErrorCode.InvalidRequest,
    )
  }
  const entry = {
    sessionId: undefined,
    url: request.url,
    headers: Object.fromEntries(request.headers),
  }
  if (!('id' in message)) {
    const scope = sessionScope(
      state,
      new Session('stateless', { stateless: true }),
      {
        send: () => false,
        write: () => false,
      },
    )
    await receive(state, scope, message, entry)
    return new HttpResponse(null, { status: 202, headers: cors })
  }
  const supported = serverVersions(state.options)
  if (message.method === 'initialize') {
    record(state.received, state.receivedListeners, { ...entry, message })
    const requested = message.params?.protocolVersion
    return refuse(
      message.id,
      400,
      {
        code: ModernErrorCode.UnsupportedProtocolVersion,
        message: `This server speaks protocol ${supported.join(', ')} only, without initialize: send server/discover or any request with _meta`,
        data: { supported: [...supported], requested: String(requested) },
      },
      cors,
    )
  }
  const refusal = refusalOf(state, request, message, supported)
  if (refusal !== undefined) {
    record(state.received, state.receivedListeners, { ...entry, message })
    return refuse(message.id, refusal.status, refusal, cors)
  }
  if (message.method === 'subscriptions/listen') {
    record(state.received, state.receivedListeners, { ...entry, message })
    return listen(
      state,
      request,
      message.id,
      message.params?.notifications,
      capabilities(state),
      cors,
    )
  }
  const delay = state.dialect.firstByteDelay ?? 0
  if (delay > 0) await sleep(delay, request.signal)
  return answerModern(state, request, message, cors)
}
