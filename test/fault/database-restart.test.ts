// PostgreSQL restarted and stopped under write load: the process stays up, every request during
// the outage is answered within 5 s (a friendly 503 with Retry-After), /healthz names the database,
// service returns within 5 s of the database coming back, and every acknowledged write is stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  DEMO_MEMBERS, buildApp, faultTestsUnavailable, freePort, signIn, startApp, startPrivatePostgres, storedReplies,
  waitFor, writeLoad, type AppInstance, type PrivatePostgres,
} from './support'

const unavailable = faultTestsUnavailable()
let postgres: PrivatePostgres
let app: AppInstance
let baseUrl = ''

beforeAll(async () => {
  if (unavailable) return
  postgres = startPrivatePostgres(Number(process.env.FAULT_PG_PORT) || (await freePort()))
  buildApp()
  const port = Number(process.env.FAULT_APP_PORT) || (await freePort())
  baseUrl = `http://127.0.0.1:${port}`
  // The database "rapport" does not exist yet: the server creates it, as the README promises.
  app = await startApp(port, { DATABASE_URL: postgres.url('rapport') })
}, 150_000)

afterAll(async () => {
  if (app?.isRunning()) {
    app.child.kill('SIGTERM')
    await app.exited
  }
  postgres?.destroy()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

let lastHealth = ''
async function healthy() {
  const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) })
  lastHealth = `${response.status} ${await response.text()}`
  return response.status === 200 ? true : undefined
}

async function recovered(since: number) {
  try {
    await waitFor('the app to answer /healthz again', healthy, 15_000)
  } catch (error) {
    throw new Error(`${(error as Error).message}: last /healthz ${lastHealth}; app log: ${app.output().slice(-3000)}`)
  }
  return Date.now() - since
}

describe.skipIf(unavailable)('PostgreSQL restarts under write load', () => {
  it('keeps the process up, answers 503 during the outage, recovers without a restart and loses no acknowledged write', async () => {
    expect(app.output()).toContain('Created the PostgreSQL database "rapport"')
    const cookies = await Promise.all(DEMO_MEMBERS.map((email) => signIn(baseUrl, email)))
    const load = writeLoad(() => baseUrl, cookies)
    const rounds: { kind: string; recoveryMs: number; during503: number; processUp: boolean }[] = []

    for (const round of [1, 2, 3]) {
      await sleep(1_500)
      const before = load.figures.statuses.get(503) ?? 0
      postgres.restart()
      const recoveryMs = await recovered(Date.now())
      rounds.push({ kind: `restart ${round}`, recoveryMs, during503: (load.figures.statuses.get(503) ?? 0) - before, processUp: app.isRunning() })
    }

    // A longer outage: 5 s with the database stopped.
    await sleep(1_500)
    const before = load.figures.statuses.get(503) ?? 0
    postgres.stop()
    await sleep(1_000)
    const page = await fetch(`${baseUrl}/scenarios`, { headers: { cookie: cookies[0], accept: 'text/html' }, signal: AbortSignal.timeout(5_000) })
    expect(page.status).toBe(503)
    expect(page.headers.get('retry-after')).toBe('5')
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(await page.text()).toContain('Our database is not answering right now')
    const health = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(5_000) })
    expect(health.status).toBe(503)
    expect(await health.json()).toMatchObject({ status: 'error', app: { status: 'up' }, database: { status: 'down', driver: 'postgres' } })
    await sleep(4_000)
    postgres.start()
    const recoveryMs = await recovered(Date.now())
    rounds.push({ kind: 'stop 5 s', recoveryMs, during503: (load.figures.statuses.get(503) ?? 0) - before, processUp: app.isRunning() })

    await sleep(1_000)
    const figures = await load.stop()
    const stored = await storedReplies(postgres.url('rapport'), figures.acknowledged)
    console.log(
      [
        'database restart under load:',
        ...rounds.map((r) => `  ${r.kind}: process up ${r.processUp}, 503s ${r.during503}, back ${r.recoveryMs} ms after PostgreSQL was ready`),
        `  statuses ${JSON.stringify(Object.fromEntries(figures.statuses))}, no answer ${figures.networkErrors}`,
        `  slowest answer ${figures.slowestMs} ms (slowest 503 ${figures.slowest503Ms} ms)`,
        `  acknowledged ${figures.acknowledged.length}, stored ${stored}`,
      ].join('\n'),
    )
    expect(app.isRunning()).toBe(true)
    expect(rounds.every((r) => r.processUp)).toBe(true)
    expect(figures.networkErrors).toBe(0)
    expect([...figures.statuses.keys()].filter((status) => status >= 500 && status !== 503)).toEqual([])
    expect(figures.slowestMs).toBeLessThan(5_000)
    expect(rounds.every((r) => r.recoveryMs < 5_000)).toBe(true)
    expect(figures.acknowledged.length).toBeGreaterThan(0)
    expect(stored).toBe(figures.acknowledged.length)
  }, 150_000)
})
