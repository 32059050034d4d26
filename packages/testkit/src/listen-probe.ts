/**
 * Preloaded into the server process (`node --import <this>`), it writes one marker line to stderr
 * when a TCP server there starts listening. The server's own "running on port" line is no proof:
 * server-everything's `sse` mode prints it from the listen callback even when listening failed
 * (Express 5 passes the error to that callback) and then exits with code 0. A TCP probe is no proof
 * either, since the process holding a taken port answers it. The marker comes from the `listening`
 * event itself, so it is exact. It only observes: no listener for `error` is added, so the
 * server's own error handling is unchanged.
 */
export const LISTENING_MARKER = '@@mcp-sse-testkit listening'

const source = `
import net from 'node:net'
const listen = net.Server.prototype.listen
net.Server.prototype.listen = function (...args) {
  this.once('listening', () => {
    const address = this.address()
    const port = typeof address === 'object' && address !== null ? address.port : address
    process.stderr.write('\\n${LISTENING_MARKER} ' + port + '\\n')
  })
  return listen.apply(this, args)
}
`

/** The value for node's `--import` flag. */
export const LISTEN_PROBE_URL = `data:text/javascript,${encodeURIComponent(source)}`

/** The port named by the first marker line in `output`, if there is one. */
export function listeningPort(output: string): number | undefined {
  const match = new RegExp(`${LISTENING_MARKER} (\\d+)`).exec(output)
  return match?.[1] === undefined ? undefined : Number(match[1])
}
