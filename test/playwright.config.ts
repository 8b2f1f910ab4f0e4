import { fileURLToPath } from 'node:url'
import { defineConfig, devices } from '@playwright/test'

const basePort = Number(process.env.E2E_PORT ?? 3100)

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/**
 * The journeys in two groups of about equal length, run side by side. Each group has a server and
 * a fresh demo database of its own and runs its files one after the other, in the same order every
 * time, so no journey sees another group's writes. Server i listens on basePort + 10·i; its mail
 * goes to the next port (drills.spec.ts listens there) and a fresh install takes the one after
 * (rollout.spec.ts).
 */
const groups = [
  ['first-hour.spec.ts', 'page-cache.spec.ts', 'practice.spec.ts', 'rollout-pages.spec.ts'],
  ['auth.spec.ts', 'drills.spec.ts', 'insights.spec.ts', 'lessons.spec.ts', 'meetings.spec.ts', 'rollout.spec.ts', 'scenarios.spec.ts'],
]
const groupPort = (index: number) => basePort + 10 * index

export default defineConfig({
  testDir: './e2e',
  outputDir: `./.artifacts/playwright-${basePort}`,
  fullyParallel: false,
  // E2E_WORKERS=1 runs the groups one after the other
  workers: Number(process.env.E2E_WORKERS ?? groups.length),
  retries: 0,
  // the longest journeys (a live meeting with two browsers, an import reviewed by two people) took
  // 60–70 s on this 2-core machine at a load average of 10: room for a busy machine, no retries
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: groups.map((files, index) => ({
    name: `chromium-${index + 1}`,
    testMatch: files,
    workers: 1,
    use: { ...devices['Desktop Chrome'], baseURL: `http://localhost:${groupPort(index)}` },
  })),
  webServer: groups.map((_, index) => ({
    // A fresh database per run: a new PGlite folder, or a new PostgreSQL database beside E2E_DATABASE_URL.
    command: 'bash test/e2e/start-server.sh',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    url: `http://localhost:${groupPort(index)}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
    env: { PORT: String(groupPort(index)), SMTP_URL: `smtp://127.0.0.1:${groupPort(index) + 1}`, E2E_SERVER_INDEX: String(index) },
  })),
  globalTeardown: './e2e/drop-databases.ts',
})
