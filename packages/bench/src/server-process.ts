import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { ServerStats } from './server.ts'

const SERVER_PATH = fileURLToPath(new URL('./server.ts', import.meta.url))

/** The bench server running in a child process, so its CPU never counts as the client's. */
export interface ServerProcess {
  port: number
  /** Base URL; each transport's path is in `ENDPOINTS` (server.ts). */
  url: string
  /** Sessions the server holds now (`GET /stats`). */
  stats(): Promise<ServerStats>
  /** Kills the process (SIGKILL, like a crash) and waits for it to be gone. */
  kill(): Promise<void>
}

export async function startServer(port = 0): Promise<ServerProcess> {
  const child = spawn(process.execPath, [SERVER_PATH, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const actualPort = await readyPort(child)
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
  return {
    port: actualPort,
    url: `http://127.0.0.1:${actualPort}`,
    async stats() {
      const response = await fetch(`http://127.0.0.1:${actualPort}/stats`)
      return (await response.json()) as ServerStats
    },
    async kill() {
      child.kill('SIGKILL')
      await exited
    },
  }
}

function readyPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const match = /READY (\d+)/.exec(output)
      if (match?.[1]) {
        child.stdout?.off('data', onData)
        child.stdout?.resume() // keep draining so the child never blocks on a full pipe
        resolve(Number(match[1]))
      }
    }
    child.stdout?.on('data', onData)
    child.once('exit', (code, signal) =>
      reject(
        new Error(
          `bench server exited before listening (code ${code}, signal ${signal})`,
        ),
      ),
    )
    child.once('error', reject)
  })
}
