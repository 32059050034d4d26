import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromiumLaunchOptions } from '@mcp-sse/testkit/chromium'
import { chromium } from 'playwright-core'
import type { BrowserContext, Page } from 'playwright-core'
import { serveStatic } from './static-server.ts'
import { formatMB, formatNumber } from './stats.ts'
import type { Table } from './table.ts'
import { generateWireLog } from './wire-log.ts'

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const DIST = join(REPO_ROOT, 'playground', 'dist')

export interface InspectorOptions {
  events: number
  /** How long to scroll the log while recording frame times. */
  scrollMs: number
  /** Build playground/dist first (`pnpm --filter playground build`). */
  build: boolean
}

export const FULL_INSPECTOR: InspectorOptions = {
  events: 100_000,
  scrollMs: 3_000,
  build: true,
}

export interface InspectorResult {
  events: number
  fileBytes: number
  /** From the file input's change event until the rows are on screen. */
  shownMs: number
  heapAfterImport: number
  heapAfterGc: number
  /** Frames per second with nothing happening, the ceiling for `fps`. */
  idleFps: number
  fps: number
  p95FrameMs: number
  maxFrameMs: number
  frames: number
}

export function buildInspector(): void {
  const result = spawnSync('pnpm', ['--filter', 'playground', 'build'], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (result.status !== 0)
    throw new Error(`pnpm --filter playground build failed (${result.status})`)
}

/**
 * In the page: stamps the moment the import input changes, then checks every frame until the log
 * shows the imported events (a row on screen and the count naming them), and resolves with the time.
 */
function timeUntilShown(page: Page, events: number): Promise<number> {
  return page.evaluate((expected) => {
    return new Promise<number>((resolve, reject) => {
      let start = 0
      const digits = (text: string | null) =>
        (text ?? '').replace(/[^0-9]/g, '')
      const shown = () => {
        const row = document.querySelector(
          '[data-testid="log-rows"] [role="row"]',
        )
        const count = document.querySelector('[data-testid="log-count"]')
        return (
          row !== null &&
          (count === null ||
            digits(count.textContent).includes(String(expected)))
        )
      }
      const check = () => {
        if (shown()) resolve(performance.now() - start)
        else if (performance.now() - start > 60_000)
          reject(new Error('rows not shown within 60 s'))
        else requestAnimationFrame(check)
      }
      document.addEventListener(
        'change',
        () => {
          start = performance.now()
          requestAnimationFrame(check)
        },
        { capture: true, once: true },
      )
    })
  }, events)
}

/** In the page: scrolls the log's scroll container a little each frame and records frame deltas. */
function scrollFrames(
  page: Page,
  durationMs: number,
  step: number,
): Promise<number[]> {
  return page.evaluate(
    ([duration, stepShare]) => {
      const byLargest = [...document.querySelectorAll<HTMLElement>('*')]
        .filter((el) => {
          const overflow = getComputedStyle(el).overflowY
          return (
            (overflow === 'auto' || overflow === 'scroll') &&
            el.scrollHeight > el.clientHeight
          )
        })
        .sort((a, b) => b.scrollHeight - a.scrollHeight)[0]
      const scroller =
        document.querySelector<HTMLElement>('[data-testid="log-rows"]') ??
        byLargest
      if (!scroller) throw new Error('no scrollable log found')
      scroller.scrollTop = 0
      return new Promise<number[]>((resolve) => {
        const deltas: number[] = []
        let last = performance.now()
        const end = last + duration
        const frame = (now: number) => {
          deltas.push(now - last)
          last = now
          // About a screenful per 10 frames: fast enough that rows are created and dropped each frame.
          scroller.scrollTop += scroller.clientHeight * stepShare
          if (now < end) requestAnimationFrame(frame)
          else resolve(deltas.slice(1))
        }
        requestAnimationFrame(frame)
      })
    },
    [durationMs, step] as const,
  )
}

function frameStats(deltas: number[]) {
  const total = deltas.reduce((a, b) => a + b, 0)
  const sorted = [...deltas].sort((a, b) => a - b)
  return {
    fps: deltas.length / (total / 1000),
    p95: sorted[Math.ceil(sorted.length * 0.95) - 1] ?? Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    frames: deltas.length,
  }
}

export async function runInspectorBench(
  options: InspectorOptions,
): Promise<InspectorResult> {
  if (options.build) buildInspector()
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error(`no built inspector at ${DIST}`)
  const { executablePath } = chromiumLaunchOptions
  if (!existsSync(executablePath)) {
    throw new Error(
      `no Chromium at ${executablePath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH`,
    )
  }
  const work = await mkdtemp(join(tmpdir(), 'mcp-sse-bench-'))
  const site = await serveStatic(DIST)
  let context: BrowserContext | undefined
  try {
    // A persistent context on a fresh directory: the profile is new every run and removed after.
    context = await chromium.launchPersistentContext(join(work, 'profile'), {
      ...chromiumLaunchOptions,
      viewport: { width: 1280, height: 900 },
    })
    const logPath = join(work, 'wire-log.json')
    const text = JSON.stringify(generateWireLog(options.events))
    await writeFile(logPath, text)
    const page = context.pages()[0] ?? (await context.newPage())
    await page.goto(site.url)
    const input = page.locator('input[data-testid="log-import"]')
    await input.waitFor({ state: 'attached', timeout: 15_000 })
    const shown = timeUntilShown(page, options.events)
    await input.setInputFiles(logPath)
    const shownMs = await shown
    const cdp = await context.newCDPSession(page)
    const heapAfterImport = (await cdp.send('Runtime.getHeapUsage')).usedSize
    await cdp.send('HeapProfiler.collectGarbage')
    const heapAfterGc = (await cdp.send('Runtime.getHeapUsage')).usedSize
    // Idle frames first: how fast this headless browser draws at all, to judge the scroll figures by.
    const idle = frameStats(await scrollFrames(page, 1_000, 0))
    const scroll = frameStats(await scrollFrames(page, options.scrollMs, 0.1))
    return {
      events: options.events,
      fileBytes: Buffer.byteLength(text),
      shownMs,
      heapAfterImport,
      heapAfterGc,
      idleFps: idle.fps,
      fps: scroll.fps,
      p95FrameMs: scroll.p95,
      maxFrameMs: scroll.max,
      frames: scroll.frames,
    }
  } finally {
    await context?.close()
    await site.close()
    await rm(work, { recursive: true, force: true })
  }
}

export function inspectorTable(r: InspectorResult): Table {
  return {
    title: `Inspector scale (headless Chromium, built playground, ${formatNumber(r.events)} wire events imported)`,
    headers: ['Measure', 'Result', 'Target'],
    rows: [
      [
        'Time until the rows are shown',
        `${formatNumber(r.shownMs)} ms`,
        '< 1,000 ms',
      ],
      ['JS heap after import (before gc)', formatMB(r.heapAfterImport), ''],
      ['JS heap after import (after gc)', formatMB(r.heapAfterGc), '< 150 MB'],
      [
        'Idle page: frames per second (the ceiling)',
        formatNumber(r.idleFps, 1),
        '',
      ],
      [
        'Scrolling the log: frames per second',
        formatNumber(r.fps, 1),
        '≥ 50 fps',
      ],
      [
        'Scrolling the log: p95 / max frame time',
        `${formatNumber(r.p95FrameMs, 1)} / ${formatNumber(r.maxFrameMs, 1)} ms`,
        '',
      ],
    ],
    notes: [
      `Log file: ${formatMB(r.fileBytes)} of JSON in the inspector's export format, imported through its file input; ` +
        `time runs from the input's change event to the first frame showing rows and the count. ` +
        `Scrolling: ${r.frames} requestAnimationFrame deltas while the log scrolls a tenth of a screen per frame.`,
    ],
  }
}
