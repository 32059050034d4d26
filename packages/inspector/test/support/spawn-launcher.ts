import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { launcherBin } from './paths'

export interface SpawnedLauncher {
  child: ChildProcess
  pageUrl: string
  origin: string
  token: string
  stdout(): string
  stderr(): string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  stop(): Promise<void>
}

/** Runs the built bin as a user would, and resolves once it printed its URL. */
export function spawnLauncher(
  args: string[],
  env: Record<string, string> = {},
): Promise<SpawnedLauncher> {
  const child = spawn(process.execPath, [launcherBin, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  child.stdout?.on('data', (c: Buffer) => (out += c.toString()))
  child.stderr?.on('data', (c: Buffer) => (err += c.toString()))
  const exited = new Promise<{
    code: number | null
    signal: NodeJS.Signals | null
  }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  )
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no URL printed in 15 s:\n${out}\n${err}`)),
      15_000,
    )
    void exited.then(({ code }) => {
      clearTimeout(timer)
      reject(
        new Error(
          `the launcher exited (${code}) before printing its URL:\n${out}\n${err}`,
        ),
      )
    })
    child.stdout?.on('data', () => {
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\S*#token=([\w-]+))/.exec(out)
      if (match?.[1] === undefined || match[2] === undefined) return
      clearTimeout(timer)
      const pageUrl = match[1]
      resolve({
        child,
        pageUrl,
        origin: new URL(pageUrl).origin,
        token: match[2],
        stdout: () => out,
        stderr: () => err,
        exited,
        async stop() {
          if (child.exitCode === null && child.signalCode === null)
            child.kill('SIGKILL')
          await exited
        },
      })
    })
  })
}

/** Every process whose parent chain leads to `pid` (Linux /proc), for "nothing left behind" checks. */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      // The command name may hold spaces and parentheses: fields start after the last ')'.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      parents.set(Number(name), Number(fields[1]))
    } catch {
      // Gone while reading.
    }
  }
  const found: number[] = []
  const walk = (parent: number) => {
    for (const [child, ppid] of parents) {
      if (ppid === parent) {
        found.push(child)
        walk(child)
      }
    }
  }
  walk(pid)
  return found
}

/** Processes in a process group, which outlive a killed parent unless the group is ended. */
export function groupMembers(pgid: number): number[] {
  const members: number[] = []
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      if (Number(fields[2]) === pgid) members.push(Number(name))
    } catch {
      // Gone while reading.
    }
  }
  return members
}
