import { createReadStream, statSync } from 'node:fs'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, resolve, sep } from 'node:path'
import { BASE_HEADERS, refuse } from './reply'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
}

/**
 * The page may connect to any server the user names, so `connect-src` stays open; scripts, styles
 * and frames come only from the launcher, and no other site may frame it.
 */
const PAGE_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src *; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

/** Serves the built inspector from `root`; anything outside it, or missing, is a 404. */
export function serveSite(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    refuse(res, 405, 'The inspector page answers GET only.', { Allow: 'GET' })
    return
  }
  let relative: string
  try {
    relative = decodeURIComponent(pathname)
  } catch {
    refuse(res, 400, 'Malformed path.')
    return
  }
  if (relative.endsWith('/')) relative += 'index.html'
  const base = resolve(root)
  const file = resolve(join(base, relative))
  if (file !== base && !file.startsWith(base + sep)) {
    refuse(res, 404, 'Not found.')
    return
  }
  let size: number
  try {
    const stat = statSync(file)
    if (!stat.isFile()) throw new Error('not a file')
    size = stat.size
  } catch {
    refuse(res, 404, 'Not found.')
    return
  }
  res.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': String(size),
    // The site is rebuilt with stable file names: never serve a stale copy.
    'Cache-Control': 'no-cache',
    'Content-Security-Policy': PAGE_POLICY,
  })
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  createReadStream(file).pipe(res)
}
