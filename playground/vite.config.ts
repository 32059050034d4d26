import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The panels come from the workspace package's sources: `pnpm dev` reloads them as they change
    // and every build of the site (the e2e tests' too) has the newest, with no package build first.
    alias: [
      {
        find: /^@mcp-sse\/inspector-ui$/,
        replacement: fileURLToPath(
          new URL('../packages/inspector-ui/src/index.ts', import.meta.url),
        ),
      },
      {
        find: /^@mcp-sse\/inspector-ui\/app$/,
        replacement: fileURLToPath(
          new URL('../packages/inspector-ui/src/app.ts', import.meta.url),
        ),
      },
      {
        find: /^@mcp-sse\/inspector-ui\/style\.css$/,
        replacement: fileURLToPath(
          new URL('../packages/inspector-ui/src/styles.css', import.meta.url),
        ),
      },
    ],
  },
  // Relative URLs everywhere, so the built site works from any static host under any base path.
  base: './',
  build: {
    rolldownOptions: {
      // The OAuth callback page is a page of its own, beside index.html in any base path.
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        callback: fileURLToPath(
          new URL('oauth/callback.html', import.meta.url),
        ),
      },
      output: {
        // Stable names: a static host serves them with no manifest or rewrite rules.
        entryFileNames: 'assets/[name].js',
        chunkFileNames: 'assets/[name].js',
        assetFileNames: 'assets/[name][extname]',
      },
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'components',
          environment: 'jsdom',
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['../packages/inspector-ui/src/test/setup.ts'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['e2e/**/*.test.ts'],
          // One file at a time: each builds the site if stale, and two builds into dist/ at once
          // would overwrite each other; the machine has two cores for the browser and servers.
          fileParallelism: false,
          testTimeout: 180_000,
          hookTimeout: 240_000,
        },
      },
    ],
  },
})
