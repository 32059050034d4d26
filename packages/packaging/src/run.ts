import { spawn } from 'node:child_process'

export interface RunOptions {
  cwd: string
  /** @defaultValue 120000 */
  timeoutMs?: number
  env?: Record<string, string>
}

/**
 * Runs a command to completion and resolves with its output; rejects with the command, its exit
 * and the tail of its output when it fails or outlives `timeoutMs` (then it is killed).
 */
export function run(
  command: string,
  args: string[],
  options: RunOptions,
): Promise<string> {
  const timeoutMs = options.timeoutMs ?? 120_000
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const collect = (chunk: Buffer) => (output += chunk.toString('utf8'))
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      if (code === 0) {
        resolve(output)
        return
      }
      const how =
        signal === 'SIGKILL'
          ? `was killed after ${timeoutMs} ms`
          : `exited with ${code ?? signal}`
      reject(
        new Error(
          `\`${command} ${args.join(' ')}\` in ${options.cwd} ${how}:\n${output.slice(-6000)}`,
        ),
      )
    })
  })
}
