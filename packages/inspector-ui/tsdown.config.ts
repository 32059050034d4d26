import { readFileSync } from 'node:fs'
import { defineConfig } from 'tsdown'

const STYLES = new URL('src/styles.css', import.meta.url)

/**
 * `./styles.css?inline` (Vite's syntax, which the playground's Vite build reads itself) becomes
 * the sheet's text in the bundle, and the same sheet is written beside it as `dist/style.css`.
 */
function inlineStyles() {
  return {
    name: 'inspector-ui-inline-styles',
    resolveId(id: string) {
      return id.endsWith('styles.css?inline') ? '\0inspector-styles' : null
    },
    load(id: string) {
      if (id !== '\0inspector-styles') return null
      return `export default ${JSON.stringify(readFileSync(STYLES, 'utf8'))}`
    },
    generateBundle(this: {
      emitFile(file: { type: 'asset'; fileName: string; source: string }): void
    }) {
      this.emitFile({
        type: 'asset',
        fileName: 'style.css',
        source: readFileSync(STYLES, 'utf8'),
      })
    },
  }
}

export default defineConfig({
  // `app` holds what an app needs to build its own connect form; `index` the component.
  entry: { index: 'src/index.ts', app: 'src/app.ts' },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
  plugins: [inlineStyles()],
  external: [
    /^react($|\/)/,
    /^react-dom($|\/)/,
    /^@tanstack\/react-query/,
    /^@mcp-sse\//,
  ],
})
