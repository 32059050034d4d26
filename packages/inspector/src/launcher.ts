import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { handleBridge } from './bridge/bridge-route'
import type { BridgePolicy } from './bridge/target'
import { checkOrigin, checkToken, ownAuthorities } from './guard'
import { LauncherError } from './launcher-error'
import { refuse } from './reply'
import { serveSite } from './static-site'
import type { StdioCommand } from './stdio/command'
import { StdioEndpoint } from './stdio/stdio-endpoint'
import { TOKEN_HEADER, createToken } from './token'

export interface LauncherOptions {
  /** The built inspector page (index.html and assets/). */
  siteDir: string
  /**
   * Address to listen on. Only loopback addresses, unless `dangerouslyBindAll`.
   * @defaultValue '127.0.0.1'
   */
  host?: string
  /**
   * Port to listen on; 0 picks a free one.
   * @defaultValue 0
   */
  port?: number
  /** Allow a non-loopback `host` such as 0.0.0.0. The token still guards every request. */
  dangerouslyBindAll?: boolean
  /** Open the page connected to this server. */
  serverUrl?: string
  /** The stdio server to expose at `/stdio/mcp`; the only program the launcher ever starts. */
  command?: StdioCommand
  /** @defaultValue { onlyLocalhost: true, allowHosts: [] } */
  bridge?: { onlyLocalhost?: boolean; allowHosts?: readonly string[] }
  /** Where the stdio servers' stderr and the launcher's notes go. @defaultValue nowhere */
  log?: (line: string) => void
  /** Milliseconds a stdio session may have no page connected before it is ended. @defaultValue 60000 */
  idleTimeout?: number
}

export interface Launcher {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string
  readonly port: number
  /** The page's address, with the token in its fragment: the one URL to print and open. */
  readonly pageUrl: string
  /** `${origin}/stdio/mcp` when a command was given. */
  readonly stdioUrl: string | undefined
  /** The stdio processes running now, by pid. */
  stdioPids(): number[]
  /** Ends every stdio process and stops listening. */
  close(): Promise<void>
}

const STDIO_PATH = '/stdio/mcp'

function isLoopbackHost(host: string): boolean {
  return host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

export async function startLauncher(
  options: LauncherOptions,
): Promise<Launcher> {
  const host = options.host ?? '127.0.0.1'
  if (!isLoopbackHost(host) && !options.dangerouslyBindAll) {
    throw new LauncherError(
      `Refusing to listen on ${host}: anyone who can reach it could use the bridge. The launcher binds to 127.0.0.1; pass --dangerously-bind-all if you really mean ${host}.`,
    )
  }
  const token = createToken()
  const log = options.log ?? (() => {})
  const stdio =
    options.command === undefined
      ? undefined
      : new StdioEndpoint({
          command: options.command,
          log,
          idleTimeout: options.idleTimeout,
        })
  let authorities = new Set<string>()
  let policy: BridgePolicy | undefined

  async function route(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const refusal = checkOrigin(req, authorities)
    if (refusal !== null) {
      refuse(res, refusal.status, refusal.message)
      return
    }
    const origin = req.headers.origin
    if (origin !== undefined) {
      // Only the launcher's own origins get here (checkOrigin): CORS for them, for nobody else.
      res.setHeader('Access-Control-Allow-Origin', origin)
      res.setHeader('Vary', 'Origin')
      res.setHeader(
        'Access-Control-Expose-Headers',
        'Mcp-Session-Id, Content-Type',
      )
    }
    if (req.method === 'OPTIONS' && origin !== undefined) {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET, POST, DELETE',
        'Access-Control-Allow-Headers':
          req.headers['access-control-request-headers'] ?? '',
        'Access-Control-Max-Age': '600',
      })
      res.end()
      return
    }
    const url = new URL(req.url ?? '/', 'http://launcher')
    if (url.pathname === STDIO_PATH || url.pathname === '/bridge') {
      const denied = checkToken(req, token)
      if (denied !== null) {
        refuse(res, denied.status, denied.message)
        return
      }
      if (url.pathname === '/bridge') {
        if (policy !== undefined) await handleBridge(req, res, url, policy)
        return
      }
      if (stdio === undefined) {
        refuse(
          res,
          404,
          'No stdio server: start the launcher with one, e.g. mcp-sse-inspector -- node build/server.js',
        )
        return
      }
      await stdio.handle(req, res)
      return
    }
    serveSite(options.siteDir, req, res, url.pathname)
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log(
        `internal error: ${error instanceof Error ? error.message : String(error)}`,
      )
      refuse(res, 500, 'The launcher failed on this request; see its terminal.')
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new LauncherError(
          error.code === 'EADDRINUSE'
            ? `Port ${options.port} is in use; choose another with --port, or leave it out for a free one.`
            : `Could not listen on ${host}:${options.port ?? 0}: ${error.message}`,
        ),
      ),
    )
    server.listen(options.port ?? 0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  authorities = ownAuthorities(host, port)
  policy = {
    onlyLocalhost: options.bridge?.onlyLocalhost ?? true,
    allowHosts: new Set(
      (options.bridge?.allowHosts ?? []).map((h) => h.toLowerCase()),
    ),
    ownPort: port,
  }
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host
  const origin = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`
  const stdioUrl = stdio === undefined ? undefined : `${origin}${STDIO_PATH}`
  const connectTo = options.serverUrl ?? stdioUrl
  const query =
    connectTo === undefined ? '' : `?url=${encodeURIComponent(connectTo)}`
  let closing: Promise<void> | undefined
  return {
    origin,
    port,
    pageUrl: `${origin}/${query}#token=${token}`,
    stdioUrl,
    stdioPids: () =>
      (stdio?.running ?? []).flatMap((s) =>
        s.pid === undefined ? [] : [s.pid],
      ),
    close() {
      closing ??= (async () => {
        await stdio?.close()
        server.closeAllConnections()
        await new Promise<void>((resolve) => server.close(() => resolve()))
      })()
      return closing
    },
  }
}

export { TOKEN_HEADER }
