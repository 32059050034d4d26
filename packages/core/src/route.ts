import type { InboundRouter } from './inbound'
import {
  isNotification,
  isRequest,
  type JSONRPCMessage,
  type JSONRPCResponse,
} from './jsonrpc'
import type { RequestTracker } from './request-tracker'

/**
 * Where each message from the server goes: its requests to the handlers (and their answers back),
 * its notifications to listeners (progress also to the request it reports on), its responses to
 * the requests waiting for them.
 */
export function routeMessage(
  message: JSONRPCMessage,
  inbound: InboundRouter,
  tracker: RequestTracker,
  reply: (response: JSONRPCResponse) => Promise<void>,
): void {
  if (isRequest(message)) {
    void inbound.handleRequest(message).then((response) => {
      if (response) reply(response).catch(() => {})
    })
  } else if (isNotification(message)) {
    if (message.method === 'notifications/progress')
      tracker.handleProgress(message.params)
    inbound.dispatchNotification(message)
  } else {
    tracker.handleResponse(message)
  }
}
