import type { TransportKind } from '@mcp-sse/core'

/** Header names whose values are credentials. */
const SECRET =
  /^(authorization|proxy-authorization|cookie|x-api-key|api-key|x-auth-token)$|token|secret|key/i

export function isSecretHeader(name: string): boolean {
  return SECRET.test(name)
}

function quote(value: string): string {
  // POSIX shell single quotes: nothing inside is special except the quote itself.
  return `'${value.replace(/'/g, `'\\''`)}'`
}

export interface CurlRequest {
  url: string
  headers: Record<string, string>
  body: string
  /** How the session reached the server; decides where the answer goes. */
  transport?: TransportKind | null
  /** The id the command sends instead of the original one; a random one by default. */
  freshId?: string
  /** HTTP+SSE: the session's stream URL, for the command that opens a stream of one's own. */
  streamUrl?: string
}

export interface CurlCommand {
  command: string
  /** What the user should know before running it (where the answer appears). */
  note: string | null
  /** A second command, when the answer arrives on another connection (HTTP+SSE's stream). */
  streamCommand: string | null
}

/**
 * The JSON-RPC id the pasted command sends: a fresh one, so that the server's answer is never taken
 * for the answer to the inspector's own request with that id.
 */
function freshBody(
  body: string,
  fresh: string,
): { body: string; id: string | null } {
  try {
    const message: unknown = JSON.parse(body)
    if (
      typeof message === 'object' &&
      message !== null &&
      'method' in message &&
      'id' in message
    ) {
      const id = fresh
      return { body: JSON.stringify({ ...message, id }), id }
    }
  } catch {
    // Not JSON: sent as it is.
  }
  return { body, id: null }
}

function hasHeader(headers: Record<string, string>, name: string): boolean {
  const lower = name.toLowerCase()
  return Object.keys(headers).some((h) => h.toLowerCase() === lower)
}

/**
 * A `curl` command that repeats a POST. Credentials are replaced by a placeholder unless
 * `includeSecrets`, so a command pasted into a ticket does not leak a token. Streamable HTTP gets
 * the `Accept` both answer shapes need and `-N`, so an SSE answer prints as it streams.
 */
export function toCurl(
  request: CurlRequest,
  includeSecrets = false,
): CurlCommand {
  const { body, id } = freshBody(
    request.body,
    request.freshId ?? `curl-${Math.random().toString(36).slice(2, 8)}`,
  )
  const streamable = request.transport !== 'sse'
  const headers: Record<string, string> = {}
  if (!hasHeader(request.headers, 'content-type'))
    headers['Content-Type'] = 'application/json'
  if (!hasHeader(request.headers, 'accept'))
    headers.Accept = 'application/json, text/event-stream'
  Object.assign(headers, request.headers)
  const lines = [
    `curl${streamable && id !== null ? ' -N' : ''} -X POST ${quote(request.url)}`,
  ]
  for (const [name, value] of Object.entries(headers)) {
    const shown = includeSecrets || !isSecretHeader(name) ? value : '<redacted>'
    lines.push(`  -H ${quote(`${name}: ${shown}`)}`)
  }
  lines.push(`  --data-raw ${quote(body)}`)
  const command = lines.join(' \\\n')
  if (request.transport !== 'sse' || id === null) {
    return { command, note: null, streamCommand: null }
  }
  const stream = request.streamUrl ?? streamUrlOf(request.url)
  return {
    command,
    note:
      `HTTP+SSE: this POST answers only "202 Accepted"; the server sends the answer on the ` +
      `session's event stream, which this inspector holds, so it shows in the log as an ` +
      `unmatched response with id "${id}". To read answers in a terminal, open a stream of ` +
      `your own with the second command and POST to the endpoint its first event names.`,
    streamCommand:
      stream === null
        ? null
        : `curl -N -H 'Accept: text/event-stream' ${quote(stream)}`,
  }
}

/** HTTP+SSE servers take POSTs at `/message?sessionId=…`; their stream is usually `/sse` beside it. */
function streamUrlOf(postUrl: string): string | null {
  try {
    const url = new URL(postUrl)
    url.search = ''
    url.pathname = url.pathname.replace(/\/[^/]*$/, '/sse')
    return url.href
  } catch {
    return null
  }
}
