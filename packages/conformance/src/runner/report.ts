import type { Verdict } from './judge.ts'

export type Status = 'passed' | 'failed' | 'expected-fail' | 'stale-baseline'

export interface Row {
  revision: string
  scenario: string
  status: Status
  verdict: Verdict
  /** The baseline's reason, when the scenario is listed there. */
  expected: string | undefined
  /** It failed among all the others and was run again alone; the verdict is the second run's. */
  rerun: boolean
}

export function classify(
  verdict: Verdict,
  expected: string | undefined,
): Status {
  if (expected === undefined) return verdict.passed ? 'passed' : 'failed'
  return verdict.passed ? 'stale-baseline' : 'expected-fail'
}

const CELL: Record<Status, string> = {
  passed: 'passed',
  failed: 'FAILED',
  'expected-fail': 'expected-fail',
  'stale-baseline': 'PASSES (in baseline)',
}

function cell(row: Row | undefined): string {
  if (!row) return '-'
  return (
    CELL[row.status] + (row.rerun && row.status === 'passed' ? ' (rerun)' : '')
  )
}

function clip(text: string, max = 400): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/**
 * The table of every scenario by revision, then a line per scenario that did not pass as expected.
 * `verbose` adds a line per expected failure too: the baseline's reason and what failed this time.
 */
export function formatReport(
  rows: readonly Row[],
  revisions: readonly string[],
  verbose = false,
): string {
  const scenarios = [...new Set(rows.map((r) => r.scenario))]
  const find = (scenario: string, revision: string) =>
    rows.find((r) => r.scenario === scenario && r.revision === revision)
  const width = Math.max(8, ...scenarios.map((s) => s.length)) + 2
  const column = 22
  const lines = [
    'scenario'.padEnd(width) + revisions.map((r) => r.padEnd(column)).join(''),
    ...scenarios.map(
      (s) =>
        s.padEnd(width) +
        revisions.map((r) => cell(find(s, r)).padEnd(column)).join(''),
    ),
  ]
  const notes = rows.filter(
    (r) =>
      r.status === 'failed' ||
      r.status === 'stale-baseline' ||
      (verbose && r.status === 'expected-fail'),
  )
  if (notes.length > 0) lines.push('')
  for (const r of notes) {
    const where = `${r.revision} ${r.scenario}`
    if (r.status === 'failed') {
      lines.push(
        `FAILED ${where}${r.rerun ? ' (also alone)' : ''}: ${clip(r.verdict.reason)}`,
      )
    } else if (r.status === 'stale-baseline') {
      lines.push(
        `PASSES ${where}: remove it from expected-failures.yml (it says: ${r.expected})`,
      )
    } else {
      lines.push(
        `expected-fail ${where}: ${r.expected}\n    now: ${clip(r.verdict.reason, 240)}`,
      )
    }
  }
  return lines.join('\n')
}

/** The closing line, in vitest's shape so that CI can add it to the other packages' counts. */
export function formatSummary(rows: readonly Row[]): string {
  const count = (...statuses: Status[]) =>
    rows.filter((r) => statuses.includes(r.status)).length
  const passed = count('passed')
  const failed = count('failed', 'stale-baseline')
  const expected = count('expected-fail')
  return `      Tests  ${passed} passed | ${failed} failed | ${expected} expected-fail (${rows.length})`
}
