import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build, type Plugin } from 'esbuild'

export interface AppSite {
  /** `http://127.0.0.1:PORT`: the app at `/`, the callback page at `/callback`. */
  readonly origin: string
  stop(): Promise<void>
}

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url))
const DIST = {
  '@mcp-sse/react': here('../../dist/index.js'),
  '@mcp-sse/react/oauth': here('../../dist/oauth.js'),
  '@mcp-sse/core': here('../../../core/dist/index.js'),
  '@mcp-sse/core/oauth': here('../../../core/dist/oauth.js'),
}

/**
 * The packages as users get them: their built dist, not the sources the tsconfig paths point at.
 * Without this plugin esbuild would follow those paths to src.
 */
const builtPackages: Plugin = {
  name: 'built-mcp-sse',
  setup(build) {
    build.onResolve({ filter: /^@mcp-sse\// }, ({ path }) => {
      const file = DIST[path as keyof typeof DIST]
      return file
        ? { path: file }
        : { errors: [{ text: `${path} is not a package the app uses` }] }
    })
  },
}

/** Bundles app/main.tsx and app/callback.tsx with esbuild, in memory, against the built dist. */
async function bundle(): Promise<Map<string, Uint8Array>> {
  const missing = Object.values(DIST).filter((file) => !existsSync(file))
  if (missing.length > 0)
    throw new Error(
      `The React test app is bundled from the built packages, and ${missing.join(', ')} is missing. Run \`pnpm --filter @mcp-sse/core --filter @mcp-sse/react build\` first.`,
    )
  const result = await build({
    entryPoints: {
      app: here('app/main.tsx'),
      callback: here('app/callback.tsx'),
    },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    outdir: here('out'),
    write: false,
    jsx: 'automatic',
    // The tsconfig's paths lead to src; the plugin decides instead.
    tsconfigRaw: { compilerOptions: { jsx: 'react-jsx' } },
    define: { 'process.env.NODE_ENV': '"production"' },
    plugins: [builtPackages],
    logLevel: 'silent',
  })
  return new Map(
    result.outputFiles.map((file) => [
      `/${basename(file.path)}`,
      file.contents,
    ]),
  )
}

const page = (script: string) =>
  `<!doctype html><html lang="en"><meta charset="utf-8"><title>oauth-browser</title><div id="root"></div><script type="module" src="${script}"></script></html>`

/** Bundles the app and serves it on 127.0.0.1, answering only requests addressed to that host. */
export async function startAppSite(): Promise<AppSite> {
  const files = await bundle()
  let host = ''
  const server = createServer((req, res) => {
    if (req.headers.host !== host)
      return void res.writeHead(421).end('Misdirected Request')
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const html =
      path === '/' ? '/app.js' : path === '/callback' ? '/callback.js' : null
    if (html)
      return void res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(page(html))
    const script = files.get(path)
    if (script)
      return void res
        .writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' })
        .end(script)
    res.writeHead(404).end('Not Found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin: `http://${host}`,
    stop: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
