import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  authSteps,
  callWhoami,
  expectNoToken,
  exportedLog,
  launchChromium,
  openInspector,
  signInThroughPopup,
  startOAuthWorld,
  type OAuthWorld,
} from './oauth-world'

// When the browser blocks even a clicked popup, the sign-in leaves the page for the
// authorization server and comes back through the build's callback page; and a sign-in the
// authorization server refuses shows the step that failed.
let world: OAuthWorld
let refusing: OAuthWorld
let browser: Browser

beforeAll(async () => {
  world = await startOAuthWorld()
  refusing = await startOAuthWorld({ deny: true })
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await refusing?.stop()
  await world?.stop()
})

describe('signing in from the inspector without a popup, and a refused sign-in', () => {
  it('falls back to a full-page redirect when the popup is blocked, comes back to the session, and calls a tool', async () => {
    // Connected from the form, so the address names no server until the sign-in starts.
    const page = await openInspector(browser, world, '', { blockPopups: true })
    await page.getByRole('textbox', { name: 'Server URL' }).fill(world.mcp.url)
    await page.getByRole('button', { name: 'Connect', exact: true }).click()
    const visited: string[] = []
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) visited.push(frame.url())
    })
    const navigations: string[] = []
    page.on('request', (request) => {
      if (request.isNavigationRequest()) navigations.push(request.url())
    })
    let popups = 0
    page.on('popup', () => popups++)
    try {
      const banner = page.locator(
        '[data-testid="sign-in-banner"][data-offer="offered"]',
      )
      await banner.waitFor()
      const approvals = world.as.approvals()
      await banner.getByRole('button', { name: 'Sign in' }).click()
      // Out to the authorization server and back, too quickly to wait for each address.
      await expect
        .poll(() => visited.filter((url) => url.includes('callback.html')), {
          timeout: 30_000,
        })
        .not.toEqual([])
      await page
        .locator('[data-testid="session-s1"][data-status="ready"]')
        .waitFor({ timeout: 30_000 })
      expect(popups).toBe(0)
      expect(world.as.approvals()).toBeGreaterThan(approvals)
      // Out through the authorization server, back through the callback page under the
      // sub-path, which took the code out of the address at once.
      expect(
        navigations.some((url) => url.startsWith(`${world.as.issuer}/auth?`)),
      ).toBe(true)
      const callbacks = visited.filter((url) => url.includes('callback.html'))
      expect(callbacks[0]).toMatch(/code=/)
      expect(callbacks.at(-1)).not.toMatch(/code=|state=/)
      expect(page.url()).not.toMatch(/code=|state=/)
      expect(new URL(page.url()).searchParams.get('url')).toBe(world.mcp.url)
      expect(await callWhoami(page)).toContain('test-user')

      // The steps seen before the page left are still shown.
      expect(await authSteps(page)).toEqual({
        'resource-metadata': 'done',
        'server-metadata': 'done',
        registration: 'done',
        authorization: 'done',
        token: 'done',
        scopes: 'done',
        expiry: 'done',
      })
      const storage = await page.evaluate(() =>
        JSON.stringify({ ...localStorage }),
      )
      expectNoToken(world, storage)
      expectNoToken(world, await exportedLog(page))
      expectNoToken(world, (await page.locator('body').textContent()) ?? '')
    } finally {
      await page.context().close()
    }
  })

  it('shows the failing step, explained, when the authorization server refuses the sign-in', async () => {
    const page = await openInspector(
      browser,
      refusing,
      `?url=${encodeURIComponent(refusing.mcp.url)}&auth=oauth`,
    )
    try {
      const banner = page.locator(
        '[data-testid="sign-in-banner"][data-offer="waiting"]',
      )
      await banner.waitFor()
      await signInThroughPopup(page, banner)
      await page
        .locator('[data-testid="sign-in-banner"][data-offer="retry"]')
        .waitFor()
      expect(
        await page.getByTestId('session-s1').getAttribute('data-status'),
      ).toBe('error')
      expect(await authSteps(page)).toEqual({
        'resource-metadata': 'done',
        'server-metadata': 'done',
        registration: 'done',
        authorization: 'failed',
        token: 'pending',
        scopes: 'pending',
        expiry: 'pending',
      })
      const failure = page.getByTestId('auth-failure')
      const text = (await failure.textContent()) ?? ''
      expect(text).toContain('declined')
      expect(text).toContain('access_denied')
      expect(text).toContain('the test user said no')
      // Server text is shown as text: no element came from it.
      expect(await failure.locator('*').count()).toBe(
        await failure.locator('p, strong').count(),
      )
      expect(refusing.mcp.tokensSeen()).toEqual([])
    } finally {
      await page.context().close()
    }
  })
})
