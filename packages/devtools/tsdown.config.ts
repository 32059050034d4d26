import { defineConfig } from 'tsdown'

export default defineConfig({
  // `production` is its own file with no import of the panel, so a production build that resolves
  // it (the `production` export condition, or `@mcp-sse/devtools/production`) bundles none of it.
  // The panel is split out of `index` by its dynamic import, loaded only when <MCPDevtools /> mounts.
  entry: {
    index: 'src/index.ts',
    production: 'src/production.ts',
  },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
  external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//, /^@mcp-sse\//],
})
