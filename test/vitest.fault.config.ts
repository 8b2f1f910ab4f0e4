import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

// The fault tests (test/fault/): real processes, a private PostgreSQL they restart, HAProxy.
// Run by `.ci/run` in its PostgreSQL pass: `npx vitest run --config test/vitest.fault.config.ts`.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/fault/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    env: { LOG_LEVEL: 'silent' },
    testTimeout: 150_000,
    hookTimeout: 150_000,
  },
})
