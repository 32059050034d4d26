import type { JSONRPCRequest } from '@mcp-sse/core'
import { HttpResponse } from 'msw'
import { receive, SWALLOWED } from '../receive.js'
import { sessionScope } from '../scope.js'
import { notification, type ServerState } from '../state.js'
import { isAtLeast, negotiate } from '../versions.js'
import { supportedVersions } from './checks.js'
import { isRequest, type Exchange } from './exchange.js'
import { newStream, openConnection } from './sessions.js'

/** How long a polling server tells clients to wait when the dialect names no `retry`. */
const POLL_RETRY = 1000

/** Priming events go only to clients that know them: 2025-11-25 introduced them. */
export function primes(
  state: ServerState,
  version: string | undefined,
): boolean {
  return (
    state.dialect.priming !== false &&
    state.dialect.eventIds !== false &&
    (version === undefined || isAtLeast(version, '2025-11-25'))
  )
}

function cuts(state: ServerState, request: JSONRPCRequest): boolean {
  const match = state.dialect.cutBeforeAnswer
  if (match === undefined) return false
  return typeof match === 'string' ? request.method === match : match(request)
}

function earlyNotice(state: ServerState) {
  const notice = state.dialect.notifyBeforeInitialize
  if (notice === undefined || notice === false) return undefined
  if (notice === true) {
    return notification('notifications/message', {
      level: 'info',
      logger: 'mock-mcp-server',
      data: 'server starting',
    })
  }
  return notification(notice.method, notice.params)
}

/**
 * Answers a POST with an SSE stream: a priming event, then what the requests send on the way,
 * then their answers; the stream ends after the last one. Cancelling the fetch closes the
 * connection, not the request (the spec: disconnection is no cancellation).
 */
export function answerStream(state: ServerState, exchange: Exchange): Response {
  const { session, request, messages, entry, headers } = exchange
  const { dialect } = state
  const { stream, release } = newStream(state, session, 'post')
  const connection = openConnection(state, 'post', request.signal)
  stream.attach(connection)

  const version =
    exchange.initialize === undefined
      ? (session.protocolVersion ??
        request.headers.get('mcp-protocol-version') ??
        undefined)
      : negotiate(
          supportedVersions(state),
          exchange.initialize.params?.protocolVersion,
        )
  // initialize is exempt: until it is answered the client has no session to resume with.
  const polling =
    dialect.closeAfterPriming === true && exchange.initialize === undefined
  if (polling) stream.prime(dialect.retry ?? POLL_RETRY)
  else if (primes(state, version)) stream.prime(dialect.retry)
  else stream.flush()
  const notice =
    exchange.initialize === undefined ? undefined : earlyNotice(state)
  if (notice !== undefined) stream.send(notice)
  if (polling) stream.cut()

  const scope = sessionScope(
    state,
    session,
    stream,
    dialect.notificationsOn === 'get' ? session.outlet : stream,
  )
  let left = messages.filter(isRequest).length
  for (const message of messages) {
    void receive(state, scope, message, entry).then((outcome) => {
      if (!isRequest(message) || outcome === SWALLOWED) return
      if (outcome !== undefined) {
        if (cuts(state, message)) stream.sever(dialect.retry)
        stream.send(outcome)
      }
      if (--left === 0) {
        stream.end()
        release()
      }
    })
  }
  // Closed already when polling: the body then holds the priming event and ends.
  return new HttpResponse(connection.body, {
    headers: {
      ...headers,
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
    },
  })
}
