// `/meetings` and one meeting's page: the teams a person belongs to or manages with their slot, the
// upcoming meeting and the past ones; the facilitator's preparation (order, skip, discussion points,
// picked replies, delegation); everything the page, the summary and the Markdown export show.
import { randomUUID } from 'node:crypto'
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { actionItems, meetingAttendance, meetings, memberships, teams, users, type ActionItem } from '#db/schema'
import { forbidden, invariantResponse } from '~/http/responses.server'
import { managedTeamIdsQuery, type Actor } from '~/org/teams.server'
import { named, nothingToRead, read, readTogether } from '~/query/json-rows.server'
import { loadRubric } from '~/reviews/rubric.server'
import type { RubricCriterion } from '~/reviews/rubric-schema'
import { requireFacilitator, requireMeetingAccess, type MeetingAccess } from './access.server'
import { actionMetrics, actionsOfMeeting, actionsOfMeetingRead, teamPeopleRead } from './action-items.server'
import { agendaInsights, agendaReads, assembleAgenda, type Agenda } from './agenda.server'
import { calibrationRead, goldChoices, type CalibrationView } from './calibration.server'
import { attendanceRead, liveStateOf, type LiveState } from './live.server'
import { offeredReplies, offeredRepliesRead, type OfferedReply } from './offers.server'
import { moveStep, normalisePlan, stepMinutes, stepsOf, stepTitle, toggleSkipped, type MeetingPlan, type StepKey } from './plan'
import { organizationTimeZone, organizationTimeZoneRead, slotsQuery } from './schedule.server'
import { describeSlot, rruleToSlot } from './slot'

/** Teams shown on /meetings: the ones the person is in, and (for managers and admins) the ones they manage. */
/** The teams whose meetings the actor sees (theirs and the ones they manage), in name order: one round trip. */
async function meetingTeams(db: Db, actor: Actor) {
  const managed = managedTeamIdsQuery(db, actor)
  const mine = db
    .select({ teamId: memberships.teamId })
    .from(memberships)
    .where(and(eq(memberships.userId, actor.id), eq(memberships.organizationId, actor.organizationId)))
  return db
    .select({ id: teams.id, name: teams.name, slug: teams.slug, manages: sql<boolean>`${teams.id} in (${managed})`.mapWith(Boolean) })
    .from(teams)
    .where(and(eq(teams.organizationId, actor.organizationId), or(inArray(teams.id, mine), inArray(teams.id, managed))))
    .orderBy(asc(teams.name))
}

type MeetingRow = { id: string; teamId: string; month: string; status: 'scheduled' | 'live' | 'held'; scheduledAt: string; discussed: unknown; attendance: number }

export async function listMeetings(db: Db, actor: Actor & { timeZone?: string }, now = new Date()) {
  const list = await meetingTeams(db, actor)
  const ids = list.map((t) => t.id)
  if (!ids.length) return []
  // The teams' slots, meetings and action items: independent reads, sent as one statement.
  const [{ slots, rows, actions }, timeZone] = await Promise.all([
    readTogether(db, {
      slots: read(slotsQuery(db, actor.organizationId, ids), (rows: { teamId: string; rrule: string; durationMinutes: number }[]) => rows),
      rows: read(
        db
          .select(
            named({
              id: meetings.id,
              teamId: meetings.teamId,
              month: meetings.month,
              status: meetings.status,
              scheduledAt: meetings.scheduledAt,
              discussed: meetings.discussed,
              // Counted beside each meeting (by the attendance primary key), not in a round trip of its own.
              attendance: sql<number>`(select count(*)::int from ${meetingAttendance} where ${meetingAttendance.meetingId} = ${meetings.id})`,
            }),
          )
          .from(meetings)
          .where(and(eq(meetings.organizationId, actor.organizationId), inArray(meetings.teamId, ids))),
        (rows: MeetingRow[]) => rows.map((m) => ({ ...m, scheduledAt: new Date(m.scheduledAt) })),
        '"scheduledAt" desc',
      ),
      actions: read(
        db
          .select(named({ meetingId: actionItems.meetingId, text: actionItems.text, status: actionItems.status, createdAt: actionItems.createdAt }))
          .from(actionItems)
          .where(and(eq(actionItems.organizationId, actor.organizationId), inArray(actionItems.teamId, ids))),
        (rows: { meetingId: string; text: string; status: ActionItem['status'] }[]) => rows,
        '"createdAt"',
      ),
    }),
    // Read with the session when the actor came from one.
    actor.timeZone ?? organizationTimeZone(db, actor.organizationId),
  ])
  return list.map((team) => {
    const slot = slots.find((s) => s.teamId === team.id) ?? null
    const own = rows.filter((m) => m.teamId === team.id)
    const upcoming = own.filter((m) => m.status !== 'held').sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime())[0] ?? null
    const past = own
      .filter((m) => m.status === 'held')
      .map((m) => ({
        id: m.id,
        month: m.month,
        scheduledAt: m.scheduledAt.toISOString(),
        attendance: m.attendance,
        discussed: (m.discussed as string[]).length,
        actions: actions.filter((a) => a.meetingId === m.id).map((a) => ({ text: a.text, status: a.status })),
      }))
    return {
      ...team,
      timeZone,
      slot: slot
        ? {
            rrule: slot.rrule,
            description: describeSlot(slot.rrule),
            fields: rruleToSlot(slot.rrule),
            durationMinutes: slot.durationMinutes,
          }
        : null,
      upcoming: upcoming
        ? {
            id: upcoming.id,
            month: upcoming.month,
            status: upcoming.status,
            scheduledAt: upcoming.scheduledAt.toISOString(),
            past: upcoming.scheduledAt < now,
          }
        : null,
      past,
    }
  })
}

