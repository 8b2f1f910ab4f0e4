// Who a drill is for, and keeping each open cycle's assignments in step with it: cycles open with
// one insert of everyone in the audience; people who join a team later get a later due time;
// people who leave drop out of the figures from then on. System functions (jobs call them): no actor.
import { and, asc, eq, gt, inArray, isNull, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import {
  drillAssignments,
  drillAudiencePeople,
  drillAudienceTeams,
  drillCycles,
  drills,
  memberships,
  notifications,
  teams,
  users,
  type Drill,
  type DrillCycle,
} from '#db/schema'
import type { CycleTimes } from './schedule'

const DAY = 24 * 60 * 60 * 1000

export interface AudienceMember {
  userId: string
  teamId: string | null
  /** When they joined the audience: their membership of an audience team (null: named in the drill). */
  joinedAt: Date | null
}

/** Everyone the drill is for right now: active people of its teams and named people, minus exclusions. */
export async function resolveAudience(db: Db, drill: Pick<Drill, 'id' | 'organizationId'>): Promise<AudienceMember[]> {
  const [teamRows, named] = await Promise.all([
    db
      .select({ userId: memberships.userId, teamId: memberships.teamId, joinedAt: memberships.createdAt })
      .from(drillAudienceTeams)
      .innerJoin(memberships, eq(memberships.teamId, drillAudienceTeams.teamId))
      .innerJoin(users, eq(users.id, memberships.userId))
      .innerJoin(teams, eq(teams.id, memberships.teamId))
      .where(and(eq(drillAudienceTeams.drillId, drill.id), eq(users.organizationId, drill.organizationId), isNull(users.deactivatedAt)))
      .orderBy(asc(memberships.createdAt), asc(teams.name)),
    db
      .select({ userId: drillAudiencePeople.userId, excluded: drillAudiencePeople.excluded })
      .from(drillAudiencePeople)
      .innerJoin(users, eq(users.id, drillAudiencePeople.userId))
      .where(and(eq(drillAudiencePeople.drillId, drill.id), eq(users.organizationId, drill.organizationId), isNull(users.deactivatedAt))),
  ])
  const excluded = new Set(named.filter((n) => n.excluded).map((n) => n.userId))
  const members = new Map<string, AudienceMember>()
  // Someone in two audience teams counts for the one they joined first.
  for (const row of teamRows) {
    if (!excluded.has(row.userId) && !members.has(row.userId)) members.set(row.userId, row)
  }
  const namedIds = named.filter((n) => !n.excluded && !members.has(n.userId)).map((n) => n.userId)
  if (namedIds.length) {
    const homes = await db
      .select({ userId: memberships.userId, teamId: memberships.teamId })
      .from(memberships)
      .where(inArray(memberships.userId, namedIds))
      .orderBy(asc(memberships.createdAt), asc(memberships.teamId))
    const home = new Map<string, string>()
    for (const h of homes) if (!home.has(h.userId)) home.set(h.userId, h.teamId)
    for (const userId of namedIds) members.set(userId, { userId, teamId: home.get(userId) ?? null, joinedAt: null })
  }
  return [...members.values()]
}

/** A joiner's due time: the cycle's, or `graceDays` after they joined when that is later. */
export function joinerDueAt(cycleDueAt: Date, joinedAt: Date, graceDays: number): Date {
  return new Date(Math.max(cycleDueAt.getTime(), joinedAt.getTime() + graceDays * DAY))
}

type DrillForCycles = Pick<Drill, 'id' | 'organizationId' | 'title' | 'joinerGraceDays'>

/**
 * Assignment rows for people who are in the audience but not yet in the cycle. `addedAt`: they were
 * put in the audience by a manager then, so they join then (even after the due time, with the grace).
 */
function newAssignments(drill: DrillForCycles, cycle: DrillCycle, people: AudienceMember[], addedAt?: Date) {
  return people
    .map((p) => (addedAt && addedAt > cycle.opensAt ? { ...p, joinedAt: addedAt } : p))
    .filter((p) => addedAt || !p.joinedAt || p.joinedAt < cycle.dueAt)
    .map((p) => {
      const joinedAfterOpening = p.joinedAt !== null && p.joinedAt > cycle.opensAt
      return {
        organizationId: drill.organizationId,
        cycleId: cycle.id,
        drillId: drill.id,
        userId: p.userId,
        teamId: p.teamId,
        dueAt: joinedAfterOpening ? joinerDueAt(cycle.dueAt, p.joinedAt!, drill.joinerGraceDays) : cycle.dueAt,
        joinedAt: joinedAfterOpening ? p.joinedAt : null,
      }
    })
}

/** A PostgreSQL array literal of ids and times we made ourselves (never user text). */
const arrayLiteral = (values: (string | null)[]) => `{${values.map((v) => (v === null ? 'NULL' : `"${v}"`)).join(',')}}`

/**
 * Writes the assignments of one cycle and, for each one that is new, "a drill was assigned to you"
 * in the bell: one statement however many people (arrays unnested in the database), in the caller's
 * transaction. Returns the people newly assigned.
 */
async function insertAssignments(db: Db, drill: DrillForCycles, rows: ReturnType<typeof newAssignments>, now: Date) {
  if (!rows.length) return []
  const { organizationId, cycleId, drillId } = rows[0]
  const result = await db.execute(sql`
    with added as (
      insert into ${drillAssignments} (organization_id, cycle_id, drill_id, user_id, team_id, due_at, joined_at)
      select ${organizationId}, ${cycleId}, ${drillId}, person.user_id, person.team_id, person.due_at, person.joined_at
      from unnest(
        ${arrayLiteral(rows.map((r) => r.userId))}::uuid[],
        ${arrayLiteral(rows.map((r) => r.teamId))}::uuid[],
        ${arrayLiteral(rows.map((r) => r.dueAt.toISOString()))}::timestamptz[],
        ${arrayLiteral(rows.map((r) => r.joinedAt?.toISOString() ?? null))}::timestamptz[]
      ) as person(user_id, team_id, due_at, joined_at)
      on conflict do nothing
      returning user_id
    ), told as (
      insert into ${notifications} (organization_id, user_id, kind, title, href, created_at)
      select ${organizationId}, user_id, 'drill-assigned', ${`New drill for you: ${drill.title}`}, ${`/drills/${drill.id}`}, ${now.toISOString()}::timestamptz
      from added
    )
    select user_id from added`)
  const added = (Array.isArray(result) ? result : (result as unknown as { rows: { user_id: string }[] }).rows) as { user_id: string }[]
  return added.map((row) => row.user_id)
}

/**
 * Opens one cycle: its row (once, whoever gets there first) and an assignment for everyone in the
 * audience. Returns null when another process already opened it.
 */
export async function openCycle(db: Db, drill: DrillForCycles, times: CycleTimes, now: Date) {
  return db.transaction(async (tx) => {
    const [cycle] = await tx
      .insert(drillCycles)
      .values({ organizationId: drill.organizationId, drillId: drill.id, sequence: times.sequence, opensAt: times.opensAt, dueAt: times.dueAt })
      .onConflictDoNothing()
      .returning()
    if (!cycle) return null
    // Whoever is in the audience when the cycle opens is simply in it: only later arrivals are joiners.
    const people = (await resolveAudience(tx, { id: drill.id, organizationId: drill.organizationId })).map((p) => ({ ...p, joinedAt: null }))
    const assigned = await insertAssignments(tx, drill, newAssignments(drill, cycle, people), now)
    return { cycle, assigned: assigned.length }
  })
}

/**
 * Brings a cycle's assignments in line with the audience now: joiners added (with their own due
 * time), leavers marked as left while the cycle is still running, people who came back restored.
 * `addedAt` when a manager changed the audience: whoever is new joins at that moment.
 */
export async function syncCycleAudience(db: Db, drill: DrillForCycles, cycle: DrillCycle, now: Date, options: { addedAt?: Date } = {}) {
  const people = await resolveAudience(db, drill)
  return db.transaction(async (tx) => {
    const existing = await tx
      .select({ userId: drillAssignments.userId, leftAt: drillAssignments.leftAt })
      .from(drillAssignments)
      .where(eq(drillAssignments.cycleId, cycle.id))
    const have = new Map(existing.map((e) => [e.userId, e]))
    const wanted = new Set(people.map((p) => p.userId))
    const added = await insertAssignments(tx, drill, newAssignments(drill, cycle, people.filter((p) => !have.has(p.userId)), options.addedAt), now)
    const gone = existing.filter((e) => !e.leftAt && !wanted.has(e.userId)).map((e) => e.userId)
    const back = existing.filter((e) => e.leftAt && wanted.has(e.userId)).map((e) => e.userId)
    if (gone.length) {
      // Only while their due time is ahead: a finished cycle keeps its history.
      await tx
        .update(drillAssignments)
        .set({ leftAt: now })
        .where(
          and(
            eq(drillAssignments.cycleId, cycle.id),
            inArray(drillAssignments.userId, gone),
            sql`coalesce(${drillAssignments.extendedDueAt}, ${drillAssignments.dueAt}) > ${now.toISOString()}::timestamptz`,
          ),
        )
    }
    if (back.length) {
      await tx.update(drillAssignments).set({ leftAt: null }).where(and(eq(drillAssignments.cycleId, cycle.id), inArray(drillAssignments.userId, back)))
    }
    return { added: added.length, left: gone.length, back: back.length }
  })
}

/** The cycles worth keeping in step with their audience: each drill's latest, until two weeks after it fell due. */
export async function cyclesToSync(db: Db, now: Date, organizationId?: string) {
  const latest = db
    .select({ drillId: drillCycles.drillId, sequence: sql<number>`max(${drillCycles.sequence})`.as('latest_sequence') })
    .from(drillCycles)
    .where(organizationId ? eq(drillCycles.organizationId, organizationId) : undefined)
    .groupBy(drillCycles.drillId)
    .as('latest')
  return db
    .select({ cycle: drillCycles, drill: drills })
    .from(drillCycles)
    .innerJoin(latest, and(eq(latest.drillId, drillCycles.drillId), eq(latest.sequence, drillCycles.sequence)))
    .innerJoin(drills, eq(drills.id, drillCycles.drillId))
    .where(gt(drillCycles.dueAt, new Date(now.getTime() - 14 * DAY)))
}
