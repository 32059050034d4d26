import { startServerEverything, type RunningServer } from '@mcp-sse/testkit'
import { chromiumLaunchOptions } from '@mcp-sse/testkit/chromium'
import { chromium, type Browser, type Page } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { STORAGE_PREFIX } from '../shell/layout'
import { buildExample, buildPackage, scripts } from './e2e/build-example'
import { startCountingProxy, type CountingProxy } from './e2e/counting-proxy'
import { serveStatic, type StaticSite } from './e2e/static-site'

/**
 * A string found only in @mcp-sse/inspector-ui's code (the class of <MCPInspector />'s root, in its
 * markup and its style sheet), which is the devtools' panel: a chunk that has it has the panel.
 */
const PANEL_MARKER = 'mcp-inspector-root'

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
  const card = (name: string) => dock.getByTestId(`session-${name}`)
  for (const name of ['everything', 'legacy'])
    await expect
      .poll(() => card(name).getAttribute('data-status'))
      .toBe('ready')
  expect(
    await card('everything').getByTestId('session-transport').textContent(),
  ).toBe('Streamable HTTP')
  expect(
    await card('legacy').getByTestId('session-transport').textContent(),
  ).toBe('HTTP+SSE')

  // The app's own call shows in the log as the app makes it: the inspector's log, filtered to
  // the calls the everything client sent, counts them.
  await dock.getByLabel('Session filter').selectOption('everything')
  await dock.getByLabel('Kind filter').selectOption('message-out')
  await dock.getByLabel('Method filter').fill('tools/call')
  const calls = async () =>
    Number((await dock.getByTestId('log-count').textContent())?.split(' / ')[0])
  expect(await calls()).toBe(0)
  await page.getByRole('button', { name: 'Call echo on everything' }).click()
  await expect
    .poll(() => page.getByTestId('everything-answer').textContent())
    .toBe('Echo: everything call 1')
  await expect.poll(calls).toBe(1)
  await page.getByRole('button', { name: 'Call echo on everything' }).click()
  await expect.poll(calls).toBe(2)
  // And its rows are there, laid out (virtual rows, in a real browser).
  await expect
    .poll(() => dock.locator('.log-row .c-method[title="tools/call"]').count())
    .toBeGreaterThan(0)

  // A tool called from the panel, on the other connection.
  await card('legacy')
    .getByRole('button', { name: /^legacy/ })
    .click()
  await dock.getByTestId('tool-echo').click()
  await dock.getByRole('textbox', { name: /message/ }).fill('from the panel')
  await dock.getByRole('button', { name: 'Call echo' }).click()
  await expect
    .poll(() => dock.getByTestId('tool-result').textContent())
    .toContain('Echo: from the panel')
  if (process.env.DEVTOOLS_SCREENSHOT)
    await page.screenshot({ path: process.env.DEVTOOLS_SCREENSHOT })

  // The call disabled its button while it ran; the keyboard stayed in the panel all the same.
  expect(
    await page.evaluate(
      () =>
        document.querySelector('[data-mcp-sse-devtools]')?.shadowRoot
          ?.activeElement != null,
    ),
  ).toBe(true)

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
