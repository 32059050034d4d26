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
    mtime(join(root, 'vite.config.ts')),
  )
  if (built < sources) {
    await build({
      root,
      configFile: join(root, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
    })
  }
  return dist
}
