// Who may see and run a meeting. A meeting is visible to its team's members, the team's managers and
// admins; it is run by a manager of the team, an admin, or the member the manager delegated.
import { and, eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { meetings, memberships, teams, type Meeting } from '#db/schema'
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

/** The meeting with the actor's role in it; 404 when it is not in their organization, 403 when it is not their team's. */
export async function requireMeetingAccess(db: Db, actor: Actor, meetingId: string): Promise<MeetingAccess> {
  if (!UUID.test(meetingId)) notFound('There is no such meeting.')
  // One round trip: the meeting, its team and the actor's role in that team (if any).
  const [row] = await db
    .select({ meeting: meetings, team: { id: teams.id, name: teams.name, slug: teams.slug }, teamRole: memberships.role })
    .from(meetings)
    .innerJoin(teams, eq(teams.id, meetings.teamId))
    .leftJoin(
      memberships,
      and(eq(memberships.userId, actor.id), eq(memberships.teamId, meetings.teamId), eq(memberships.organizationId, actor.organizationId)),
    )
    .where(and(eq(meetings.id, meetingId), eq(meetings.organizationId, actor.organizationId)))
  if (!row) notFound('There is no such meeting.')
  const { visible, manages } = accessFromRole(actor, row.teamRole)
  if (!visible) forbidden('Meetings are open to their team’s members and managers only.')
  const role: MeetingRole = manages || row.meeting.facilitatorId === actor.id ? 'facilitator' : 'participant'
  return { meeting: row.meeting, team: row.team, role, manages }
}

export function requireFacilitator(access: MeetingAccess) {
  if (access.role !== 'facilitator') forbidden('Only the meeting’s facilitator can do that.')
}
