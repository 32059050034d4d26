import { chromiumLaunchOptions } from '@mcp-sse/testkit/chromium'
import {
  startAuthorizationServer,
  startProtectedMcpServer,
  type RunningAuthorizationServer,
  type RunningProtectedMcpServer,
} from '@mcp-sse/testkit/oauth'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  callWhoami,
  openApp,
  shown,
  signInThroughPopup,
  until,
  type AppPage,
} from './app-page'
import { startAppSite, type AppSite } from './app-site'

// A small React app (app/: useMCPSSE with oauth(), <MCPAuthCallback /> at the redirect URI),
// bundled by esbuild from the built @mcp-sse/react and @mcp-sse/core, in real Chromium with its
// popup blocker on, signing in at oidc-provider to an MCP server that checks its tokens.
const SHORT_TTL = 3

let site: AppSite
let browser: Browser
/** Tokens valid for an hour. */
let as: RunningAuthorizationServer
let mcp: RunningProtectedMcpServer
/** Tokens valid for SHORT_TTL seconds, for the refresh test. */
let shortAs: RunningAuthorizationServer
let shortMcp: RunningProtectedMcpServer

beforeAll(async () => {
  site = await startAppSite()
  const corsOrigins = [site.origin]
  as = await startAuthorizationServer({ scopes: ['mcp:read'], corsOrigins })
  mcp = await startProtectedMcpServer({ authorizationServer: as, corsOrigins })
  shortAs = await startAuthorizationServer({
    scopes: ['mcp:read'],
    corsOrigins,
    accessTokenTtl: SHORT_TTL,
  })
  shortMcp = await startProtectedMcpServer({
    authorizationServer: shortAs,
    corsOrigins,
  })
  browser = await chromium.launch({
    ...chromiumLaunchOptions,
    ignoreDefaultArgs: ['--disable-popup-blocking'],
  })
})

afterAll(async () => {
  await browser?.close()
  await Promise.all(
    [mcp, shortMcp, as, shortAs, site].map((running) => running?.stop()),
  )
})

/** The app, waiting in 'authorizing' for the click after the server's 401. */
async function openWaiting(
  server: RunningProtectedMcpServer,
  options: { blockPopups?: boolean } = {},
): Promise<AppPage> {
  const app = await openApp(browser, site.origin, server.url, options)
  await until(app.page, 'status', 'authorizing')
  return app
}

/** Opens the app and signs in through the popup, up to a ready connection. */
async function signedIn(server: RunningProtectedMcpServer): Promise<AppPage> {
  const app = await openWaiting(server)
  await signInThroughPopup(app)
  await until(app.page, 'status', 'ready')
  return app
}

/** Revokes a refresh token at the revocation endpoint, as a user revoking the app's access. */
async function revokeRefreshToken(
  server: RunningAuthorizationServer,
  issued: AppPage['issued'][number] | undefined,
): Promise<void> {
  expect(issued?.refreshToken, 'the app got a refresh token').toBeTruthy()
  const answer = await fetch(`${server.issuer}/token/revocation`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      token: issued?.refreshToken ?? '',
      token_type_hint: 'refresh_token',
      client_id: issued?.clientId ?? '',
    }).toString(),
  })
  expect(answer.status).toBe(200)
}

