import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import {
  publishedPackages,
  type PublishedPackage,
} from './published-packages.ts'
import { run } from './run.ts'

export interface PackedPackage extends PublishedPackage {
  /** Absolute path of the `.tgz`. */
  tarball: string
}

/**
 * `pnpm pack` of every published package into `destination`: the exact files a user gets, with
 * `workspace:` ranges turned into versions as `pnpm publish` does. Needs the packages built.
 */
export async function packAll(destination: string): Promise<PackedPackage[]> {
  const packed: PackedPackage[] = []
  for (const pkg of await publishedPackages()) {
    const before = new Set(await readdir(destination))
    await run('pnpm', ['pack', '--pack-destination', destination], {
      cwd: pkg.dir,
    })
    const added = (await readdir(destination)).filter(
      (file) => file.endsWith('.tgz') && !before.has(file),
    )
    if (added.length !== 1 || added[0] === undefined) {
      throw new Error(
        `pnpm pack in ${pkg.dir} made ${added.length} tarballs, expected 1`,
      )
    }
    packed.push({ ...pkg, tarball: join(destination, added[0]) })
  }
  return packed
}
