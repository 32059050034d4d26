import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'

/** Revision -> scenario -> why it is expected to fail. */
export type Baseline = ReadonlyMap<string, ReadonlyMap<string, string>>

/** Reads `expected-failures.yml`: a map of revisions, each a map of scenario to a one-line reason. */
export async function readBaseline(file: string): Promise<Baseline> {
  let doc: unknown
  try {
    doc = parse(await readFile(file, 'utf8')) ?? {}
  } catch (error) {
    throw new Error(
      `${file} is not valid YAML (quote a reason that contains ": ")`,
      {
        cause: error,
      },
    )
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new Error(`${file}: expected a map of revisions`)
  }
  const baseline = new Map<string, Map<string, string>>()
  for (const [revision, entries] of Object.entries(doc)) {
    const scenarios = new Map<string, string>()
    if (entries !== null) {
      if (typeof entries !== 'object' || Array.isArray(entries)) {
        throw new Error(
          `${file}: ${revision} must map scenario names to reasons`,
        )
      }
      for (const [scenario, reason] of Object.entries(entries)) {
        if (typeof reason !== 'string' || reason.trim() === '') {
          throw new Error(
            `${file}: ${revision} ${scenario} needs a one-line reason`,
          )
        }
        scenarios.set(scenario, reason)
      }
    }
    baseline.set(revision, scenarios)
  }
  return baseline
}
