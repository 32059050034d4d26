import { parseArgs } from 'node:util'
import { LauncherError } from './launcher-error'
import type { StdioCommand } from './stdio/command'

/** What the command line asks for. */
export interface LauncherArgs {
  help: boolean
  version: boolean
  open: boolean
  host: string
  port: number
  dangerouslyBindAll: boolean
  serverUrl: string | undefined
  command: StdioCommand | undefined
  bridgeOnlyLocalhost: boolean
  allowHosts: string[]
}

export const USAGE = `Usage:
  mcp-sse-inspector [options]                          the inspector page, on 127.0.0.1
  mcp-sse-inspector [options] http://localhost:8000/mcp   the page, connected to that server
  mcp-sse-inspector [options] [-e KEY=VALUE]... [--cwd DIR] -- node build/server.js --flag
                                                       a stdio server, reached by the page over Streamable HTTP

Options:
  --port N                   port to listen on (default: a free one)
  --host ADDR                loopback address to listen on (default 127.0.0.1)
  --dangerously-bind-all     allow a non-loopback --host such as 0.0.0.0
  --no-open                  print the URL, do not open a browser
  -e, --env KEY=VALUE        environment variable for the stdio server (repeatable)
  --cwd DIR                  working directory of the stdio server
  --no-bridge-only-localhost let the bridge reach any host, not only loopback ones
  --allow-host HOST          let the bridge reach HOST too (repeatable)
  -h, --help                 this text
  -v, --version              the version`

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0
  const port = Number(value)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new LauncherError(`--port ${value} is not a port number (0-65535).`)
  }
  return port
}

function parseEnv(pairs: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {}
  for (const pair of pairs) {
    const eq = pair.indexOf('=')
    if (eq <= 0) {
      throw new LauncherError(`-e ${pair}: write it as KEY=VALUE.`)
    }
    env[pair.slice(0, eq)] = pair.slice(eq + 1)
  }
  return env
}

function parseServerUrl(value: string): string {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    throw new LauncherError(
      `${JSON.stringify(value)} is not a URL. To start a stdio server, put its command after --: mcp-sse-inspector -- ${value}`,
    )
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new LauncherError(
      `Only http: and https: servers can be inspected, not ${url.protocol}`,
    )
  }
  return url.href
}

/** Reads the launcher's command line (`process.argv.slice(2)`). */
export function parseLauncherArgs(argv: readonly string[]): LauncherArgs {
  const split = argv.indexOf('--')
  const own = split < 0 ? [...argv] : argv.slice(0, split)
  const commandLine = split < 0 ? [] : argv.slice(split + 1)
  let parsed
  try {
    parsed = parseArgs({
      args: own,
      allowPositionals: true,
      allowNegative: true,
      options: {
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
        open: { type: 'boolean', default: true },
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string' },
        'dangerously-bind-all': { type: 'boolean', default: false },
        env: { type: 'string', short: 'e', multiple: true, default: [] },
        cwd: { type: 'string' },
        'bridge-only-localhost': { type: 'boolean', default: true },
        'allow-host': { type: 'string', multiple: true, default: [] },
      },
    })
  } catch (error) {
    throw new LauncherError(
      `${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`,
    )
  }
  const { values, positionals } = parsed
  if (positionals.length > 1) {
    throw new LauncherError(
      `One server URL at most (got ${positionals.join(', ')}). A stdio command goes after --.`,
    )
  }
  const [first] = positionals
  if (first !== undefined && commandLine.length > 0) {
    throw new LauncherError(
      'Give a server URL or a command after --, not both.',
    )
  }
  const [program, ...args] = commandLine
  if (split >= 0 && program === undefined) {
    throw new LauncherError(
      'Nothing after --: name the stdio server to start, e.g. -- node build/server.js',
    )
  }
  if (
    program === undefined &&
    (values.env.length > 0 || values.cwd !== undefined)
  ) {
    throw new LauncherError(
      '-e and --cwd are for a stdio server: add its command after --.',
    )
  }
  return {
    help: values.help,
    version: values.version,
    open: values.open,
    host: values.host,
    port: parsePort(values.port),
    dangerouslyBindAll: values['dangerously-bind-all'],
    serverUrl: first === undefined ? undefined : parseServerUrl(first),
    command:
      program === undefined
        ? undefined
        : {
            command: program,
            args,
            env: parseEnv(values.env),
            ...(values.cwd !== undefined && { cwd: values.cwd }),
          },
    bridgeOnlyLocalhost: values['bridge-only-localhost'],
    allowHosts: values['allow-host'],
  }
}
