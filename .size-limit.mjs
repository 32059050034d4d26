// Bundle-size budgets, checked by `pnpm size` (part of `pnpm test`, after the build). Each line is
// what an app ships for one way of using the packages: esbuild, minified, browser ESM, React
// external, gzip level 9 — the same settings as `pnpm bench`, so the figures agree.
// Limits are the targets of issue 14 in KiB (1 KiB = 1024 bytes; size-limit prints kB = 1000).

/** Same bundling as packages/bench/src/bundle.ts, on top of size-limit's own defaults. */
const asAnAppBundles = (config) => ({
  ...config,
  platform: 'browser',
  format: 'esm',
  target: 'es2022',
  define: { 'process.env.NODE_ENV': '"production"' },
})

const core = { 'packages/core/dist/index.js': '{ MCPSSEClient, isMCPError }' }
const react = { 'packages/react/dist/index.js': '{ useMCPSSE }' }
const oauth = {
  'packages/core/dist/oauth.js': '{ oauth, completeAuthorization }',
}

export default [
  {
    // `transport: 'auto'` is the default, so this carries every transport and the detection.
    name: '@mcp-sse/core (MCPSSEClient, every transport)',
    import: core,
    limit: '15 KiB',
  },
  {
    name: '@mcp-sse/react + core (useMCPSSE)',
    import: { ...core, ...react },
    limit: '15 KiB',
  },
  {
    // "≤ 5 KB on top" of react + core, written as their sum so the line measures what ships.
    name: '@mcp-sse/react + core + @mcp-sse/core/oauth',
    import: { ...core, ...react, ...oauth },
    limit: '20 KiB',
  },
  // @mcp-sse/devtools does not exist yet. When it does, add its production entry here with
  // `limit: '0 B'` (issue 14: it must add nothing to a production bundle).
].map((check) => ({
  ...check,
  gzip: true,
  ignore: ['react', 'react-dom'],
  modifyEsbuildConfig: asAnAppBundles,
}))
