import { cpuUsage } from 'node:process'
import type { BenchClient, BenchConnection } from './clients/types.ts'
import { median } from './stats.ts'

export interface RequestBenchOptions {
  /** Each round runs every client once, in a rotating order, so machine drift hits all alike. */
  rounds: number
  /** Fresh connect + initialize + close per client per round. */
  connects: number
  /** Sequential `tools/call`s per client per round. */
  sequential: number
  /** Calls per client per round with `inFlight` outstanding at any time. */
  concurrent: number
  inFlight: number
  /** Calls per client before the first round, so every client is measured warm (JIT, sockets). */
  warmup: number
}

// Ten rounds with a longer phase at 64 in flight: on a 2-core machine one stall (another
// process, a GC) swings a short phase by 30 %, and a median of six such pairs flipped verdicts
// between runs; fewer sequential calls keep the run about as long.
export const FULL_REQUEST_BENCH: RequestBenchOptions = {
  rounds: 10,
  connects: 10,
  sequential: 1_000,
  concurrent: 8_000,
  inFlight: 64,
  warmup: 2_000,
}

export interface ClientFigures {
  name: string
  /** Only connect was measured (see `BenchClient.connectOnly`). */
  connectOnly: boolean
  connectMs: number[]
  /** Every sequential call's latency in milliseconds, all rounds pooled. */
  latencyMs: number[]
  /** Median sequential latency of each round, for the paired ratios. */
  latencyP50ByRound: number[]
  /** Median connect time of each round. */
  connectByRound: number[]
  /** Requests per second at `inFlight`, one value per round. */
  throughput: number[]
  /** Client CPU microseconds per request at `inFlight`, one per round. */
  cpuConcurrent: number[]
  /** Client CPU microseconds per request when sequential, one per round. */
  cpuSequential: number[]
  sent: number
  settled: number
}

const gc = (): void => globalThis.gc?.()
const cpuMicros = (): number => {
  const { user, system } = cpuUsage()
  return user + system
}

async function sequential(
  connection: BenchConnection,
  count: number,
  figures?: ClientFigures,
) {
  const cpuStart = cpuMicros()
  for (let i = 0; i < count; i++) {
    const start = performance.now()
    await connection.echo('hello')
    figures?.latencyMs.push(performance.now() - start)
  }
  figures?.cpuSequential.push((cpuMicros() - cpuStart) / count)
  figures?.latencyP50ByRound.push(median(figures.latencyMs.slice(-count)))
}

async function concurrent(
  connection: BenchConnection,
  count: number,
  inFlight: number,
  figures?: ClientFigures,
) {
  let started = 0
  const worker = async () => {
    while (started < count) {
      started++
      await connection.echo('hello')
    }
  }
  const cpuStart = cpuMicros()
  const start = performance.now()
  await Promise.all(Array.from({ length: inFlight }, worker))
  const seconds = (performance.now() - start) / 1000
  figures?.throughput.push(count / seconds)
  figures?.cpuConcurrent.push((cpuMicros() - cpuStart) / count)
}

/** Runs one client through one round; any failed call fails the whole benchmark loudly. `url`: the endpoint. */
async function round(
  client: BenchClient,
  url: string,
  options: RequestBenchOptions,
  figures: ClientFigures,
) {
  for (let i = 0; i < options.connects; i++) {
    const start = performance.now()
    const connection = await client.connect(url)
    figures.connectMs.push(performance.now() - start)
    await connection.close()
  }
  figures.connectByRound.push(
    median(figures.connectMs.slice(-options.connects)),
  )
  if (client.connectOnly) return
  const connection = await client.connect(url)
  try {
    gc()
    await sequential(connection, options.sequential, figures)
    gc()
    await concurrent(connection, options.concurrent, options.inFlight, figures)
    figures.sent += options.sequential + options.concurrent
    figures.settled += options.sequential + options.concurrent
  } finally {
    await connection.close()
  }
}

export async function runRequestBench(
  clients: BenchClient[],
  url: string,
  options: RequestBenchOptions,
  log: (line: string) => void = () => {},
): Promise<ClientFigures[]> {
  const figures = clients.map((client): ClientFigures => ({
    name: client.name,
    connectOnly: client.connectOnly ?? false,
    connectMs: [],
    latencyMs: [],
    latencyP50ByRound: [],
    connectByRound: [],
    throughput: [],
    cpuConcurrent: [],
    cpuSequential: [],
    sent: 0,
    settled: 0,
  }))
  for (const client of clients) {
    const connection = await client.connect(url)
    if (client.connectOnly) {
      await connection.close()
      continue
    }
    await sequential(connection, Math.ceil(options.warmup / 2))
    await concurrent(connection, options.warmup, options.inFlight)
    await connection.close()
  }
  for (let r = 0; r < options.rounds; r++) {
    for (let k = 0; k < clients.length; k++) {
      const index = (r + k) % clients.length
      const client = clients[index]
      const clientFigures = figures[index]
      if (!client || !clientFigures) continue
      await round(client, url, options, clientFigures)
    }
    log(`  round ${r + 1}/${options.rounds} done`)
  }
  return figures
}
