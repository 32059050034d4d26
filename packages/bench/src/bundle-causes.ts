// Where a bundle's bytes go, so a missed size target comes with its cause measured rather than
// guessed: the share of each part of the packages in the minified output, and how much of the
// gzip is string literals (messages, method and header names) against code.
import { gzipSync } from 'node:zlib'
import ts from 'typescript'

/** One part of the packages, matched on the bundled file's path. */
interface Area {
  name: string
  matches(path: string): boolean
}

const under =
  (...parts: string[]) =>
  (path: string) =>
    parts.some((part) => path.includes(part))

// First match wins, so the specific folders come before the catch-all core.
const AREAS: Area[] = [
  { name: 'OAuth', matches: under('core/src/oauth/') },
  {
    name: '2026-07-28 (stateless)',
    matches: under(
      'core/src/transport/modern/',
      'core/src/modern/',
      'core/src/discover.ts',
      'core/src/mrtr.ts',
      'core/src/interest.ts',
      'core/src/cache-hints.ts',
    ),
  },
  {
    name: 'Streamable HTTP',
    matches: under('core/src/transport/streamable-http/'),
  },
  {
    name: 'HTTP+SSE',
    matches: under(
      'core/src/transport/sse-transport.ts',
      'core/src/transport/keep-alive.ts',
      'core/src/stream/eventsource-stream.ts',
    ),
  },
  {
    name: 'detection of the transport',
    matches: under(
      'core/src/transport/detect.ts',
      'core/src/transport/remembered-ways.ts',
      'core/src/transport/create-transport.ts',
    ),
  },
  { name: 'eventsource-parser', matches: under('eventsource-parser') },
  { name: '@mcp-sse/react', matches: under('react/src/') },
  {
    name: 'catalog and shared clients (lists, registry)',
    matches: under('core/src/catalog.ts', 'core/src/registry.ts'),
  },
  {
    name: 'the client common to every transport',
    matches: under('core/src/'),
  },
]

export interface AreaShare {
  name: string
  /** Bytes of minified output from this area. */
  bytes: number
}

/** Minified bytes per area, largest first, from an esbuild metafile output's inputs. */
export function sharesByArea(
  inputs: Record<string, { bytesInOutput: number }>,
): AreaShare[] {
  const totals = new Map<string, number>()
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const area = AREAS.find((a) => a.matches(path))?.name ?? 'other'
    totals.set(area, (totals.get(area) ?? 0) + bytesInOutput)
  }
  return [...totals]
    .map(([name, bytes]) => ({ name, bytes }))
    .filter((share) => share.bytes > 0)
    .sort((a, b) => b.bytes - a.bytes)
}

/** The gzip of `code` with every string and template literal emptied: what the code alone costs. */
export function gzipWithoutStrings(code: string): number {
  const file = ts.createSourceFile(
    'bundle.js',
    code,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.JS,
  )
  const literals: [number, number][] = []
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateLiteralToken(node)
    ) {
      // Keep the delimiters, drop the text between them: a template's head and middle parts end
      // with the two characters `${`, every other literal with one.
      const opensSubstitution =
        ts.isTemplateHead(node) || ts.isTemplateMiddle(node)
      literals.push([
        node.getStart(file) + 1,
        node.getEnd() - (opensSubstitution ? 2 : 1),
      ])
    }
    ts.forEachChild(node, visit)
  }
  visit(file)
  literals.sort((a, b) => a[0] - b[0])
  let stripped = ''
  let last = 0
  for (const [start, end] of literals) {
    stripped += code.slice(last, start)
    last = Math.max(last, end)
  }
  stripped += code.slice(last)
  return gzipSync(stripped, { level: 9 }).byteLength
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/**
 * Where a bundle's bytes go, for the note under a missed target: each area's share of the minified
 * output, and whether the code would miss `targetBytes` (gzip) even without its string literals.
 */
export function describeCause(
  code: string,
  gzip: number,
  shares: AreaShare[],
  targetBytes: number,
): string {
  const minified = shares.reduce((sum, s) => sum + s.bytes, 0)
  const parts = shares
    .map((s) => `${s.name} ${Math.round((100 * s.bytes) / minified)} %`)
    .join(', ')
  const codeOnly = gzipWithoutStrings(code)
  const verdict =
    codeOnly > targetBytes
      ? 'so the code alone is over the target: the miss is the amount of code, spread over the areas above, not one module or dependency'
      : 'so shorter messages alone would bring it under the target'
  return (
    `Cause, measured: where the bytes go (share of the minified output): ${parts}. ` +
    `With every string literal emptied (error messages, method and header names) the gzip is ` +
    `${kb(codeOnly)} of ${kb(gzip)}, ${verdict}.`
  )
}
