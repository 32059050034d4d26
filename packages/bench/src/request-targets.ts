// Issue 14's request-speed targets, judged on the paired ratios of one run.
import { formatPaired, pairedRatio } from './paired.ts'
import type { PairedRatio } from './paired.ts'
import { isFloor, isOursAuto, isOursPinned } from './request-tables.ts'
import type { ClientFigures } from './requests.ts'
import type { CpuBreakdown } from './cpu-breakdown.ts'
import type { Table } from './table.ts'

export interface TransportFigures {
  title: string
  figures: ClientFigures[]
  /** Whether "auto within 10% of pinned" is a target here (a Streamable HTTP 2025 server). */
  judgeAuto: boolean
  /** The profiled runs (see cpu-breakdown.ts), for the cause of a CPU or throughput miss. */
  breakdown?: CpuBreakdown[]
}

const verdict = (met: boolean) => (met ? 'met' : '**missed**')

function row(
  transport: string,
  target: string,
  ratio: PairedRatio,
  /** undefined: no target, the figure is shown for information. */
  met: ((value: number) => boolean) | undefined,
  /** Said when the target is missed. */
  cause = '',
): string[] {
  const judged = !Number.isFinite(ratio.median)
    ? 'n/a'
    : met
      ? verdict(met(ratio.median))
      : 'informative'
  return [
    transport,
    target,
    formatPaired(ratio),
    judged,
    judged === '**missed**' ? cause : '',
  ]
}

/**
 * Where ours spends more CPU per call than the floor, from the profiled runs: the categories with
 * the largest excess, which is what a CPU or throughput miss comes from (the client and the server
 * share the machine's cores, so CPU the client spends is throughput the server loses).
 */
/**
 * `auto` probes a server once per page and then remembers the way (core's remembered-ways), so
 * after the first connect its requests are pinned's; only a ratio above the line in every round
 * says the probe is paid again.
 */
function autoCause(ratio: PairedRatio): string {
  return ratio.min <= 1.1
    ? 'after the first connect auto sends what pinned sends (the way found is remembered); some rounds are under the line, so this is noise between rounds'
    : 'above the line in every round: auto is paying for its probe on each connect, which the remembered way should prevent'
}

export function cpuCause(breakdown: CpuBreakdown[] | undefined): string {
  const floor = breakdown?.find((b) => b.name.startsWith('floor'))
  const ours = breakdown?.find((b) => b.name.startsWith('@mcp-sse/core'))
  if (!floor || !ours) return ''
  const excess = [...ours.byCategory]
    .map(
      ([category, us]) =>
        [category, us - (floor.byCategory.get(category) ?? 0)] as const,
    )
    .filter(([, us]) => us >= 5)
    .sort((a, b) => b[1] - a[1])
  if (excess.length === 0)
    return 'the profiled run shows no category 5 µs/call above the floor: noise between rounds'
  return `profiled, ours − floor per call: ${excess.map(([c, us]) => `${c} +${us.toFixed(0)} µs`).join(', ')}`
}

export function targetsTable(transports: TransportFigures[]): Table {
  const rows: string[][] = []
  for (const { title, figures, judgeAuto, breakdown } of transports) {
    const cause = cpuCause(breakdown)
    const floor = figures.find(isFloor)
    const ours = figures.find(isOursPinned)
    const auto = figures.find(isOursAuto)
    if (!floor || !ours) continue
    rows.push(
      row(
        title,
        'throughput ≥ 0.95× floor',
        pairedRatio(ours.throughput, floor.throughput),
        (v) => v >= 0.95,
        cause,
      ),
    )
    for (const other of figures) {
      if (
        other === floor ||
        other.connectOnly ||
        other.name.startsWith('@mcp-sse')
      )
        continue
      rows.push(
        row(
          title,
          `throughput ahead of ${other.name} (ours ÷ theirs > 1)`,
          pairedRatio(ours.throughput, other.throughput),
          (v) => v > 1,
        ),
      )
    }
    rows.push(
      row(
        title,
        'client CPU/request at 64 in flight ≤ 1.10× floor',
        pairedRatio(ours.cpuConcurrent, floor.cpuConcurrent),
        (v) => v <= 1.1,
        cause,
      ),
    )
    if (auto) {
      const ratio = pairedRatio(auto.connectByRound, ours.connectByRound)
      rows.push(
        row(
          title,
          judgeAuto
            ? 'connect with auto ≤ 1.10× pinned'
            : 'connect with auto vs pinned (same requests here)',
          ratio,
          judgeAuto ? (v) => v <= 1.1 : undefined,
          autoCause(ratio),
        ),
      )
    }
  }
  return {
    title: 'Request-speed targets (issue 14), @mcp-sse/core pinned unless said',
    headers: [
      'Transport',
      'Target',
      'Figure (median of rounds; range)',
      'Verdict',
      'Cause of a miss',
    ],
    rows,
    notes: [
      'Verdicts judge the median paired ratio of this one run; where the range straddles the line, a rerun can flip it.',
    ],
  }
}
