// Endurance per transport: many short-lived clients, then server kills under a live one. Heap,
// open handles and server-side sessions are recorded before and after; every request must settle.
import { setTimeout as sleep } from 'node:timers/promises'
import { MCPSSEClient } from '@mcp-sse/core'
import { checkpoint } from './checkpoint.ts'
import type { Checkpoint } from './checkpoint.ts'
import { ENDURANCE_TRANSPORTS } from './endurance-transports.ts'
import type { EnduranceTransport } from './endurance-transports.ts'
import { startServer } from './server-process.ts'
import type { ServerProcess } from './server-process.ts'

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

export interface Counts {
  sent: number
  resolved: number
  rejected: number
}

export interface EnduranceResult {
  name: string
  transport: string
  iterations: number
  before: Checkpoint
  after: Checkpoint
  /** Server-side sessions before and after; null for a stateless transport. */
  sessionsBefore: number | null
  sessionsAfter: number | null
  counts: Counts
  /** Restarts the client did not recover from within `RECOVERY_MS` (only for the restart run). */
  unrecovered: number
  seconds: number
}

const RECOVERY_MS = 10_000

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

/** Server-side sessions once the server has seen the closes (polled up to 3 s down to `target`). */
async function sessions(
  server: ServerProcess,
  transport: EnduranceTransport,
  target = 0,
): Promise<number | null> {
  const deadline = performance.now() + 3_000
  for (;;) {
    const count = transport.sessions(await server.stats())
    if (count === null || count <= target || performance.now() > deadline)
      return count
    await sleep(50)
  }
}

/** Connect, one answered call, one call cut short by disconnect: nothing may leak or hang. */
async function cycle(
  server: ServerProcess,
  transport: EnduranceTransport,
  counts: Counts,
): Promise<void> {
  const client = new MCPSSEClient({
    url: `${server.url}${transport.path}`,
    ...transport.choice,
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
  server: ServerProcess,
  transport: EnduranceTransport,
  cycles: number,
): Promise<EnduranceResult> {
  const counts: Counts = { sent: 0, resolved: 0, rejected: 0 }
  const warmup: Counts = { sent: 0, resolved: 0, rejected: 0 }
  for (let i = 0; i < Math.min(500, Math.ceil(cycles / 2)); i++)
    await cycle(server, transport, warmup)
  const sessionsBefore = await sessions(server, transport)
  const before = await checkpoint()
  const start = performance.now()
  for (let i = 0; i < cycles; i++) await cycle(server, transport, counts)
  const seconds = (performance.now() - start) / 1000
  const after = await checkpoint(before.handleCount)
  return {
    name: 'connect/disconnect cycles',
    transport: transport.title,
    iterations: cycles,
    before,
    after,
    sessionsBefore,
    sessionsAfter: await sessions(server, transport, sessionsBefore ?? 0),
    counts,
    unrecovered: 0,
    seconds,
  }
}

/** Kills and restarts the server under a client that keeps calling; it must recover every time. */
export async function runRestarts(
  server: ServerProcess,
  transport: EnduranceTransport,
  options: Pick<EnduranceOptions, 'restarts' | 'callers'>,
): Promise<{ result: EnduranceResult; server: ServerProcess }> {
  const counts: Counts = { sent: 0, resolved: 0, rejected: 0 }
  const sessionsBefore = await sessions(server, transport)
  const before = await checkpoint()
  const start = performance.now()
  const client = new MCPSSEClient({
    url: `${server.url}${transport.path}`,
    ...transport.choice,
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
    // A stateless client has no session to renew: an answered call from the new process is all.
    while (!(
      client.connected &&
      (!transport.sessionful || client.sessionId !== oldSession) &&
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
      transport: transport.title,
      iterations: options.restarts,
      before,
      after,
      sessionsBefore,
      sessionsAfter: await sessions(current, transport),
      counts,
      unrecovered,
      seconds,
    },
  }
}

/** `only`: transport ids to run (all when undefined). */
export async function runEndurance(
  options: EnduranceOptions,
  only?: readonly string[],
  log: (line: string) => void = () => {},
): Promise<EnduranceResult[]> {
  const results: EnduranceResult[] = []
  let server = await startServer()
  try {
    for (const transport of ENDURANCE_TRANSPORTS) {
      if (only && !only.includes(transport.id)) continue
      log(` ${transport.title}`)
      results.push(await runCycles(server, transport, options.cycles))
      const restarts = await runRestarts(server, transport, options)
      server = restarts.server
      results.push(restarts.result)
    }
  } finally {
    await server.kill()
  }
  return results
}
