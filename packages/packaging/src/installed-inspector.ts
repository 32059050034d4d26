import { spawn } from 'node:child_process'
import { join } from 'node:path'

export interface InstalledInspector {
  /** The page's URL as the launcher printed it (its token is in the fragment). */
  pageUrl: string
  stop(): Promise<void>
}

/**
 * Starts the `mcp-sse-inspector` bin that the app installed from the tarball, with `--no-open`,
 * and resolves with the URL it prints. Rejects with its output if it exits or says nothing in
 * 15 s.
 */
export function startInstalledInspector(
  appDir: string,
): Promise<InstalledInspector> {
  const bin = join(
    appDir,
    'node_modules',
    '@mcp-sse',
    'inspector',
    'bin',
    'mcp-sse-inspector.js',
  )
  const child = spawn(process.execPath, [bin, '--no-open'], {
    cwd: appDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => resolve()),
  )
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL')
    }
    await exited
  }
  return new Promise((resolve, reject) => {
    let output = ''
    let settled = false
    const fail = (why: string) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void stop().then(() => reject(new Error(`${why}:\n${output}`)))
    }
    const timer = setTimeout(
      () => fail('mcp-sse-inspector printed no URL in 15 s'),
      15_000,
    )
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /mcp-sse inspector: (http:\/\/\S+)/.exec(output)
      if (match?.[1] && !settled) {
        settled = true
        clearTimeout(timer)
        resolve({ pageUrl: match[1], stop })
      }
    })
    child.once('exit', (code) => fail(`mcp-sse-inspector exited (${code})`))
  })
}
