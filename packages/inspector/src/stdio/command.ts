import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'

/**
 * The one command the launcher may start, fixed by its own command line. Nothing a request
 * carries is ever added to it: every session spawns exactly this.
 */
export interface StdioCommand {
  command: string
  args: readonly string[]
  /** Added to the launcher's own environment (`-e KEY=VALUE`). */
  env: Readonly<Record<string, string>>
  /** Working directory (`--cwd`). @defaultValue the launcher's */
  cwd?: string
}

/** `node build/server.js --flag`, for messages. */
export function describeCommand(command: StdioCommand): string {
  return [command.command, ...command.args]
    .map((part) =>
      /^[\w@%+=:,./-]+$/.test(part) ? part : JSON.stringify(part),
    )
    .join(' ')
}

/**
 * Starts the command in a process group of its own, so that ending it also ends what it started
 * (`npx` runs the server as its child). No shell: arguments reach the program as they are.
 */
export function spawnCommand(
  command: StdioCommand,
): ChildProcessWithoutNullStreams {
  return spawn(command.command, [...command.args], {
    cwd: command.cwd,
    env: { ...process.env, ...command.env },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: process.platform !== 'win32',
    shell: false,
    windowsHide: true,
  })
}

function signalGroup(
  child: ChildProcessWithoutNullStreams,
  signal: NodeJS.Signals,
): void {
  if (child.pid === undefined) return
  try {
    if (process.platform === 'win32') child.kill(signal)
    else process.kill(-child.pid, signal)
  } catch {
    // Already gone.
  }
}

/**
 * Ends the process and its group: stdin closed (a stdio server's cue to exit), then SIGTERM, then
 * SIGKILL after `graceMs`. Resolves once the process has exited.
 */
export function endProcess(
  child: ChildProcessWithoutNullStreams,
  graceMs = 2_000,
): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else {
      child.once('close', () => resolve())
      // A spawn that failed (no such program) reports 'error' and may never 'close'.
      child.once('error', () => resolve())
    }
  })
  child.stdin.end()
  signalGroup(child, 'SIGTERM')
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs)
  return exited.finally(() => {
    clearTimeout(timer)
    // The leader may exit on SIGTERM while something it started ignores it.
    signalGroup(child, 'SIGKILL')
  })
}
