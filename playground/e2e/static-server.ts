import { createReadStream, statSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize } from 'node:path'
import { forward } from './proxy'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
}

export interface StaticSite {
  /** Where the site lives, ending in `/`. */
  url: string
  close(): Promise<void>
}

/**
 * Serves `dir` under `base` only (everything else 404s), as a static host with a sub-path would.
 * `proxy` maps paths (`/mcp`) to the origins that answer them, on the site's own origin.
 */
export async function serveStatic(
  dir: string,
  base: string,
  proxy: Record<string, string> = {},
): Promise<StaticSite> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(
      new URL(req.url ?? '/', 'http://x').pathname,
    )
    const target = proxy[path]
    if (target !== undefined) {
      forward(req, res, target)
      return
    }
    if (!path.startsWith(base)) {
      res.writeHead(404).end('outside the base path')
      return
    }
    let file = normalize(join(dir, path.slice(base.length)))
    if (!file.startsWith(dir)) {
      res.writeHead(403).end()
      return
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html')
      statSync(file)
    } catch {
      res.writeHead(404).end('not found')
      return
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    })
    createReadStream(file).pipe(res)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
