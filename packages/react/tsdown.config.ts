import { defineConfig } from 'tsdown'

export default defineConfig({
  // Two entries so that `@mcp-sse/react` never pulls in @tanstack/react-query (an optional peer);
  // only `@mcp-sse/react/query` does.
  entry: { index: 'src/index.ts', query: 'src/query/index.ts' },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
  external: [/^react($|\/)/, /^@tanstack\//, /^@mcp-sse\//],
})
