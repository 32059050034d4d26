import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  getFreePort,
  startServerEverything,
  type RunningServer,
} from '@mcp-sse/testkit'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt } from './build-site'
import { serveStatic, type StaticSite } from './static-server'
import { chromiumLaunchOptions } from '@mcp-sse/testkit/chromium'
import { contrast } from './contrast'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
// The README's screenshots are refreshed on request (UPDATE_SCREENSHOTS=1 pnpm test), so that an
// ordinary test run leaves the working tree clean; otherwise they go to a temporary folder.
const shots = process.env.UPDATE_SCREENSHOTS
  ? join(root, '..', 'docs', 'screenshots')
  : mkdtempSync(join(tmpdir(), 'mcp-sse-screenshots-'))

let server: RunningServer
let site: StaticSite
let browser: Browser
let page: Page

beforeAll(async () => {
  const dist = await ensureBuilt(root)
  // A sub-path, as on GitHub Pages: relative asset URLs must resolve under it.
  site = await serveStatic(dist, '/tools/mcp-inspector/')
  server = await startServerEverything({ mode: 'sse' })
  browser = await chromium.launch(chromiumLaunchOptions)
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  })
  page = await context.newPage()
  mkdirSync(shots, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
  await site?.close()
})

describe('the built inspector against a real server-everything', () => {
  it('opens the connection named in ?url= and lists the tools', async () => {
    await page.goto(`${site.url}?url=${encodeURIComponent(server.url)}`)
    await page
      .locator('[data-testid="session-s1"][data-status="ready"]')
      .waitFor()
    await expect
      .poll(() => page.locator('[data-testid="session-s1"]').textContent())
      .toContain('protocol')
    await page.locator('[data-testid="tool-echo"]').waitFor()
    await expect
      .poll(() =>
        page.getByRole('list', { name: 'Tools' }).locator('li').count(),
      )
      .toBeGreaterThan(5)
  })

  it('fills the echo form, calls it, and shows the result', async () => {
    await page.locator('[data-testid="tool-echo"]').click()
    await page.locator('input[name="message"]').fill('hello from chromium')
    await page.getByRole('button', { name: 'Call echo' }).click()
    const result = page.getByTestId('tool-result')
    await result.waitFor()
    expect(await result.textContent()).toContain('Echo: hello from chromium')
    await page.screenshot({ path: join(shots, 'tools.png') })
  })

  it('pairs the tools/call request with its answer in the log', async () => {
    await page.getByRole('checkbox', { name: 'JSON-RPC' }).check()
    await page
      .getByRole('textbox', { name: 'Method filter' })
      .fill('tools/call')
    const request = page.locator('.log-row[data-kind="message-out"]').first()
    await request.waitFor()
    await request.click()
    const pair = page.getByTestId('log-pair')
    await pair.waitFor()
    expect(await pair.textContent()).toMatch(/answered #\d+ in \d+ ms/)
    expect(await page.getByTestId('log-detail').textContent()).toContain(
      'hello from chromium',
    )
    await page.screenshot({ path: join(shots, 'log-pairing.png') })
    // Replay: the same call goes out again, with a new id, and is answered.
    await page.getByRole('button', { name: 'Send again' }).click()
    await expect
      .poll(() => page.locator('.log-row[data-kind="message-in"]').count())
      .toBe(2)
    await page.getByRole('textbox', { name: 'Method filter' }).fill('')
    await page.getByRole('checkbox', { name: 'JSON-RPC' }).uncheck()
  })

  it('opens a second session to the same server', async () => {
    await page.getByRole('button', { name: 'Connect', exact: true }).click()
    await page
      .locator('[data-testid="session-s2"][data-status="ready"]')
      .waitFor()
    expect(
      await page
        .locator('[data-testid="session-s1"]')
        .getAttribute('data-status'),
    ).toBe('ready')
    await page.getByTestId('session-s2').getByTestId('rtt').waitFor()
    await page.screenshot({ path: join(shots, 'sessions.png') })
  })

  it('exports the log to a file and imports it back', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export' }).click(),
    ])
    const file = await download.path()
    const exported = JSON.parse(readFileSync(file, 'utf8')) as {
      format: string
      events: { session: string; event: { type: string } }[]
    }
    expect(exported.format).toBe('mcp-sse-log')
    const sessions = new Set(exported.events.map((e) => e.session))
    expect(sessions).toEqual(new Set(['s1', 's2']))
    expect(exported.events.some((e) => e.event.type === 'message-out')).toBe(
      true,
    )

    const before = await page.getByTestId('log-count').textContent()
    await page.getByTestId('log-import').setInputFiles(file)
    await page.getByRole('status').filter({ hasText: 'Imported' }).waitFor()
    const after = await page.getByTestId('log-count').textContent()
    expect(after).not.toBe(before)
  })

  it('explains a URL where nothing listens', async () => {
    const port = await getFreePort()
    await page
      .getByRole('textbox', { name: 'Server URL' })
      .fill(`http://127.0.0.1:${port}`)
    await page.getByRole('button', { name: 'Connect', exact: true }).click()
    const error = page.getByTestId('session-s3').getByTestId('session-error')
    await error.waitFor({ timeout: 20_000 })
    expect(await error.textContent()).toMatch(/Could not reach/)
    expect(await error.textContent()).toMatch(/Access-Control-Allow-Origin/)
    expect(await page.getByTestId('session-banner').textContent()).toMatch(
      /Could not reach/,
    )
    const close = page.getByRole('button', { name: 'Close detail' })
    if (await close.isVisible()) await close.click()
    await page.screenshot({ path: join(shots, 'connect-error.png') })
  })

  it('imports 100,000 events and scrolls through them', async () => {
    const events = Array.from({ length: 100_000 }, (_, i) => ({
      session: 'bulk',
      event:
        i % 2 === 0
          ? {
              type: 'message-out',
              time: 1_700_000_000_000 + i,
              seq: i,
              message: {
                jsonrpc: '2.0',
                id: i,
                method: 'tools/call',
                params: { i },
              },
            }
          : {
              type: 'message-in',
              time: 1_700_000_000_000 + i + 3,
              seq: i,
              via: 'stream',
              message: { jsonrpc: '2.0', id: i - 1, result: { content: [] } },
            },
    }))
    const file = join(mkdtempSync(join(tmpdir(), 'mcp-log-')), 'bulk.json')
    writeFileSync(
      file,
      JSON.stringify({ format: 'mcp-sse-log', version: 1, events }),
    )
    await page.getByRole('button', { name: 'Clear' }).click()
    await page.getByTestId('log-import').setInputFiles(file)
    await page
      .getByTestId('log-count')
      .filter({ hasText: '100,000 / 100,000' })
      .waitFor()
    // Virtualized: only the rows in view are in the DOM.
    expect(await page.locator('.log-row').count()).toBeLessThan(200)
    await page
      .getByTestId('log-rows')
      .evaluate((el) => (el.scrollTop = el.scrollHeight / 2))
    await page.locator('.log-row', { hasText: 'bulk' }).first().waitFor()
    await page.screenshot({ path: join(shots, 'log-100k.png') })
  })

  it('explains the six-streams-per-origin limit when a seventh session waits', async () => {
    // s1 and s2 hold two streams to this origin; four more fill the browser's six, the next waits.
    for (let i = 0; i < 5; i++) {
      await page.getByRole('textbox', { name: 'Server URL' }).fill(server.url)
      await page.getByRole('button', { name: 'Connect', exact: true }).click()
    }
    const warning = page.getByTestId('stream-limit').first()
    await warning.waitFor({ timeout: 15_000 })
    expect(await warning.textContent()).toMatch(
      /only 6 open connections per origin/,
    )
    await warning.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(shots, 'stream-limit.png') })
  })

  it('follows the system dark theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.getByTestId('session-s1').getByRole('button').first().click()
    const background = await page.evaluate(
      () => getComputedStyle(document.body).backgroundColor,
    )
    expect(background).toBe('rgb(22, 24, 28)')
    // The Connect button, and the other text on it, pass WCAG AA (4.5:1) in the dark theme.
    for (const selector of [
      'button.primary',
      '.tab.selected',
      '.hint',
      '.log-row .c-summary',
    ]) {
      const [fg, bg] = await page
        .locator(selector)
        .first()
        .evaluate((el) => {
          const background = (node: Element | null): string => {
            for (let n = node; n !== null; n = n.parentElement) {
              const color = getComputedStyle(n).backgroundColor
              if (color !== 'rgba(0, 0, 0, 0)') return color
            }
            return 'rgb(255, 255, 255)'
          }
          return [getComputedStyle(el).color, background(el)]
        })
      expect(
        contrast(fg, bg),
        `${selector}: ${fg} on ${bg}`,
      ).toBeGreaterThanOrEqual(4.5)
    }
    await page.screenshot({ path: join(shots, 'dark.png') })
    await page.emulateMedia({ colorScheme: 'light' })
  })

  it('resizes the log pane from the keyboard', async () => {
    const log = page.getByRole('region', { name: 'Raw event log' })
    const before = (await log.boundingBox())?.height ?? 0
    const handle = page.getByRole('separator', { name: 'Resize the log' })
    await handle.focus()
    for (let i = 0; i < 5; i++) await handle.press('ArrowUp')
    await expect
      .poll(async () => (await log.boundingBox())?.height ?? 0)
      .toBeGreaterThan(before + 20)
  })
})
