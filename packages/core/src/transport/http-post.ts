import { MCPError } from '../errors'
import { networkError } from '../http-errors'
import type { WireTap } from '../wire-tap'
import { shownHeaders } from './streamable-http/http-context'

export interface HttpPost {
  url: string
  headers: Record<string, string>
  body: string
  credentials: RequestCredentials
  signal: AbortSignal
}

export interface HttpPostContext {
  fetch: typeof fetch
  wire: WireTap
  /** The user's own header names, for the CORS advice of a network error. */
  userHeaders: Record<string, string>
}

const now = () => performance.now()

/**
 * A POST that got no HTTP answer on a connection that was open: the server went away. That is a
 * dropped connection (reconnect, re-send what is safe), not one failed request.
 */
export function serverGone(cause: unknown): MCPError {
  return new MCPError(
    'connection-lost',
    `The server stopped answering: ${(cause as MCPError).message}`,
    { cause },
  )
}

/**
 * One POST of a message, for both transports: the answer's status and headers on the wire tap as
 * soon as they arrive; no answer at all is an `MCPError` (`connection-lost` when our own signal cut
 * it, `network` otherwise), shown on the tap too.
 */
export async function httpPost(
  post: HttpPost,
  context: HttpPostContext,
): Promise<Response> {
  const { url, headers, body, wire } = { ...post, wire: context.wire }
  const started = now()
  try {
    const response = await context.fetch(url, {
      method: 'POST',
      headers,
      body,
      credentials: post.credentials,
      signal: post.signal,
    })
    if (wire.active)
      wire.emit({
        type: 'post',
        url,
        headers,
        body,
        status: response.status,
        durationMs: now() - started,
        responseHeaders: shownHeaders(response.headers),
      })
    return response
  } catch (cause) {
    const error = post.signal.aborted
      ? new MCPError(
          'connection-lost',
          `The POST to ${url} was cut off: the connection closed.`,
          { cause },
        )
      : networkError('post', url, cause, Object.keys(context.userHeaders))
    if (wire.active)
      wire.emit({
        type: 'post',
        url,
        headers,
        body,
        status: null,
        durationMs: now() - started,
        error: error.message,
      })
    throw error
  }
}
