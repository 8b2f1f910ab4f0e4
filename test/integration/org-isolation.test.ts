import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { createOrgWithPeople, createTeam as insertTeam } from '../../db/factories'
import { users } from '../../db/schema'
import { listInvitations, revokeInvitation, createInvitation } from '~/org/invitations.server'
import { addToTeam, changeRole, deactivatePerson, listPeople } from '~/org/people.server'
import { createTeam, getTeamBySlug, listTeams, managedTeamIds, teamsOf } from '~/org/teams.server'
import { createTestDatabase } from '../support/test-database'

let database: Awaited<ReturnType<typeof createTestDatabase>>
let a: Awaited<ReturnType<typeof createOrgWithPeople>>
let b: Awaited<ReturnType<typeof createOrgWithPeople>>

beforeAll(async () => {
  database = await createTestDatabase()
  a = await createOrgWithPeople(database.db, 'Org A')
  b = await createOrgWithPeople(database.db, 'Org B')
})

describe('organization isolation', () => {
  it('lists only the actor’s own organization’s people and teams', async () => {
    const people = await listPeople(database.db, a.admin)
    expect(people.map((p) => p.id).sort()).toEqual([a.admin.id, a.manager.id, a.member.id].sort())
    const teams = await listTeams(database.db, a.admin)
    expect(teams.map((t) => t.id)).toEqual([a.team.id])
    expect(await managedTeamIds(database.db, a.admin)).toEqual([a.team.id])
  })

  it('finds no team of another organization by slug', async () => {
    await expect(getTeamBySlug(database.db, a.member, 'support')).resolves.toMatchObject({ id: a.team.id })
    const other = await insertTeam(database.db, b.org.id, { name: 'Only in B', slug: 'only-in-b' })
    expect(other.organizationId).toBe(b.org.id)
    await expect(getTeamBySlug(database.db, a.member, 'only-in-b')).rejects.toMatchObject({ status: 404 })
  })

  it('cannot change, deactivate or add to a team a person of another organization', async () => {
    await expect(changeRole(database.db, a.admin, b.member.id, 'admin')).rejects.toMatchObject({ status: 404 })
    await expect(deactivatePerson(database.db, a.admin, b.member.id)).rejects.toMatchObject({ status: 404 })
    await expect(addToTeam(database.db, a.admin, a.member.id, b.team.id, 'member')).rejects.toMatchObject({ status: 404 })
    const [still] = await database.db.select().from(users).where(eq(users.id, b.member.id))
    expect(still.role).toBe('member')
    expect(still.deactivatedAt).toBeNull()
  })

  it('never shows or revokes another organization’s invitations', async () => {
    const created = await createInvitation(database.db, b.admin, { email: 'b-only@example.test', teamId: b.team.id })
    expect(created.ok).toBe(true)
    expect((await listInvitations(database.db, a.admin)).map((i) => i.email)).not.toContain('b-only@example.test')
    if (created.ok) await expect(revokeInvitation(database.db, a.admin, created.invitation.id)).rejects.toMatchObject({ status: 403 })
  })

  it('reports each person’s teams within their organization', async () => {
    expect((await teamsOf(database.db, a.manager)).map((t) => [t.id, t.role])).toEqual([[a.team.id, 'manager']])
  })
})

describe('admin rules', () => {
  it('lets only admins list people, change roles and add teams', async () => {
    await expect(listPeople(database.db, a.manager)).rejects.toMatchObject({ status: 403 })
    await expect(changeRole(database.db, a.member, a.member.id, 'admin')).rejects.toMatchObject({ status: 403 })
    await expect(createTeam(database.db, a.manager, { name: 'Sneaky' })).rejects.toMatchObject({ status: 403 })
  })

  it('keeps at least one admin and never lets an admin deactivate themselves', async () => {
    await expect(changeRole(database.db, a.admin, a.admin.id, 'member')).rejects.toMatchObject({ status: 403 })
    await expect(deactivatePerson(database.db, a.admin, a.admin.id)).rejects.toMatchObject({ status: 403 })
  })

  it('adds a team and refuses a duplicate name', async () => {
    const first = await createTeam(database.db, a.admin, { name: 'Finance' })
    expect(first.ok).toBe(true)
    const again = await createTeam(database.db, a.admin, { name: 'finance' })
    expect(again).toMatchObject({ ok: false })
  })
})
