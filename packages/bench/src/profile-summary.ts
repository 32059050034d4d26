// Summarises a V8 .cpuprofile: self time per function and per file, as a share of all samples.
import { readFileSync } from 'node:fs'

interface ProfileNode {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  hitCount?: number
}

const path = process.argv[2]
if (!path)
  throw new Error('usage: node src/profile-summary.ts <file.cpuprofile> [rows]')
const rows = Number(process.argv[3] ?? 30)
const profile = JSON.parse(readFileSync(path, 'utf8')) as {
  nodes: ProfileNode[]
}
const total = profile.nodes.reduce((sum, n) => sum + (n.hitCount ?? 0), 0)
const byFunction = new Map<string, number>()
const byFile = new Map<string, number>()
for (const node of profile.nodes) {
  const hits = node.hitCount ?? 0
  const { functionName, url, lineNumber } = node.callFrame
  const file = url
    .replace(/^.*node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?/, '')
    .replace(/^file:\/\/\/work\/main\//, '')
  const fn =
    `${functionName || '(anonymous)'} ${file ? `${file}:${lineNumber + 1}` : ''}`.trim()
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + hits)
  byFile.set(
    file || '(native/vm)',
    (byFile.get(file || '(native/vm)') ?? 0) + hits,
  )
}
const print = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`)
  for (const [key, hits] of [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)) {
    console.log(`${((hits / total) * 100).toFixed(1).padStart(5)}%  ${key}`)
  }
}
print('Self time by function', byFunction)
print('Self time by file', byFile)
