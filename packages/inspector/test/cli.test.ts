import { spawnSync } from 'node:child_process'
import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  writeFileSync,
  existsSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { TOKEN_HEADER } from '../src/index'
import { INITIALIZE_PARAMS, alive, mcpHttp } from './support/mcp-http'
import { launcherBin, serverEverythingBin } from './support/paths'
import {
  descendants,
  groupMembers,
  spawnLauncher,
} from './support/spawn-launcher'

/** A $BROWSER that writes down the URL it was asked to open. */
function fakeBrowser(): {
  env: Record<string, string>
  opened: () => string | null
} {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-sse-browser-'))
  const script = join(dir, 'browser.sh')
  const file = join(dir, 'opened.txt')
  writeFileSync(script, `#!/bin/sh\nprintf '%s' "$1" > '${file}'\n`)
  chmodSync(script, 0o755)
  return {
    env: { BROWSER: script },
    opened: () => (existsSync(file) ? readFileSync(file, 'utf8') : null),
  }
}

describe('mcp-sse-inspector, the bin', () => {
  it('prints the URL, token in the fragment, and with --no-open opens nothing', async () => {
    const browser = fakeBrowser()
    const launcher = await spawnLauncher(['--no-open'], browser.env)
    const url = new URL(launcher.pageUrl)
    expect(url.hostname).toBe('127.0.0.1')
    expect(url.search).toBe('')
    expect(url.hash).toMatch(/^#token=[\w-]{43}$/)
    const page = await fetch(url.origin)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root">')
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(browser.opened()).toBeNull()
    await launcher.stop()
  })

  it('opens the browser on the printed URL, which names the server to connect to', async () => {
    const browser = fakeBrowser()
    const launcher = await spawnLauncher(
      ['http://localhost:8000/mcp'],
      browser.env,
    )
    expect(new URL(launcher.pageUrl).searchParams.get('url')).toBe(
      'http://localhost:8000/mcp',
    )
    await expect.poll(browser.opened).toBe(launcher.pageUrl)
    await launcher.stop()
  })

  it('listens on --port', async () => {
    const probe = await spawnLauncher(['--no-open'])
    const port = Number(new URL(probe.pageUrl).port)
    await probe.stop()
    const launcher = await spawnLauncher(['--no-open', '--port', String(port)])
    expect(new URL(launcher.pageUrl).port).toBe(String(port))
    await launcher.stop()
  })

  it('refuses --host 0.0.0.0 without --dangerously-bind-all, with exit code 2', () => {
    const run = spawnSync(
      process.execPath,
      [launcherBin, '--no-open', '--host', '0.0.0.0'],
      {
        encoding: 'utf8',
        timeout: 15_000,
      },
    )
    expect(run.status).toBe(2)
    expect(run.stderr).toContain('--dangerously-bind-all')
    expect(run.stdout).not.toContain('token=')
  })

  it('exits cleanly on SIGINT, with every stdio process and what it started gone', async () => {
    // A command that starts a child of its own, as npx does: the group must go, not only the leader.
    const launcher = await spawnLauncher([
      '--no-open',
      '--',
      '/bin/sh',
      '-c',
      'sleep 600 & exec "$0" stdio',
      serverEverythingBin,
    ])
    const headers = { [TOKEN_HEADER]: launcher.token }
    for (let i = 0; i < 2; i++) {
      const client = mcpHttp(`${launcher.origin}/stdio/mcp`, headers)
      await client.request('initialize', INITIALIZE_PARAMS)
    }
    const pid = launcher.child.pid ?? -1
    const spawned = descendants(pid)
    // Each session's process leads a group of its own.
    const leaders = spawned.filter((p) => groupMembers(p).length > 0)
    expect(leaders).toHaveLength(2)
    const everything = [
      ...new Set([...spawned, ...leaders.flatMap(groupMembers)]),
    ]
    // Two sessions, each a server plus its `sleep`.
    expect(everything.length).toBeGreaterThanOrEqual(4)

    launcher.child.kill('SIGINT')
    expect(await launcher.exited).toEqual({ code: 0, signal: null })
    expect(launcher.stderr()).toContain('SIGINT')
    await expect
      .poll(() => everything.filter(alive), { timeout: 5_000 })
      .toEqual([])
  })

  it('prints its usage with --help', () => {
    const run = spawnSync(process.execPath, [launcherBin, '--help'], {
      encoding: 'utf8',
      timeout: 15_000,
    })
    expect(run.status).toBe(0)
    expect(run.stdout).toContain('--dangerously-bind-all')
    expect(run.stdout).toContain('--allow-host')
  })
})
