import { MCPError } from '../../errors'
import type { ResponseBody } from '../../stream/read-event-stream'
import { httpError, networkError } from '../../http-errors'
import {
  credentials,
  sessionHeaders,
  shownHeaders,
  type StreamableHTTPConfig,
} from './http-context'

export type GetOutcome =
  | { ok: true; body: ResponseBody }
  /** The server offers no stream here (405, or 404/400 before any stream worked). */
  | { ok: false; error: MCPError }

export interface GetRequest {
  sessionId: string | null
  protocolVersion: string | null
  lastEventId?: string
  /** For the wire tap: which answer stream this GET resumes, if any. */
  resumes?: string | number
  signal: AbortSignal
}

/**
 * One GET on the MCP endpoint: the stream for server-initiated messages, or the resumption of a
 * broken stream with `Last-Event-ID`. Rejects with an `MCPError` when no HTTP answer came.
 */
export async function openGet(
  config: StreamableHTTPConfig,
  request: GetRequest,
): Promise<GetOutcome> {
  const url = config.url.href
  const extra: Record<string, string> = { Accept: 'text/event-stream' }
  if (request.lastEventId !== undefined)
    extra['Last-Event-ID'] = request.lastEventId
  let response: Response
  try {
    response = await config.fetch(url, {
      method: 'GET',
      headers: sessionHeaders(
        config,
        request.sessionId,
        request.protocolVersion,
        extra,
      ),
      credentials: credentials(config),
      signal: request.signal,
      cache: 'no-store',
    })
  } catch (cause) {
    if (request.signal.aborted)
      throw new MCPError('closed', 'The stream was closed by the client.')
    throw networkError('stream', url, cause, Object.keys(config.headers))
  }
  const contentType = response.headers.get('content-type') ?? ''
  const ok =
    response.ok &&
    response.body !== null &&
    contentType.toLowerCase().includes('text/event-stream')
  if (config.wire.active) {
    config.wire.emit({
      type: 'stream-open',
      url,
      status: response.status,
      via: 'fetch',
      stream: 'get',
      ...(request.lastEventId !== undefined && {
        lastEventId: request.lastEventId,
      }),
      responseHeaders: shownHeaders(response.headers),
    })
  }
  if (ok && response.body) return { ok: true, body: response.body }
  const text = await response.text().catch(() => '')
  const error = response.ok
    ? new MCPError(
        'bad-content-type',
        `The GET stream at ${url} answered with Content-Type '${contentType || 'none'}', not 'text/event-stream'.`,
        { status: response.status },
      )
    : httpError(
        'stream',
        url,
        response.status,
        text,
        request.sessionId !== null,
      )
  return { ok: false, error }
}
