import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'vite'

function newest(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path).map((name) => newest(join(path, name))),
  )
}

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs
  } catch {
    return 0
  }
}

/** Builds the static site unless dist/ is newer than every source it comes from. */
export async function ensureBuilt(root: string): Promise<string> {
  const dist = join(root, 'dist')
  const built = mtime(join(dist, 'index.html'))
  const sources = Math.max(
    newest(join(root, 'src')),
    mtime(join(root, 'index.html')),
    newest(join(root, 'oauth')),
    // The packages it bundles, as built: a rebuilt core means a stale site.
    newest(join(root, 'node_modules', '@mcp-sse', 'core', 'dist')),
    newest(join(root, 'node_modules', '@mcp-sse', 'react', 'dist')),
    mtime(join(root, 'vite.config.ts')),
    // The panels, which vite.config.ts takes from the package's sources.
    newest(join(root, '..', 'packages', 'inspector-ui', 'src')),
  )
  if (built < sources) {
    // Vitest sets NODE_ENV=test, which Vite would bake into the bundle (React's dev build):
    // build what users get.
    const env = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      await build({
        root,
        configFile: join(root, 'vite.config.ts'),
        mode: 'production',
        logLevel: 'warn',
      })
    } finally {
      process.env.NODE_ENV = env
    }
  }
  return dist
}
