import { readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { chromiumLaunchOptions } from '@mcp-sse/testkit/chromium'
import {
  startAuthorizationServer,
  startProtectedMcpServer,
  type RunningAuthorizationServer,
  type RunningProtectedMcpServer,
} from '@mcp-sse/testkit/oauth'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Real Chromium, the built @mcp-sse/core/oauth, oidc-provider and a protected MCP server: the
// default browser sign-in (popup, and the full-page redirect when the popup is blocked) and
// completeAuthorization() on the callback page.
const dist = fileURLToPath(new URL('../../dist/', import.meta.url))
const APP = `<!doctype html><button id="signin">Sign in</button><script type="module">
import { oauth } from '/dist/oauth.js'
const mcp = new URLSearchParams(location.search).get('mcp')
const query = new URLSearchParams(location.search)
const provider = oauth({ redirectUri: location.origin + '/callback.html', waitForSignIn: query.has('wait') })
const send = provider.wrapFetch(fetch, new URL(mcp))
window.provider = provider
window.callMcp = async () => {
  const r = await send(mcp, { method: 'POST', headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'page', version: '1' } } }) })
  return r.status
}
document.querySelector('#signin').onclick = () => {
  window.signedIn = provider.signIn().then(() => 'ok', (e) => e.message)
}
// ?auto: send a request as the page loads, with no user gesture (so no popup may open).
if (query.has('auto')) window.autoStatus = window.callMcp()
window.ready = true
</script>`
const CALLBACK = `<!doctype html><p>Signing in…</p><script type="module">
import { completeAuthorization } from '/dist/oauth.js'
window.result = completeAuthorization()
</script>`

let site: Server
let origin: string
/** Chromium with its popup blocker on (Playwright turns it off by default). */
let blocking: Browser
let as: RunningAuthorizationServer
let mcp: RunningProtectedMcpServer

beforeAll(async () => {
  site = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    if (path === '/app.html')
      return void res.writeHead(200, { 'Content-Type': 'text/html' }).end(APP)
    if (path === '/callback.html')
      return void res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end(CALLBACK)
    if (path.startsWith('/dist/') && !path.includes('..')) {
      const body = await readFile(`${dist}${path.slice(6)}`).catch(() => null)
      if (body)
        return void res
          .writeHead(200, { 'Content-Type': 'text/javascript' })
          .end(body)
    }
    res.writeHead(404).end()
  })
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve))
  origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`
  as = await startAuthorizationServer({
    scopes: ['mcp:read'],
    corsOrigins: [origin],
  })
  mcp = await startProtectedMcpServer({
    authorizationServer: as,
    corsOrigins: [origin],
  })
  blocking = await chromium.launch({
    ...chromiumLaunchOptions,
    ignoreDefaultArgs: ['--disable-popup-blocking'],
  })
})

afterAll(async () => {
  await blocking?.close()
  await mcp?.stop()
  await as?.stop()
  site.closeAllConnections()
  await new Promise<void>((resolve) => site.close(() => resolve()))
})

async function openApp(query = ''): Promise<Page> {
  const page = await (await blocking.newContext()).newPage()
  await page.goto(
    `${origin}/app.html?mcp=${encodeURIComponent(mcp.url)}${query}`,
  )
  await page.waitForFunction(
    () => (window as { ready?: boolean }).ready === true,
  )
  return page
}

describe('signing in from a page in Chromium', () => {
  it('through the popup signIn() opens from a click; the callback page hands the answer back and closes', async () => {
    const page = await openApp()
    const popup = page.waitForEvent('popup')
    await page.click('#signin')
    const window = await popup
    await window.waitForEvent('close', { timeout: 20_000 })
    expect(
      await page.evaluate(
        () => (window as unknown as { signedIn: Promise<string> }).signedIn,
      ),
    ).toBe('ok')
    expect(
      await page.evaluate(() =>
        (window as unknown as { callMcp(): Promise<number> }).callMcp(),
      ),
    ).toBe(200)
    // Tokens stay in memory: nothing in Web Storage.
    const stored = await page.evaluate(() =>
      JSON.stringify({ ...sessionStorage, ...localStorage }),
    )
    expect(stored).toBe('{}')
  })

  it('through a full-page redirect when the popup is blocked, with the code gone from the address bar', async () => {
    const page = await (await blocking.newContext()).newPage()
    const visited: string[] = []
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(frame.url())
    })
    // The request as the page loads has no user gesture: the popup is blocked, the page leaves
    // for the authorization server, comes back through the callback page, and the request made
    // when it loads again finishes the sign-in.
    const approvals = as.approvals()
    await page.goto(
      `${origin}/app.html?auto&mcp=${encodeURIComponent(mcp.url)}`,
    )
    await page.waitForURL(/callback\.html/, { timeout: 20_000 })
    await page.waitForURL(/app\.html/, { timeout: 20_000 })
    await page.waitForFunction(
      () => (window as { ready?: boolean }).ready === true,
    )
    expect(as.approvals()).toBeGreaterThan(approvals)
    // completeAuthorization() took the code out of the callback page's address bar at once.
    const callbackUrls = visited.filter((url) => url.includes('callback.html'))
    expect(callbackUrls[0]).toMatch(/code=/)
    expect(callbackUrls.at(-1)).not.toMatch(/code=|state=/)
    expect(page.url()).not.toMatch(/code=|state=/)
    expect(
      await page.evaluate(
        () => (window as unknown as { autoStatus: Promise<number> }).autoStatus,
      ),
    ).toBe(200)
    expect(
      await page.evaluate(
        () =>
          (
            window as unknown as {
              provider: { getSnapshot(): { status: string } }
            }
          ).provider.getSnapshot().status,
      ),
    ).toBe('authorized')
    // The redirect's record was used up.
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0)
  })

  it('with waitForSignIn, a refused request waits in authorizing until signIn() is clicked', async () => {
    const page = await openApp('&auto&wait')
    await page.waitForFunction(
      () =>
        (
          window as unknown as {
            provider: { getSnapshot(): { status: string } }
          }
        ).provider.getSnapshot().status === 'authorizing',
    )
    const url = await page.evaluate(
      () =>
        (
          window as unknown as {
            provider: { getSnapshot(): { authorizationUrl: string } }
          }
        ).provider.getSnapshot().authorizationUrl,
    )
    expect(url.startsWith(`${as.issuer}/auth?`)).toBe(true)
    const popup = page.waitForEvent('popup')
    await page.click('#signin')
    await (await popup).waitForEvent('close', { timeout: 20_000 })
    expect(
      await page.evaluate(
        () => (window as unknown as { autoStatus: Promise<number> }).autoStatus,
      ),
    ).toBe(200)
  })
})
