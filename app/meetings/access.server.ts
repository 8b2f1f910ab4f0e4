// Who may see and run a meeting. A meeting is visible to its team's members, the team's managers and
// admins; it is run by a manager of the team, an admin, or the member the manager delegated.
import { and, eq, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { meetingAttendance, meetings, memberships, teams, type Meeting } from '#db/schema'
import { forbidden, notFound } from '~/http/responses.server'
import type { Actor } from '~/org/teams.server'

export type MeetingRole = 'facilitator' | 'participant'

export interface MeetingAccess {
  meeting: Meeting
  team: { id: string; name: string; slug: string }
  role: MeetingRole
  /** Managers of the team and admins: may delegate and set the slot, whoever facilitates. */
  manages: boolean
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The team role that lets someone see a team's meetings, or null. */
export async function teamAccess(db: Db, actor: Actor, teamId: string) {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.userId, actor.id), eq(memberships.teamId, teamId), eq(memberships.organizationId, actor.organizationId)))
  return accessFromRole(actor, row?.role ?? null)
}

/** Whether a team role (null: not in the team) lets the actor see and manage the team's meetings. */
function accessFromRole(actor: Actor, teamRole: string | null) {
  const manages = actor.role === 'admin' || (actor.role === 'manager' && teamRole === 'manager')
  return { visible: manages || teamRole !== null, manages }
}

/**
 * The meeting with the actor's role in it; 404 when it is not in their organization, 403 when it is not their team's.
 * With `attendIfLive`, opening a live meeting the actor may see also records their attendance (once, from the
 * first time they joined) in the same statement.
 */
export async function requireMeetingAccess(
  db: Db,
  actor: Actor,
  meetingId: string,
  options: { attendIfLive?: Date } = {},
): Promise<MeetingAccess> {
  if (!UUID.test(meetingId)) notFound('There is no such meeting.')
  // One round trip: the meeting, its team and the actor's role in that team (if any).
  const fields = { meeting: meetings, team: { id: teams.id, name: teams.name, slug: teams.slug }, teamRole: memberships.role }
  const scope = and(eq(meetings.id, meetingId), eq(meetings.organizationId, actor.organizationId))
  const membership = and(eq(memberships.userId, actor.id), eq(memberships.teamId, meetings.teamId), eq(memberships.organizationId, actor.organizationId))
  const at = options.attendIfLive
  const [row] = await (at ? db.with(attendedCte(db, actor, meetingId, at)) : db)
    .select(fields)
    .from(meetings)
    .innerJoin(teams, eq(teams.id, meetings.teamId))
    .leftJoin(memberships, membership)
    .where(scope)
  if (!row) notFound('There is no such meeting.')
  const { visible, manages } = accessFromRole(actor, row.teamRole)
  if (!visible) forbidden('Meetings are open to their team’s members and managers only.')
  const role: MeetingRole = manages || row.meeting.facilitatorId === actor.id ? 'facilitator' : 'participant'
  return { meeting: row.meeting, team: row.team, role, manages }
}

/**
 * recordAttendance, for a data-modifying CTE of the access check: inserted only when the meeting is
 * live and visible to the actor (accessFromRole: an admin, or anyone with a role in the team), as the
 * check that reads beside it in the same snapshot decides.
 */
function attendedCte(db: Db, actor: Actor, meetingId: string, now: Date) {
  const visible =
    actor.role === 'admin'
      ? sql`true`
      : sql`exists (select 1 from ${memberships} where ${memberships.userId} = ${actor.id} and ${memberships.teamId} = ${meetings.teamId}
          and ${memberships.organizationId} = ${actor.organizationId})`
  return db.$with('attended').as(
    db
      .insert(meetingAttendance)
      .select(
        db
          .select({
            meetingId: meetings.id,
            organizationId: sql`${actor.organizationId}::uuid`.as('organization_id'),
            userId: sql`${actor.id}::uuid`.as('user_id'),
            joinedAt: sql`${now.toISOString()}::timestamptz`.as('joined_at'),
          })
          .from(meetings)
          .where(and(eq(meetings.id, meetingId), eq(meetings.organizationId, actor.organizationId), eq(meetings.status, 'live'), visible)),
      )
      .onConflictDoNothing()
      .returning({ userId: meetingAttendance.userId }),
  )
}

export function requireFacilitator(access: MeetingAccess) {
  if (access.role !== 'facilitator') forbidden('Only the meeting’s facilitator can do that.')
}
