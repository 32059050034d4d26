import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TOKEN_HEADER, startLauncher, type Launcher } from '../src/index'
import { INITIALIZE_PARAMS } from './support/mcp-http'
import { tempSite } from './support/paths'
import { rawRequest } from './support/raw-request'
import { recorder, type Recorder } from './support/recorder'

let launcher: Launcher
let rec: Recorder
let token: string

const mcpHeaders = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
}
const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: INITIALIZE_PARAMS,
})

beforeAll(async () => {
  rec = recorder()
  launcher = await startLauncher({
    siteDir: tempSite(),
    command: {
      command: rec.command,
      args: rec.args,
      env: rec.env,
      cwd: rec.dir,
    },
  })
  token = new URL(launcher.pageUrl).hash.replace('#token=', '')
})

afterAll(async () => {
  await launcher?.close()
})

describe('what runs', () => {
  it('is only the command of the launcher’s command line, whatever the request says', async () => {
    const marker = join(rec.dir, 'pwned')
    const injected = `$(touch ${marker}); touch ${marker} \`touch ${marker}\``
    const answer = await rawRequest({
      port: launcher.port,
      path: `/stdio/mcp?command=${encodeURIComponent(`touch ${marker}`)}&args=${encodeURIComponent(injected)}&cwd=/`,
      method: 'POST',
      headers: {
        ...mcpHeaders,
        [TOKEN_HEADER]: token,
        'x-command': `touch ${marker}`,
        'x-args': injected,
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        command: `touch ${marker}`,
        params: {
          ...INITIALIZE_PARAMS,
          command: `touch ${marker}`,
          args: [injected],
          env: { NODE_OPTIONS: `--require ${marker}` },
          cwd: '/',
          clientInfo: { name: injected, version: injected },
        },
      }),
    })
    expect(answer.status).toBe(200)
    expect(answer.body).toContain('"serverInfo"')
    const starts = rec.starts()
    expect(starts).toHaveLength(1)
    expect(starts[0]?.argv).toEqual(['--fixed', 'arg'])
    expect(starts[0]?.cwd).toBe(rec.dir)
    expect(starts[0]?.env).toBe('from -e')
    // The request reached the server as a message on stdin, and nowhere else.
    expect(rec.lines()[0]).toContain('"method":"initialize"')
    expect(existsSync(marker)).toBe(false)
  })

  it('does not take a session id chosen by the page: an unknown one is 404 and starts nothing', async () => {
    const before = rec.starts().length
    const answer = await rawRequest({
      port: launcher.port,
      path: '/stdio/mcp',
      method: 'POST',
      headers: {
        ...mcpHeaders,
        [TOKEN_HEADER]: token,
        'mcp-session-id': '../../bin/sh',
      },
      body: initialize,
    })
    expect(answer.status).toBe(404)
    expect(rec.starts()).toHaveLength(before)
  })
})

describe('the bridge’s targets', () => {
  const refused = async (target: string) =>
    rawRequest({
      port: launcher.port,
      path: `/bridge?target=${encodeURIComponent(target)}`,
      headers: { [TOKEN_HEADER]: token },
    })

  it('refuses file:, data:, javascript: and ftp: URLs', async () => {
    for (const target of [
      'file:///etc/passwd',
      'data:text/plain,hello',
      'javascript:alert(1)',
      'ftp://127.0.0.1/',
    ]) {
      const answer = await refused(target)
      expect(answer.status).toBe(403)
      expect(answer.body).toMatch(/only http: and https:/)
      expect(answer.body).not.toContain('root:')
    }
  })

  it('refuses the launcher itself, by any loopback name', async () => {
    for (const target of [
      `http://127.0.0.1:${launcher.port}/stdio/mcp`,
      `http://localhost:${launcher.port}/`,
      `http://127.0.0.2:${launcher.port}/`,
      `http://[::ffff:127.0.0.1]:${launcher.port}/`,
      `http://2130706433:${launcher.port}/`,
    ]) {
      const answer = await refused(target)
      expect(answer.status).toBe(403)
      expect(answer.body).toContain('the launcher itself')
    }
    expect(await refused(`http://0.0.0.0:${launcher.port}/`)).toMatchObject({
      status: 403,
    })
  })

  it('refuses hosts that are not loopback, naming --allow-host', async () => {
    const answer = await refused('http://10.255.255.1/mcp')
    expect(answer.status).toBe(403)
    expect(answer.body).toContain('--allow-host 10.255.255.1')
  })

  it('refuses a missing or malformed target and URLs with credentials', async () => {
    expect((await refused('')).status).toBe(403)
    expect((await refused('not a url')).status).toBe(403)
    expect((await refused('http://user:pw@127.0.0.1:1/')).status).toBe(403)
  })
})
