import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromiumLaunchOptions } from '@mcp-sse/testkit/chromium'
import {
  startAuthorizationServer,
  startProtectedMcpServer,
  type RunningAuthorizationServer,
  type RunningProtectedMcpServer,
} from '@mcp-sse/testkit/oauth'
import {
  chromium,
  type Browser,
  type Locator,
  type Page,
} from 'playwright-core'
import { expect } from 'vitest'
import { ensureBuilt } from './build-site'
import { serveStatic, type StaticSite } from './static-server'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

/** The built inspector under a sub-path, oidc-provider, and an MCP server that checks its tokens. */
export interface OAuthWorld {
  site: StaticSite
  as: RunningAuthorizationServer
  mcp: RunningProtectedMcpServer
  stop(): Promise<void>
}

export async function startOAuthWorld(
  options: { deny?: boolean } = {},
): Promise<OAuthWorld> {
  const site = await serveStatic(
    await ensureBuilt(root),
    '/tools/mcp-inspector/',
  )
  const origin = new URL(site.url).origin
  const as = await startAuthorizationServer({
    scopes: ['mcp:read'],
    corsOrigins: [origin],
    ...(options.deny !== undefined && { deny: options.deny }),
  })
  const mcp = await startProtectedMcpServer({
    authorizationServer: as,
    corsOrigins: [origin],
  })
  return {
    site,
    as,
    mcp,
    stop: async () => {
      await mcp.stop()
      await as.stop()
      await site.close()
    },
  }
}

/** Chromium with its popup blocker on (Playwright turns it off by default), as users have it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    ...chromiumLaunchOptions,
    ignoreDefaultArgs: ['--disable-popup-blocking'],
  })
}

/** The inspector's page, opened on `query` under the site's sub-path. */
export async function openInspector(
  browser: Browser,
  world: OAuthWorld,
  query: string,
  options: { blockPopups?: boolean } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  })
  // A blocker that refuses even clicked popups (a strict setting, an extension) makes
  // window.open return null. Chromium has no switch for that in headless mode, so the page's
  // window.open answers as it would.
  if (options.blockPopups === true)
    await context.addInitScript(() => {
      window.open = () => null
    })
  const page = await context.newPage()
  await page.goto(`${world.site.url}${query}`)
  return page
}

/** Calls `whoami` from the Tools tab and returns what the result shows. */
export async function callWhoami(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Tools' }).click()
  await page.locator('[data-testid="tool-whoami"]').click()
  await page.getByRole('button', { name: 'Call whoami' }).click()
  const result = page.getByTestId('tool-result').filter({ hasText: 'sub' })
  await result.waitFor()
  return (await result.textContent()) ?? ''
}

/** The state of each step in the Auth tab, by step id. */
export async function authSteps(page: Page): Promise<Record<string, string>> {
  await page.getByRole('tab', { name: 'Auth' }).click()
  const items = page.locator('[data-testid^="auth-step-"]')
  await items.first().waitFor()
  const steps: Record<string, string> = {}
  for (const item of await items.all()) {
    const id = (await item.getAttribute('data-testid')) ?? ''
    steps[id.replace('auth-step-', '')] =
      (await item.getAttribute('data-state')) ?? ''
  }
  return steps
}

/** Asserts no token the server received shows in `text`. */
export function expectNoToken(world: OAuthWorld, text: string): void {
  const tokens = world.mcp.tokensSeen()
  expect(tokens.length).toBeGreaterThan(0)
  for (const token of tokens) expect(text).not.toContain(token)
}

/** The exported log file's text. */
export async function exportedLog(page: Page): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export' }).click(),
  ])
  return readFileSync(await download.path(), 'utf8')
}

/**
 * Clicks "Sign in" in `where` and waits for the popup to come and go. Its close is listened for
 * as it opens: a quick sign-in may close it before the click's promise settles.
 */
export async function signInThroughPopup(
  page: Page,
  where: Locator,
  label = 'Sign in',
): Promise<void> {
  const closed = new Promise<void>((resolve) =>
    page.once('popup', (popup) => popup.once('close', () => resolve())),
  )
  await where.getByRole('button', { name: label }).click()
  await Promise.race([
    closed,
    new Promise((_, reject) =>
      setTimeout(
        () => reject(new Error('the sign-in popup did not close in 30 s')),
        30_000,
      ),
    ),
  ])
}
