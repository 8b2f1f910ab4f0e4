import { beforeAll, describe, expect, it } from 'vitest'
import { createOrgWithPeople } from '../../db/factories'
import { login } from '~/auth/login.server'
import { hitCount, recordHit, retryAfterSeconds } from '~/auth/rate-limit.server'
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

  it('locks an e-mail after 5 failures, whatever the IP, and tells how long to wait', async () => {
    const email = people.manager.email
    for (let i = 0; i < 5; i++) {
      expect((await login(database.db, { email, password: 'wrong', ip: `10.1.0.${i}` })).ok).toBe(false)
    }
    const locked = await login(database.db, { email, password: 'rapport-demo', ip: '10.1.0.99' })
    expect(locked).toMatchObject({ ok: false, reason: 'rate-limited' })
    if (!locked.ok) expect(locked.retryAfter).toBeGreaterThan(0)
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