describe('a React app signing in with useMCPSSE in Chromium', () => {
  it('signs in through the popup from the click, calls a tool, and keeps the token in memory', async () => {
    const app = await openWaiting(mcp)
    expect(await shown(app.page, 'auth')).toBe('authorizing')
    expect(app.popups()).toBe(0)
    const approvals = as.approvals()
    await signInThroughPopup(app)
    await until(app.page, 'status', 'ready')
    expect(await shown(app.page, 'auth')).toBe('authorized')
    expect(await shown(app.page, 'scopes')).toContain('mcp:read')
    expect(as.approvals()).toBeGreaterThan(approvals)
    expect(JSON.parse(await callWhoami(app.page))).toMatchObject({
      sub: 'test-user',
    })
    // Memory storage (the default): no token, nor anything else, in Web Storage.
    const stored = await app.page.evaluate(() =>
      JSON.stringify({ ...localStorage, ...sessionStorage }),
    )
    expect(stored).toBe('{}')
    const token = mcp.tokensSeen().at(-1) ?? ''
    expect(token).not.toBe('')
    expect(stored).not.toContain(token)
    await app.page.context().close()
  })

  it('falls back to a full-page redirect when the popup is blocked, and leaves no code in the address bar', async () => {
    const app = await openWaiting(mcp, { blockPopups: true })
    const approvals = as.approvals()
    await app.page.getByRole('button', { name: 'Sign in' }).click()
    // Away to the authorization server, back through the callback page, then to the app.
    await app.page.waitForURL(/\/callback/, { timeout: 20_000 })
    await app.page.waitForURL((url) => url.pathname === '/', {
      timeout: 20_000,
    })
    await until(app.page, 'status', 'ready')
    expect(await shown(app.page, 'auth')).toBe('authorized')
    expect(app.popups()).toBe(0)
    expect(as.approvals()).toBeGreaterThan(approvals)
    expect(
      app.requested.some((url) => url.startsWith(`${as.issuer}/auth?`)),
    ).toBe(true)
    const callbacks = app.visited.filter((url) => url.includes('/callback'))
    expect(callbacks[0]).toMatch(/[?&]code=/)
    expect(callbacks.at(-1)).not.toMatch(/code=|state=/)
    expect(app.page.url()).not.toMatch(/code=|state=|iss=/)
    expect(JSON.parse(await callWhoami(app.page))).toMatchObject({
      sub: 'test-user',
    })
    // The redirect's record (verifier, state) was used up; no token was ever stored.
    expect(
      await app.page.evaluate(
        () => localStorage.length + sessionStorage.length,
      ),
    ).toBe(0)
    await app.page.context().close()
  })

  it('refreshes an expired access token and the call succeeds without signing in again', async () => {
    const app = await signedIn(shortMcp)
    expect(JSON.parse(await callWhoami(app.page))).toMatchObject({
      sub: 'test-user',
    })
    const before = shortMcp.tokensSeen().at(-1)
    const expiresBefore = Number(await shown(app.page, 'expires'))
    expect(expiresBefore).toBeGreaterThan(0)
    const approvals = shortAs.approvals()
    const popups = app.popups()
    // Past the token's lifetime, as the authorization server counts it too.
    await app.page.waitForTimeout(SHORT_TTL * 1000 + 500)
    const answer = await fetch(shortMcp.url, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${before}`,
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
      },
      body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}',
    })
    expect(answer.status, 'the old token has expired at the server').toBe(401)

    expect(JSON.parse(await callWhoami(app.page))).toMatchObject({
      sub: 'test-user',
    })
    expect(shortMcp.tokensSeen().at(-1)).not.toBe(before)
    expect(Number(await shown(app.page, 'expires'))).toBeGreaterThan(
      expiresBefore,
    )
    expect(shortAs.approvals()).toBe(approvals)
    expect(app.popups()).toBe(popups)
    expect(await shown(app.page, 'status')).toBe('ready')
    await app.page.context().close()
  })

  it('recovers from a revoked access token by refreshing, without a new sign-in', async () => {
    const app = await signedIn(mcp)
    const revoked = mcp.tokensSeen().at(-1) ?? ''
    await as.revoke(revoked)
    const approvals = as.approvals()
    const seen = mcp.tokensSeen().length
    expect(JSON.parse(await callWhoami(app.page))).toMatchObject({
      sub: 'test-user',
    })
    // The revoked token was sent, refused, and a refreshed one carried the call.
    const after = mcp.tokensSeen().slice(seen)
    expect(after[0]).toBe(revoked)
    expect(after.at(-1)).not.toBe(revoked)
    expect(as.approvals()).toBe(approvals)
    expect(app.popups()).toBe(1)
    await app.page.context().close()
  })

  it('recovers from revoked access (refresh token revoked too) by signing in again from the click', async () => {
    const app = await signedIn(mcp)
    // Revoking the refresh token revokes the grant, the access token with it.
    await revokeRefreshToken(as, app.issued.at(-1))
    const approvals = as.approvals()
    await app.page.getByRole('button', { name: 'Call' }).click()
    // The refresh is refused: the app waits for the user again, with the call held.
    await until(app.page, 'auth', 'authorizing')
    expect(await shown(app.page, 'result')).toBe('')
    await signInThroughPopup(app)
    await until(app.page, 'result', /test-user/)
    expect(await shown(app.page, 'failure')).toBe('')
    expect(as.approvals()).toBeGreaterThan(approvals)
    expect(await shown(app.page, 'auth')).toBe('authorized')
    await app.page.context().close()
  })
})