export interface StepView {
  index: number
  key: StepKey
  title: string
  minutes: number
}

export interface MeetingPage {
  meeting: {
    id: string
    month: string
    status: 'scheduled' | 'live' | 'held'
    scheduledAt: string
    durationMinutes: number
    startedAt: string | null
    endedAt: string | null
    facilitatorId: string | null
    facilitatorName: string | null
    /** The organization's time zone, in which times are shown. */
    timeZone: string
  }
  team: { id: string; name: string; slug: string }
  viewer: { id: string; role: MeetingAccess['role']; manages: boolean }
  plan: MeetingPlan
  /** Every section and point in the plan's order (with skipped ones), for preparation. */
  outline: { key: StepKey; title: string; minutes: number; skipped: boolean }[]
  steps: StepView[]
  discussed: string[]
  agenda: Agenda
  live: LiveState
  calibration: CalibrationView | null
  celebrate: OfferedReply[]
  actions: Awaited<ReturnType<typeof actionsOfMeeting>>
  attendance: { id: string; name: string }[]
  /** The rubric's criteria, for the calibration vote. */
  criteria: RubricCriterion[]
  /** Only for the facilitator. */
  prep: {
    offered: OfferedReply[]
    people: { id: string; name: string }[]
    metrics: { id: string; name: string }[]
    gold: { id: string; title: string }[]
  } | null
}

/**
 * Everything one meeting's page shows to this viewer; opening a live meeting records attendance.
 * Round trips: the access check (with the attendance it records), the team's insights (their own reads)
 * and one statement for the rest.
 */
export async function getMeetingPage(db: Db, actor: Actor, meetingId: string, now = new Date()): Promise<MeetingPage> {
  // Opening a live meeting records attendance in the access check's own statement.
  const access = await requireMeetingAccess(db, actor, meetingId, { attendIfLive: now })
  const { meeting, team } = access
  const plan = normalisePlan(meeting.plan)
  const facilitates = access.role === 'facilitator'
  const org = meeting.organizationId
  const [insights, sections, rubric, prepFiles] = await Promise.all([
    agendaInsights(db, meeting, team.slug, now),
    readTogether(db, {
      ...agendaReads(db, meeting),
      calibration: calibrationRead(db, meetingId, actor.id),
      celebrate: offeredRepliesRead(db, org, team.id, plan.pickedReplyIds),
      actions: actionsOfMeetingRead(db, org, meetingId),
      attendance: attendanceRead(db, org, meetingId),
      facilitator: meeting.facilitatorId
        ? read(db.select(named({ name: users.name })).from(users).where(eq(users.id, meeting.facilitatorId)), (rows: { name: string }[]) => rows[0]?.name ?? null)
        : nothingToRead(),
      timeZone: organizationTimeZoneRead(db, org),
      offered: facilitates ? offeredRepliesRead(db, org, team.id) : nothingToRead(),
      people: facilitates ? teamPeopleRead(db, org, team.id) : nothingToRead(),
    }),
    loadRubric(),
    facilitates ? Promise.all([actionMetrics(), goldChoices()]) : null,
  ])
  const { calibration, celebrate, actions, attendance, facilitator, timeZone } = sections
  const agenda = assembleAgenda(insights, sections.carried, sections.hardest)
  const live = liveStateOf(meeting, calibration ? { votes: calibration.votes, revealed: calibration.revealed } : null)
  const prep =
    facilitates && prepFiles
      ? { offered: sections.offered ?? [], people: (sections.people ?? []).map((p) => ({ id: p.id, name: p.name })), metrics: prepFiles[0], gold: prepFiles[1] }
      : null
  const steps = stepsOf(plan).map((key, index) => ({ index, key, title: stepTitle(key, plan), minutes: stepMinutes(key) }))
  return {
    meeting: {
      id: meeting.id,
      month: meeting.month,
      status: meeting.status,
      scheduledAt: meeting.scheduledAt.toISOString(),
      durationMinutes: meeting.durationMinutes,
      startedAt: meeting.startedAt?.toISOString() ?? null,
      endedAt: meeting.endedAt?.toISOString() ?? null,
      facilitatorId: meeting.facilitatorId,
      facilitatorName: facilitator ?? null,
      timeZone,
    },
    team,
    viewer: { id: actor.id, role: access.role, manages: access.manages },
    plan,
    outline: plan.order.map((key) => ({
      key,
      title: stepTitle(key, plan),
      minutes: stepMinutes(key),
      skipped: plan.skipped.includes(key),
    })),
    steps,
    discussed: meeting.discussed as string[],
    agenda,
    live,
    calibration,
    celebrate,
    actions,
    attendance: attendance.map((a) => ({ id: a.id, name: a.name })),
    criteria: rubric.criteria,
    prep,
  }
}

