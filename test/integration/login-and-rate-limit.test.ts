import { beforeAll, describe, expect, it } from 'vitest'
import { createOrgWithPeople } from '../../db/factories'
import { login } from '~/auth/login.server'
import { consume, hitCount, loginLimits, recordHit, retryAfterSeconds } from '~/auth/rate-limit.server'
import { validateSessionToken } from '~/auth/session.server'
import { deactivatePerson } from '~/org/people.server'
import { createTestDatabase } from '../support/test-database'

let database: Awaited<ReturnType<typeof createTestDatabase>>
let people: Awaited<ReturnType<typeof createOrgWithPeople>>

beforeAll(async () => {
  database = await createTestDatabase()
  people = await createOrgWithPeople(database.db)
})

describe('login', () => {
  it('signs in with the right password (e-mail case does not matter) and refuses a wrong one', async () => {
    const ok = await login(database.db, { email: people.member.email.toUpperCase(), password: 'rapport-demo', ip: '10.0.0.1' })
    expect(ok.ok).toBe(true)
    if (ok.ok) expect((await validateSessionToken(database.db, ok.token)).user?.id).toBe(people.member.id)
    const bad = await login(database.db, { email: people.member.email, password: 'nope', ip: '10.0.0.1' })
    expect(bad).toEqual({ ok: false, reason: 'invalid' })
  })

  it('slows an e-mail down after 5 failures from anywhere, by a delay that grows, and tells how long to wait', async () => {
    const email = people.manager.email
    for (let i = 0; i < 5; i++) {
      expect((await login(database.db, { email, password: 'wrong', ip: `10.1.0.${i}` })).ok).toBe(false)
    }
    const slowed = await login(database.db, { email, password: 'rapport-demo', ip: '10.1.0.99' })
    expect(slowed).toMatchObject({ ok: false, reason: 'rate-limited' })
    // A delay of seconds, not a lock-out for the rest of the window.
    if (!slowed.ok) expect(slowed.retryAfter).toBeGreaterThan(0)
    if (!slowed.ok) expect(slowed.retryAfter).toBeLessThanOrEqual(2)
  })

  it('lets the owner in after the delay even while someone keeps failing from other addresses', async () => {
    const { member } = await createOrgWithPeople(database.db)
    const limits = loginLimits(member.email, '10.5.0.1')
    const t0 = new Date('2026-04-01T10:00:00Z')
    const emailOnly = limits.slice(2)
    for (let i = 0; i < 7; i++) expect((await consume(database.db, emailOnly, new Date(t0.getTime() + i * 70_000))).allowed).toBe(true)
    // After 7 attempts the next waits 2^(7-5) = 4 s, capped at 60 s however many came before.
    const refused = await consume(database.db, emailOnly, new Date(t0.getTime() + 6 * 70_000 + 1_000))
    expect(refused).toEqual({ allowed: false, retryAfter: 3 })
    expect((await consume(database.db, emailOnly, new Date(t0.getTime() + 6 * 70_000 + 4_001))).allowed).toBe(true)
  })

  it('counts parallel attempts atomically: 40 wrong passwords at once get 5 checks, the rest 429', async () => {
    const { member } = await createOrgWithPeople(database.db)
    const results = await Promise.all(
      Array.from({ length: 40 }, () => login(database.db, { email: member.email, password: 'wrong', ip: '10.6.0.1' })),
    )
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(5)
    expect(results.filter((r) => !r.ok && r.reason === 'rate-limited')).toHaveLength(35)
    const perAddress = await Promise.all(
      Array.from({ length: 40 }, (_, i) => consume(database.db, [loginLimits(`p${i}@example.test`, '10.7.0.1')[0]])),
    )
    expect(perAddress.filter((d) => d.allowed)).toHaveLength(20)
  })

  it('locks an IP after 20 failures across e-mails', async () => {
    for (let i = 0; i < 20; i++) await login(database.db, { email: `nobody${i}@example.test`, password: 'x', ip: '10.2.0.1' })
    const locked = await login(database.db, { email: people.admin.email, password: 'rapport-demo', ip: '10.2.0.1' })
    expect(locked).toMatchObject({ ok: false, reason: 'rate-limited' })
    const elsewhere = await login(database.db, { email: people.admin.email, password: 'rapport-demo', ip: '10.3.0.1' })
    expect(elsewhere.ok).toBe(true)
  })

  it('frees a limit once its window has passed', async () => {
    const limits = [{ bucket: 'test:window', max: 2, windowMs: 60_000 }]
    const t0 = new Date('2026-03-01T10:00:00Z')
    await recordHit(database.db, limits, t0)
    await recordHit(database.db, limits, t0)
    expect(await retryAfterSeconds(database.db, limits, new Date(t0.getTime() + 1000))).toBe(59)
    expect(await retryAfterSeconds(database.db, limits, new Date(t0.getTime() + 61_000))).toBe(0)
    expect(await hitCount(database.db, 'test:window')).toBe(2)
  })

  it('refuses a deactivated person and ends their sessions', async () => {
    const { member, admin } = await createOrgWithPeople(database.db)
    const before = await login(database.db, { email: member.email, password: 'rapport-demo', ip: '10.9.0.1' })
    expect(before.ok).toBe(true)
    await deactivatePerson(database.db, admin, member.id)
    if (before.ok) expect((await validateSessionToken(database.db, before.token)).user).toBeNull()
    expect((await login(database.db, { email: member.email, password: 'rapport-demo', ip: '10.9.0.1' })).ok).toBe(false)
  })
})
