import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // One test installs, type-checks, builds and runs a whole app: minutes, not seconds.
    testTimeout: 240_000,
    hookTimeout: 240_000,
  },
})
