import { MCPError } from './errors'

function isBrowser(): boolean {
  return (
    typeof (globalThis as { document?: unknown }).document === 'object' &&
    typeof (globalThis as { window?: unknown }).window === 'object'
  )
}

function pageOrigin(): string {
  const location = (globalThis as { location?: { origin?: string } }).location
  return location?.origin ?? '<your page origin>'
}

/** The low-level reason Node's fetch gives (`ECONNREFUSED`, `ENOTFOUND`, …), if any. */
function systemCode(error: unknown): string | undefined {
  let current: unknown = error
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code
    if (typeof code === 'string') return code
    current = (current as { cause?: unknown }).cause
  }
  return undefined
}

/**
 * A fetch that threw: the request never got an HTTP answer. In a browser the cause is hidden from
 * scripts, and the usual one for a server that is up is a CORS refusal, so say which headers fix it.
 */
export function networkError(
  what: 'stream' | 'post',
  url: string,
  cause: unknown,
  headerNames: readonly string[] = [],
): MCPError {
  const target = what === 'stream' ? 'the event stream' : 'the POST endpoint'
  if (isBrowser()) {
    const allowHeaders = [
      'content-type',
      ...headerNames.map((h) => h.toLowerCase()),
    ]
    return new MCPError(
      'network',
      `Could not reach ${target} at ${url}. Either nothing answers there, or the browser blocked the answer ` +
        `because of CORS. If the server is up, it must send 'Access-Control-Allow-Origin: ${pageOrigin()}' ` +
        `(or '*') on ${url}, and answer OPTIONS preflights with ` +
        `'Access-Control-Allow-Methods: GET, POST, OPTIONS' and ` +
        `'Access-Control-Allow-Headers: ${[...new Set(allowHeaders)].join(', ')}'.`,
      { cause },
    )
  }
  const code = systemCode(cause)
  const reason =
    code === 'ECONNREFUSED'
      ? 'the connection was refused: is the server running on that port?'
      : code === 'ENOTFOUND'
        ? 'the host name does not resolve: check the URL.'
        : code
          ? `${code}: check that the server is up and the URL is right.`
          : 'check that the server is up and the URL is right.'
  return new MCPError(
    'network',
    `Could not reach ${target} at ${url}: ${reason}`,
    {
      cause,
    },
  )
}

/** An HTTP answer the client cannot use, explained with what to do about it. */
export function httpError(
  what: 'stream' | 'post',
  url: string,
  status: number,
  body: string,
  hadSession: boolean,
): MCPError {
  const detail = body.trim().slice(0, 200)
  const said = detail ? ` The server said: ${detail}` : ''
  if (status === 401 || status === 403) {
    return new MCPError(
      'unauthorized',
      `The server refused the request to ${url} with ${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'}: ` +
        `credentials are missing or wrong. Pass them in the headers option, e.g. ` +
        `headers: { Authorization: 'Bearer <token>' }.${said}`,
      { status },
    )
  }
  if (
    what === 'post' &&
    (status === 404 ||
      (status === 400 && hadSession && /session/i.test(detail)))
  ) {
    if (hadSession) {
      return new MCPError(
        'session-expired',
        `The server no longer knows this session (${status} on ${url}); the client starts a new session.${said}`,
        { status },
      )
    }
    return new MCPError(
      'http',
      `Nothing accepts messages at ${url} (${status}). Set postEndpoint to the path the server reads POSTs from.${said}`,
      { status },
    )
  }
  if (what === 'stream' && status === 404) {
    return new MCPError(
      'http',
      `No event stream at ${url} (404). Check url and sseEndpoint (the stream path, '/sse' by default).${said}`,
      { status },
    )
  }
  if (what === 'stream' && status === 405) {
    return new MCPError(
      'http',
      `${url} does not accept GET (405): it may be a Streamable HTTP endpoint rather than an SSE stream. ` +
        `Point url at the server's SSE stream.${said}`,
      { status },
    )
  }
  const kind = status >= 500 ? 'a server error' : 'an error'
  return new MCPError(
    'http',
    `${what === 'stream' ? 'The event stream' : 'A POST'} at ${url} answered ${status}, ${kind}.${said}`,
    { status },
  )
}

export function badContentTypeError(
  url: string,
  contentType: string | null,
): MCPError {
  return new MCPError(
    'bad-content-type',
    `${url} answered with Content-Type '${contentType ?? 'none'}', not 'text/event-stream': ` +
      `it is not an SSE stream. Check url and sseEndpoint.`,
    { status: 200 },
  )
}
