import { startServerEverything, type RunningServer } from '@mcp-sse/testkit'
import { chromiumLaunchOptions } from '@mcp-sse/testkit/chromium'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { PANEL_MARKER } from '../panel'
import { STORAGE_PREFIX } from '../shell/layout'
import { buildExample, buildPackage, scripts } from './e2e/build-example'
import { startCountingProxy, type CountingProxy } from './e2e/counting-proxy'
import { serveStatic, type StaticSite } from './e2e/static-site'

// The example app (examples/devtools-app), built as its developer would, served, in real Chromium,
// against two real server-everything processes behind proxies that count what reaches them.
let browser: Browser
let http: RunningServer
let sse: RunningServer
let httpProxy: CountingProxy
let sseProxy: CountingProxy
let devSite: StaticSite
let prodSite: StaticSite
let devDir: string
let prodDir: string

beforeAll(async () => {
  await buildPackage()
  ;[devDir, prodDir, http, sse, browser] = await Promise.all([
    buildExample('development'),
    buildExample('production'),
    startServerEverything({ mode: 'streamableHttp' }),
    startServerEverything({ mode: 'sse' }),
    chromium.launch(chromiumLaunchOptions),
  ])
  ;[httpProxy, sseProxy, devSite, prodSite] = await Promise.all([
    startCountingProxy(http.url),
    startCountingProxy(sse.url),
    serveStatic(devDir),
    serveStatic(prodDir),
  ])
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await Promise.all([
    httpProxy?.close(),
    sseProxy?.close(),
    devSite?.close(),
    prodSite?.close(),
    http?.stop(),
    sse?.stop(),
  ])
})

function address(site: StaticSite): string {
  const query = new URLSearchParams({
    http: `${httpProxy.url}/mcp`,
    sse: `${sseProxy.url}/sse`,
  })
  return `${site.url}index.html?${query.toString()}`
}

async function openApp(site: StaticSite): Promise<Page> {
  const page = await browser.newPage()
  // A locator that finds nothing fails in seconds, with its name, rather than at the test's timeout.
  page.setDefaultTimeout(8_000)
  await page.goto(address(site))
  for (const name of ['everything', 'legacy'])
    await expect
      .poll(() => page.getByTestId(`${name}-status`).textContent(), {
        timeout: 20_000,
      })
      .toBe('ready')
  return page
}

it("shows both of the app's connections and their frames as the app makes calls, calls a tool from the panel, and opens no second stream", async () => {
  const page = await openApp(devSite)
  const streamsBefore = { http: httpProxy.streams(), sse: sseProxy.streams() }
  expect(httpProxy.initializes()).toBe(1)
  expect(sseProxy.streams()).toBe(1)

  // Playwright's locators reach into the devtools' open shadow root.
  await page.keyboard.press('Control+Shift+M')
  const dock = page.getByRole('dialog', { name: 'MCP devtools' })
  await dock.waitFor()
  const nav = dock.getByRole('navigation', { name: 'Connections' })
  await expect
    .poll(() => nav.textContent())
    .toMatch(/everything.*ready.*legacy.*ready/)
  await expect
    .poll(() => dock.locator('[data-fact="transport"]').textContent())
    .toBe('streamable-http')
  await expect
    .poll(() => dock.locator('[data-fact="session"]').textContent())
    .toMatch(/^[\w-]{8,}/)

  // The app's own call shows in the log as the app makes it.
  const calls = dock.getByText(/^tools\/call echo #/)
  expect(await calls.count()).toBe(0)
  await page.getByRole('button', { name: 'Call echo on everything' }).click()
  await expect
    .poll(() => page.getByTestId('everything-answer').textContent())
    .toBe('Echo: everything call 1')
  await expect.poll(() => calls.count()).toBe(1)
  await page.getByRole('button', { name: 'Call echo on everything' }).click()
  await expect.poll(() => calls.count()).toBe(2)

  // A tool called from the panel, on the other connection.
  await nav.getByRole('button', { name: /legacy/ }).click()
  await expect
    .poll(() => dock.locator('[data-fact="transport"]').textContent())
    .toBe('sse')
  await dock.getByRole('tab', { name: 'Tools' }).click()
  await dock.getByRole('button', { name: 'echo', exact: true }).click()
  await dock
    .getByLabel('Arguments (JSON)')
    .fill('{"message": "from the panel"}')
  await dock.getByRole('button', { name: 'Call echo' }).click()
  await dock.getByText('Echo: from the panel').waitFor()

  // Esc closes and gives focus back to the toggle.
  await page.keyboard.press('Escape')
  await expect.poll(() => dock.isHidden()).toBe(true)
  expect(
    await page.evaluate(
      () =>
        document
          .querySelector('[data-mcp-sse-devtools]')
          ?.shadowRoot?.activeElement?.getAttribute('aria-label') ?? null,
    ),
  ).toBe('MCP devtools')

  // Counted at the servers: one session each, no stream beyond the app's own.
  expect(httpProxy.initializes()).toBe(1)
  expect(httpProxy.sessions()).toBe(1)
  expect(httpProxy.streams()).toBe(streamsBefore.http)
  expect(httpProxy.streams()).toBeLessThanOrEqual(1)
  expect(sseProxy.streams()).toBe(streamsBefore.sse)
  expect(sseProxy.initializes()).toBe(1)
  expect(sseProxy.seen.some((r) => r.rpcMethod === 'tools/call')).toBe(true)
  await page.close()
})

it('keeps the devtools out of the main chunk, and out of a production build altogether', async () => {
  const development = await scripts(devDir)
  const withPanel = [...development].filter(([, code]) =>
    code.includes(PANEL_MARKER),
  )
  expect(withPanel).toHaveLength(1)
  const main = [...development].find(([name]) => name.startsWith('index-'))
  expect(main?.[1].includes(PANEL_MARKER)).toBe(false)
  expect(main?.[1].includes(STORAGE_PREFIX)).toBe(false)

  const production = await scripts(prodDir)
  for (const [name, code] of production) {
    expect(code.includes(PANEL_MARKER), name).toBe(false)
    expect(code.includes(STORAGE_PREFIX), name).toBe(false)
  }

  // And the production app still works, with nothing of the devtools on the page.
  const page = await openApp(prodSite)
  await page.keyboard.press('Control+Shift+M')
  expect(await page.locator('[data-mcp-sse-devtools]').count()).toBe(0)
  await page.close()
})