export type PlanChange =
  | { kind: 'move'; key: string; direction: 'up' | 'down' }
  | { kind: 'skip'; key: string; skip: boolean }
  | { kind: 'add-point'; title: string }
  | { kind: 'remove-point'; id: string }
  | { kind: 'pick-reply'; replyId: string; picked: boolean }

export type PlanResult = { ok: true } | { ok: false; errors: Record<string, string> }

/** The facilitator prepares the agenda before the meeting starts. */
export async function updatePlan(db: Db, actor: Actor, meetingId: string, change: PlanChange): Promise<PlanResult> {
  const access = await requireMeetingAccess(db, actor, meetingId)
  requireFacilitator(access)
  invariantResponse(access.meeting.status === 'scheduled', 'The agenda is fixed once the meeting has started.', { status: 409 })
  let plan = normalisePlan(access.meeting.plan)
  const known = (key: string): key is StepKey => plan.order.includes(key as StepKey)
  switch (change.kind) {
    case 'move':
      if (!known(change.key)) return { ok: false, errors: { form: 'There is no such section.' } }
      plan = moveStep(plan, change.key, change.direction)
      break
    case 'skip':
      if (!known(change.key)) return { ok: false, errors: { form: 'There is no such section.' } }
      plan = toggleSkipped(plan, change.key, change.skip)
      break
    case 'add-point': {
      const title = change.title.trim()
      if (title.length < 3) return { ok: false, errors: { title: 'Give the point a title of at least 3 characters.' } }
      if (title.length > 120) return { ok: false, errors: { title: 'Keep the title under 120 characters.' } }
      if (plan.points.length >= 10) return { ok: false, errors: { title: 'Ten discussion points at most.' } }
      const id = randomUUID().slice(0, 8)
      plan = normalisePlan({ ...plan, points: [...plan.points, { id, title }] })
      break
    }
    case 'remove-point':
      plan = normalisePlan({
        ...plan,
        points: plan.points.filter((p) => p.id !== change.id),
        order: plan.order.filter((k) => k !== `point:${change.id}`),
      })
      break
    case 'pick-reply': {
      if (change.picked) {
        const offered = await offeredReplies(db, access.meeting.organizationId, access.team.id, [change.replyId])
        if (!offered.length) return { ok: false, errors: { form: 'That reply is not offered to this team.' } }
      }
      const ids = plan.pickedReplyIds.filter((id) => id !== change.replyId)
      plan = { ...plan, pickedReplyIds: change.picked ? [...ids, change.replyId] : ids }
      break
    }
  }
  await db.update(meetings).set({ plan }).where(eq(meetings.id, meetingId))
  return { ok: true }
}

/** A manager of the team (or an admin) lets a member run this meeting, or takes it back (null). */
export async function delegateFacilitator(db: Db, actor: Actor, meetingId: string, userId: string | null) {
  const access = await requireMeetingAccess(db, actor, meetingId)
  if (!access.manages) forbidden('Only the team’s managers can choose who facilitates.')
  invariantResponse(access.meeting.status !== 'held', 'The meeting is over.', { status: 409 })
  if (userId) {
    const [member] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.teamId, access.team.id), eq(memberships.userId, userId)))
    invariantResponse(member, 'The facilitator must be in the team.', { status: 400 })
  }
  await db.update(meetings).set({ facilitatorId: userId }).where(eq(meetings.id, meetingId))
}
