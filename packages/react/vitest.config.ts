import { playwright } from '@vitest/browser-playwright'
import { msw } from 'msw/vite'
import { fileURLToPath } from 'node:url'
import { chromiumLaunchOptions } from '@mcp-sse/testkit/chromium'
import { defineConfig } from 'vitest/config'

// Tests import the package by its public names, as a user's tests would; they resolve to src.
const selfAlias = [
  {
    find: /^@mcp-sse\/react$/,
    replacement: fileURLToPath(new URL('src/index.ts', import.meta.url)),
  },
  {
    find: /^@mcp-sse\/react\/query$/,
    replacement: fileURLToPath(new URL('src/query/index.ts', import.meta.url)),
  },
  {
    find: /^@mcp-sse\/react\/oauth$/,
    replacement: fileURLToPath(new URL('src/oauth/index.ts', import.meta.url)),
  },
]

const componentTests = ['src/**/*.test.{ts,tsx}']
const notHere = [
  'src/**/*.browser.test.{ts,tsx}',
  'src/**/*.interop.test.{ts,tsx}',
]

/** `pnpm test` runs every project below in one `vitest run`. */
export default defineConfig({
  resolve: { alias: selfAlias },
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'react-19',
          environment: 'jsdom',
          provide: { reactMajor: 19 },
          include: componentTests,
          exclude: notHere,
        },
      },
      {
        extends: true,
        // The same tests against React 18. Files vite transforms get the alias; packages Node loads
        // itself (@testing-library/react, react-dom-18, @tanstack/react-query) are redirected by
        // the resolve hook in react-18.setup.ts.
        resolve: {
          alias: [
            ...selfAlias,
            { find: /^react$/, replacement: 'react-18' },
            { find: /^react\/(.*)$/, replacement: 'react-18/$1' },
            { find: /^react-dom$/, replacement: 'react-dom-18' },
            { find: /^react-dom\/(.*)$/, replacement: 'react-dom-18/$1' },
          ],
        },
        test: {
          name: 'react-18',
          environment: 'jsdom',
          provide: { reactMajor: 18 },
          include: componentTests,
          exclude: notHere,
          setupFiles: ['test/react-18.setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'interop',
          environment: 'jsdom',
          include: ['src/**/*.interop.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        // Node drives real Chromium (playwright-core) at a React app bundled from dist.
        test: {
          name: 'oauth-browser',
          environment: 'node',
          include: ['test/oauth-browser/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        // Serves mockServiceWorker.js for setupWorker, so no generated file is committed.
        plugins: [msw({ mode: 'worker-only' })],
        test: {
          name: 'browser',
          include: ['src/**/*.browser.test.{ts,tsx}'],
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: chromiumLaunchOptions,
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
})
