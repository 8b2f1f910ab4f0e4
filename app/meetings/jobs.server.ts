// The meetings' background work: each hour, per organization, create the coming meetings from the
// slots and notify teams of the ones a few days away; after a meeting, e-mail its summary to the team.
import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { meetings, teams } from '#db/schema'
import { defineJob } from '~/jobs/define.server'
import { activeJobQueue } from '~/jobs/queue.server'
import { queueMail } from '~/mail/outbox.server'
import type { MailContent } from '~/mail/templates.server'
import { actionsOfMeeting } from './action-items.server'
import { calibrationView } from './calibration.server'
import { describeTarget, formatShare, meetingTitle } from './format'
import { notifyUpcomingMeetings, teamRecipients } from './invitations.server'
import { attendanceOf } from './live.server'
import { normalisePlan, stepsOf, stepTitle } from './plan'
import { ensureMeetings } from './schedule.server'

export const meetingsScheduleJob = defineJob<{ organizationId: string }>({
  name: 'meetings.schedule',
  async handler({ organizationId }, { db, now }) {
    await ensureMeetings(db, now, organizationId)
    await notifyUpcomingMeetings(db, organizationId, now)
  },
})

export const MEETING_SUMMARY_JOB = 'meetings.summary'

export const meetingSummaryJob = defineJob<{ meetingId: string }>({
  name: MEETING_SUMMARY_JOB,
  async handler({ meetingId }, { db, now }) {
    await sendMeetingSummary(db, meetingId, now)
  },
})

export const meetingJobs = [meetingsScheduleJob, meetingSummaryJob]
export const meetingSchedules = [{ job: meetingsScheduleJob, cron: '5 * * * *' }]

/** Queues the summary e-mail once the meeting has ended (never inside the request's wait). */
export function queueMeetingSummary(meetingId: string) {
  activeJobQueue()?.enqueueSoon(MEETING_SUMMARY_JOB, { meetingId }, { onceKey: `summary-${meetingId}` })
}

/** E-mails a held meeting's summary to its team, once. */
export async function sendMeetingSummary(db: Db, meetingId: string, now = new Date()) {
  const [meeting] = await db
    .update(meetings)
    .set({ summarySentAt: now })
    .where(and(eq(meetings.id, meetingId), eq(meetings.status, 'held'), isNull(meetings.summarySentAt)))
    .returning()
  if (!meeting) return 0
  const [team] = await db.select({ name: teams.name }).from(teams).where(eq(teams.id, meeting.teamId))
  const plan = normalisePlan(meeting.plan)
  const discussed = stepsOf(plan).filter((key) => (meeting.discussed as string[]).includes(key))
  const [actions, attendance, calibration, people] = await Promise.all([
    actionsOfMeeting(db, meeting.organizationId, meeting.id),
    attendanceOf(db, meeting.organizationId, meeting.id),
    calibrationView(db, meeting.id, null),
    teamRecipients(db, meeting.organizationId, meeting.teamId),
  ])
  const title = meetingTitle(team?.name ?? 'Team', meeting.month)
  for (const person of people) {
    const content: MailContent = {
      kind: 'meeting-summary',
      essential: false,
      subject: `Summary: ${title}`,
      heading: `Summary of the ${title}`,
      paragraphs: [
        `Hello ${person.name},`,
        `Discussed: ${discussed.length ? discussed.map((key) => stepTitle(key, plan)).join(', ') : 'no sections recorded'}.`,
        calibration?.results
          ? `Calibration: ${formatShare(calibration.results.overall)} of votes within one level of the median (${calibration.votes} votes).`
          : 'No calibration was revealed.',
        `Attended: ${attendance.length ? attendance.map((a) => a.name).join(', ') : 'nobody recorded'}.`,
        actions.length ? 'Action items agreed:' : 'No action items were agreed.',
      ],
      items: actions.map((a) => {
        const target = describeTarget(a.metricName, a.targetChange)
        return { text: `${a.text} (${a.ownerName}, due ${a.dueOn}${target ? `; ${target}` : ''})` }
      }),
      action: { label: 'Open the summary', path: `/meetings/${meeting.id}` },
    }
    await queueMail(db, { organizationId: meeting.organizationId, userId: person.id, to: person.email, content })
  }
  return people.length
}
