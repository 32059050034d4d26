import type { JSONRPCResponse } from '@mcp-sse/core'
import { HttpResponse } from 'msw'
import { receive, SWALLOWED } from '../receive.js'
import { sessionScope } from '../scope.js'
import type { ServerState } from '../state.js'
import { untilGone, type Exchange } from './exchange.js'

/**
 * Answers a POST with one `application/json` body. What the request sends on the way (progress,
 * log lines, server requests) has no stream of its own here: it goes on the GET stream if one is
 * open, and is dropped otherwise.
 */
export async function answerJSON(
  state: ServerState,
  exchange: Exchange,
): Promise<Response> {
  const { session, request, messages, entry, headers } = exchange
  const scope = sessionScope(state, session, session.outlet)
  const outcomes = await Promise.all(
    messages.map((message) => receive(state, scope, message, entry)),
  )
  if (outcomes.includes(SWALLOWED)) {
    // Never answered, as the test asked: the POST hangs until the client gives up.
    await untilGone(request.signal, session)
    return new HttpResponse(null, { status: 202, headers })
  }
  const responses = outcomes.filter(
    (outcome): outcome is JSONRPCResponse =>
      outcome !== undefined && outcome !== SWALLOWED,
  )
  const first = responses[0]
  if (first === undefined)
    return new HttpResponse(null, { status: 202, headers })
  return HttpResponse.json(exchange.batch ? responses : first, { headers })
}
