import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { packageRoot, repoRoot } from './support/paths'

function newest(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path).map((name) => newest(join(path, name))),
  )
}

function mtime(path: string): number {
  return existsSync(path) ? statSync(path).mtimeMs : 0
}

/**
 * The CLI and browser tests run the launcher as users do, from its built bin with the built page
 * in site/: build the playground when its sources are newer than its dist, then this package.
 */
export default function setup(): void {
  const playground = join(repoRoot, 'playground')
  const built = mtime(join(playground, 'dist', 'index.html'))
  const sources = Math.max(
    newest(join(playground, 'src')),
    mtime(join(playground, 'index.html')),
    newest(join(repoRoot, 'packages', 'core', 'dist')),
    newest(join(repoRoot, 'packages', 'react', 'dist')),
  )
  // Vitest's NODE_ENV=test would give the page React's development build.
  const env = { ...process.env, NODE_ENV: 'production' }
  if (built < sources) {
    execFileSync('pnpm', ['--filter', 'playground', 'build'], {
      cwd: repoRoot,
      stdio: 'inherit',
      env,
    })
  }
  execFileSync('pnpm', ['build'], { cwd: packageRoot, stdio: 'ignore', env })
}
