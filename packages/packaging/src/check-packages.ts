/**
 * `pnpm check:packages` (part of `pnpm test`, after the build): packs every published package and
 * runs publint (strict: warnings fail too) and Are the Types Wrong on each tarball. The packages
 * are ESM only, so attw's `esm-only` profile: CommonJS `require` and node10 resolution are not
 * offered and not judged.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { packAll } from './pack.ts'
import { run } from './run.ts'

/** Stylesheet subpaths (`./style.css`): attw judges JavaScript and types, so it cannot resolve them. */
async function cssEntrypoints(packageDir: string): Promise<string[]> {
  const manifest = JSON.parse(
    await readFile(join(packageDir, 'package.json'), 'utf8'),
  ) as { exports?: Record<string, unknown> }
  return Object.keys(manifest.exports ?? {}).filter((key) =>
    key.endsWith('.css'),
  )
}

const dir = await mkdtemp(join(tmpdir(), 'mcp-sse-pack-'))
let failures = 0
try {
  for (const pkg of await packAll(dir)) {
    const css = await cssEntrypoints(pkg.dir)
    const skipCss = css.length > 0 ? ['--exclude-entrypoints', ...css] : []
    for (const [tool, args] of [
      ['publint', ['run', pkg.tarball, '--strict']],
      [
        'attw',
        [pkg.tarball, '--profile', 'esm-only', '--format', 'ascii', ...skipCss],
      ],
    ] as const) {
      try {
        await run('pnpm', ['exec', tool, ...args], { cwd: pkg.dir })
        console.log(`ok   ${tool} ${pkg.name}@${pkg.version}`)
      } catch (error) {
        failures++
        console.log(`FAIL ${tool} ${pkg.name}@${pkg.version}`)
        console.log(error instanceof Error ? error.message : String(error))
      }
    }
  }
} finally {
  await rm(dir, { recursive: true, force: true })
}
if (failures > 0) {
  console.log(`${failures} package check(s) failed`)
  process.exitCode = 1
}
