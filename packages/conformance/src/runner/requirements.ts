import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parse } from 'yaml'
import { SUITE_DIR } from './suite.ts'

export interface RevisionRequirements {
  /** Client scenarios judged here: the required ones plus those run unscored for another reason than being an extension. */
  judged: string[]
  /** Client scenarios the suite runs as extensions: optional by definition, not judged. */
  extensions: string[]
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * What the suite's own requirement set for `revision` lists for clients (its
 * `requirements/<revision>.yaml`, frozen at the revision's release), so the list of scenarios
 * judged here cannot drift from the one `--requirements` runs.
 */
export async function readRequirements(
  revision: string,
): Promise<RevisionRequirements> {
  const file = join(SUITE_DIR, 'requirements', `${revision}.yaml`)
  const doc: unknown = parse(await readFile(file, 'utf8'))
  if (!isRecord(doc) || !Array.isArray(doc.client)) {
    throw new Error(`${file} has no client list`)
  }
  const judged = doc.client.map(String)
  const extensions: string[] = []
  const unscored = Array.isArray(doc.not_scored) ? doc.not_scored : []
  for (const entry of unscored) {
    if (!isRecord(entry) || entry.leg !== 'client') continue
    const name = String(entry.scenario)
    if (entry.reason === 'extension') extensions.push(name)
    // Added after the anchor release or pending: not scored by the suite, but no extension, so a
    // conforming client passes it and it is judged here like the rest.
    else judged.push(name)
  }
  return { judged, extensions }
}
