// A small run of every part of the harness, so `pnpm bench` cannot rot between full runs. No timing
// assertions: only that each part produces sane numbers and every request settles.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BUNDLE_ENTRIES, measureBundle } from '../bundle.ts'
import { breakdownTable, profileClient } from '../cpu-breakdown.ts'
import { runCycles, runRestarts } from '../endurance.ts'
import { enduranceTable } from '../endurance-table.ts'
import { ENDURANCE_TRANSPORTS } from '../endurance-transports.ts'
import { targetsTable } from '../request-targets.ts'
import { requestTables } from '../request-tables.ts'
import { runRequestBench } from '../requests.ts'
import { startServer } from '../server-process.ts'
import type { ServerProcess } from '../server-process.ts'
import { renderTable } from '../table.ts'
import { TRANSPORT_CASES } from '../transports.ts'
import { generateWireLog } from '../wire-log.ts'

let server: ServerProcess

beforeAll(async () => {
  server = await startServer()
})

afterAll(async () => {
  await server.kill()
})

const options = {
  rounds: 2,
  connects: 2,
  sequential: 20,
  concurrent: 40,
  inFlight: 8,
  warmup: 10,
}

describe('bench harness', () => {
  it('bundles and weighs an entry', async () => {
    const core = BUNDLE_ENTRIES[0]
    if (!core) throw new Error('no bundle entries')
    const result = await measureBundle(core)
    expect(result.minified).toBeGreaterThan(1_000)
    expect(result.gzip).toBeGreaterThan(500)
    expect(result.gzip).toBeLessThan(result.minified)
  })

  it('profiles where a client spends its CPU, the categories adding up to the total', async () => {
    const transport = TRANSPORT_CASES.find((c) => c.id === 'streamable-sse')
    const clients = transport?.clients.filter((c) => !c.connectOnly) ?? []
    expect(clients.length).toBeGreaterThan(1)
    const rows = []
    for (const client of clients.slice(0, 2))
      rows.push(
        await profileClient(client, `${server.url}${transport?.path}`, {
          calls: 200,
          inFlight: 8,
        }),
      )
    for (const row of rows) {
      expect(row.perCall).toBeGreaterThan(0)
      const sum = [...row.byCategory.values()].reduce((a, b) => a + b, 0)
      expect(sum).toBeCloseTo(row.perCall, 6)
    }
    const table = renderTable(breakdownTable('Streamable HTTP', rows, 200))
    expect(table).toContain('| floor (hand-written) |')
    expect(table).toMatch(/\| @mcp-sse\/core[^|]*\| \d+ \([+−]\d+\) \|/)
  })

  it.each(TRANSPORT_CASES.map((c) => [c.id, c] as const))(
    'runs every client through the request rounds over %s, and every call settles',
    async (_id, transport) => {
      const figures = await runRequestBench(
        transport.clients,
        `${server.url}${transport.path}`,
        options,
      )
      for (const f of figures) {
        expect(f.connectMs).toHaveLength(options.rounds * options.connects)
        if (f.connectOnly) continue
        expect(f.settled).toBe(f.sent)
        expect(f.latencyMs).toHaveLength(options.rounds * options.sequential)
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
      const tables = requestTables(transport.title, figures, options)
      const text = [
        ...tables,
        targetsTable([{ title: transport.title, figures, judgeAuto: true }]),
      ]
        .map(renderTable)
        .join('\n')
      expect(text).toContain('| floor (hand-written) | 1.00× |')
      expect(text).toContain('throughput ≥ 0.95× floor')
      expect(text).toContain('connect with auto ≤ 1.10× pinned')
      expect(text).not.toContain('NaN')
      // The server holds no session once every client has closed (DELETE for Streamable HTTP).
      const stats = await server.stats()
      expect(stats.streamableSessions).toBe(0)
    },
  )

  it.each(ENDURANCE_TRANSPORTS.map((t) => [t.id, t] as const))(
    'cycles our client over %s and survives server restarts with every request settled',
    async (_id, transport) => {
      const cycles = await runCycles(server, transport, 10)
      expect(cycles.counts.sent).toBe(20)
      expect(cycles.counts.resolved + cycles.counts.rejected).toBe(
        cycles.counts.sent,
      )
      expect(cycles.counts.resolved).toBeGreaterThanOrEqual(10)
      expect(cycles.sessionsAfter).toBe(transport.sessionful ? 0 : null)

      const restarts = await runRestarts(server, transport, {
        restarts: 2,
        callers: 2,
      })
      server = restarts.server
      const { counts, unrecovered, sessionsAfter } = restarts.result
      expect(unrecovered).toBe(0)
      expect(counts.resolved + counts.rejected).toBe(counts.sent)
      expect(counts.resolved).toBeGreaterThan(0)
      expect(sessionsAfter).toBe(transport.sessionful ? 0 : null)
      expect(renderTable(enduranceTable([cycles, restarts.result]))).toContain(
        transport.title,
      )
    },
  )

  it('writes a wire log in the inspector export format', () => {
    const log = generateWireLog(1_000)
    expect(log.format).toBe('mcp-sse-log')
    expect(log.events).toHaveLength(1_000)
    expect(log.events.map((e) => e.event.seq)).toEqual([...Array(1_000).keys()])
  })
})
