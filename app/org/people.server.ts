import { and, asc, eq, isNull } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { memberships, teams, users } from '#db/schema'
import { assertRole } from '~/auth/guards.server'
import { invalidateAllSessions } from '~/auth/session.server'
import { forbidden, notFound } from '~/http/responses.server'
import { joinTeam, leaveTeam } from './memberships.server'
import type { Actor } from './teams.server'

import type { OrgRole } from './roles'

/** Everyone in the actor's organization with their teams (admins only). */
export async function listPeople(db: Db, actor: Actor) {
  assertRole(actor, ['admin'])
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      joinedAt: users.joinedAt,
      deactivatedAt: users.deactivatedAt,
      teamName: teams.name,
      teamRole: memberships.role,
    })
    .from(users)
    .leftJoin(memberships, eq(memberships.userId, users.id))
    .leftJoin(teams, eq(teams.id, memberships.teamId))
    .where(eq(users.organizationId, actor.organizationId))
    .orderBy(asc(users.name), asc(teams.name))
  const people = new Map<string, Omit<(typeof rows)[number], 'teamName' | 'teamRole'> & { teams: string[] }>()
  for (const { teamName, teamRole, ...person } of rows) {
    const entry = people.get(person.id) ?? { ...person, teams: [] }
    if (teamName) entry.teams.push(teamRole === 'manager' ? `${teamName} (manager)` : teamName)
    people.set(person.id, entry)
  }
  return [...people.values()]
}

async function personInOrg(db: Db, actor: Actor, userId: string) {
  const [person] = await db
    .select({ id: users.id, role: users.role, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.organizationId, actor.organizationId)))
  return person ?? notFound('That person is not in your organization.')
}

async function activeAdmins(db: Db, organizationId: string) {
  return db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.role, 'admin'), isNull(users.deactivatedAt)))
}

export async function changeRole(db: Db, actor: Actor, userId: string, role: OrgRole) {
  assertRole(actor, ['admin'])
  const person = await personInOrg(db, actor, userId)
  if (person.role === 'admin' && role !== 'admin') {
    const admins = await activeAdmins(db, actor.organizationId)
    if (admins.length <= 1) forbidden('An organization needs at least one admin.')
  }
  await db.update(users).set({ role }).where(eq(users.id, person.id))
}

/** Deactivates a person: they can no longer sign in and every session of theirs ends now. */
export async function deactivatePerson(db: Db, actor: Actor, userId: string) {
  assertRole(actor, ['admin'])
  if (userId === actor.id) forbidden('You cannot deactivate yourself.')
  const person = await personInOrg(db, actor, userId)
  await db.transaction(async (tx) => {
    await tx.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, person.id))
    await invalidateAllSessions(tx as unknown as Db, person.id)
  })
}

export async function reactivatePerson(db: Db, actor: Actor, userId: string) {
  assertRole(actor, ['admin'])
  const person = await personInOrg(db, actor, userId)
  await db.update(users).set({ deactivatedAt: null }).where(eq(users.id, person.id))
}

async function teamInOrg(db: Db, actor: Actor, teamId: string) {
  const [team] = await db
    .select({ id: teams.id, archivedAt: teams.archivedAt })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.organizationId, actor.organizationId)))
  return team ?? notFound('That team is not in your organization.')
}

/** Puts a person in a team (one of several), or changes their role there: who manages each team. */
export async function addToTeam(
  db: Db,
  actor: Actor,
  userId: string,
  teamId: string,
  role: 'manager' | 'member',
  at = new Date(),
) {
  assertRole(actor, ['admin'])
  const person = await personInOrg(db, actor, userId)
  const team = await teamInOrg(db, actor, teamId)
  if (team.archivedAt) forbidden('That team is archived; restore it before adding people.')
  await joinTeam(db, { organizationId: actor.organizationId, userId: person.id, teamId: team.id, role, at })
  // Managing a team needs the manager role in the organization.
  if (role === 'manager' && person.role === 'member') await db.update(users).set({ role: 'manager' }).where(eq(users.id, person.id))
}

/** Takes a person out of a team; what they did while in it keeps counting for it. */
export async function removeFromTeam(db: Db, actor: Actor, userId: string, teamId: string, at = new Date()) {
  assertRole(actor, ['admin'])
  const person = await personInOrg(db, actor, userId)
  const team = await teamInOrg(db, actor, teamId)
  await leaveTeam(db, { organizationId: actor.organizationId, userId: person.id, teamId: team.id, at })
}

/** Moves a person from one team to another at `at`: replies before it count for the old team, after it for the new. */
export async function moveToTeam(
  db: Db,
  actor: Actor,
  input: { userId: string; fromTeamId: string; toTeamId: string; role?: 'manager' | 'member' },
  at = new Date(),
) {
  assertRole(actor, ['admin'])
  if (input.fromTeamId === input.toTeamId) return
  const person = await personInOrg(db, actor, input.userId)
  const [from, to] = [await teamInOrg(db, actor, input.fromTeamId), await teamInOrg(db, actor, input.toTeamId)]
  if (to.archivedAt) forbidden('That team is archived; restore it before moving people into it.')
  const [current] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, person.id), eq(memberships.teamId, from.id)))
  if (!current) notFound('That person is not in the team they are being moved from.')
  await db.transaction(async (tx) => {
    await leaveTeam(tx as unknown as Db, { organizationId: actor.organizationId, userId: person.id, teamId: from.id, at })
    await joinTeam(tx as unknown as Db, {
      organizationId: actor.organizationId,
      userId: person.id,
      teamId: to.id,
      role: input.role ?? current.role,
      at,
    })
  })
}
