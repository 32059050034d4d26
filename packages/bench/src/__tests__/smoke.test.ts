// A small run of every part of the harness, so `pnpm bench` cannot rot between full runs. No timing
// assertions: only that each part produces sane numbers and every request settles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUNDLE_ENTRIES, measureBundle } from '../bundle.ts'
import { floorClient } from '../clients/floor.ts'
import { oursClient } from '../clients/ours.ts'
import { sdkClient } from '../clients/sdk.ts'
import { runCycles, runRestarts } from '../endurance.ts'
import { requestTables, runRequestBench } from '../requests.ts'
import { startServer } from '../server-process.ts'
import type { ServerProcess } from '../server-process.ts'
import { renderTable } from '../table.ts'
import { generateWireLog } from '../wire-log.ts'

let server: ServerProcess

beforeAll(async () => {
  server = await startServer()
})

afterAll(async () => {
  await server.kill()
})

describe('bench harness', () => {
  it('bundles and weighs an entry', async () => {
    const core = BUNDLE_ENTRIES[0]
    if (!core) throw new Error('no bundle entries')
    const result = await measureBundle(core)
    expect(result.minified).toBeGreaterThan(1_000)
    expect(result.gzip).toBeGreaterThan(500)
    expect(result.gzip).toBeLessThan(result.minified)
  })

  it('runs every client through the request rounds, and every call settles', async () => {
    const options = {
      rounds: 2,
      connects: 2,
      sequential: 20,
      concurrent: 40,
      inFlight: 8,
      warmup: 10,
    }
    const figures = await runRequestBench(
      [floorClient, oursClient, sdkClient],
      server.url,
      options,
    )
    for (const f of figures) {
      expect(f.settled).toBe(f.sent)
      expect(f.latencyMs).toHaveLength(options.rounds * options.sequential)
      expect(f.connectMs).toHaveLength(options.rounds * options.connects)
      for (const value of [
        ...f.throughput,
        ...f.cpuConcurrent,
        ...f.cpuSequential,
        ...f.latencyMs,
      ]) {
        expect(value).toBeGreaterThan(0)
        expect(Number.isFinite(value)).toBe(true)
      }
    }
    const text = requestTables(figures, options).map(renderTable).join('\n')
    expect(text).toContain('| floor (hand-written) | 1.00× |')
    expect(text).not.toContain('NaN')
  })

  it('cycles our client and survives server restarts with every request settled', async () => {
    const cycles = await runCycles(server.url, 10)
    expect(cycles.counts.sent).toBe(20)
    expect(cycles.counts.resolved + cycles.counts.rejected).toBe(
      cycles.counts.sent,
    )
    expect(cycles.counts.resolved).toBeGreaterThanOrEqual(10)

    const restarts = await runRestarts(server, { restarts: 2, callers: 2 })
    server = restarts.server
    const { counts, unrecovered } = restarts.result
    expect(unrecovered).toBe(0)
    expect(counts.resolved + counts.rejected).toBe(counts.sent)
    expect(counts.resolved).toBeGreaterThan(0)
  })

  it('writes a wire log in the inspector export format', () => {
    const log = generateWireLog(1_000)
    expect(log.format).toBe('mcp-sse-log')
    expect(log.events).toHaveLength(1_000)
    expect(log.events.map((e) => e.event.seq)).toEqual([...Array(1_000).keys()])
  })
})
