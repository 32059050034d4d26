import { readdir, readFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { parseOutcome, type ClientOutcome } from '../outcome.ts'

export type CheckStatus = 'SUCCESS' | 'FAILURE' | 'WARNING' | 'INFO' | 'SKIPPED'

/** One entry of a scenario's `checks.json`, the fields read here. */
export interface Check {
  id: string
  name: string
  description: string
  status: CheckStatus
  errorMessage?: string
}

export interface ScenarioResult {
  scenario: string
  dir: string
  checks: Check[]
  /** What the client said as it exited; null when it never said (crashed or killed). */
  outcome: ClientOutcome | null
}

/** The suite names each result folder `<scenario>-<ISO time with : and . as ->`. */
const TIMESTAMP_SUFFIX = /-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/

function toCheck(value: unknown): Check {
  if (typeof value !== 'object' || value === null) {
    throw new Error(`a check is not an object: ${JSON.stringify(value)}`)
  }
  const c = value as Record<string, unknown>
  const status = String(c.status)
  if (!['SUCCESS', 'FAILURE', 'WARNING', 'INFO', 'SKIPPED'].includes(status)) {
    throw new Error(`a check has an unknown status: ${status}`)
  }
  return {
    id: String(c.id),
    name: String(c.name),
    description: String(c.description ?? ''),
    status: status as CheckStatus,
    ...(typeof c.errorMessage === 'string'
      ? { errorMessage: c.errorMessage }
      : {}),
  }
}

async function readOptional(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8')
  } catch {
    return ''
  }
}

/** Every scenario result under `outDir` (the suite's `-o`), by scenario name. */
export async function collectResults(
  outDir: string,
): Promise<Map<string, ScenarioResult>> {
  const results = new Map<string, ScenarioResult>()
  const files = (await readdir(outDir, { recursive: true })).filter(
    (f) => f === 'checks.json' || f.endsWith(`${sep}checks.json`),
  )
  for (const file of files) {
    const dir = join(outDir, dirname(file))
    const scenario = relative(outDir, dir)
      .split(sep)
      .join('/')
      .replace(TIMESTAMP_SUFFIX, '')
    const raw: unknown = JSON.parse(
      await readFile(join(dir, 'checks.json'), 'utf8'),
    )
    const checks = Array.isArray(raw) ? raw.map(toCheck) : []
    const outcome = parseOutcome(await readOptional(join(dir, 'stdout.txt')))
    results.set(scenario, { scenario, dir, checks, outcome })
  }
  return results
}
