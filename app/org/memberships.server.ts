// Team membership with its history. `memberships` says who is in which team now; every change also
// opens or closes a row in `membership_periods`, so a reply or review counts toward the teams its
// author was in when it was written, whatever happens to the teams later.
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { membershipPeriods, memberships } from '#db/schema'

export interface MembershipChange {
  organizationId: string
  userId: string
  teamId: string
  role?: 'manager' | 'member'
  at?: Date
}

/** Puts a person in a team (or changes their role there); opens a period when they were not in it. */
export async function joinTeam(db: Db, change: MembershipChange) {
  const at = change.at ?? new Date()
  const role = change.role ?? 'member'
  const inserted = await db
    .insert(memberships)
    .values({ organizationId: change.organizationId, userId: change.userId, teamId: change.teamId, role })
    .onConflictDoUpdate({ target: [memberships.userId, memberships.teamId], set: { role } })
    .returning({ createdAt: memberships.createdAt })
  const [open] = await db
    .select({ id: membershipPeriods.id })
    .from(membershipPeriods)
    .where(
      and(
        eq(membershipPeriods.userId, change.userId),
        eq(membershipPeriods.teamId, change.teamId),
        isNull(membershipPeriods.endedAt),
      ),
    )
  if (!open && inserted.length) {
    await db.insert(membershipPeriods).values({
      organizationId: change.organizationId,
      userId: change.userId,
      teamId: change.teamId,
      startedAt: at,
    })
  }
}

/** Takes a person out of a team; their period there ends at `at`, and their history stays. */
export async function leaveTeam(db: Db, change: Omit<MembershipChange, 'role'>) {
  const at = change.at ?? new Date()
  await db
    .delete(memberships)
    .where(
      and(
        eq(memberships.organizationId, change.organizationId),
        eq(memberships.userId, change.userId),
        eq(memberships.teamId, change.teamId),
      ),
    )
  await db
    .update(membershipPeriods)
    .set({ endedAt: at })
    .where(
      and(
        eq(membershipPeriods.organizationId, change.organizationId),
        eq(membershipPeriods.userId, change.userId),
        eq(membershipPeriods.teamId, change.teamId),
        isNull(membershipPeriods.endedAt),
      ),
    )
}

/**
 * Gives every current membership without an open period one (data from before membership
 * history existed, or rows written directly). It starts at the person's earliest trace: joining,
 * the membership itself, or their first reply or review. Idempotent; runs at start.
 */
export async function backfillMembershipPeriods(db: Db) {
  await db.execute(sql`
    insert into membership_periods (organization_id, user_id, team_id, started_at)
    select m.organization_id, m.user_id, m.team_id,
      least(u.joined_at, u.created_at, m.created_at,
        coalesce((select min(r.submitted_at) from replies r where r.user_id = m.user_id), 'infinity'),
        coalesce((select min(v.submitted_at) from reviews v where v.reviewer_id = m.user_id), 'infinity'))
    from memberships m
    join users u on u.id = m.user_id
    where not exists (
      select 1 from membership_periods p
      where p.user_id = m.user_id and p.team_id = m.team_id and p.ended_at is null
    )`)
}
