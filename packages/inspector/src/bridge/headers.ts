import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http'
import { TOKEN_HEADER } from '../token'

/** Hop-by-hop headers (RFC 9110 §7.6.1): they describe one connection, not the message. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
])

/**
 * Headers of the page's request that stay behind: the launcher's token (it is for the launcher,
 * not the server), cookies (the browser sends 127.0.0.1's cookies of every local app, whatever
 * the port) and the page's Origin and Referer, which name the launcher, not the user's client. The
 * target is reached as a command-line client would reach it.
 */
const REQUEST_DROPPED = new Set([
  'host',
  TOKEN_HEADER,
  'cookie',
  'origin',
  'referer',
])

/**
 * Headers of the server's answer that stay behind: cookies it sets would land on 127.0.0.1 for
 * every local app, and its CORS headers mean nothing on the launcher's own origin.
 */
function droppedFromResponse(name: string): boolean {
  return name === 'set-cookie' || name.startsWith('access-control-')
}

function connectionListed(headers: IncomingHttpHeaders): Set<string> {
  const value = headers.connection
  return new Set(
    (value ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== ''),
  )
}

export function forwardedRequestHeaders(
  headers: IncomingHttpHeaders,
  targetHost: string,
): OutgoingHttpHeaders {
  const listed = connectionListed(headers)
  const out: OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    if (HOP_BY_HOP.has(name) || listed.has(name) || REQUEST_DROPPED.has(name))
      continue
    if (name.startsWith('sec-')) continue
    out[name] = value
  }
  out.host = targetHost
  return out
}

export function forwardedResponseHeaders(
  headers: IncomingHttpHeaders,
): OutgoingHttpHeaders {
  const listed = connectionListed(headers)
  const out: OutgoingHttpHeaders = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    if (HOP_BY_HOP.has(name) || listed.has(name) || droppedFromResponse(name))
      continue
    out[name] = value
  }
  return out
}
