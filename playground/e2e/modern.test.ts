import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startV2Server, type RunningV2Server } from '@mcp-sse/testkit'
import { chromiumLaunchOptions } from '@mcp-sse/testkit/chromium'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensureBuilt } from './build-site'
import { serveStatic, type StaticSite } from './static-server'

/**
 * The built inspector in Chromium against the official v2 SDK server speaking protocol 2026-07-28
 * (stateless). The SDK's handler sends no CORS headers, so the page's own origin forwards `/mcp`
 * to it, as a reverse proxy in front of a deployed server would.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const shots = process.env.UPDATE_SCREENSHOTS
  ? join(root, '..', 'docs', 'screenshots')
  : mkdtempSync(join(tmpdir(), 'mcp-sse-screenshots-'))

let server: RunningV2Server
let site: StaticSite
let browser: Browser

beforeAll(async () => {
  server = await startV2Server()
  site = await serveStatic(await ensureBuilt(root), '/inspector/', {
    '/mcp': server.origin,
  })
  browser = await chromium.launch(chromiumLaunchOptions)
  mkdirSync(shots, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await site?.close()
  await server?.stop()
})

const mcpUrl = () => new URL('/mcp', site.url).href

async function callTool(
  page: Page,
  tool: string,
  args: Record<string, string>,
) {
  await page.getByTestId(`tool-${tool}`).click()
  const form = page.getByRole('form', { name: `Call ${tool}` })
  for (const [name, value] of Object.entries(args))
    await form.locator(`input[name="${name}"]`).fill(value)
  await form.getByRole('button', { name: `Call ${tool}` }).click()
}

function pendingCard(page: Page, asking: string) {
  return page
    .locator('article[data-state="pending"][aria-label^="Elicitation request"]')
    .filter({ hasText: asking })
    .first()
}

/** Narrows the log to one kind and method; empty strings show everything again. */
async function filterLog(page: Page, kind: string, method: string) {
  await page.getByRole('combobox', { name: 'Kind filter' }).selectOption(kind)
  await page.getByRole('textbox', { name: 'Method filter' }).fill(method)
}

describe('the built inspector against a 2026-07-28 server (official v2 SDK)', () => {
  it('shows the era, calls tools with mirrored headers, groups MRTR rounds and shows the listen stream', async () => {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 1000 },
    })
    const page = await context.newPage()
    try {
      // The pin comes in through the link, and lands in the form.
      await page.goto(
        `${site.url}?url=${encodeURIComponent(mcpUrl())}&protocol=2026-07-28`,
      )
      const card = page.locator(
        '[data-testid="session-s1"][data-status="ready"]',
      )
      await card.waitFor()
      expect(
        await page
          .getByRole('combobox', { name: 'Protocol version' })
          .inputValue(),
      ).toBe('2026-07-28')
      expect(await card.getByTestId('session-protocol').textContent()).toBe(
        '2026-07-28',
      )
      expect(await card.getByTestId('session-era').textContent()).toBe(
        'stateless, no session',
      )
      expect(await card.getByTestId('session-id').count()).toBe(0)
      expect(await card.textContent()).toContain('mcp-sse-v2-test-server')

      await callTool(page, 'echo', { message: 'hello v2' })
      await page
        .getByTestId('tool-result')
        .filter({ hasText: 'hello v2' })
        .waitFor()

      // x-mcp-header: the form says so, and the POST carries the header.
      await page.getByTestId('tool-regional').click()
      expect(await page.getByTestId('header-hint').textContent()).toContain(
        'region → Mcp-Param-Region',
      )
      await callTool(page, 'regional', { region: 'eu-west' })
      await page
        .getByTestId('tool-result')
        .filter({ hasText: 'eu-west' })
        .waitFor()
      await filterLog(page, 'post', '')
      await page
        .getByRole('searchbox', { name: 'Search the log' })
        .fill('eu-west')
      await page.locator('.log-row[data-kind="post"]').last().click()
      const facts = page.getByTestId('http-facts')
      for (const [name, value] of [
        ['Mcp-Method', 'tools/call'],
        ['Mcp-Name', 'regional'],
        ['Mcp-Param-Region', 'eu-west'],
        ['MCP-Protocol-Version', '2026-07-28'],
      ])
        expect(
          await facts
            .getByRole('row', { name: new RegExp(`^→ ${name}\\b`) })
            .locator('td')
            .textContent(),
        ).toBe(value)
      await page.getByRole('searchbox', { name: 'Search the log' }).fill('')

      // MRTR: two elicitations answered from the cards, three rounds under one request.
      await callTool(page, 'survey', {})
      const name = pendingCard(page, 'Name?')
      await name.waitFor()
      await name.getByLabel(/^name/).fill('Ada')
      await name.getByRole('button', { name: 'Accept' }).click()
      const colour = pendingCard(page, 'Colour, Ada?')
      await colour.waitFor()
      await colour.getByLabel(/^colour/).fill('teal')
      await colour.getByRole('button', { name: 'Accept' }).click()
      await page
        .getByTestId('tool-result')
        .filter({ hasText: 'Ada likes teal' })
        .waitFor()
      await filterLog(page, 'message-out', 'tools/call')
      const rounds = page.locator('.log-row[data-kind="message-out"]', {
        has: page.getByTestId('round-mark'),
      })
      await expect.poll(() => rounds.count()).toBe(3)
      const marks = await rounds.getByTestId('round-mark').allTextContents()
      const firstId = /#(\S+)/.exec(
        (await rounds.first().locator('.c-method').textContent()) ?? '',
      )?.[1]
      expect(marks.map((m) => m.trim())).toEqual([
        'round 1',
        `round 2 of #${firstId}`,
        `round 3 of #${firstId}`,
      ])
      await rounds.first().click()
      const exchange = page.getByTestId('exchange')
      expect(await exchange.locator('summary').textContent()).toContain(
        '3 rounds',
      )
      expect(
        await exchange.getByTestId('exchange-round-1').textContent(),
      ).toMatch(
        /asked elicitation\/create: “Name\?”; answered:.*"name": "Ada"/s,
      )
      expect(
        await exchange.getByTestId('exchange-round-2').textContent(),
      ).toContain('"colour": "teal"')
      await page.screenshot({ path: join(shots, 'mrtr-rounds.png') })

      // The listen stream, in a lane of its own; a list change arrives on it.
      await filterLog(page, '', '')
      await page
        .getByRole('combobox', { name: 'Stream filter' })
        .selectOption('LISTEN')
      await page
        .locator('.log-row[data-kind="message-out"] .c-method', {
          hasText: 'subscriptions/listen',
        })
        .first()
        .waitFor()
      await callTool(page, 'add-tool', { name: 'fresh' })
      await page.getByTestId('tool-fresh').waitFor()
      await page
        .locator('.log-row[data-kind="message-in"] .c-method', {
          hasText: 'notifications/tools/list_changed',
        })
        .first()
        .waitFor()
      const lanes = await page.locator('.log-row .c-stream').allTextContents()
      expect(new Set(lanes)).toEqual(new Set(['LISTEN']))
    } finally {
      await context.close()
    }
  })
})
