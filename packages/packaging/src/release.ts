/**
 * `pnpm release`: one command from changesets to the registry. Turns the files in .changeset/
 * into version bumps and CHANGELOG.md entries (`changeset version`, skipped when there are none,
 * as for a first publish of the versions in the manifests), runs `pnpm test` on the result, then
 * `changeset publish` (pnpm publish of each package whose version is not on the registry yet, and
 * a git tag for each). Commit the bumps and push the tags afterwards.
 */
import { spawnSync } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { PACKAGES_DIR } from './published-packages.ts'

const root = join(PACKAGES_DIR, '..')

function step(args: string[]): void {
  console.log(`\nrelease: pnpm ${args.join(' ')}`)
  const result = spawnSync('pnpm', args, { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(
      `release: \`pnpm ${args.join(' ')}\` failed; nothing was published after it`,
    )
    process.exit(result.status ?? 1)
  }
}

const pending = (await readdir(join(root, '.changeset'))).filter(
  (file) => file.endsWith('.md') && file !== 'README.md',
)
if (pending.length > 0) step(['exec', 'changeset', 'version'])
else
  console.log(
    'release: no changesets; publishing the versions in the manifests',
  )
step(['test'])
step(['exec', 'changeset', 'publish'])
