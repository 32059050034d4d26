import { getActiveResourcesInfo } from 'node:process'
import { setTimeout as sleep } from 'node:timers/promises'
import { MCPSSEClient } from '@mcp-sse/core'
import { startServer } from './server-process.ts'
import type { ServerProcess } from './server-process.ts'
import { formatMB } from './stats.ts'
import type { Table } from './table.ts'

export interface EnduranceOptions {
  /** connect + call + disconnect cycles of a fresh client. */
  cycles: number
  /** Server kills and restarts on the same port under a live client. */
  restarts: number
  /** Callers that keep requests going during the restarts. */
  callers: number
}

export const FULL_ENDURANCE: EnduranceOptions = {
  cycles: 1_000,
  restarts: 100,
  callers: 4,
}

/** Heap and open handles at one moment, after a full garbage collection. */
export interface Checkpoint {
  heapUsed: number
  handles: Record<string, number>
  handleCount: number
}

export interface Counts {
  sent: number
  resolved: number
  rejected: number
}

export interface EnduranceResult {
  name: string
  iterations: number
  before: Checkpoint
  after: Checkpoint
  counts: Counts
  /** Restarts the client did not recover from within `RECOVERY_MS` (only for the restart run). */
  unrecovered: number
  seconds: number
}

const RECOVERY_MS = 10_000

function handleCounts(): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const type of getActiveResourcesInfo())
    counts[type] = (counts[type] ?? 0) + 1
  return counts
}

/**
 * Lets closed sockets and timers finish going away (polling until the handle count is back to
 * `baseline`, or `maxWaitMs`), then collects garbage twice and records heap and handles.
 */
async function checkpoint(
  baseline?: number,
  maxWaitMs = 6_000,
): Promise<Checkpoint> {
  const deadline = performance.now() + maxWaitMs
  while (baseline !== undefined && performance.now() < deadline) {
    if (getActiveResourcesInfo().length <= baseline) break
    await sleep(50)
  }
  await sleep(20)
  globalThis.gc?.()
  await sleep(0)
  globalThis.gc?.()
  const handles = handleCounts()
  return {
    heapUsed: process.memoryUsage().heapUsed,
    handles,
    handleCount: Object.values(handles).reduce((a, b) => a + b, 0),
  }
}

async function track(
  counts: Counts,
  promise: Promise<unknown>,
): Promise<boolean> {
  counts.sent++
  try {
    await promise
    counts.resolved++
    return true
  } catch {
    counts.rejected++
    return false
  }
}

/** Connect, one answered call, one call cut short by disconnect: nothing may leak or hang. */
async function cycle(url: string, counts: Counts): Promise<void> {
  const client = new MCPSSEClient({
    url: `${url}/sse`,
    stream: 'fetch',
    reconnect: false,
  })
  await client.connect()
  await track(counts, client.callTool('echo', { message: 'hi' }))
  const cut = track(counts, client.callTool('echo', { message: 'cut' }))
  await client.disconnect()
  await cut
}

/**
 * `cycles` cycles after a warm-up of half as many (at most 500), so the baseline already holds
 * what the first connections allocate once (compiled code, undici's pools) and only growth counts.
 */
export async function runCycles(
  url: string,
  cycles: number,
): Promise<EnduranceResult> {
  const counts: Counts = { sent: 0, resolved: 0, rejected: 0 }
  const warmup: Counts = { sent: 0, resolved: 0, rejected: 0 }
  for (let i = 0; i < Math.min(500, Math.ceil(cycles / 2)); i++)
    await cycle(url, warmup)
  const before = await checkpoint()
  const start = performance.now()
  for (let i = 0; i < cycles; i++) await cycle(url, counts)
  const seconds = (performance.now() - start) / 1000
  const after = await checkpoint(before.handleCount)
  return {
    name: 'connect/disconnect cycles',
    iterations: cycles,
    before,
    after,
    counts,
    unrecovered: 0,
    seconds,
  }
}

