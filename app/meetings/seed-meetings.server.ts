// Demo meetings for Acme: Support meets on the first Tuesday at 10:00 (Engineering on the second
// Wednesday). Support's last meeting was held (with a calibration, three action items, one tied to
// a metric) and its next one is scheduled; Jordan has offered a reply to it.
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import {
  actionItems,
  meetingAttendance,
  meetingCalibrations,
  meetingCalibrationVoters,
  meetingCalibrationVotes,
  meetingReplyOffers,
  meetings,
  meetingSlots,
  replies,
  teams,
  users,
} from '#db/schema'
import { listCalibrationItems } from '~/reviews/calibration.server'
import { normalisePlan, stepsOf } from './plan'
import { ensureMeetings, monthIn, occurrencesAround, organizationTimeZone } from './schedule.server'
import { slotToRrule } from './slot'

const DAY = 24 * 60 * 60 * 1000

export async function seedMeetings(db: Db, organizationId: string, now = new Date()) {
  const teamRows = await db.select({ id: teams.id, slug: teams.slug }).from(teams).where(eq(teams.organizationId, organizationId))
  const teamId = (slug: string) => teamRows.find((t) => t.slug === slug)?.id
  const support = teamId('support')
  const engineering = teamId('engineering')
  if (!support) return
  const people = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.organizationId, organizationId))
  const person = (email: string) => people.find((p) => p.email === email)!.id
  const zone = await organizationTimeZone(db, organizationId)

  const supportRule = slotToRrule({ ordinal: 1, weekday: 'TU', time: '10:00' })
  await db
    .insert(meetingSlots)
    .values({ teamId: support, organizationId, rrule: supportRule, durationMinutes: 60, updatedById: person('manager@acme.test') })
  if (engineering) {
    const rule = slotToRrule({ ordinal: 2, weekday: 'WE', time: '14:00' })
    await db
      .insert(meetingSlots)
      .values({ teamId: engineering, organizationId, rrule: rule, durationMinutes: 45, updatedById: person('manager@acme.test') })
  }

  // Last month's Support meeting, held.
  const { previous } = occurrencesAround(supportRule, zone, now)
  if (previous) {
    const plan = normalisePlan({ points: [{ id: 'weekend', title: 'Who covers the chat queue at weekends?' }] })
    const steps = stepsOf(plan)
    const [held] = await db
      .insert(meetings)
      .values({
        organizationId,
        teamId: support,
        month: monthIn(previous, zone),
        scheduledAt: previous,
        durationMinutes: 60,
        status: 'held',
        plan,
        currentStep: steps.length - 1,
        discussed: steps,
        version: steps.length + 1,
        startedAt: previous,
        endedAt: new Date(previous.getTime() + 55 * 60 * 1000),
        startedById: person('manager@acme.test'),
        notifiedAt: new Date(previous.getTime() - 3 * DAY),
        summarySentAt: new Date(previous.getTime() + 56 * 60 * 1000),
      })
      .returning({ id: meetings.id })
    const attendees = ['manager@acme.test', 'member@acme.test', 'maya@acme.test', 'tomas@acme.test', 'hana@acme.test']
    await db
      .insert(meetingAttendance)
      .values(
        attendees.map((email, i) => ({
          meetingId: held.id,
          organizationId,
          userId: person(email),
          joinedAt: new Date(previous.getTime() + i * 60_000),
        })),
      )

    const gold = (await listCalibrationItems()).find((item) => item.id === 'late-delivery-weak')
    if (gold) {
      const [calibration] = await db
        .insert(meetingCalibrations)
        .values({
          meetingId: held.id,
          organizationId,
          source: 'gold',
          goldId: gold.id,
          scenarioSlug: gold.scenario,
          text: gold.reply,
          revealedAt: new Date(previous.getTime() + 40 * 60 * 1000),
        })
        .returning({ id: meetingCalibrations.id })
      const votes = [
        { empathy: 1, warmth: 2, ownership: 1, 'next-step': 2, context: 1 },
        { empathy: 1, warmth: 1, ownership: 1, 'next-step': 2, context: 1 },
        { empathy: 2, warmth: 2, ownership: 1, 'next-step': 3, context: 1 },
        { empathy: 1, warmth: 1, ownership: 2, 'next-step': 2, context: 2 },
        { empathy: 2, warmth: 3, ownership: 1, 'next-step': 1, context: 1 },
      ]
      await db
        .insert(meetingCalibrationVoters)
        .values(attendees.map((email) => ({ calibrationId: calibration.id, organizationId, userId: person(email) })))
      await db.insert(meetingCalibrationVotes).values(votes.map((levels) => ({ calibrationId: calibration.id, organizationId, levels })))
    }

    const { next } = occurrencesAround(supportRule, zone, now)
    const due = (next ?? new Date(previous.getTime() + 28 * DAY)).toISOString().slice(0, 10)
    await db.insert(actionItems).values([
      {
        organizationId,
        teamId: support,
        meetingId: held.id,
        text: 'Own the fix in every delayed-order reply: say what we will do and by when, not what the courier did',
        ownerId: person('member@acme.test'),
        dueOn: due,
        metric: 'ownership',
        targetChange: 5,
        createdById: person('manager@acme.test'),
      },
      {
        organizationId,
        teamId: support,
        meetingId: held.id,
        text: 'Pair Sam with Hana for two practice replies in the first week',
        ownerId: person('hana@acme.test'),
        dueOn: due,
        status: 'done' as const,
        statusChangedAt: new Date(previous.getTime() + 7 * DAY),
        createdById: person('manager@acme.test'),
      },
      {
        organizationId,
        teamId: support,
        meetingId: held.id,
        text: 'Draft a weekend rota for the chat queue and share it in the team channel',
        ownerId: person('maya@acme.test'),
        dueOn: due,
        createdById: person('manager@acme.test'),
      },
    ])
  }

  // Jordan offers one of his reviewed replies to the coming meeting, anonymously.
  const [jordansReply] = await db
    .select({ id: replies.id })
    .from(replies)
    .where(and(eq(replies.userId, person('member@acme.test')), eq(replies.teamId, support), isNotNull(replies.finalisedAt)))
    .orderBy(desc(replies.score))
    .limit(1)
  if (jordansReply) {
    await db
      .insert(meetingReplyOffers)
      .values({ replyId: jordansReply.id, organizationId, teamId: support, userId: person('member@acme.test'), named: false })
  }

  await ensureMeetings(db, now, organizationId)
  return db
    .select({ id: meetings.id })
    .from(meetings)
    .where(inArray(meetings.teamId, [support, ...(engineering ? [engineering] : [])]))
}
