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

// The built inspector under a sub-path signs in to a protected MCP server through real
// oidc-provider, in real Chromium with its popup blocker on.
let world: OAuthWorld
let browser: Browser

beforeAll(async () => {
  world = await startOAuthWorld()
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  await world?.stop()
})

describe('signing in from the inspector through the popup', () => {
  it('offers a sign-in when the server answers 401, signs in from the click, calls a tool, and shows each step', async () => {
    const page = await openInspector(
      browser,
      world,
      `?url=${encodeURIComponent(world.mcp.url)}`,
    )
    try {
      const banner = page.locator(
        '[data-testid="sign-in-banner"][data-offer="offered"]',
      )
      await banner.waitFor()
      await signInThroughPopup(page, banner)
      await page
        .locator('[data-testid="session-s1"][data-status="ready"]')
        .waitFor()
      expect(await callWhoami(page)).toContain('test-user')

      const steps = await authSteps(page)
      expect(steps).toEqual({
        'resource-metadata': 'done',
        'server-metadata': 'done',
        registration: 'done',
        authorization: 'done',
        token: 'done',
        scopes: 'done',
        expiry: 'done',
      })
      const panel = page.getByRole('region', { name: 'Sign-in steps' })
      const text = (await panel.textContent()) ?? ''
      expect(text).toContain(world.mcp.resourceMetadataUrl)
      expect(text).toContain(world.as.issuer)
      expect(text).toContain('S256')
      expect(text).toContain('mcp:read')
      expect(text).toMatch(/expires.*\(in \d+ min\)/)
      expect(await page.getByTestId('auth-status').textContent()).toBe(
        'signed in',
      )

      // The token: kept for the tab only, and nowhere a user could copy it from.
      const storage = await page.evaluate(() => ({
        local: JSON.stringify({ ...localStorage }),
        session: JSON.stringify({ ...sessionStorage }),
      }))
      expectNoToken(world, storage.local)
      expect(
        world.mcp.tokensSeen().some((t) => storage.session.includes(t)),
      ).toBe(true)
      expectNoToken(world, await exportedLog(page))
      expectNoToken(world, (await page.locator('body').textContent()) ?? '')
      expectNoToken(world, page.url())
      await page
        .context()
        .grantPermissions(['clipboard-read', 'clipboard-write'])
      await page.getByRole('button', { name: 'Copy link' }).click()
      await page.getByText('Link copied').waitFor()
      const link = await page.evaluate(() => navigator.clipboard.readText())
      expect(link).toContain(encodeURIComponent(world.mcp.url))
      expectNoToken(world, link)
    } finally {
      await page.context().close()
    }
  })

  it('keeps the tokens on this device when "remember" is ticked, so another tab needs no sign-in', async () => {
    const query = `?url=${encodeURIComponent(world.mcp.url)}&auth=oauth`
    const page = await openInspector(browser, world, query)
    try {
      const banner = page.locator(
        '[data-testid="sign-in-banner"][data-offer="waiting"]',
      )
      await banner.waitFor()
      expect(await banner.textContent()).toContain(world.as.issuer)
      await banner
        .getByRole('checkbox', { name: 'remember sign-in on this device' })
        .check()
      await signInThroughPopup(page, banner)
      await page
        .locator('[data-testid="session-s1"][data-status="ready"]')
        .waitFor()
      const local = await page.evaluate(() =>
        JSON.stringify({ ...localStorage }),
      )
      expect(world.mcp.tokensSeen().some((t) => local.includes(t))).toBe(true)

      const approvals = world.as.approvals()
      const other = await page.context().newPage()
      await other.goto(`${world.site.url}${query}`)
      await other
        .locator('[data-testid="session-s1"][data-status="ready"]')
        .waitFor()
      expect(await callWhoami(other)).toContain('test-user')
      expect(world.as.approvals()).toBe(approvals)
      // Signing out forgets them.
      await other.getByRole('tab', { name: 'Auth' }).click()
      await other.getByRole('button', { name: 'Sign out' }).click()
      await expect
        .poll(async () => {
          const left = await other.evaluate(() =>
            JSON.stringify({ ...localStorage }),
          )
          return world.mcp.tokensSeen().filter((t) => left.includes(t))
        })
        .toEqual([])
    } finally {
      await page.context().close()
    }
  })
})
