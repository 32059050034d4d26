import { spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/** Where the installed `@modelcontextprotocol/conformance` lives. */
export const SUITE_DIR = dirname(
  createRequire(import.meta.url).resolve(
    '@modelcontextprotocol/conformance/package.json',
  ),
)

export interface SuiteRun {
  exitCode: number
  durationMs: number
}

/**
 * Runs `conformance client <args>` with this Node, its output (long: every check of every
 * scenario) into `logFile` rather than the console. The suite's own exit code is not used to
 * judge anything (see judge.ts); it is returned for the log.
 */
export function runSuite(
  args: readonly string[],
  logFile: string,
): Promise<SuiteRun> {
  const started = performance.now()
  const log = createWriteStream(logFile)
  const child = spawn(
    process.execPath,
    [join(SUITE_DIR, 'dist/index.js'), 'client', ...args],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    },
  )
  child.stdout.pipe(log, { end: false })
  child.stderr.pipe(log, { end: false })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      log.end()
      resolve({
        exitCode: code ?? (signal ? 128 : 1),
        durationMs: performance.now() - started,
      })
    })
  })
}
