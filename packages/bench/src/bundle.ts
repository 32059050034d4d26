import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type BuildOptions, type Plugin } from 'esbuild'
import { formatBytes, formatNumber } from './stats.ts'
import { describeCause, sharesByArea } from './bundle-causes.ts'
import type { Table } from './table.ts'

export interface BundleEntry {
  name: string
  /** File under src/entries/. */
  file: string
  /** Package export conditions to resolve with, as an app's production build does. */
  conditions?: string[]
}

const CORE = '@mcp-sse/core (`MCPSSEClient`, every transport)'
const REACT = '@mcp-sse/react + core (`useMCPSSE`)'
const REACT_OAUTH = '@mcp-sse/react + core + `@mcp-sse/core/oauth`'
const DEVTOOLS =
  '`<MCPDevtools />` in a production build (`@mcp-sse/devtools`, target 0)'

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
  {
    name: DEVTOOLS,
    file: 'devtools-production.ts',
    conditions: ['production'],
  },
]

/** Issue 14's size targets, in KiB of gzip (formatBytes' KB). */
const REACT_TARGET_KB = 15
const OAUTH_ON_TOP_TARGET_KB = 5

export interface BundleResult {
  name: string
  minified: number
  gzip: number
  /** The minified output itself. */
  code: string
}

/** Minified bytes of each bundled file, from esbuild's metafile. */
type BundledFiles = Record<string, { bytesInOutput: number }>

const SOURCES: Record<string, string> = {
  '@mcp-sse/core': '../../core/src/index.ts',
  '@mcp-sse/core/oauth': '../../core/src/oauth/index.ts',
  '@mcp-sse/react': '../../react/src/index.ts',
  '@mcp-sse/react/oauth': '../../react/src/oauth/index.ts',
}

/** Resolves our packages to their sources, so the metafile names each source file. */
const ourSources: Plugin = {
  name: 'mcp-sse-sources',
  setup(plugin) {
    plugin.onResolve(
      { filter: /^@mcp-sse\/(core|react)(\/oauth)?$/ },
      (args) => {
        const source = SOURCES[args.path]
        return source
          ? { path: fileURLToPath(new URL(source, import.meta.url)) }
          : undefined
      },
    )
  },
}

function buildOptions(entry: BundleEntry) {
  return {
    entryPoints: [
      fileURLToPath(new URL(`./entries/${entry.file}`, import.meta.url)),
    ],
    bundle: true,
    minify: true,
    ...(entry.conditions ? { conditions: entry.conditions } : {}),
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    external: ['react', 'react-dom'],
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
    // This package's own tsconfig, not whatever tsconfig.json a parent folder of the checkout has.
    tsconfig: fileURLToPath(new URL('../tsconfig.json', import.meta.url)),
  } satisfies BuildOptions
}

/** Bundles one entry the way an app's bundler would for the browser, and weighs it. */
export async function measureBundle(entry: BundleEntry): Promise<BundleResult> {
  const result = await build(buildOptions(entry))
  const code = result.outputFiles[0]?.contents ?? new Uint8Array()
  return {
    name: entry.name,
    minified: code.byteLength,
    gzip: gzipSync(code, { level: 9 }).byteLength,
    code: new TextDecoder().decode(code),
  }
}

/**
 * The files of an entry's bundle with our packages built from their sources: the published ones
 * arrive as one file each (dist/), which would name no part of them. Only for a missed target.
 */
async function bundledSources(name: string): Promise<BundledFiles> {
  const entry = BUNDLE_ENTRIES.find((e) => e.name === name)
  if (!entry) return {}
  const result = await build({
    ...buildOptions(entry),
    metafile: true,
    plugins: [ourSources],
  })
  return Object.values(result.metafile.outputs)[0]?.inputs ?? {}
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
  if (ours) {
    const met = ours.gzip <= REACT_TARGET_KB * 1024
    targets.push(
      `Target: @mcp-sse/react + core ≤ ${REACT_TARGET_KB} KB gzip: ${kb(ours.gzip)} KB, ${verdict(met)}.`,
    )
    if (!met)
      targets.push(
        describeCause(
          ours.code,
          ours.gzip,
          sharesByArea(await bundledSources(REACT)),
          REACT_TARGET_KB * 1024,
        ),
      )
  }
  if (ours && withOAuth) {
    const onTop = withOAuth.gzip - ours.gzip
    const met = onTop <= OAUTH_ON_TOP_TARGET_KB * 1024
    targets.push(
      `Target: \`@mcp-sse/core/oauth\` ≤ ${OAUTH_ON_TOP_TARGET_KB} KB gzip on top of react + core: ${kb(onTop)} KB, ${verdict(met)}.`,
    )
    if (!met) targets.push(oauthCause(await bundledSources(REACT_OAUTH)))
  }
  const devtools = results.find((r) => r.name === DEVTOOLS)
  if (devtools)
    targets.push(
      `Target: \`<MCPDevtools />\` adds nothing to a production build: ${devtools.gzip} B gzip, all of it a component that renders null and the \`createElement\` call of the app that renders it (a bundler cannot drop a component that is rendered).`,
    )
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
      notes: [
        ...targets,
        'KB = 1,024 bytes. Each entry calls what it imports (src/entries/), so nothing is shaken out that an app would use.',
      ],
    },
  }
}

/** What the OAuth entry adds, measured by file, largest first. */
function oauthCause(bundled: BundledFiles): string {
  const files = Object.entries(bundled)
    .map(([path, { bytesInOutput }]) => [path, bytesInOutput] as const)
    .filter(([path]) => path.includes('core/src/oauth/'))
    .sort((a, b) => b[1] - a[1])
  const total = files.reduce((sum, [, bytes]) => sum + bytes, 0)
  const largest = files
    .slice(0, 6)
    .map(
      ([path, bytes]) =>
        `${path.replace(/^.*oauth\//, '')} ${formatNumber(bytes)} B`,
    )
    .join(', ')
  return (
    `Cause, measured: the OAuth code is ${formatNumber(total)} B minified over ${files.length} files and no dependency ` +
    `(largest: ${largest}): discovery with its fallbacks, client registration, PKCE, the sign-in flows and token upkeep.`
  )
}
