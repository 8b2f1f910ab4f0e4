import os from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = fileURLToPath(new URL('..', import.meta.url))

export default defineConfig({
  root,
  resolve: {
    alias: {
      '~': fileURLToPath(new URL('../app', import.meta.url)),
      '#db': fileURLToPath(new URL('../db', import.meta.url)),
    },
  },
  test: {
    include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/content/**/*.test.ts'],
    globalSetup: ['test/setup/global-setup.ts'],
    setupFiles: ['test/setup/setup-test-env.ts'],
    pool: 'forks',
    // One file per core (vitest's default leaves a core idle): on PostgreSQL much of a file's time
    // is spent waiting on the server, and every file has a database of its own.
    maxWorkers: os.availableParallelism(),
    env: { LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
