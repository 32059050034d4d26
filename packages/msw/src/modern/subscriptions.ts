import type {
  JSONRPCMessage,
  RequestId,
  ServerCapabilities,
} from '@mcp-sse/core'
import { HttpResponse } from 'msw'
import type { EventStream } from '../event-stream.js'
import { eventFrame } from '../frames.js'
import { heartbeatFrame } from '../heartbeat.js'
import type { ServerState } from '../state.js'
import { openConnection } from '../streamable-http/sessions.js'
import { META } from './meta.js'

/** What a `subscriptions/listen` asks for (and what the server agreed to honour). */
export interface SubscriptionFilter {
  toolsListChanged?: boolean
  promptsListChanged?: boolean
  resourcesListChanged?: boolean
  resourceSubscriptions?: string[]
}

/** One open `subscriptions/listen` stream. */
export interface Subscription {
  /** The JSON-RPC id of the `subscriptions/listen` request: its `subscriptionId`. */
  id: RequestId
  notifications: SubscriptionFilter
  stream: EventStream
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The part of `asked` this server can honour, from its capabilities. */
function agreed(asked: unknown, caps: ServerCapabilities): SubscriptionFilter {
  const filter: SubscriptionFilter = {}
  if (!isObject(asked)) return filter
  if (asked.toolsListChanged === true && caps.tools?.listChanged === true)
    filter.toolsListChanged = true
  if (asked.promptsListChanged === true && caps.prompts?.listChanged === true)
    filter.promptsListChanged = true
  if (
    asked.resourcesListChanged === true &&
    caps.resources?.listChanged === true
  )
    filter.resourcesListChanged = true
  const uris = asked.resourceSubscriptions
  if (Array.isArray(uris) && caps.resources?.subscribe === true) {
    filter.resourceSubscriptions = uris.filter(
      (uri): uri is string => typeof uri === 'string',
    )
  }
  return filter
}

function write(state: ServerState, sub: Subscription, message: JSONRPCMessage) {
  const event = state.dialect.unnamedEvents === true ? undefined : 'message'
  sub.stream.write(eventFrame(JSON.stringify(message), event))
}

function tagged(id: RequestId, params: Record<string, unknown> = {}) {
  const meta = isObject(params._meta) ? params._meta : {}
  return { ...params, _meta: { ...meta, [META.subscriptionId]: id } }
}

/** Opens the stream of a `subscriptions/listen`: the acknowledgment first, then what it asked for. */
export function listen(
  state: ServerState,
  request: Request,
  id: RequestId,
  asked: unknown,
  caps: ServerCapabilities,
  headers: Record<string, string>,
): Response {
  const stream = openConnection(state, 'post', request.signal)
  const sub: Subscription = { id, notifications: agreed(asked, caps), stream }
  state.subscriptions.add(sub)
  stream.onClose(() => state.subscriptions.delete(sub))
  write(state, sub, {
    jsonrpc: '2.0',
    method: 'notifications/subscriptions/acknowledged',
    params: tagged(id, { notifications: sub.notifications }),
  })
  const { heartbeat } = state.dialect
  if (heartbeat !== undefined) {
    stream.every(heartbeat.intervalMs, () =>
      stream.write(heartbeatFrame(heartbeat.as)),
    )
  }
  return new HttpResponse(stream.body, {
    headers: {
      ...headers,
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache',
      'X-Accel-Buffering': 'no',
    },
  })
}

function wants(
  filter: SubscriptionFilter,
  method: string,
  params: Record<string, unknown> | undefined,
): boolean {
  switch (method) {
    case 'notifications/tools/list_changed':
      return filter.toolsListChanged === true
    case 'notifications/prompts/list_changed':
      return filter.promptsListChanged === true
    case 'notifications/resources/list_changed':
      return filter.resourcesListChanged === true
    case 'notifications/resources/updated':
      return (filter.resourceSubscriptions ?? []).includes(String(params?.uri))
    default:
      // Anything else a test pushes goes out as it is, to see how clients take it.
      return true
  }
}

/** Sends a change notification to every listen stream that opted in to it, tagged with its id. */
export function publish(
  state: ServerState,
  method: string,
  params?: Record<string, unknown>,
): void {
  for (const sub of state.subscriptions) {
    if (!wants(sub.notifications, method, params)) continue
    write(state, sub, {
      jsonrpc: '2.0',
      method,
      params: tagged(sub.id, params),
    })
  }
}

/** Ends every subscription gracefully: its `subscriptions/listen` answered, then the stream closed. */
export function endSubscriptions(state: ServerState): void {
  for (const sub of [...state.subscriptions]) {
    write(state, sub, {
      jsonrpc: '2.0',
      id: sub.id,
      result: {
        resultType: 'complete',
        _meta: { [META.subscriptionId]: sub.id },
      },
    })
    sub.stream.close()
  }
}
