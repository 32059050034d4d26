// Issue 14's request-speed targets, judged on the paired ratios of one run.
import { formatPaired, pairedRatio } from './paired.ts'
import type { PairedRatio } from './paired.ts'
import { isFloor, isOursAuto, isOursPinned } from './request-tables.ts'
import type { ClientFigures } from './requests.ts'
import type { Table } from './table.ts'

export interface TransportFigures {
  title: string
  figures: ClientFigures[]
  /** Whether "auto within 10% of pinned" is a target here (a Streamable HTTP 2025 server). */
  judgeAuto: boolean
}

const verdict = (met: boolean) => (met ? 'met' : '**missed**')

function row(
  transport: string,
  target: string,
  ratio: PairedRatio,
  /** undefined: no target, the figure is shown for information. */
  met: ((value: number) => boolean) | undefined,
): string[] {
  const judged = !Number.isFinite(ratio.median)
    ? 'n/a'
    : met
      ? verdict(met(ratio.median))
      : 'informative'
  return [transport, target, formatPaired(ratio), judged]
}

export function targetsTable(transports: TransportFigures[]): Table {
  const rows: string[][] = []
  for (const { title, figures, judgeAuto } of transports) {
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
      ),
    )
    if (auto)
      rows.push(
        row(
          title,
          judgeAuto
            ? 'connect with auto ≤ 1.10× pinned'
            : 'connect with auto vs pinned (same requests here)',
          pairedRatio(auto.connectByRound, ours.connectByRound),
          judgeAuto ? (v) => v <= 1.1 : undefined,
        ),
      )
  }
  return {
    title: 'Request-speed targets (issue 14), @mcp-sse/core pinned unless said',
    headers: [
      'Transport',
      'Target',
      'Figure (median of rounds; range)',
      'Verdict',
    ],
    rows,
    notes: [
      'Verdicts judge the median paired ratio of this one run; where the range straddles the line, a rerun can flip it.',
    ],
  }
}
