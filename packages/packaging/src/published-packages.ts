import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface PublishedPackage {
  name: string
  version: string
  /** Absolute path of the package's folder. */
  dir: string
}

/** The workspace's packages/ folder. */
export const PACKAGES_DIR = fileURLToPath(new URL('../..', import.meta.url))

/**
 * Every package under packages/ that is not private: what `changeset publish` would publish.
 * Read from the manifests, so a new package is checked the day it stops being private.
 */
export async function publishedPackages(): Promise<PublishedPackage[]> {
  const found: PublishedPackage[] = []
  for (const entry of await readdir(PACKAGES_DIR, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue
    const dir = join(PACKAGES_DIR, entry.name)
    let manifest: unknown
    try {
      manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'))
    } catch {
      continue // a folder without a manifest is no package
    }
    if (typeof manifest !== 'object' || manifest === null) continue
    const {
      name,
      version,
      private: isPrivate,
    } = manifest as Record<string, unknown>
    if (isPrivate === true) continue
    if (typeof name !== 'string' || typeof version !== 'string') {
      throw new Error(`${dir}/package.json needs a name and a version`)
    }
    found.push({ name, version, dir })
  }
  return found.sort((a, b) => a.name.localeCompare(b.name))
}
