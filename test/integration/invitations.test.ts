import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { createOrgWithPeople, createTeam } from '../../db/factories'
import { memberships, pathEnrollments, users } from '../../db/schema'
import { validateSessionToken } from '~/auth/session.server'
import { acceptInvitation, createInvitation, describeInvitation, INVITATION_LIFETIME_MS, revokeInvitation } from '~/org/invitations.server'
import { createTestDatabase } from '../support/test-database'

let database: Awaited<ReturnType<typeof createTestDatabase>>
let acme: Awaited<ReturnType<typeof createOrgWithPeople>>
let globex: Awaited<ReturnType<typeof createOrgWithPeople>>
const password = { password: 'a-long-password', confirm: 'a-long-password' }

beforeAll(async () => {
  database = await createTestDatabase()
  acme = await createOrgWithPeople(database.db, 'Acme')
  globex = await createOrgWithPeople(database.db, 'Globex')
})

async function invite(email: string) {
  const result = await createInvitation(database.db, acme.manager, { email, teamId: acme.team.id })
  if (!result.ok) throw new Error(result.error)
  return result.token
}

describe('invitations', () => {
  it('lets the new hire join the team once, signed in and enrolled in the default path', async () => {
    const token = await invite('New.Hire@Example.test')
    expect(await describeInvitation(database.db, token)).toMatchObject({ status: 'valid', email: 'new.hire@example.test' })
    const accepted = await acceptInvitation(database.db, token, { name: 'Nia New', ...password }, { enrolIn: 'first-week' })
    expect(accepted.ok).toBe(true)
    if (!accepted.ok) return
    expect(accepted.user.organizationId).toBe(acme.org.id)
    const session = await validateSessionToken(database.db, accepted.token)
    expect(session.user?.email).toBe('new.hire@example.test')
    const teams = await database.db.select().from(memberships).where(eq(memberships.userId, accepted.user.id))
    expect(teams.map((m) => m.teamId)).toEqual([acme.team.id])
    const enrolments = await database.db.select().from(pathEnrollments).where(eq(pathEnrollments.userId, accepted.user.id))
    expect(enrolments.map((e) => e.pathSlug)).toEqual(['first-week'])

    const again = await acceptInvitation(database.db, token, { name: 'Someone Else', ...password })
    expect(again).toEqual({ ok: false, status: 'used' })
    expect(await describeInvitation(database.db, token)).toEqual({ status: 'used' })
  })

  it('refuses an expired invitation', async () => {
    const token = await invite('late@example.test')
    const later = new Date(Date.now() + INVITATION_LIFETIME_MS + 1000)
    expect(await acceptInvitation(database.db, token, { name: 'Late Larry', ...password }, { now: later })).toEqual({
      ok: false,
      status: 'expired',
    })
    const rows = await database.db.select().from(users).where(eq(users.email, 'late@example.test'))
    expect(rows).toHaveLength(0)
  })

  it('refuses a withdrawn invitation and an unknown token', async () => {
    const token = await invite('withdrawn@example.test')
    const [row] = (await database.db.query.invitations.findMany()).filter((i) => i.email === 'withdrawn@example.test')
    await revokeInvitation(database.db, acme.manager, row.id)
    expect((await acceptInvitation(database.db, token, { name: 'Will Drawn', ...password })).ok).toBe(false)
    expect(await describeInvitation(database.db, 'not-a-token')).toEqual({ status: 'unknown' })
  })

  it('does not let a manager invite into another organization’s team, or a member invite at all', async () => {
    await expect(createInvitation(database.db, acme.manager, { email: 'x@example.test', teamId: globex.team.id })).rejects.toMatchObject({
      status: 403,
    })
    await expect(createInvitation(database.db, acme.member, { email: 'x@example.test', teamId: acme.team.id })).rejects.toMatchObject({
      status: 403,
    })
    await expect(createInvitation(database.db, globex.admin, { email: 'x@example.test', teamId: acme.team.id })).rejects.toMatchObject({
      status: 403,
    })
  })

  it('keeps managers to the teams they lead and to the member role', async () => {
    const other = await createTeam(database.db, acme.org.id, { name: 'Finance' })
    await expect(createInvitation(database.db, acme.manager, { email: 'f@example.test', teamId: other.id })).rejects.toMatchObject({
      status: 403,
    })
    await expect(
      createInvitation(database.db, acme.manager, { email: 'boss@example.test', teamId: acme.team.id, role: 'admin' }),
    ).rejects.toMatchObject({ status: 403 })
    const byAdmin = await createInvitation(database.db, acme.admin, { email: 'f@example.test', teamId: other.id, role: 'manager' })
    expect(byAdmin.ok).toBe(true)
  })

  it('refuses to invite an e-mail that already has an account', async () => {
    const result = await createInvitation(database.db, acme.admin, { email: acme.member.email, teamId: acme.team.id })
    expect(result).toMatchObject({ ok: false, field: 'email' })
  })
})
