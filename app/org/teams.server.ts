import { and, asc, count, eq, inArray, isNull, or, sql, type AnyColumn, type SQLWrapper } from 'drizzle-orm'
import type { SelectedFields } from 'drizzle-orm/pg-core'
import { z } from 'zod'
import type { Db } from '#db/client.server'
import { memberships, teams, users } from '#db/schema'
import type { SessionUser } from '~/auth/session.server'
import { assertRole } from '~/auth/guards.server'
import { notFound } from '~/http/responses.server'
import { named, read } from '~/query/json-rows.server'

export type Actor = Pick<SessionUser, 'id' | 'organizationId' | 'role'>

export const slugify = (value: string) =>
  value
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)

/** Teams of the actor's organization with their head counts (active people only). */
export async function listTeams(db: Db, actor: Actor) {
  return teamsWithPeople(db, actor, teamListFields()).orderBy(asc(teams.name))
}

const teamListFields = () => ({
  id: teams.id,
  name: teams.name,
  slug: teams.slug,
  customerFacing: teams.customerFacing,
  archivedAt: teams.archivedAt,
  people: count(users.id),
})

/** listTeams as a subquery for a statement that reads it with others: JSON rows, order by "name". */
export const listTeamsQuery = (db: Db, actor: Actor) => teamsWithPeople(db, actor, named({ ...teamListFields(), people: sql`count(${users.id})::int` }))

function teamsWithPeople<Fields extends Record<string, SQLWrapper | AnyColumn>>(db: Db, actor: Actor, fields: Fields) {
  return db
    .select(fields as Fields & SelectedFields)
    .from(teams)
    .leftJoin(memberships, eq(memberships.teamId, teams.id))
    .leftJoin(users, and(eq(users.id, memberships.userId), eq(users.organizationId, actor.organizationId)))
    .where(eq(teams.organizationId, actor.organizationId))
    .groupBy(teams.id)
}

export async function getTeamBySlug(db: Db, actor: Actor, slug: string) {
  const [team] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.organizationId, actor.organizationId), eq(teams.slug, slug)))
  return team ?? notFound(`There is no team “${slug}” in your organization.`)
}

type TeamOf = { id: string; name: string; slug: string; role: 'manager' | 'member' }

function teamsOfQuery(db: Db, actor: Pick<Actor, 'id' | 'organizationId'>) {
  return db
    .select(named({ id: teams.id, name: teams.name, slug: teams.slug, role: memberships.role }))
    .from(memberships)
    .innerJoin(teams, eq(teams.id, memberships.teamId))
    .where(and(eq(memberships.userId, actor.id), eq(memberships.organizationId, actor.organizationId)))
}

/** The teams a person belongs to, with their role in each. */
export async function teamsOf(db: Db, actor: Pick<Actor, 'id' | 'organizationId'>): Promise<TeamOf[]> {
  return (await teamsOfQuery(db, actor).orderBy(asc(teams.name))) as TeamOf[]
}

/** teamsOf as a read a page can send with its other sections' (`readTogether`). */
export const teamsOfRead = (db: Db, actor: Pick<Actor, 'id' | 'organizationId'>) =>
  read(teamsOfQuery(db, actor), (rows: TeamOf[]) => rows, '"name"')

/** Ids of the teams an admin or manager may manage: all for admins, the ones they lead for managers. */
export async function managedTeamIds(db: Db, actor: Actor): Promise<string[]> {
  if (actor.role !== 'admin' && actor.role !== 'manager') return []
  const rows = await managedTeamIdsQuery(db, actor)
  return rows.map((r) => r.id)
}

/** managedTeamIds as a subquery (an `id` column), for a statement that reads with it. */
export function managedTeamIdsQuery(db: Db, actor: Actor) {
  if (actor.role === 'admin') return db.select({ id: teams.id }).from(teams).where(eq(teams.organizationId, actor.organizationId))
  return db
    .select({ id: memberships.teamId })
    .from(memberships)
    .where(
      and(
        eq(memberships.userId, actor.id),
        eq(memberships.organizationId, actor.organizationId),
        // Only managers lead teams; anyone else manages none.
        actor.role === 'manager' ? eq(memberships.role, 'manager') : sql`false`,
      ),
    )
}

export const newTeamSchema = z.object({
  name: z.string().trim().min(2, 'A team name needs at least 2 characters.').max(60, 'Keep it under 60 characters.'),
  customerFacing: z.boolean().default(false),
})

export async function createTeam(db: Db, actor: Actor, input: z.input<typeof newTeamSchema>) {
  assertRole(actor, ['admin'])
  const { name, customerFacing } = newTeamSchema.parse(input)
  const slug = slugify(name)
  const clash = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.organizationId, actor.organizationId), inArray(teams.slug, [slug])))
  if (clash.length) return { ok: false as const, error: 'A team with that name already exists.' }
  const [team] = await db
    .insert(teams)
    .values({ organizationId: actor.organizationId, name, slug, customerFacing })
    .returning()
  return { ok: true as const, team }
}

const teamNameSchema = z.string().trim().min(2, 'At least 2 characters.').max(60, 'Keep it under 60 characters.')

async function ownTeam(db: Db, actor: Actor, teamId: string) {
  assertRole(actor, ['admin'])
  const [team] = await db
    .select()
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.organizationId, actor.organizationId)))
  return team ?? notFound('That team is not in your organization.')
}

/** Renames a team (its address on the dashboard follows the new name). */
export async function renameTeam(db: Db, actor: Actor, teamId: string, name: string) {
  const team = await ownTeam(db, actor, teamId)
  const parsed = teamNameSchema.safeParse(name)
  if (!parsed.success) return { ok: false as const, error: parsed.error.issues[0].message }
  const slug = slugify(parsed.data) || 'team'
  const [clash] = await db
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.organizationId, actor.organizationId), or(eq(teams.slug, slug), eq(teams.name, parsed.data))))
  if (clash && clash.id !== team.id) return { ok: false as const, error: 'Another team already has that name.' }
  await db.update(teams).set({ name: parsed.data, slug }).where(eq(teams.id, team.id))
  return { ok: true as const }
}

/** Archives (or restores) a team: it takes no new members, and its history stays on the dashboard, marked. */
export async function setTeamArchived(db: Db, actor: Actor, teamId: string, archived: boolean, now = new Date()) {
  const team = await ownTeam(db, actor, teamId)
  await db.update(teams).set({ archivedAt: archived ? now : null }).where(eq(teams.id, team.id))
}

/** Every team with its current members and their role there, and everyone who could join (admins). */
export async function teamsWithMembers(db: Db, actor: Actor) {
  assertRole(actor, ['admin'])
  const [allTeams, rows, people] = await Promise.all([
    db
      .select({ id: teams.id, name: teams.name, slug: teams.slug, archivedAt: teams.archivedAt })
      .from(teams)
      .where(eq(teams.organizationId, actor.organizationId))
      .orderBy(asc(teams.name)),
    db
      .select({ teamId: memberships.teamId, userId: users.id, name: users.name, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, actor.organizationId), isNull(users.deactivatedAt)))
      .orderBy(asc(users.name)),
    db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.organizationId, actor.organizationId), isNull(users.deactivatedAt)))
      .orderBy(asc(users.name)),
  ])
  return {
    teams: allTeams.map((team) => ({ ...team, members: rows.filter((r) => r.teamId === team.id) })),
    people,
  }
}
