import { connect, createServer } from 'node:net'

/**
 * A port nobody listens on right now. The kernel picks it; it stays free only until someone binds
 * it, so callers that spawn a server on it must handle `EADDRINUSE` (startServerEverything does).
 * Binds without a host, like the servers under test do, so a port taken on any interface is skipped.
 */
export function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen(0, () => {
      const address = server.address()
      if (address === null || typeof address === 'string') {
        server.close()
        reject(new Error('getFreePort: the kernel returned no TCP port'))
        return
      }
      server.close(() => resolve(address.port))
    })
  })
}

/** Resolves once one TCP connection to `host:port` succeeds. */
export function canConnect(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host })
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/**
 * Waits until `port` accepts TCP connections, polling every 25 ms. Rejects after `timeoutMs`.
 * Polling is the only portable way to learn that another process started listening.
 */
export async function waitForPort(
  port: number,
  timeoutMs = 10_000,
  host = '127.0.0.1',
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await canConnect(port, host))) {
    if (Date.now() > deadline) {
      throw new Error(
        `waitForPort: nothing accepted connections on ${host}:${port} within ${timeoutMs} ms`,
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}
