// Who may see and act on what: a drill's status per person is visible to that person, the managers
// of their teams and admins — nobody else. Managers assign to their own teams and the people in them.
import { and, eq, exists, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { drillAssignments, drillAudienceTeams, drills, memberships, users, type Drill } from '#db/schema'
import { forbidden, notFound } from '~/http/responses.server'
import { managedTeamIds, managedTeamIdsQuery, type Actor } from '~/org/teams.server'
import { named } from '~/query/json-rows.server'

export interface Oversight {
  /** null: every team (admins). */
  teamIds: string[] | null
  /** null: everyone in the organization (admins). */
  peopleIds: Set<string> | null
}

/** The teams and people whose drill status the actor may see (besides their own). */
export async function oversightOf(db: Db, actor: Actor): Promise<Oversight> {
  if (actor.role === 'admin') return { teamIds: null, peopleIds: null }
  const teamIds = await managedTeamIds(db, actor)
  if (!teamIds.length) return { teamIds, peopleIds: new Set() }
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, actor.organizationId), inArray(memberships.teamId, teamIds)))
  return { teamIds, peopleIds: new Set(rows.map((r) => r.userId)) }
}

export const oversees = (oversight: Oversight, userId: string) => oversight.peopleIds === null || oversight.peopleIds.has(userId)

/** The active people the actor may put in a drill's audience (for the form and for checking it). */
export async function assignablePeople(db: Db, actor: Actor, oversight: Oversight) {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.organizationId, actor.organizationId), isNull(users.deactivatedAt)))
    .orderBy(users.name)
  return rows.filter((person) => oversees(oversight, person.id))
}

/** A drill of the actor's organization, or 404 (also for another organization's drill). */
export async function findDrill(db: Db, actor: Pick<Actor, 'organizationId'>, drillId: string): Promise<Drill> {
  if (!/^[0-9a-f-]{36}$/i.test(drillId)) notFound('There is no such drill.')
  const [drill] = await db.select().from(drills).where(and(eq(drills.id, drillId), eq(drills.organizationId, actor.organizationId)))
  return drill ?? notFound('There is no such drill.')
}

/**
 * Whether the actor oversees the drill: admins always; a manager who created it, whose team is in
 * its audience, or one of whose people is assigned it.
 */
export async function overseesDrill(db: Db, actor: Actor, drill: Drill, oversight: Oversight): Promise<boolean> {
  if (actor.role === 'admin') return true
  if (actor.role !== 'manager') return false
  if (drill.createdById === actor.id) return true
  const teamIds = oversight.teamIds ?? []
  if (!teamIds.length) return false
  const [viaTeam] = await db
    .select({ teamId: drillAudienceTeams.teamId })
    .from(drillAudienceTeams)
    .where(and(eq(drillAudienceTeams.drillId, drill.id), inArray(drillAudienceTeams.teamId, teamIds)))
    .limit(1)
  if (viaTeam) return true
  const people = [...(oversight.peopleIds ?? [])]
  if (!people.length) return false
  const [viaPerson] = await db
    .select({ userId: drillAssignments.userId })
    .from(drillAssignments)
    .where(and(eq(drillAssignments.drillId, drill.id), inArray(drillAssignments.userId, people)))
    .limit(1)
  return Boolean(viaPerson)
}

export async function requireOversight(db: Db, actor: Actor, drillId: string) {
  const drill = await findDrill(db, actor, drillId)
  const oversight = await oversightOf(db, actor)
  if (!(await overseesDrill(db, actor, drill, oversight))) forbidden('Only the managers of its people and admins can follow this drill.')
  return { drill, oversight }
}

/** The people the actor oversees as a subquery (a `userId` column, named so in JSON rows too); null for admins (everyone). */
export function overseenPeopleQuery(db: Db, actor: Actor) {
  if (actor.role === 'admin') return null
  return db
    .select(named({ userId: memberships.userId }))
    .from(memberships)
    .where(and(eq(memberships.organizationId, actor.organizationId), inArray(memberships.teamId, managedTeamIdsQuery(db, actor))))
}

/**
 * overseesDrill as a condition on `drills`, for reading every drill the actor oversees in one
 * statement: the actor's organization, and for a manager one they created, one with one of their
 * teams in its audience, or one assigned to one of their people.
 */
export function visibleDrillsWhere(db: Db, actor: Actor): SQL {
  const inOrganization = eq(drills.organizationId, actor.organizationId)
  if (actor.role === 'admin') return inOrganization
  if (actor.role !== 'manager') return sql`false`
  const viaTeam = db
    .select({ one: sql`1` })
    .from(drillAudienceTeams)
    .where(and(eq(drillAudienceTeams.drillId, drills.id), inArray(drillAudienceTeams.teamId, managedTeamIdsQuery(db, actor))))
  const viaPerson = db
    .select({ one: sql`1` })
    .from(drillAssignments)
    .where(and(eq(drillAssignments.drillId, drills.id), inArray(drillAssignments.userId, overseenPeopleQuery(db, actor)!)))
  return and(inOrganization, or(eq(drills.createdById, actor.id), exists(viaTeam), exists(viaPerson)))!
}
