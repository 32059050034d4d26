import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// Tests import the package by its public names, as a user's tests would; they resolve to src.
const selfAlias = [
  {
    find: /^@mcp-sse\/devtools$/,
    replacement: fileURLToPath(new URL('src/index.ts', import.meta.url)),
  },
  {
    find: /^@mcp-sse\/devtools\/production$/,
    replacement: fileURLToPath(new URL('src/production.ts', import.meta.url)),
  },
]

const react18 = fileURLToPath(new URL('node_modules/react-18', import.meta.url))
const reactDom18 = fileURLToPath(
  new URL('node_modules/react-dom-18', import.meta.url),
)

const componentTests = ['src/**/*.test.{ts,tsx}']
const notHere = ['src/**/*.e2e.test.{ts,tsx}']

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
          setupFiles: ['test/jsdom.setup.ts'],
        },
      },
      {
        extends: true,
        // The same tests against React 18; see test/react-18.setup.ts for the packages Node loads.
        resolve: {
          alias: [
            ...selfAlias,
            // By path: @mcp-sse/inspector-ui's dist imports React from its own folder, where the
            // 18 copies are not installed.
            { find: /^react$/, replacement: react18 },
            { find: /^react\/(.*)$/, replacement: `${react18}/$1` },
            { find: /^react-dom$/, replacement: reactDom18 },
            { find: /^react-dom\/(.*)$/, replacement: `${reactDom18}/$1` },
          ],
        },
        test: {
          name: 'react-18',
          environment: 'jsdom',
          provide: { reactMajor: 18 },
          include: componentTests,
          exclude: notHere,
          setupFiles: ['test/react-18.setup.ts', 'test/jsdom.setup.ts'],
        },
      },
      {
        extends: true,
        // The example app, built and served, in real Chromium against real servers.
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['src/**/*.e2e.test.{ts,tsx}'],
        },
      },
    ],
  },
})
