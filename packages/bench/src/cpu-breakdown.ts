// Where a client's CPU goes per call, measured with V8's sampling profiler while the client runs
// calls at 64 in flight: the cause of a CPU or throughput miss, shown beside the floor's, so the
// difference can be read off (its own code, fetch, web streams, garbage collection).
import { Session } from 'node:inspector/promises'
import { cpuUsage } from 'node:process'
import type { BenchClient, BenchConnection } from './clients/types.ts'
import type { Table } from './table.ts'

/** Categories of profile samples, first match wins; samples of the idle loop are left out. */
const CATEGORIES = [
  'own code',
  'fetch (undici)',
  'web streams',
  'SSE parser',
  'garbage collection',
  'V8 builtins (JSON, …)',
  'other Node internals',
] as const
type Category = (typeof CATEGORIES)[number]

interface CallFrame {
  functionName: string
  url: string
}

export function categoryOf({ functionName, url }: CallFrame): Category | null {
  if (functionName === '(idle)') return null
  if (functionName === '(garbage collector)') return 'garbage collection'
  if (url.includes('undici')) return 'fetch (undici)'
  if (url.includes('webstreams')) return 'web streams'
  if (url.includes('eventsource-parser')) return 'SSE parser'
  if (url === '') return 'V8 builtins (JSON, …)'
  if (url.startsWith('node:')) return 'other Node internals'
  // The client's package, the floor's file, the SDKs and their dependencies, the bench's loop.
  return 'own code'
}

interface ProfileNode {
  callFrame: CallFrame
  hitCount?: number
}

export interface CpuBreakdown {
  name: string
  /** Client CPU per call in µs, measured with the profiler running. */
  perCall: number
  /** µs per call by category (the profile's share of busy samples times `perCall`). */
  byCategory: Map<Category, number>
}

async function callsInFlight(
  connection: BenchConnection,
  calls: number,
  inFlight: number,
) {
  let started = 0
  const worker = async () => {
    while (started < calls) {
      started++
      await connection.echo('hello')
    }
  }
  await Promise.all(Array.from({ length: inFlight }, worker))
}

/** Profiles one client: connect, warm up, then `calls` at `inFlight` under the profiler. */
export async function profileClient(
  client: BenchClient,
  url: string,
  { calls, inFlight }: { calls: number; inFlight: number },
): Promise<CpuBreakdown> {
  const connection = await client.connect(url)
  const session = new Session()
  session.connect()
  try {
    await callsInFlight(connection, Math.ceil(calls / 4), inFlight)
    await session.post('Profiler.enable')
    await session.post('Profiler.setSamplingInterval', { interval: 200 })
    globalThis.gc?.()
    await session.post('Profiler.start')
    const before = cpuUsage()
    await callsInFlight(connection, calls, inFlight)
    const used = cpuUsage(before)
    const { profile } = (await session.post('Profiler.stop')) as {
      profile: { nodes: ProfileNode[] }
    }
    const hits = new Map<Category, number>()
    let busy = 0
    for (const node of profile.nodes) {
      const category = categoryOf(node.callFrame)
      const count = node.hitCount ?? 0
      if (!category || count === 0) continue
      hits.set(category, (hits.get(category) ?? 0) + count)
      busy += count
    }
    const perCall = (used.user + used.system) / calls
    const byCategory = new Map<Category, number>()
    for (const category of CATEGORIES)
      byCategory.set(
        category,
        busy ? ((hits.get(category) ?? 0) / busy) * perCall : 0,
      )
    return { name: client.name, perCall, byCategory }
  } finally {
    await session.post('Profiler.disable').catch(() => {})
    session.disconnect()
    await connection.close()
  }
}

/** The breakdown table of one transport; the floor first, then each client and its difference. */
export function breakdownTable(
  transport: string,
  rows: CpuBreakdown[],
  calls: number,
): Table {
  const floor = rows[0]
  const cell = (value: number, base: number | undefined) =>
    base === undefined
      ? value.toFixed(0)
      : `${value.toFixed(0)} (${value - base >= 0 ? '+' : '−'}${Math.abs(value - base).toFixed(0)})`
  return {
    title: `Where client CPU goes, µs per call at 64 in flight: ${transport}`,
    headers: ['Client', 'total', ...CATEGORIES],
    rows: rows.map((r) => {
      const base = r === floor ? undefined : floor
      return [
        r.name,
        cell(r.perCall, base?.perCall),
        ...CATEGORIES.map((c) =>
          cell(r.byCategory.get(c) ?? 0, base?.byCategory.get(c)),
        ),
      ]
    }),
    notes: [
      `One profiled run per client after the rounds: ${calls} calls under V8's sampling profiler (200 µs), CPU from \`process.cpuUsage\`, split by the share of busy samples; in brackets the difference from the floor. Totals include the profiler's own cost, alike for every client; one run, so differences of a few µs are noise.`,
      '"own code": the client library and what it bundles or depends on (the floor\'s file for the floor); "V8 builtins": samples with no script, such as `JSON.parse` and `JSON.stringify`.',
    ],
  }
}
