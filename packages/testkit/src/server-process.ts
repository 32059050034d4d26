import { spawn, type ChildProcess } from 'node:child_process'
import { LISTEN_PROBE_URL, listeningPort } from './listen-probe'

/** Keeps the tail of a process's output so a failing test can print it. */
export class OutputBuffer {
  private text = ''
  constructor(private readonly limit = 256_000) {}
  append(chunk: string): void {
    this.text += chunk
    if (this.text.length > this.limit) this.text = this.text.slice(-this.limit)
  }
  toString(): string {
    return this.text
  }
}

export interface LaunchOptions {
  /** The script to run with `process.execPath`. */
  script: string
  args: string[]
  port: number
  env: Record<string, string>
  startTimeout: number
  output: OutputBuffer
}

/** A spawned server that has started listening on its port. */
export interface Launched {
  child: ChildProcess
  /** Resolves when the process has exited, however it ended. */
  exited: Promise<void>
}

/** Why a launch failed; `exitedEarly` marks a process that quit without listening. */
export class LaunchError extends Error {
  override readonly name = 'LaunchError'
  constructor(
    message: string,
    readonly exitedEarly: boolean,
  ) {
    super(message)
  }
}

// Every child still running, killed when this process exits so nothing outlives the tests.
const live = new Set<ChildProcess>()
let exitHookInstalled = false
function track(child: ChildProcess): void {
  if (!exitHookInstalled) {
    exitHookInstalled = true
    process.once('exit', () => {
      for (const each of live) each.kill('SIGKILL')
    })
  }
  live.add(child)
}

/**
 * Spawns `script` with the current Node and resolves once it listens on `port`. Rejects with the
 * process's output when it exits first or does not listen within `startTimeout` (then it is killed).
 */
export function launch(options: LaunchOptions): Promise<Launched> {
  const { output, port } = options
  const child = spawn(
    process.execPath,
    ['--import', LISTEN_PROBE_URL, options.script, ...options.args],
    {
      env: { ...process.env, ...options.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  track(child)
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      live.delete(child)
      resolve()
    })
    // A failed spawn emits 'error' and may never emit 'exit'.
    child.once('error', () => {
      live.delete(child)
      resolve()
    })
  })

  return new Promise<Launched>((resolve, reject) => {
    let started = false
    let stderr = ''
    const describe = (what: string) =>
      `${what}\n--- server output ---\n${output.toString()}\n--- end of server output ---`
    const onStdout = (chunk: Buffer) => output.append(chunk.toString('utf8'))
    const onStderr = (chunk: Buffer) => {
      const text = chunk.toString('utf8')
      output.append(text)
      if (started) return
      // The marker may arrive split over chunks; only stderr carries it.
      stderr += text
      if (listeningPort(stderr) !== port) return
      started = true
      stderr = ''
      finish()
      resolve({ child, exited })
    }
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      finish()
      reject(
        new LaunchError(
          describe(
            `the server exited (code ${code}, signal ${signal}) before listening on port ${port}`,
          ),
          true,
        ),
      )
    }
    const onError = (error: Error) => {
      finish()
      reject(
        new LaunchError(
          describe(`could not spawn the server: ${error.message}`),
          true,
        ),
      )
    }
    const timer = setTimeout(() => {
      finish()
      child.kill('SIGKILL')
      reject(
        new LaunchError(
          describe(
            `the server did not listen on port ${port} within ${options.startTimeout} ms`,
          ),
          false,
        ),
      )
    }, options.startTimeout)
    const finish = () => {
      clearTimeout(timer)
      child.off('exit', onExit)
      child.off('error', onError)
    }
    // Output keeps flowing into the buffer after the start, for the failure report.
    child.stdout?.on('data', onStdout)
    child.stderr?.on('data', onStderr)
    child.once('exit', onExit)
    child.once('error', onError)
  })
}
