import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'
import { formatBytes } from './stats.ts'
import type { Table } from './table.ts'

export interface BundleEntry {
  name: string
  /** File under src/entries/. */
  file: string
}

const CORE = '@mcp-sse/core (`MCPSSEClient`, every transport)'
const REACT = '@mcp-sse/react + core (`useMCPSSE`)'
const REACT_OAUTH = '@mcp-sse/react + core + `@mcp-sse/core/oauth`'

export const BUNDLE_ENTRIES: BundleEntry[] = [
  { name: CORE, file: 'core.ts' },
  { name: '@mcp-sse/core + `@mcp-sse/core/oauth`', file: 'core-oauth.ts' },
  { name: REACT, file: 'react.ts' },
  { name: REACT_OAUTH, file: 'react-oauth.ts' },
  { name: 'SDK v1 1.32.2 `Client` + `SSEClientTransport`', file: 'sdk.ts' },
  {
    name: 'SDK v1 1.32.2 `Client` + SSE + Streamable HTTP + `auth`',
    file: 'sdk-full.ts',
  },
  {
    name: 'client v2 2.4.0 `Client` + SSE + Streamable HTTP + `auth`',
    file: 'sdk-v2.ts',
  },
  { name: 'use-mcp 0.0.21 (`useMcp`)', file: 'use-mcp.ts' },
]

/** Issue 14's size targets, in KiB of gzip (formatBytes' KB). */
const REACT_TARGET_KB = 15
const OAUTH_ON_TOP_TARGET_KB = 5

export interface BundleResult {
  name: string
  minified: number
  gzip: number
}

/** Bundles one entry the way an app's bundler would for the browser, and weighs it. */
export async function measureBundle(entry: BundleEntry): Promise<BundleResult> {
  const result = await build({
    entryPoints: [
      fileURLToPath(new URL(`./entries/${entry.file}`, import.meta.url)),
    ],
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    external: ['react', 'react-dom'],
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
    // This package's own tsconfig, not whatever tsconfig.json a parent folder of the checkout has.
    tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
  })
  const code = result.outputFiles[0]?.contents ?? new Uint8Array()
  return {
    name: entry.name,
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
  }
}

export async function bundleTable(
  entries = BUNDLE_ENTRIES,
): Promise<{ table: Table; results: BundleResult[] }> {
  const results: BundleResult[] = []
  for (const entry of entries) results.push(await measureBundle(entry))
  const ours = results.find((r) => r.name === REACT)
  const withOAuth = results.find((r) => r.name === REACT_OAUTH)
  const verdict = (met: boolean) => (met ? 'met' : '**missed**')
  const kb = (bytes: number) => (bytes / 1024).toFixed(1)
  const targets: string[] = []
  if (ours)
    targets.push(
      `Target: @mcp-sse/react + core ≤ ${REACT_TARGET_KB} KB gzip: ${kb(ours.gzip)} KB, ${verdict(ours.gzip <= REACT_TARGET_KB * 1024)}.`,
    )
  if (ours && withOAuth) {
    const onTop = withOAuth.gzip - ours.gzip
    targets.push(
      `Target: \`@mcp-sse/core/oauth\` ≤ ${OAUTH_ON_TOP_TARGET_KB} KB gzip on top of react + core: ${kb(onTop)} KB, ${verdict(onTop <= OAUTH_ON_TOP_TARGET_KB * 1024)}.`,
    )
  }
  return {
    results,
    table: {
      title:
        'Bundle size (esbuild, minified, browser ESM, React external; gzip level 9)',
      headers: ['Bundle', 'Minified', 'Gzip', 'Gzip vs @mcp-sse/react + core'],
      rows: results
        .map((r) => [
          r.name,
          formatBytes(r.minified),
          formatBytes(r.gzip),
          ours ? `${(r.gzip / ours.gzip).toFixed(1)}×` : 'n/a',
        ])
        .concat([
          [
            '`@mcp-sse/devtools` in production (target 0 B)',
            'TODO: not measured, the package does not exist yet',
            '—',
            '—',
          ],
        ]),
      notes: [
        ...targets,
        'KB = 1,024 bytes. Each entry calls what it imports (src/entries/), so nothing is shaken out that an app would use.',
      ],
    },
  }
}
