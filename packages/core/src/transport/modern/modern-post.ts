import type { JSONRPCNotification, JSONRPCRequest } from '../../jsonrpc'
import { httpPost } from '../http-post'
import { credentials } from '../streamable-http/http-context'
import type { ModernConfig } from './modern-transport'
import { mirroredHeaders, withProtocolMeta } from './prepare-request'
import { readAnswer } from './read-answer'
import type { ToolBook } from './tool-book'

/**
 * One POST of a message as protocol 2026-07-28 wants it: the Accept header both answer shapes
 * need, the user's headers, then the headers that mirror the body (which the user's cannot
 * override), shown on the wire tap as it leaves.
 */
function post(
  config: ModernConfig,
  message: JSONRPCRequest | JSONRPCNotification,
  mirrored: Record<string, string>,
  signal: AbortSignal,
): Promise<Response> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    Accept: 'application/json, text/event-stream',
    ...config.headers,
    ...mirrored,
  }
  const { wire } = config
  if (wire.active) wire.emit({ type: 'message-out', message })
  return httpPost(
    {
      url: config.url.href,
      headers,
      body: JSON.stringify(message),
      credentials: credentials(config),
      signal,
    },
    { fetch: config.fetch, wire, userHeaders: config.headers },
  )
}

/** One POST of a request in revision `version`: its `_meta`, and the headers that mirror it. */
export function postModern(
  config: ModernConfig,
  version: string,
  tools: ToolBook,
  message: JSONRPCRequest,
  signal: AbortSignal,
): Promise<Response> {
  const prepared = withProtocolMeta(message, version, config.client)
  const mirrored = mirroredHeaders(prepared, version)
  if (message.method === 'tools/call')
    Object.assign(
      mirrored,
      tools.headersFor(message.params?.name, message.params?.arguments),
    )
  return post(config, prepared, mirrored, signal)
}

/** A notification POSTed as it is, with the version and method headers (answered 202). */
export function postNotification(
  config: ModernConfig,
  version: string,
  message: JSONRPCNotification,
): Promise<Response> {
  return post(
    config,
    message,
    mirroredHeaders(message, version),
    AbortSignal.timeout(30_000),
  )
}

/** One page of `tools/list` the transport asks for itself (its answer goes to nobody else). */
export async function listToolsPage(
  config: ModernConfig,
  post: (message: JSONRPCRequest, signal: AbortSignal) => Promise<Response>,
  cursor: string | undefined,
  n: number,
): Promise<Record<string, unknown> | null> {
  const id = `tools-relist-${n}`
  const message: JSONRPCRequest = { jsonrpc: '2.0', id, method: 'tools/list' }
  if (cursor !== undefined) message.params = { cursor }
  const response = await post(message, AbortSignal.timeout(10_000))
  if (!response.ok) return null
  let result: Record<string, unknown> | null = null
  const reader = readAnswer(
    config,
    response,
    id,
    { requestId: id },
    (answer) => {
      if ('result' in answer && answer.id === id) result = answer.result
    },
  )
  await reader.outcome.catch(() => null)
  return result
}
