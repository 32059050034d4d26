import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startServerEverything, type RunningServer } from '@mcp-sse/testkit'
import { chromiumLaunchOptions } from '@mcp-sse/testkit/chromium'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt } from './build-site'
import { serveStatic, type StaticSite } from './static-server'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const shots = process.env.UPDATE_SCREENSHOTS
  ? join(root, '..', 'docs', 'screenshots')
  : mkdtempSync(join(tmpdir(), 'mcp-sse-screenshots-'))

let streamable: RunningServer
let site: StaticSite
let browser: Browser

beforeAll(async () => {
  site = await serveStatic(await ensureBuilt(root), '/tools/mcp-inspector/')
  streamable = await startServerEverything({ mode: 'streamableHttp' })
  browser = await chromium.launch(chromiumLaunchOptions)
  mkdirSync(shots, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await streamable?.stop()
  await site?.close()
})

describe('the built inspector against server-everything over Streamable HTTP', () => {
  it('connects by the /mcp URL and shows which stream each frame came on', async () => {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
    })
    const tab = await context.newPage()
    try {
      await tab.goto(
        `${site.url}?url=${encodeURIComponent(streamable.endpointUrl)}`,
      )
      const card = tab.locator(
        '[data-testid="session-s1"][data-status="ready"]',
      )
      await card.waitFor()
      expect(await card.getByTestId('session-transport').textContent()).toBe(
        'Streamable HTTP',
      )
      expect(await card.getByTestId('session-protocol').textContent()).toBe(
        '2025-11-25',
      )
      await tab.locator('[data-testid="tool-echo"]').click()
      await tab.locator('input[name="message"]').fill('over streamable http')
      await tab.getByRole('button', { name: 'Call echo' }).click()
      await tab
        .getByTestId('tool-result')
        .filter({ hasText: 'Echo: over streamable http' })
        .waitFor()
      // The GET stream is open, and the answer came on the POST of its request.
      await tab
        .getByRole('combobox', { name: 'Kind filter' })
        .selectOption('stream-open')
      await tab
        .locator('.log-row[data-kind="stream-open"] .c-stream', {
          hasText: 'GET',
        })
        .first()
        .waitFor()
      await tab.getByRole('combobox', { name: 'Kind filter' }).selectOption('')
      await tab
        .getByRole('textbox', { name: 'Method filter' })
        .fill('tools/call')
      const answer = tab.locator('.log-row[data-kind="message-in"]').first()
      await answer.waitFor()
      expect(await answer.locator('.c-stream').textContent()).toMatch(
        /^POST #\d+$/,
      )
      await tab.locator('.log-row[data-kind="message-out"]').first().click()
      const curl = await tab.getByTestId('curl').textContent()
      expect(curl).toContain('Accept: application/json, text/event-stream')
      expect(curl).toMatch(/Mcp-Session-Id: [\w-]+/)
      expect(curl).toContain('MCP-Protocol-Version: 2025-11-25')
      await tab.screenshot({ path: join(shots, 'streamable-http.png') })
    } finally {
      await context.close()
    }
  })
})
