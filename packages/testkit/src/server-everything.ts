import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { readFileSync } from 'node:fs'
import { getFreePort } from './ports'
import {
  LaunchError,
  OutputBuffer,
  launch,
  type Launched,
} from './server-process'

export type ServerEverythingMode = 'sse' | 'streamableHttp'

export interface StartServerOptions {
  /**
   * Which transport the server speaks.
   * @defaultValue 'sse'
   */
  mode?: ServerEverythingMode
  /**
   * Port to listen on. Without it a free port is picked, and picked again if another process
   * takes it first.
   */
  port?: number
  /**
   * Milliseconds to wait for the server to listen, on start and on each restart.
   * @defaultValue 20000
   */
  startTimeout?: number
  /** Extra environment for the server process. */
  env?: Record<string, string>
}

export interface RunningServer {
  readonly mode: ServerEverythingMode
  /** Base URL, `http://127.0.0.1:PORT`. */
  readonly url: string
  /** Where clients connect: `${url}/sse` in `sse` mode, `${url}/mcp` in `streamableHttp` mode. */
  readonly endpointUrl: string
  readonly port: number
  /** The current process's pid; it changes on `restart()`. */
  readonly pid: number
  /** True while the server process runs. */
  readonly running: boolean
  /** Everything the server wrote to stdout and stderr since it was first started (the tail). */
  output(): string
  /** Hard stop (SIGKILL), as a crash would; resolves once the process has exited. */
  kill(): Promise<void>
  /**
   * Freezes the process (SIGSTOP): connections stay open but nothing is answered, as with a hung
   * server. `resume()` thaws it; `kill()` works on a frozen process.
   */
  pause(): void
  resume(): void
  /** Starts the server again on the same port (killing it first if it still runs). */
  restart(): Promise<void>
  /** Graceful stop (SIGTERM, then SIGKILL after 5 s). Safe to call twice. */
  stop(): Promise<void>
}

// Resolved through the package's own manifest so the test runs what the dependency ships.
function serverEverythingBin(): string {
  const require = createRequire(import.meta.url)
  const manifestPath =
    require.resolve('@modelcontextprotocol/server-everything/package.json')
  const manifest: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const bin =
    typeof manifest === 'object' && manifest !== null && 'bin' in manifest
      ? manifest.bin
      : undefined
  const relative =
    typeof bin === 'string'
      ? bin
      : typeof bin === 'object' &&
          bin !== null &&
          'mcp-server-everything' in bin
        ? bin['mcp-server-everything']
        : undefined
  if (typeof relative !== 'string') {
    throw new Error(`${manifestPath} names no mcp-server-everything bin`)
  }
  return join(dirname(manifestPath), relative)
}

const PORT_ATTEMPTS = 5

/**
 * Starts `@modelcontextprotocol/server-everything` as a real process and resolves once it
 * listens. Stop it in `afterAll` (`stop()`); whatever is still running when the test process
 * exits is killed.
 *
 * @example
 * const server = await startServerEverything({ mode: 'sse' })
 * const client = new MCPSSEClient({ url: server.url })
 * await server.kill(); await server.restart(); await server.stop()
 */
export async function startServerEverything(
  options: StartServerOptions = {},
): Promise<RunningServer> {
  const mode = options.mode ?? 'sse'
  const startTimeout = options.startTimeout ?? 20_000
  const output = new OutputBuffer()
  const script = serverEverythingBin()
  const start = (port: number) =>
    launch({
      script,
      args: [mode],
      port,
      env: options.env ?? {},
      startTimeout,
      output,
    })

  let port = options.port ?? (await getFreePort())
  let current: Launched | undefined
  for (let attempt = 1; current === undefined; attempt++) {
    try {
      current = await start(port)
    } catch (error) {
      // A picked port can be taken between getFreePort and listen (EADDRINUSE makes the
      // server exit at once); a requested port is the caller's to fix.
      const retry =
        options.port === undefined &&
        error instanceof LaunchError &&
        error.exitedEarly &&
        attempt < PORT_ATTEMPTS
      if (!retry) throw error
      port = await getFreePort()
    }
  }

  let launched: Launched = current
  let stopped = false
  const url = `http://127.0.0.1:${port}`

  const kill = async () => {
    if (
      launched.child.exitCode === null &&
      launched.child.signalCode === null
    ) {
      launched.child.kill('SIGKILL')
    }
    await launched.exited
  }

  return {
    mode,
    url,
    endpointUrl: `${url}${mode === 'sse' ? '/sse' : '/mcp'}`,
    port,
    get pid() {
      return launched.child.pid ?? -1
    },
    get running() {
      return (
        launched.child.exitCode === null && launched.child.signalCode === null
      )
    },
    output: () => output.toString(),
    kill,
    pause() {
      launched.child.kill('SIGSTOP')
    },
    resume() {
      launched.child.kill('SIGCONT')
    },
    async restart() {
      if (stopped) throw new Error('restart(): the server was stopped')
      await kill()
      output.append(`\n--- testkit: restarting on port ${port} ---\n`)
      launched = await start(port)
    },
    async stop() {
      if (stopped) return launched.exited
      stopped = true
      const { child, exited } = launched
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        // A paused process would hold the SIGTERM until thawed.
        child.kill('SIGCONT')
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000)
        await exited
        clearTimeout(timer)
      }
    },
  }
}
