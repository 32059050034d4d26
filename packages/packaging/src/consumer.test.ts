import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startServerEverything, type RunningServer } from '@mcp-sse/testkit'
import { chromiumLaunchOptions } from '@mcp-sse/testkit/chromium'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createConsumerApp } from './consumer-app.ts'
import {
  startInstalledInspector,
  type InstalledInspector,
} from './installed-inspector.ts'
import { packAll, type PackedPackage } from './pack.ts'
import { startPreview, type Preview } from './preview.ts'
import { run } from './run.ts'

// A user's first day: the packed packages installed into a fresh Vite + React + TypeScript app
// outside the workspace, type-checked with `strict`, built, tested with the msw kit, and run in
// Chromium against a real server-everything. The steps depend on each other, so they run in
// order; a failing step fails with the tool's own output.
const root = await mkdtemp(join(tmpdir(), 'mcp-sse-consumer-'))
const app = join(root, 'app')
let packed: PackedPackage[] = []
let server: RunningServer | undefined
let preview: Preview | undefined
let browser: Browser | undefined
let inspector: InstalledInspector | undefined

beforeAll(async () => {
  await mkdir(join(root, 'tarballs'))
  packed = await packAll(join(root, 'tarballs'))
  await createConsumerApp(app, packed)
})

afterAll(async () => {
  await inspector?.stop()
  await browser?.close()
  await preview?.stop()
  await server?.stop()
  await rm(root, { recursive: true, force: true })
})

describe('the packed packages in a fresh Vite + React app', () => {
  it('packs every published package', () => {
    expect(packed.map((pkg) => pkg.name)).toEqual(
      expect.arrayContaining([
        '@mcp-sse/core',
        '@mcp-sse/msw',
        '@mcp-sse/react',
      ]),
    )
  })

  it('type-checks with strict and every declaration file checked', async () => {
    await run('pnpm', ['run', 'typecheck'], { cwd: app })
  })

  it('builds with vite', async () => {
    await run('pnpm', ['run', 'build'], { cwd: app })
  })

  it("passes the app's own component test, driven by the msw kit", async () => {
    const output = await run('pnpm', ['run', 'test'], { cwd: app })
    // vitest colours its summary when it thinks it may
    expect(output.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/Tests\s+1 passed/)
  })

  it('lists the tools and calls echo in Chromium against server-everything', async () => {
    server = await startServerEverything({ mode: 'streamableHttp' })
    preview = await startPreview(app)
    browser = await chromium.launch(chromiumLaunchOptions)
    const page = await browser.newPage()
    const pageErrors: string[] = []
    page.on('pageerror', (error) => pageErrors.push(error.message))

    await page.goto(
      `${preview.url}?url=${encodeURIComponent(server.endpointUrl)}`,
    )
    const tools = page.getByRole('list', { name: 'Tools' })
    await tools.getByText('echo', { exact: true }).waitFor({ timeout: 20_000 })
    expect(await tools.locator('li').count()).toBeGreaterThan(5)

    const button = page.getByRole('button', { name: 'Call echo' })
    await expect.poll(() => button.isEnabled(), { timeout: 10_000 }).toBe(true)
    await button.click()
    await expect
      .poll(() => page.locator('output').textContent(), { timeout: 10_000 })
      .toBe('Echo: hello from the consumer app')
    expect(pageErrors).toEqual([])
  })
  it('serves the inspector page from the installed @mcp-sse/inspector', async () => {
    inspector = await startInstalledInspector(app)
    const page = await fetch(inspector.pageUrl)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    // The built site ships in the tarball: the page names its script, and the script is served.
    const html = await page.text()
    const script = /<script[^>]+src="([^"]+)"/.exec(html)?.[1]
    expect(script).toBeDefined()
    const asset = await fetch(new URL(script ?? '', inspector.pageUrl))
    expect(asset.status).toBe(200)
  })
})
