import { defineConfig } from 'tsdown'

export default defineConfig({
  entry: { index: 'src/index.ts', oauth: 'src/oauth/index.ts' },
  format: 'esm',
  platform: 'neutral',
  dts: true,
  sourcemap: true,
  clean: true,
})
