// Copies the built inspector page into the package, so that the published package carries it.
import { cpSync, existsSync, rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const from = fileURLToPath(new URL('../../../playground/dist', import.meta.url))
const to = fileURLToPath(new URL('../site', import.meta.url))
if (!existsSync(`${from}/index.html`)) {
  console.error(
    `copy-site: ${from} is not built; run pnpm --filter playground build first. The launcher will say so until then.`,
  )
  process.exit(0)
}
rmSync(to, { recursive: true, force: true })
cpSync(from, to, { recursive: true })
console.log(`copy-site: ${from} -> ${to}`)
