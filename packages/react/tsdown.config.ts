import { defineConfig } from 'tsdown'

export default defineConfig({
  // Separate entries so that `@mcp-sse/react` never pulls in @tanstack/react-query (an optional
  // peer) or the OAuth code: only `@mcp-sse/react/query` and `@mcp-sse/react/oauth` do.
  entry: {
    index: 'src/index.ts',
    query: 'src/query/index.ts',
    oauth: 'src/oauth/index.ts',
  },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
  external: [/^react($|\/)/, /^@tanstack\//, /^@mcp-sse\//],
})
