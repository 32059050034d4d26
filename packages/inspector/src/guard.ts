import type { IncomingMessage } from 'node:http'
import { networkInterfaces } from 'node:os'
import { TOKEN_HEADER, tokenMatches } from './token'

/** Why a request was turned away before it reached any route. */
export interface Refusal {
  status: 401 | 403
  message: string
}

function authority(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/**
 * The `Host` values under which the launcher may be addressed: its own loopback address and
 * `localhost`. A page on any other name that resolves to 127.0.0.1 (DNS rebinding) sends its own
 * name as `Host` and is refused. Bound to all interfaces, each interface's address counts too.
 */
export function ownAuthorities(bindHost: string, port: number): Set<string> {
  const names = new Set([
    authority('127.0.0.1', port),
    authority('localhost', port),
  ])
  if (bindHost === '0.0.0.0' || bindHost === '::') {
    for (const list of Object.values(networkInterfaces())) {
      for (const each of list ?? []) names.add(authority(each.address, port))
    }
  } else {
    names.add(authority(bindHost, port))
  }
  return names
}

/**
 * Host and Origin, checked on every request, whatever its path: a wrong Host is a DNS-rebinding
 * page, a foreign Origin is another site's page. Both get 403 before anything else happens.
 */
export function checkOrigin(
  req: IncomingMessage,
  authorities: ReadonlySet<string>,
): Refusal | null {
  const host = req.headers.host?.toLowerCase()
  if (host === undefined || !authorities.has(host)) {
    return {
      status: 403,
      message: `Refused: Host ${JSON.stringify(host ?? '')} is not this launcher's address. Open the URL the launcher printed (http://127.0.0.1:<port>/…).`,
    }
  }
  const origin = req.headers.origin
  if (origin !== undefined && !isOwnOrigin(origin, authorities)) {
    return {
      status: 403,
      message: `Refused: requests from ${JSON.stringify(origin)} are not allowed. Only the page this launcher serves may call it.`,
    }
  }
  return null
}

export function isOwnOrigin(
  origin: string,
  authorities: ReadonlySet<string>,
): boolean {
  const prefix = 'http://'
  return (
    origin.startsWith(prefix) &&
    authorities.has(origin.slice(prefix.length).toLowerCase())
  )
}

/** The token, required on every bridge and stdio request. */
export function checkToken(
  req: IncomingMessage,
  token: string,
): Refusal | null {
  if (tokenMatches(token, req.headers[TOKEN_HEADER])) return null
  return {
    status: 401,
    message: `Refused: this request carries no valid ${TOKEN_HEADER} header. Open the inspector from the URL the launcher printed; the page sends the token itself.`,
  }
}
