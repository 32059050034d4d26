import { startSdkServer, type RunningSdkServer } from '@mcp-sse/testkit'
import { chromiumLaunchOptions } from '@mcp-sse/testkit/chromium'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alive } from './support/mcp-http'
import { serverEverythingBin } from './support/paths'
import {
  descendants,
  spawnLauncher,
  type SpawnedLauncher,
} from './support/spawn-launcher'

let browser: Browser

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions)
})

afterAll(async () => {
  await browser?.close()
})

async function newPage(): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
  })
  return context.newPage()
}

const ready = (page: Page, id: string) =>
  page
    .locator(`[data-testid="session-${id}"][data-status="ready"]`)
    .waitFor({ timeout: 30_000 })

describe('the built page from the launcher, a stdio server-everything behind it', () => {
  let launcher: SpawnedLauncher
  let page: Page

  beforeAll(async () => {
    launcher = await spawnLauncher([
      '--no-open',
      '--',
      serverEverythingBin,
      'stdio',
    ])
    page = await newPage()
  })

  afterAll(async () => {
    await page?.context().close()
    await launcher?.stop()
  })

  it('opens connected, lists the tools, and takes the token out of the address bar', async () => {
    await page.goto(launcher.pageUrl)
    await ready(page, 's1')
    await expect
      .poll(() =>
        page.getByRole('list', { name: 'Tools' }).locator('li').count(),
      )
      .toBeGreaterThan(5)
    expect(page.url()).not.toContain(launcher.token)
    expect(page.url()).not.toContain('token=')
    expect(
      await page.evaluate(() =>
        sessionStorage.getItem('mcp-sse-inspector:launcher-token'),
      ),
    ).toBe(launcher.token)
    // Nothing of it in storage that outlives the tab.
    const kept = await page.evaluate(() => JSON.stringify({ ...localStorage }))
    expect(kept).not.toContain(launcher.token)
    expect(descendants(launcher.child.pid ?? -1).length).toBeGreaterThan(0)
  })

  it('calls a tool', async () => {
    await page.getByTestId('tool-echo').click()
    await page.locator('input[name="message"]').fill('through the stdio bridge')
    await page.getByRole('button', { name: 'Call echo' }).click()
    const result = page.getByTestId('tool-result')
    await result.waitFor()
    expect(await result.textContent()).toContain(
      'Echo: through the stdio bridge',
    )
  })

  it('shows progress while a long tool runs', async () => {
    await page.getByTestId('tool-trigger-long-running-operation').click()
    await page.locator('input[name="duration"]').fill('2')
    await page.locator('input[name="steps"]').fill('4')
    await page
      .getByRole('button', { name: 'Call trigger-long-running-operation' })
      .click()
    await page.locator('.progress progress[max="4"]').waitFor()
    const result = page.getByTestId('tool-result')
    await expect
      .poll(() => result.textContent(), { timeout: 15_000 })
      .toContain('completed')
  })

  it('answers a sampling request the server sends while a tool runs', async () => {
    await page.getByTestId('tool-trigger-sampling-request').click()
    await page.locator('input[name="prompt"]').fill('hello')
    await page
      .getByRole('button', { name: 'Call trigger-sampling-request' })
      .click()
    await page.getByRole('tab', { name: 'Requests' }).click()
    await page
      .getByRole('textbox', { name: 'Reply text' })
      .fill('sampled in chromium')
    await page.getByRole('button', { name: 'Approve reply' }).click()
    await page.getByRole('tab', { name: 'Tools' }).click()
    await expect
      .poll(() => page.getByTestId('tool-result').textContent(), {
        timeout: 15_000,
      })
      .toContain('sampled in chromium')
  })

  it('shows the server’s stderr in the log, and never the token', async () => {
    await page.getByLabel('Search the log').fill('Starting default')
    await page
      .locator('.log-row', { hasText: 'Starting default' })
      .first()
      .waitFor()
    await page.getByLabel('Search the log').fill('')
    expect(await page.content()).not.toContain(launcher.token)
  })

  it('ends the server’s process when the session is closed', async () => {
    const before = descendants(launcher.child.pid ?? -1)
    expect(before.length).toBeGreaterThan(0)
    await page
      .getByTestId('session-s1')
      .getByRole('button', { name: 'Close' })
      .click()
    await page
      .locator('[data-testid="session-s1"][data-status="closed"]')
      .waitFor()
    await expect
      .poll(() => before.filter(alive), { timeout: 10_000 })
      .toEqual([])
  })
})

describe('a Streamable HTTP server without CORS', () => {
  let sdk: RunningSdkServer
  let launcher: SpawnedLauncher

  beforeAll(async () => {
    sdk = await startSdkServer()
    launcher = await spawnLauncher(['--no-open', sdk.url])
  })

  afterAll(async () => {
    await launcher?.stop()
    await sdk?.stop()
  })

  it('fails directly, is offered the bridge, and connects through it in one click', async () => {
    const page = await newPage()
    await page.goto(launcher.pageUrl)
    const offer = page.getByTestId('bridge-offer')
    await offer.waitFor({ timeout: 30_000 })
    expect(await offer.textContent()).toContain(new URL(sdk.url).origin)
    await page
      .getByRole('button', { name: 'Connect through the local bridge' })
      .click()
    await ready(page, 's2')
    await expect
      .poll(() =>
        page.getByRole('list', { name: 'Tools' }).locator('li').count(),
      )
      .toBe(2)
    expect(sdk.sessions()).toBe(1)
    expect(await page.getByTestId('bridge-note').textContent()).toContain(
      'through the local bridge',
    )
    // The wire log shows the server's own address.
    await page.getByLabel('Search the log').fill('tools/list')
    await page.locator('.log-row', { hasText: 'tools/list' }).first().click()
    expect(await page.getByTestId('log-detail').textContent()).not.toContain(
      '/bridge',
    )

    // Remembered for the tab: a reload connects through the bridge at once.
    await page.reload()
    await ready(page, 's1')
    expect(await page.getByTestId('bridge-offer').count()).toBe(0)
    await page.context().close()
  })

  it('offers nothing on a page without the launcher’s token', async () => {
    const page = await newPage()
    // The same page, opened without the fragment: as the hosted build, it knows no launcher.
    await page.goto(`${launcher.origin}/?url=${encodeURIComponent(sdk.url)}`)
    await page
      .getByTestId('session-s1')
      .getByTestId('session-error')
      .waitFor({ timeout: 30_000 })
    expect(await page.getByTestId('bridge-offer').count()).toBe(0)
    const refused = await page.evaluate(async (target) => {
      const answer = await fetch(`/bridge?target=${encodeURIComponent(target)}`)
      return answer.status
    }, sdk.url)
    expect(refused).toBe(401)
    await page.context().close()
  })
})
