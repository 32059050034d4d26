// The request benchmark's tables for one transport: figures, then ratios paired per round.
import { formatPaired, pairedRatio } from './paired.ts'
import type { ClientFigures, RequestBenchOptions } from './requests.ts'
import { formatNumber, formatRatio, median, quantile } from './stats.ts'
import type { Table } from './table.ts'

export const isFloor = (f: { name: string }) => f.name.startsWith('floor')
export const isOursPinned = (f: ClientFigures) =>
  f.name.startsWith('@mcp-sse/core') && !f.connectOnly
export const isOursAuto = (f: ClientFigures) =>
  f.name.startsWith('@mcp-sse/core') && f.connectOnly

const DASH = '—'

export function requestTables(
  title: string,
  figures: ClientFigures[],
  options: RequestBenchOptions,
  autoNote?: string,
): Table[] {
  const floor = figures.find(isFloor)
  const pinned = figures.find(isOursPinned)
  const calls = (f: ClientFigures, cell: () => string) =>
    f.connectOnly ? DASH : cell()
  const vsFloor =
    (pick: (f: ClientFigures) => number[]) => (f: ClientFigures) =>
      f === floor
        ? formatRatio(1)
        : formatPaired(pairedRatio(pick(f), floor ? pick(floor) : []))
  const n = options.rounds
  return [
    {
      title: `Request speed: ${title}`,
      headers: [
        'Client',
        'Connect (median ms)',
        'Sequential tools/call median (ms)',
        'p99 (ms)',
        `Throughput, ${options.inFlight} in flight (req/s)`,
        `Client CPU/request, ${options.inFlight} in flight (µs)`,
        'Client CPU/request, sequential (µs)',
      ],
      rows: figures.map((f) => [
        f.name,
        formatNumber(median(f.connectMs), 2),
        calls(f, () => formatNumber(median(f.latencyMs), 3)),
        calls(f, () => formatNumber(quantile(f.latencyMs, 0.99), 3)),
        calls(f, () => formatNumber(median(f.throughput))),
        calls(f, () => formatNumber(median(f.cpuConcurrent), 1)),
        calls(f, () => formatNumber(median(f.cpuSequential), 1)),
      ]),
      notes: [
        `${n} rounds, clients interleaved in rotating order after a warm-up of ${options.warmup} calls each.`,
        `Per client per round: ${options.connects} connects (handshake answered; the close is not timed), ` +
          `${options.sequential} sequential calls, ${options.concurrent} calls at ${options.inFlight} in flight. ` +
          'Throughput and CPU are medians of the per-round figures; latency percentiles pool every call.',
        ...(autoNote
          ? [`The (auto) row measures connect only. ${autoNote}`]
          : []),
        `Calls settled: ${figures
          .filter((f) => !f.connectOnly)
          .map((f) => `${f.name} ${f.settled}/${f.sent}`)
          .join(', ')}.`,
      ],
    },
    {
      title: `Request speed vs the floor: ${title} (ratios; targets in brackets)`,
      headers: [
        'Client',
        'Throughput (≥ 0.95×)',
        `CPU/request at ${options.inFlight} in flight (≤ 1.10×)`,
        'CPU/request sequential',
        'Median latency',
        'Connect',
        'Connect vs ours pinned (auto: ≤ 1.10×)',
      ],
      rows: figures.map((f) => [
        f.name,
        calls(f, () => vsFloor((x) => x.throughput)(f)),
        calls(f, () => vsFloor((x) => x.cpuConcurrent)(f)),
        calls(f, () => vsFloor((x) => x.cpuSequential)(f)),
        calls(f, () => vsFloor((x) => x.latencyP50ByRound)(f)),
        vsFloor((x) => x.connectByRound)(f),
        pinned && f !== pinned
          ? formatPaired(pairedRatio(f.connectByRound, pinned.connectByRound))
          : DASH,
      ]),
      notes: [
        'Each ratio is the median over rounds of the client’s figure divided by the floor’s (or ours pinned) in the same round; in brackets the lowest and highest round.',
      ],
    },
  ]
}
