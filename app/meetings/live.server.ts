// The live meeting. Its state lives in the meetings row (status, current step, when it started); every
// change bumps `version` and is announced with NOTIFY in the same transaction, so each app instance
// reads the committed state and pushes it to the participants connected to it.
import { and, count, eq, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { meetingAttendance, meetingCalibrations, meetingCalibrationVoters, meetings, users, type Meeting } from '#db/schema'
import { invariantResponse } from '~/http/responses.server'
import { named, read } from '~/query/json-rows.server'
import type { Actor } from '~/org/teams.server'
import { requireFacilitator, requireMeetingAccess } from './access.server'
import { queueMeetingSummary } from './jobs.server'
import { normalisePlan, stepMinutes, stepsOf, stepTitle, type StepKey } from './plan'

export const MEETING_CHANNEL = 'meeting_events'

/** What every participant's screen follows; the same for everyone, so one NOTIFY serves all. */
export interface LiveState {
  meetingId: string
  status: Meeting['status']
  version: number
  stepIndex: number
  stepCount: number
  stepKey: StepKey | null
  stepTitle: string | null
  stepMinutes: number | null
  stepStartedAt: string | null
  votes: number
  revealed: boolean
}

export async function liveState(db: Db, meetingId: string): Promise<LiveState | null> {
  const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId))
  if (!meeting) return null
  const [calibration] = await db
    .select({ id: meetingCalibrations.id, revealedAt: meetingCalibrations.revealedAt, votes: count(meetingCalibrationVoters.userId) })
    .from(meetingCalibrations)
    .leftJoin(meetingCalibrationVoters, eq(meetingCalibrationVoters.calibrationId, meetingCalibrations.id))
    .where(eq(meetingCalibrations.meetingId, meetingId))
    .groupBy(meetingCalibrations.id)
  return liveStateOf(meeting, calibration ? { votes: Number(calibration.votes), revealed: Boolean(calibration.revealedAt) } : null)
}

/** The live state from a meeting row already read and its calibration's vote count (null: none chosen). */
export function liveStateOf(meeting: Meeting, calibration: { votes: number; revealed: boolean } | null): LiveState {
  const plan = normalisePlan(meeting.plan)
  const steps = stepsOf(plan)
  const live = meeting.status === 'live'
  const key = live ? steps[meeting.currentStep] ?? null : null
  return {
    meetingId: meeting.id,
    status: meeting.status,
    version: meeting.version,
    stepIndex: meeting.currentStep,
    stepCount: steps.length,
    stepKey: key,
    stepTitle: key ? stepTitle(key, plan) : null,
    stepMinutes: key ? stepMinutes(key) : null,
    stepStartedAt: live && meeting.stepStartedAt ? meeting.stepStartedAt.toISOString() : null,
    votes: calibration?.votes ?? 0,
    revealed: calibration?.revealed ?? false,
  }
}

/**
 * Marks a change of the meeting (a new version) and announces it to every instance; call it inside
 * the transaction that made the change, so NOTIFY is delivered when it commits.
 */
export async function announce(db: Db, meetingId: string) {
  await db
    .update(meetings)
    .set({ version: sql`${meetings.version} + 1` })
    .where(eq(meetings.id, meetingId))
  await db.execute(sql`select pg_notify(${MEETING_CHANNEL}, ${meetingId})`)
}

async function bump(db: Db, meetingId: string, set: Partial<typeof meetings.$inferInsert>) {
  await db.transaction(async (tx) => {
    await tx.update(meetings).set(set).where(eq(meetings.id, meetingId))
    await announce(tx, meetingId)
  })
}

export async function startMeeting(db: Db, actor: Actor, meetingId: string, now = new Date()) {
  const access = await requireMeetingAccess(db, actor, meetingId)
  requireFacilitator(access)
  invariantResponse(access.meeting.status === 'scheduled', 'This meeting has already started.', { status: 409 })
  const steps = stepsOf(normalisePlan(access.meeting.plan))
  invariantResponse(steps.length > 0, 'The agenda has no steps: include at least one section.', { status: 409 })
  await bump(db, meetingId, {
    status: 'live',
    currentStep: 0,
    stepStartedAt: now,
    startedAt: now,
    startedById: actor.id,
    discussed: [steps[0]],
  })
  await recordAttendance(db, actor, meetingId, now)
}

/** The facilitator moves to a step (by index in the plan's steps). */
export async function goToStep(db: Db, actor: Actor, meetingId: string, index: number, now = new Date()) {
  const access = await requireMeetingAccess(db, actor, meetingId)
  requireFacilitator(access)
  invariantResponse(access.meeting.status === 'live', 'The meeting is not running.', { status: 409 })
  const steps = stepsOf(normalisePlan(access.meeting.plan))
  invariantResponse(Number.isInteger(index) && index >= 0 && index < steps.length, 'There is no such step.', { status: 400 })
  if (index === access.meeting.currentStep) return
  const discussed = new Set(access.meeting.discussed as string[])
  discussed.add(steps[index])
  await bump(db, meetingId, { currentStep: index, stepStartedAt: now, discussed: steps.filter((k) => discussed.has(k)) })
}

export async function endMeeting(db: Db, actor: Actor, meetingId: string, now = new Date()) {
  const access = await requireMeetingAccess(db, actor, meetingId)
  requireFacilitator(access)
  invariantResponse(access.meeting.status === 'live', 'The meeting is not running.', { status: 409 })
  await bump(db, meetingId, { status: 'held', endedAt: now, stepStartedAt: null })
  queueMeetingSummary(meetingId)
}

/** Someone opened the live meeting: they attended (once, from the first time they joined). */
export async function recordAttendance(db: Db, actor: Pick<Actor, 'id' | 'organizationId'>, meetingId: string, now = new Date()) {
  await db
    .insert(meetingAttendance)
    .values({ meetingId, organizationId: actor.organizationId, userId: actor.id, joinedAt: now })
    .onConflictDoNothing()
}

export async function attendanceOf(db: Db, organizationId: string, meetingId: string) {
  return db
    .select({ id: users.id, name: users.name, joinedAt: meetingAttendance.joinedAt })
    .from(meetingAttendance)
    .innerJoin(users, eq(users.id, meetingAttendance.userId))
    .where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.organizationId, organizationId)))
    .orderBy(users.name)
}

/** attendanceOf as a read (`readTogether`). */
export function attendanceRead(db: Db, organizationId: string, meetingId: string) {
  return read(
    db
      .select(named({ id: users.id, name: users.name }))
      .from(meetingAttendance)
      .innerJoin(users, eq(users.id, meetingAttendance.userId))
      .where(and(eq(meetingAttendance.meetingId, meetingId), eq(meetingAttendance.organizationId, organizationId))),
    (rows: { id: string; name: string }[]) => rows,
    '"name"',
  )
}
