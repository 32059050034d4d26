// `pnpm bench`: bundle size, request speed, inspector scale and endurance, measured in one run and
// printed as markdown; the full run is also written to results/latest.md.
//
//   node --expose-gc src/main.ts [--only=bundle,requests,inspector,endurance] [--quick]
//     [--transports=sse,streamable-sse,streamable-json,stateless]
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus, loadavg } from 'node:os'
import { parseArgs } from 'node:util'
import { bundleTable } from './bundle.ts'
import { FULL_ENDURANCE, runEndurance } from './endurance.ts'
import { enduranceTable } from './endurance-table.ts'
import {
  FULL_INSPECTOR,
  inspectorTable,
  runInspectorBench,
} from './inspector.ts'
import { runRequestSection } from './request-section.ts'
import { FULL_REQUEST_BENCH } from './requests.ts'
import { renderTable } from './table.ts'
import type { Table } from './table.ts'

const SECTIONS = ['bundle', 'requests', 'inspector', 'endurance'] as const
type Section = (typeof SECTIONS)[number]

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    quick: { type: 'boolean', default: false },
    transports: { type: 'string' },
  },
})
const only = values.only?.split(',') ?? [...SECTIONS]
const quick = values.quick
const selected = SECTIONS.filter((s) => only.includes(s))
const transports = values.transports?.split(',')

const log = (line: string) => process.stderr.write(`${line}\n`)

async function runSection(section: Section): Promise<Table[]> {
  switch (section) {
    case 'bundle':
      return [(await bundleTable()).table]
    case 'requests': {
      const options = quick
        ? {
            ...FULL_REQUEST_BENCH,
            rounds: 2,
            sequential: 500,
            concurrent: 1_000,
            warmup: 500,
          }
        : FULL_REQUEST_BENCH
      return runRequestSection(options, transports, log)
    }
    case 'inspector':
      return [
        inspectorTable(
          await runInspectorBench(
            quick ? { ...FULL_INSPECTOR, scrollMs: 1_000 } : FULL_INSPECTOR,
          ),
        ),
      ]
    case 'endurance':
      return [
        enduranceTable(
          await runEndurance(
            quick ? { cycles: 100, restarts: 10, callers: 4 } : FULL_ENDURANCE,
            transports,
            log,
          ),
        ),
      ]
  }
}

const loadBefore = loadavg()[0] ?? 0
const started = performance.now()
const parts: string[] = []
let failed = false
for (const section of selected) {
  log(`-- ${section}`)
  const sectionStart = performance.now()
  try {
    for (const table of await runSection(section)) {
      const text = renderTable(table)
      parts.push(text)
      process.stdout.write(`${text}\n\n`)
    }
  } catch (error) {
    failed = true
    const text = `### ${section}: failed\n\n\`\`\`\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n\`\`\``
    parts.push(text)
    process.stdout.write(`${text}\n\n`)
  }
  log(
    `   ${section} took ${((performance.now() - sectionStart) / 1000).toFixed(1)} s`,
  )
}

const seconds = (performance.now() - started) / 1000
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${process.platform}`
const load = `load average ${loadBefore.toFixed(2)} before, ${(loadavg()[0] ?? 0).toFixed(2)} after`
const footer = `Measured ${new Date().toISOString()} on ${machine} (${load}); the run took ${seconds.toFixed(0)} s.`
process.stdout.write(`${footer}\n`)

if (selected.length === SECTIONS.length && !quick && !transports) {
  const dir = new URL('../results/', import.meta.url)
  await mkdir(dir, { recursive: true })
  await writeFile(
    new URL('latest.md', dir),
    [
      '# Benchmark results',
      '',
      'Made with `pnpm bench` at the repository root.',
      '',
      ...parts.flatMap((p) => [p, '']),
      footer,
      '',
    ].join('\n'),
  )
  log('wrote packages/bench/results/latest.md')
}
if (failed) process.exitCode = 1
