import { cp, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { PackedPackage } from './pack.ts'
import { run } from './run.ts'

/** The app's sources: a Vite + React + TypeScript app as a user would write it. */
const TEMPLATE = fileURLToPath(new URL('../app', import.meta.url))

type Manifest = Record<string, unknown> & {
  dependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

/**
 * Copies the app into `dir` (a folder outside the workspace), points its `@mcp-sse/*`
 * dependencies at the packed tarballs and installs it with pnpm, so it resolves the packages
 * exactly as a user's app resolves the published ones. Every other dependency is pinned in
 * app/package.json to the version the workspace uses, which the pnpm store already holds.
 */
export async function createConsumerApp(
  dir: string,
  packed: PackedPackage[],
): Promise<void> {
  await cp(TEMPLATE, dir, { recursive: true })
  const tarballs = new Map(packed.map((pkg) => [pkg.name, pkg.tarball]))
  const manifestPath = join(dir, 'package.json')
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as Manifest
  for (const deps of [manifest.dependencies, manifest.devDependencies]) {
    for (const name of Object.keys(deps ?? {})) {
      if (!name.startsWith('@mcp-sse/') || deps === undefined) continue
      const tarball = tarballs.get(name)
      if (tarball === undefined) {
        throw new Error(`app/package.json uses ${name}, which is not published`)
      }
      deps[name] = `file:${tarball}`
    }
  }
  await writeFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`)
  // A package's own dependency on another of ours (react -> core 0.1.0) must take the tarball
  // too: without the override pnpm would look for that version on the registry.
  const overrides = packed
    .map((pkg) => `  '${pkg.name}': 'file:${pkg.tarball}'`)
    .join('\n')
  // Strict peers: a peer range of ours that the app's React, msw or Query does not meet fails
  // the install instead of warning.
  await writeFile(
    join(dir, 'pnpm-workspace.yaml'),
    `strictPeerDependencies: true\noverrides:\n${overrides}\n`,
  )
  await run('pnpm', ['install', '--prefer-offline'], {
    cwd: dir,
    timeoutMs: 150_000,
  })
}
