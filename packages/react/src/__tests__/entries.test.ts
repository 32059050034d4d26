import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const src = join(import.meta.dirname, '..')

/** Files the main entry can reach: everything in src/ except the query entry and the tests. */
function mainEntryFiles(): string[] {
  return readdirSync(src, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(src, entry.name))
}

it('keeps @tanstack/react-query out of the main entry (it is an optional peer)', () => {
  const files = mainEntryFiles()
  expect(files.length).toBeGreaterThan(3)
  for (const file of files) {
    const text = readFileSync(file, 'utf8')
    expect(text, file).not.toMatch(/@tanstack|\.\/query/)
  }
})

it('keeps the OAuth code out of the main entry (apps without sign-in pay nothing)', () => {
  for (const file of mainEntryFiles()) {
    const text = readFileSync(file, 'utf8')
    expect(text, file).not.toMatch(/from '(@mcp-sse\/core\/oauth|\.\/oauth)/)
  }
})

it('names every entry in package.json exports, types first', () => {
  const pkg = JSON.parse(
    readFileSync(join(src, '..', 'package.json'), 'utf8'),
  ) as { exports: Record<string, unknown> }
  expect(pkg.exports['.']).toEqual({
    types: './dist/index.d.ts',
    import: './dist/index.js',
  })
  expect(pkg.exports['./query']).toEqual({
    types: './dist/query.d.ts',
    import: './dist/query.js',
  })
  expect(pkg.exports['./oauth']).toEqual({
    types: './dist/oauth.d.ts',
    import: './dist/oauth.js',
  })
})
