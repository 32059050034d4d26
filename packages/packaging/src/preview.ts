import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { getFreePort, waitForPort } from '@mcp-sse/testkit'

export interface Preview {
  /** Where the built app is served, `http://127.0.0.1:PORT/`. */
  url: string
  /** Ends `vite preview` and waits for it to be gone. */
  stop(): Promise<void>
}

/**
 * `vite preview` of the app's dist/, as its user would serve the build, on a free loopback port.
 * Started with Node directly (not through a package manager's shim) so that killing it kills it.
 */
export async function startPreview(appDir: string): Promise<Preview> {
  const port = await getFreePort()
  const child = spawn(
    process.execPath,
    [
      join(appDir, 'node_modules', 'vite', 'bin', 'vite.js'),
      'preview',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { cwd: appDir, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => resolve()),
  )
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null)
      child.kill('SIGKILL')
    await exited
  }
  try {
    await waitForPort(port, 20_000)
  } catch (error) {
    await stop()
    throw new Error(`vite preview did not listen on ${port}:\n${output}`, {
      cause: error,
    })
  }
  return { url: `http://127.0.0.1:${port}/`, stop }
}
