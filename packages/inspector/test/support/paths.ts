import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const packageRoot = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
)
export const repoRoot = join(packageRoot, '..', '..')
export const launcherBin = join(packageRoot, 'bin', 'mcp-sse-inspector.js')

/** server-everything's own bin, a dependency of the testkit: run as `<bin> stdio`. */
export const serverEverythingBin = join(
  repoRoot,
  'packages',
  'testkit',
  'node_modules',
  '.bin',
  'mcp-server-everything',
)

/** A stand-in page for the tests that do not need the built inspector. */
export function tempSite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-sse-site-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>site</title>')
  return dir
}
