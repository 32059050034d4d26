import { MCPError } from './errors'

/** The page's own address in a browser, so relative URLs work there; undefined in Node. */
function pageBase(): string | undefined {
  const location = (globalThis as { location?: { href?: string } }).location
  return typeof location?.href === 'string' ? location.href : undefined
}

function parseUrl(raw: string, base?: string): URL {
  try {
    return new URL(raw, base ?? pageBase())
  } catch (cause) {
    throw new MCPError(
      'invalid-options',
      `"${raw}" is not a URL. Pass an absolute URL such as 'http://localhost:3001' (or a path, in a browser).`,
      { cause },
    )
  }
}

function joinPath(basePath: string, path: string): string {
  const head = basePath.endsWith('/') ? basePath.slice(0, -1) : basePath
  const tail = path.startsWith('/') ? path : `/${path}`
  return head + tail
}

export interface ResolvedUrls {
  /** The URL as the user gave it. */
  given: URL
  /** Its path already ends with `sseEndpoint`: it is an SSE stream. */
  namesStream: boolean
  /** Where the event stream is opened (HTTP+SSE). */
  stream: URL
  /** Where to POST when the server names no endpoint. */
  fallbackPost: URL
}

/**
 * `url` is a base URL (`sseEndpoint` is appended) or already the stream URL (its path ends with
 * `sseEndpoint`); the fallback POST endpoint sits beside the stream under the same base.
 */
export function resolveUrls(
  url: string,
  sseEndpoint: string,
  postEndpoint: string,
): ResolvedUrls {
  const given = parseUrl(url)
  const ssePath = sseEndpoint.startsWith('/') ? sseEndpoint : `/${sseEndpoint}`
  const pathname = given.pathname.replace(/\/+$/, '') || '/'
  const isStreamUrl = ssePath !== '/' && pathname.endsWith(ssePath)
  const basePath = isStreamUrl
    ? pathname.slice(0, -ssePath.length) || '/'
    : pathname
  const stream = new URL(given)
  stream.pathname = isStreamUrl ? pathname : joinPath(basePath, ssePath)
  let fallbackPost: URL
  if (/^[a-z][a-z0-9+.-]*:/i.test(postEndpoint)) {
    fallbackPost = parseUrl(postEndpoint)
  } else {
    fallbackPost = new URL(given)
    fallbackPost.search = ''
    const [path = '', query] = postEndpoint.split('?', 2)
    fallbackPost.pathname = joinPath(basePath, path)
    if (query !== undefined) fallbackPost.search = `?${query}`
  }
  fallbackPost.hash = ''
  return { given, namesStream: isStreamUrl, stream, fallbackPost }
}

/**
 * Reads an `endpoint` event's data: a relative path, an absolute URL, a JSON string, or a JSON
 * object holding one (`{ "endpoint": … }`, `{ "url": … }`, `{ "uri": … }`, `{ "path": … }`).
 * Returns null when the data names no endpoint.
 */
export function endpointFromEventData(
  data: string,
  streamUrl: URL,
): URL | null {
  const text = data.trim()
  let candidate: unknown = text
  if (text.startsWith('{') || text.startsWith('"')) {
    try {
      candidate = JSON.parse(text)
    } catch {
      return null
    }
  }
  if (typeof candidate === 'object' && candidate !== null) {
    const record = candidate as Record<string, unknown>
    candidate = record.endpoint ?? record.url ?? record.uri ?? record.path
  }
  if (typeof candidate !== 'string' || candidate === '') return null
  try {
    return new URL(candidate, streamUrl)
  } catch {
    return null
  }
}

/** The session id servers put in the POST URL's query (`sessionId` or `session_id`). */
export function sessionIdFromUrl(url: URL): string | null {
  return url.searchParams.get('sessionId') ?? url.searchParams.get('session_id')
}

/** Adds `sessionId=<id>` to the fallback POST URL, as servers that announce the id in a message expect. */
export function withSessionId(url: URL, sessionId: string): URL {
  const next = new URL(url)
  next.searchParams.set('sessionId', sessionId)
  return next
}

/** Throws unless `endpoint` is on the stream's origin or one the user allowed. */
export function assertAllowedOrigin(
  endpoint: URL,
  streamUrl: URL,
  allowedOrigins: readonly string[],
): void {
  if (endpoint.origin === streamUrl.origin) return
  const allowed = allowedOrigins.some(
    (origin) => parseUrl(origin).origin === endpoint.origin,
  )
  if (allowed) return
  throw new MCPError(
    'cross-origin-endpoint',
    `The server at ${streamUrl.origin} told the client to POST to ${endpoint.origin}, another origin. ` +
      `Nothing was sent there. If you trust it, add '${endpoint.origin}' to the allowedOrigins option.`,
  )
}
