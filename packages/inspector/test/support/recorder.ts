import { mkdtempSync, readFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * A tiny stdio MCP server that writes down how it was started (argv, cwd, one env variable) and
 * every line it read, so a test can see exactly what the launcher spawned and wrote. It answers
 * `initialize` and echoes `ping`.
 */
const SOURCE = `
const { appendFileSync } = require('node:fs')
const log = process.env.RECORDER_LOG
appendFileSync(log, JSON.stringify({ argv: process.argv.slice(1), cwd: process.cwd(), env: process.env.RECORDER_EXTRA ?? null }) + '\\n')
require('node:readline').createInterface({ input: process.stdin }).on('line', (line) => {
  appendFileSync(log, JSON.stringify({ line }) + '\\n')
  const m = JSON.parse(line)
  if (m.method === 'initialize') process.stdout.write(JSON.stringify({ jsonrpc: '2.0', id: m.id, result: { protocolVersion: '2025-11-25', capabilities: {}, serverInfo: { name: 'recorder', version: '1' } } }) + '\\n')
  else if (m.id !== undefined && m.method) process.stdout.write(JSON.stringify({ jsonrpc: '2.0', id: m.id, result: {} }) + '\\n')
})
`

export interface Recorder {
  /** `node -e <source> <args>`, to pass as the launcher's command. */
  command: string
  args: string[]
  env: Record<string, string>
  dir: string
  /** One entry per process started. */
  starts(): { argv: string[]; cwd: string; env: string | null }[]
  /** Every line the processes read from stdin. */
  lines(): string[]
}

export function recorder(args: string[] = ['--fixed', 'arg']): Recorder {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-sse-recorder-'))
  const logFile = join(dir, 'log.jsonl')
  const entries = () =>
    existsSync(logFile)
      ? readFileSync(logFile, 'utf8')
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => JSON.parse(l) as Record<string, unknown>)
      : []
  return {
    command: process.execPath,
    args: ['-e', SOURCE, '--', ...args],
    env: { RECORDER_LOG: logFile, RECORDER_EXTRA: 'from -e' },
    dir,
    starts: () =>
      entries().filter((e) => 'argv' in e) as {
        argv: string[]
        cwd: string
        env: string | null
      }[],
    lines: () =>
      entries().flatMap((e) => (typeof e.line === 'string' ? [e.line] : [])),
  }
}
