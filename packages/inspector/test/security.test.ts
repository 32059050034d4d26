import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  LauncherError,
  TOKEN_HEADER,
  startLauncher,
  type Launcher,
} from '../src/index'
import { tokenMatches } from '../src/token'
import { INITIALIZE_PARAMS } from './support/mcp-http'
import { tempSite } from './support/paths'
import { rawRequest } from './support/raw-request'
import { recorder, type Recorder } from './support/recorder'

let launcher: Launcher
let rec: Recorder
let token: string
const logged: string[] = []

const initialize = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: INITIALIZE_PARAMS,
})
const mcpHeaders = {
  'content-type': 'application/json',
  accept: 'application/json, text/event-stream',
}

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
    log: (line) => logged.push(line),
  })
  token = new URL(launcher.pageUrl).hash.replace('#token=', '')
})

afterAll(async () => {
  await launcher?.close()
})

function guessedToken(): string {
  // Same length and alphabet as the real one, so only its value differs.
  return token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')
}

describe('where it listens and the token', () => {
  it('listens on 127.0.0.1 and puts a 256-bit token in the fragment only', () => {
    const page = new URL(launcher.pageUrl)
    expect(page.hostname).toBe('127.0.0.1')
    expect(page.search).not.toContain('token')
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(token, 'base64url')).toHaveLength(32)
  })

  it('makes a new token per run', async () => {
    const other = await startLauncher({ siteDir: tempSite() })
    expect(new URL(other.pageUrl).hash).not.toBe(new URL(launcher.pageUrl).hash)
    await other.close()
  })

  it('refuses 0.0.0.0 and other non-loopback addresses without --dangerously-bind-all', async () => {
    await expect(
      startLauncher({ siteDir: tempSite(), host: '0.0.0.0' }),
    ).rejects.toThrow(LauncherError)
    await expect(
      startLauncher({ siteDir: tempSite(), host: '0.0.0.0' }),
    ).rejects.toThrow(/--dangerously-bind-all/)
  })

  it('binds all interfaces only when told to, and still checks Host and the token', async () => {
    const wide = await startLauncher({
      siteDir: tempSite(),
      host: '0.0.0.0',
      dangerouslyBindAll: true,
      command: { command: rec.command, args: rec.args, env: rec.env },
    })
    const rebinding = await rawRequest({
      port: wide.port,
      path: '/',
      headers: { host: `attacker.example:${wide.port}` },
    })
    expect(rebinding.status).toBe(403)
    const noToken = await rawRequest({
      port: wide.port,
      path: '/stdio/mcp',
      method: 'POST',
      headers: mcpHeaders,
      body: initialize,
    })
    expect(noToken.status).toBe(401)
    await wide.close()
  })

  it('compares tokens by value only', () => {
    expect(tokenMatches(token, token)).toBe(true)
    expect(tokenMatches(token, guessedToken())).toBe(false)
    expect(tokenMatches(token, token.slice(1))).toBe(false)
    expect(tokenMatches(token, `${token} `)).toBe(false)
    expect(tokenMatches(token, '')).toBe(false)
    expect(tokenMatches(token, undefined)).toBe(false)
    expect(tokenMatches(token, [token])).toBe(false)
  })
})

describe('a page on another origin', () => {
  for (const path of [
    '/stdio/mcp',
    `/bridge?target=${encodeURIComponent('http://127.0.0.1:1/mcp')}`,
  ]) {
    it(`is refused on ${path.split('?')[0]} without the token, with a guessed one, and even with the right one`, async () => {
      for (const given of [undefined, guessedToken(), token]) {
        const answer = await rawRequest({
          port: launcher.port,
          path,
          method: 'POST',
          headers: {
            ...mcpHeaders,
            origin: 'https://attacker.example',
            ...(given !== undefined && { [TOKEN_HEADER]: given }),
          },
          body: initialize,
        })
        expect(answer.status).toBe(403)
        expect(answer.headers['access-control-allow-origin']).toBeUndefined()
        expect(answer.body).toContain('attacker.example')
      }
      expect(rec.starts()).toHaveLength(0)
    })
  }

  it('gets no CORS preflight answer', async () => {
    const answer = await rawRequest({
      port: launcher.port,
      path: '/stdio/mcp',
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:3000',
        'access-control-request-method': 'POST',
        'access-control-request-headers': TOKEN_HEADER,
      },
    })
    expect(answer.status).toBe(403)
    expect(answer.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('is refused even for the page itself (Origin checked on every request)', async () => {
    const answer = await rawRequest({
      port: launcher.port,
      path: '/',
      headers: { origin: 'null' },
    })
    expect(answer.status).toBe(403)
  })
})

describe('the launcher’s own page', () => {
  it('gets CORS answers for its own origin only', async () => {
    const own = `http://localhost:${launcher.port}`
    const answer = await rawRequest({
      port: launcher.port,
      path: '/stdio/mcp',
      method: 'OPTIONS',
      headers: {
        origin: own,
        'access-control-request-method': 'POST',
        'access-control-request-headers': `${TOKEN_HEADER}, content-type`,
      },
    })
    expect(answer.status).toBe(204)
    expect(answer.headers['access-control-allow-origin']).toBe(own)
  })

  it('still needs the token: none or a guessed one is 401 and starts nothing', async () => {
    for (const given of [undefined, guessedToken(), token.toLowerCase()]) {
      const answer = await rawRequest({
        port: launcher.port,
        path: '/stdio/mcp',
        method: 'POST',
        headers: {
          ...mcpHeaders,
          origin: launcher.origin,
          ...(given !== undefined && { [TOKEN_HEADER]: given }),
        },
        body: initialize,
      })
      expect(answer.status).toBe(401)
    }
    const bridge = await rawRequest({
      port: launcher.port,
      path: `/bridge?target=${encodeURIComponent('http://127.0.0.1:1/')}`,
      headers: { authorization: `Bearer ${token}` },
    })
    expect(bridge.status).toBe(401)
    expect(rec.starts()).toHaveLength(0)
  })
})

describe('DNS rebinding', () => {
  it('refuses a Host that is not the launcher’s own address, token or not', async () => {
    for (const host of [
      `attacker.example:${launcher.port}`,
      `127.0.0.1.nip.io:${launcher.port}`,
      `127.0.0.1:${launcher.port + 1}`,
      'localhost',
    ]) {
      for (const path of ['/', '/stdio/mcp']) {
        const answer = await rawRequest({
          port: launcher.port,
          path,
          method: path === '/' ? 'GET' : 'POST',
          headers: { ...mcpHeaders, host, [TOKEN_HEADER]: token },
          body: path === '/' ? undefined : initialize,
        })
        expect(answer.status).toBe(403)
      }
    }
    expect(rec.starts()).toHaveLength(0)
  })

  it('serves the page under its own names', async () => {
    for (const host of [
      `127.0.0.1:${launcher.port}`,
      `localhost:${launcher.port}`,
    ]) {
      const answer = await rawRequest({
        port: launcher.port,
        path: '/',
        headers: { host },
      })
      expect(answer.status).toBe(200)
      expect(answer.headers['content-security-policy']).toContain(
        "frame-ancestors 'none'",
      )
      expect(answer.headers['x-frame-options']).toBe('DENY')
    }
  })
})

describe('the page files', () => {
  it('serves nothing outside the site folder', async () => {
    for (const path of [
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    ]) {
      const answer = await rawRequest({ port: launcher.port, path })
      expect(answer.status).toBe(404)
    }
  })
})

it('never writes the token to its log', () => {
  expect(logged.join('\n')).not.toContain(token)
})
