import { TestClock } from 'pg-boss'
import { describe, expect, it } from 'vitest'
import { defineJob } from '~/jobs/define.server'
import { startJobQueue } from '~/jobs/queue.server'
import { startTestJobQueue } from '../support/job-queue'
import { createTestDatabase } from '../support/test-database'

const database = await createTestDatabase()

describe('job queue', () => {
  it('runs queued jobs when a test asks, once per onceKey, not before their start time', async () => {
    const seen: string[] = []
    const echo = defineJob<{ word: string }>({ name: 'test.echo', handler: async ({ word }) => void seen.push(word) })
    const jobs = await startTestJobQueue(database, [echo])
    await jobs.enqueue(echo, { word: 'first' })
    expect(await jobs.enqueue(echo, { word: 'keyed' }, { onceKey: 'k1' })).not.toBeNull()
    expect(await jobs.enqueue(echo, { word: 'keyed again' }, { onceKey: 'k1' })).toBeNull()
    await jobs.enqueue(echo, { word: 'tomorrow' }, { startAfter: new Date(Date.now() + 24 * 3600e3) })
    expect(seen).toEqual([])
    expect(await jobs.runDue()).toBe(2)
    expect(seen.sort()).toEqual(['first', 'keyed'])
    // Finished jobs stay unique per key too.
    expect(await jobs.enqueue(echo, { word: 'keyed later' }, { onceKey: 'k1' })).toBeNull()
  })

  it('runs a scheduled job now, at a given clock time, with its scheduled data', async () => {
    const calls: { organizationId: string; at: string }[] = []
    const daily = defineJob<{ organizationId: string }>({
      name: 'test.daily',
      handler: async ({ organizationId }, { now }) => void calls.push({ organizationId, at: now.toISOString() }),
    })
    const jobs = await startTestJobQueue(database, [daily])
    await jobs.schedule(daily, '0 8 * * *', { organizationId: 'org-a' }, { timeZone: 'Europe/Paris', key: 'org-a' })
    const [schedule] = await jobs.schedules(daily)
    expect(schedule).toMatchObject({ key: 'org-a', timezone: 'Europe/Paris', cron: '0 8 * * *' })
    await jobs.runScheduledNow('test.daily', { key: 'org-a', at: new Date('2026-03-02T07:00:00Z') })
    expect(calls).toEqual([{ organizationId: 'org-a', at: '2026-03-02T07:00:00.000Z' }])
  })

  it('a restart keeps existing queues and brings a changed retry setting up to date', async () => {
    const settingOf = async () =>
      (await database.query<{ retry_limit: number }>(`select retry_limit from pgboss.queue where name = 'test.settings'`))[0]?.retry_limit
    const first = await startJobQueue(database, [defineJob<object>({ name: 'test.settings', retryLimit: 2, handler: async () => {} })], { mode: 'manual' })
    await first.stop()
    expect(await settingOf()).toBe(2)
    const second = await startJobQueue(database, [defineJob<object>({ name: 'test.settings', retryLimit: 5, handler: async () => {} })], { mode: 'manual' })
    await second.stop()
    expect(await settingOf()).toBe(5)
  })

  it('a failing job is retried later, not lost', async () => {
    let attempts = 0
    const flaky = defineJob<object>({
      name: 'test.flaky',
      retryDelay: 1,
      retryBackoff: false,
      handler: async () => {
        attempts++
        if (attempts === 1) throw new Error('first attempt fails')
      },
    })
    const jobs = await startTestJobQueue(database, [flaky])
    await jobs.enqueue(flaky, {})
    await jobs.runDue()
    expect(attempts).toBe(1)
    await expect.poll(async () => (await jobs.runDue(), attempts), { timeout: 10_000, interval: 500 }).toBe(2)
  })

  it('with two instances on one database, a scheduled job runs once per occurrence', async () => {
    const runs: string[] = []
    const everyMinute = defineJob<object>({
      name: 'test.every-minute',
      pollingIntervalSeconds: 1,
      handler: async (_data, { job }) => void runs.push(job.id),
    })
    // Both instances read one hand-driven clock, so the test decides when occurrences come due.
    const clock = new TestClock(new Date('2026-03-29T00:58:10Z'))
    const options = { clock, cronMonitorIntervalSeconds: 1 }
    const first = await startJobQueue(database, [everyMinute], { ...options, instanceName: 'first' })
    const second = await startJobQueue(database, [everyMinute], { ...options, instanceName: 'second' })
    try {
      await first.schedule(everyMinute, '* * * * *', {}, { timeZone: 'Europe/London' })
      // Five minutes pass, across 01:00 UTC when London's clocks go forward. Occurrences: 00:58 (still
      // inside pg-boss's one-minute due window when the schedule is written), 00:59, 01:00 … 01:03.
      for (let elapsed = 0; elapsed < 5 * 60; elapsed += 10) await clock.tick(10_000)
      await expect.poll(() => runs.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(6)
      // A few more beats for any duplicate to surface.
      for (let beat = 0; beat < 10; beat++) await clock.tick(1_000)
      expect(runs.length).toBe(6)
      expect(new Set(runs).size).toBe(6)
    } finally {
      await first.stop()
      await second.stop()
    }
    // Hundreds of statements through two pools: generous on a loaded machine.
  }, 120_000)
})
