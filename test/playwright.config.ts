import { fileURLToPath } from 'node:url'
import { defineConfig, devices } from '@playwright/test'

const port = Number(process.env.E2E_PORT ?? 3100)
const baseURL = `http://localhost:${port}`

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

export default defineConfig({
  testDir: './e2e',
  outputDir: `./.artifacts/playwright-${port}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  // the longest journeys (a live meeting with two browsers, an import reviewed by two people) took
  // 60–70 s on this 2-core machine at a load average of 10: room for a busy machine, no retries
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    // A fresh database per run: a new PGlite folder, or the throwaway PostgreSQL given by E2E_DATABASE_URL.
    command: 'bash test/e2e/start-server.sh',
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    url: `${baseURL}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    // Mail goes to a test SMTP server on the next port (drills.spec.ts listens there while it runs).
    env: { PORT: String(port), SMTP_URL: `smtp://127.0.0.1:${port + 1}` },
  },
})
