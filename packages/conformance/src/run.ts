/**
 * `pnpm --filter @mcp-sse/conformance test`: runs the official MCP conformance suite's client
 * scenarios for each revision against src/client.ts, judges every scenario itself (judge.ts),
 * reruns unexpected failures alone, compares with expected-failures.yml and prints a table.
 *
 * `node src/run.ts [revision…]` runs only the revisions named. MCP_SSE_CONFORMANCE_KEEP=1 keeps
 * the suite's result folders even when everything went as expected; MCP_SSE_CONFORMANCE_VERBOSE=1
 * also prints what each expected failure failed on this time.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readBaseline } from './runner/baseline.ts'
import { judge, type Verdict } from './runner/judge.ts'
import {
  classify,
  formatReport,
  formatSummary,
  type Row,
} from './runner/report.ts'
import { readRequirements } from './runner/requirements.ts'
import { collectResults } from './runner/results.ts'
import { runSuite } from './runner/suite.ts'

const PACKAGE_DIR = dirname(dirname(fileURLToPath(import.meta.url)))
const BASELINE_FILE = join(PACKAGE_DIR, 'expected-failures.yml')
const REVISIONS = ['2025-11-25', '2026-07-28']
/** Per client process. The client gives up on its own after 25 s (client.ts) and says where. */
const SUITE_TIMEOUT_MS = 30_000
/** More unexpected failures than this are no load hiccup: report them without rerunning each. */
const MAX_RERUNS = 10
/** Reruns stop once the whole run has taken this long, so that it stays within about 6 minutes. */
const RERUN_BUDGET_MS = 4 * 60_000

// The suite splits the command on spaces; the same Node that runs this runs the client.
if (/\s/.test(process.execPath + PACKAGE_DIR)) {
  throw new Error(
    `the paths to node and to ${PACKAGE_DIR} must not contain spaces`,
  )
}
const CLIENT_COMMAND = `${process.execPath} ${join(PACKAGE_DIR, 'src/client.ts')}`

const started = performance.now()
const elapsed = () => performance.now() - started
const say = (line: string) => process.stdout.write(`${line}\n`)

const requested = process.argv.slice(2)
const revisions = requested.length > 0 ? requested : REVISIONS
const unknown = revisions.filter((r) => !REVISIONS.includes(r))
if (unknown.length > 0) {
  throw new Error(
    `unknown revision ${unknown.join(', ')}; known: ${REVISIONS.join(', ')}`,
  )
}

const baseline = await readBaseline(BASELINE_FILE)
const problems: string[] = []
const work = await mkdtemp(join(tmpdir(), 'mcp-sse-conformance-'))
const rows: Row[] = []
let reruns = 0

async function rerunAlone(
  revision: string,
  scenario: string,
): Promise<Verdict> {
  const out = join(work, 'rerun', revision)
  await mkdir(out, { recursive: true })
  const log = join(out, `${scenario.replaceAll('/', '_')}.log`)
  const args = [
    '--command',
    CLIENT_COMMAND,
    '--scenario',
    scenario,
    '--spec-version',
    revision,
  ]
  // --requirements runs a revision's scenarios even outside their own applicability window; so must this.
  await runSuite(
    [...args, '--force', '--timeout', String(SUITE_TIMEOUT_MS), '-o', out],
    log,
  )
  return judge((await collectResults(out)).get(scenario))
}

for (const revision of revisions) {
  const { judged, extensions } = await readRequirements(revision)
  const expected = baseline.get(revision) ?? new Map<string, string>()
  for (const scenario of expected.keys()) {
    if (!judged.includes(scenario)) {
      problems.push(
        `expected-failures.yml lists ${revision} ${scenario}, which that revision does not run`,
      )
    }
  }

  const out = join(work, revision)
  const logFile = join(work, `${revision}.log`)
  await mkdir(out, { recursive: true })
  const run = await runSuite(
    [
      '--command',
      CLIENT_COMMAND,
      '--requirements',
      revision,
      '--timeout',
      String(SUITE_TIMEOUT_MS),
      '-o',
      out,
    ],
    logFile,
  )
  say(
    `${revision}: ${judged.length} scenarios judged (+${extensions.length} extensions run, not judged) in ${(run.durationMs / 1000).toFixed(1)} s`,
  )
  const results = await collectResults(out)
  if (results.size === 0) {
    // The suite itself failed before any scenario ran: its own words are the only clue.
    const log = await readFile(logFile, 'utf8')
    say(`  the suite wrote no results (exit ${run.exitCode}); its log ends:`)
    say(
      log
        .trimEnd()
        .split('\n')
        .slice(-15)
        .map((l) => `    ${l}`)
        .join('\n'),
    )
  }

  for (const scenario of judged) {
    let verdict = judge(results.get(scenario))
    const reason = expected.get(scenario)
    let rerun = false
    // A failure under the load of every scenario at once is believed only once it fails alone.
    if (
      !verdict.passed &&
      reason === undefined &&
      reruns < MAX_RERUNS &&
      elapsed() < RERUN_BUDGET_MS
    ) {
      reruns++
      rerun = true
      const first = verdict.reason
      verdict = await rerunAlone(revision, scenario)
      say(
        `  reran ${scenario} alone: ${verdict.passed ? `passed (first run: ${first})` : 'failed again'}`,
      )
    }
    rows.push({
      revision,
      scenario,
      verdict,
      expected: reason,
      rerun,
      status: classify(verdict, reason),
    })
  }
}
for (const revision of baseline.keys()) {
  if (!REVISIONS.includes(revision))
    problems.push(`expected-failures.yml has an unknown revision ${revision}`)
}

say('')
say(
  formatReport(
    rows,
    revisions,
    Boolean(process.env.MCP_SSE_CONFORMANCE_VERBOSE),
  ),
)
for (const problem of problems) say(`BASELINE ${problem}`)
const bad =
  rows.some((r) => r.status === 'failed' || r.status === 'stale-baseline') ||
  problems.length > 0
if (bad || process.env.MCP_SSE_CONFORMANCE_KEEP) {
  say(
    `\nresults (checks.json, stdout.txt, stderr.txt per scenario; the suite's log per revision): ${work}`,
  )
} else {
  await rm(work, { recursive: true, force: true })
}
say(`\n   Duration  ${(elapsed() / 1000).toFixed(1)} s`)
say(formatSummary(rows))
process.exitCode = bad ? 1 : 0
