import type { ScenarioResult } from './results.ts'

export interface Verdict {
  passed: boolean
  /** Why it failed, in one line: the failing checks' own words, or what the client said. */
  reason: string
}

/**
 * Passed only when at least one check succeeded, none failed or warned, and the client exited 0.
 * The suite's own summary is not trusted for this: it passes a client that crashed before doing
 * anything when the scenario emits no failing check for it. Scenarios where the library must
 * refuse are no exception: there the client exits 0 only when it saw the refusal (scenarios/auth.ts).
 */
export function judge(result: ScenarioResult | undefined): Verdict {
  if (!result)
    return { passed: false, reason: 'the suite wrote no result for it' }
  const problems: string[] = []
  const { outcome } = result
  // The client's own words first: they usually name the step that went wrong.
  if (!outcome) {
    problems.push(
      'the client printed no outcome: it crashed, or the suite killed it at its timeout (see stderr.txt)',
    )
  } else if (outcome.exitCode !== 0) {
    problems.push(
      `the client exited ${outcome.exitCode}: ${outcome.error ?? 'no reason given'}`,
    )
  }
  for (const c of result.checks) {
    if (c.status !== 'FAILURE' && c.status !== 'WARNING') continue
    const warning = c.status === 'WARNING' ? ' (warning)' : ''
    problems.push(`${c.id}${warning}: ${c.errorMessage ?? c.description}`)
  }
  if (!result.checks.some((c) => c.status === 'SUCCESS')) {
    problems.push('no check succeeded')
  }
  return problems.length === 0
    ? { passed: true, reason: '' }
    : { passed: false, reason: problems.join(' | ') }
}