/** Kills and restarts the server under a client that keeps calling; it must recover every time. */
export async function runRestarts(
  server: ServerProcess,
  options: Pick<EnduranceOptions, 'restarts' | 'callers'>,
): Promise<{ result: EnduranceResult; server: ServerProcess }> {
  const counts: Counts = { sent: 0, resolved: 0, rejected: 0 }
  const before = await checkpoint()
  const start = performance.now()
  const client = new MCPSSEClient({
    url: `${server.url}/sse`,
    stream: 'fetch',
    reconnect: { initialDelay: 20, maxDelay: 250, jitter: 0.2 },
    requestTimeout: 2_000,
  })
  await client.connect()
  let running = true
  let resolvedSinceRestart = 0
  const caller = async () => {
    while (running) {
      const ok = await track(
        counts,
        client.callTool('echo', { message: 'live' }),
      )
      if (ok) resolvedSinceRestart++
      else await sleep(5) // the client reports trouble; do not spin while it recovers
    }
  }
  const callers = Array.from({ length: options.callers }, caller)
  let current = server
  let unrecovered = 0
  for (let i = 0; i < options.restarts; i++) {
    const oldSession = client.sessionId
    await current.kill()
    current = await startServer(current.port)
    resolvedSinceRestart = 0
    const deadline = performance.now() + RECOVERY_MS
    while (!(
      client.connected &&
      client.sessionId !== oldSession &&
      resolvedSinceRestart > 0
    )) {
      if (performance.now() > deadline) {
        unrecovered++
        break
      }
      await sleep(5)
    }
  }
  running = false
  await Promise.all(callers)
  await client.disconnect()
  const seconds = (performance.now() - start) / 1000
  const after = await checkpoint(before.handleCount)
  return {
    server: current,
    result: {
      name: 'server restarts with a live client',
      iterations: options.restarts,
      before,
      after,
      counts,
      unrecovered,
      seconds,
    },
  }
}

export async function runEndurance(
  options: EnduranceOptions,
): Promise<EnduranceResult[]> {
  let server = await startServer()
  try {
    const cycles = await runCycles(server.url, options.cycles)
    const restarts = await runRestarts(server, options)
    server = restarts.server
    return [cycles, restarts.result]
  } finally {
    await server.kill()
  }
}

const describeHandles = (c: Checkpoint) =>
  `${c.handleCount} (${Object.entries(c.handles)
    .map(([type, n]) => `${type} ${n}`)
    .join(', ')})`

export function enduranceTable(results: EnduranceResult[]): Table {
  return {
    title: 'Endurance (@mcp-sse/core against the bench server)',
    headers: [
      'Run',
      'Iterations',
      'Time (s)',
      'Heap before → after (after gc)',
      'Open handles before',
      'Open handles after',
      'Requests sent = resolved + rejected',
      'Unrecovered',
    ],
    rows: results.map((r) => [
      r.name,
      String(r.iterations),
      r.seconds.toFixed(1),
      `${formatMB(r.before.heapUsed)} → ${formatMB(r.after.heapUsed)} (${r.after.heapUsed >= r.before.heapUsed ? '+' : ''}${formatMB(r.after.heapUsed - r.before.heapUsed)})`,
      describeHandles(r.before),
      describeHandles(r.after),
      `${r.counts.sent} = ${r.counts.resolved} + ${r.counts.rejected} ${r.counts.sent === r.counts.resolved + r.counts.rejected ? '✓' : '✗'}`,
      String(r.unrecovered),
    ]),
    notes: [
      'Each cycle: connect, one answered call, one call cut short by disconnect (after a warm-up of half as many, at most 500). ' +
        'Restarts: SIGKILL the server process and start it again on the same port while callers keep requesting.',
      globalThis.gc
        ? 'Heap measured after global.gc().'
        : 'Run with --expose-gc for heap figures after collection.',
    ],
  }
}
