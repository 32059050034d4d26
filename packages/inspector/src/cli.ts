import { existsSync, readFileSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { USAGE, parseLauncherArgs, type LauncherArgs } from './args'
import { startLauncher, type Launcher } from './launcher'
import { LauncherError } from './launcher-error'
import { openBrowser } from './open-browser'
import { describeCommand } from './stdio/command'

const packageRoot = fileURLToPath(new URL('..', import.meta.url))

function version(): string {
  const manifest = JSON.parse(
    readFileSync(`${packageRoot}/package.json`, 'utf8'),
  ) as { version: string }
  return manifest.version
}

function siteDir(): string {
  const dir = `${packageRoot}/site`
  if (!existsSync(`${dir}/index.html`)) {
    throw new LauncherError(
      `The inspector page is missing (${dir}/index.html). In the repository: pnpm --filter playground build && pnpm --filter @mcp-sse/inspector build`,
    )
  }
  return dir
}

function checkCwd(args: LauncherArgs): void {
  const cwd = args.command?.cwd
  if (cwd === undefined) return
  if (!existsSync(cwd) || !statSync(cwd).isDirectory()) {
    throw new LauncherError(`--cwd ${cwd}: no such directory.`)
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const args = parseLauncherArgs(argv)
  if (args.help) {
    console.log(USAGE)
    return
  }
  if (args.version) {
    console.log(version())
    return
  }
  checkCwd(args)
  const launcher: Launcher = await startLauncher({
    siteDir: siteDir(),
    host: args.host,
    port: args.port,
    dangerouslyBindAll: args.dangerouslyBindAll,
    serverUrl: args.serverUrl,
    command: args.command,
    bridge: {
      onlyLocalhost: args.bridgeOnlyLocalhost,
      allowHosts: args.allowHosts,
    },
    log: (line) => console.error(line),
  })
  if (args.dangerouslyBindAll && !/^127\.|^::1$/.test(args.host)) {
    console.error(
      `Warning: listening on ${args.host}:${launcher.port}. Other machines can reach the launcher; the token still guards the bridge and the stdio server.`,
    )
  }
  console.log(`mcp-sse inspector: ${launcher.pageUrl}`)
  if (args.command !== undefined) {
    console.log(
      `stdio server: ${describeCommand(args.command)} (one process per browser session, at ${launcher.stdioUrl})`,
    )
  }
  console.log('Press Ctrl+C to stop.')
  if (args.open) {
    openBrowser(launcher.pageUrl, (why) =>
      console.error(`Could not open a browser (${why}); open the URL above.`),
    )
  }
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl+C: do not wait for slow servers.
      process.exit(130)
    }
    stopping = true
    console.error(`\n${signal}: stopping the inspector…`)
    void launcher.close().then(() => process.exit(0))
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  process.on('SIGHUP', stop)
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof LauncherError) {
    console.error(`mcp-sse-inspector: ${error.message}`)
    process.exit(2)
  }
  console.error(error)
  process.exit(1)
})
