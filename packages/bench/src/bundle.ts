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

export const BUNDLE_ENTRIES: BundleEntry[] = [
  { name: '@mcp-sse/core (`MCPSSEClient`)', file: 'core.ts' },
  { name: '@mcp-sse/react + core (`useMCPSSE`)', file: 'react.ts' },
  { name: 'SDK 1.32.2 `Client` + `SSEClientTransport`', file: 'sdk.ts' },
  { name: 'use-mcp 0.0.21 (`useMcp`)', file: 'use-mcp.ts' },
]

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
  const ours = results.find((r) => r.name.startsWith('@mcp-sse/react'))
  return {
    results,
    table: {
      title:
        'Bundle size (esbuild, minified, browser ESM, React external; gzip level 9)',
      headers: ['Bundle', 'Minified', 'Gzip', 'Gzip vs @mcp-sse/react + core'],
      rows: results.map((r) => [
        r.name,
        formatBytes(r.minified),
        formatBytes(r.gzip),
        ours ? `${(r.gzip / ours.gzip).toFixed(1)}×` : 'n/a',
      ]),
      notes: ['Target: @mcp-sse/react + core < 8 KB gzip.'],
    },
  }
}
