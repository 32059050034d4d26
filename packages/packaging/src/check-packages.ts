/**
 * `pnpm check:packages` (part of `pnpm test`, after the build): packs every published package and
 * runs publint (strict: warnings fail too) and Are the Types Wrong on each tarball. The packages
 * are ESM only, so attw's `esm-only` profile: CommonJS `require` and node10 resolution are not
 * offered and not judged.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { packAll } from './pack.ts'
import { run } from './run.ts'

const dir = await mkdtemp(join(tmpdir(), 'mcp-sse-pack-'))
let failures = 0
try {
  for (const pkg of await packAll(dir)) {
    for (const [tool, args] of [
      ['publint', ['run', pkg.tarball, '--strict']],
      ['attw', [pkg.tarball, '--profile', 'esm-only', '--format', 'ascii']],
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
