// A few days before a meeting: an in-app notification and an e-mail with a calendar invitation
// (.ics) for everyone in the team. Each meeting is claimed once (notified_at), so several instances
// or a re-run never notify twice.
import icalGenerator, { ICalCalendarMethod } from 'ical-generator'
import { and, eq, gte, isNull, lte } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { meetings, memberships, organizations, teams, users } from '#db/schema'
import { getEnv } from '~/env.server'
import { queueMail } from '~/mail/outbox.server'
import type { MailContent } from '~/mail/templates.server'
import { notify } from '~/notifications/notifications.server'
import { formatWhen, meetingTitle } from './format'

export const NOTIFY_DAYS_BEFORE = 3
const DAY = 24 * 60 * 60 * 1000

/** The meeting as an iCalendar invitation: one event in UTC (every calendar shows it in its own zone). */
export function meetingIcs(input: { meetingId: string; title: string; start: Date; minutes: number; url: string; organizer: string }) {
  const calendar = icalGenerator({
    name: 'Rapport',
    prodId: { company: 'Rapport', product: 'meetings' },
    method: ICalCalendarMethod.REQUEST,
  })
  calendar.createEvent({
    id: `meeting-${input.meetingId}@rapport`,
    start: input.start,
    end: new Date(input.start.getTime() + input.minutes * 60_000),
    summary: input.title,
    description: `The team's monthly review meeting. Open it on your own device: ${input.url}`,
    url: input.url,
    organizer: { name: 'Rapport', email: input.organizer },
  })
  return calendar.toString()
}

/** Everyone who should hear about a team's meeting: its members and managers, still active. */
export async function teamRecipients(db: Db, organizationId: string, teamId: string) {
  return db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.teamId, teamId), isNull(users.deactivatedAt)))
}

function upcomingMail(input: { name: string; title: string; when: string; path: string }): MailContent {
  return {
    kind: 'meeting-upcoming',
    essential: false,
    subject: input.title,
    heading: input.title,
    paragraphs: [
      `Hello ${input.name},`,
      `Your team's monthly review meeting is on ${input.when}. The agenda is built from the team's own figures; the calendar invitation is attached.`,
      'If you wrote a reply you are proud of, you can offer it to the meeting from its feedback page (anonymously if you like).',
    ],
    action: { label: 'Open the agenda', path: input.path },
  }
}

/** Notifies the team of every meeting of an organization that starts within the next few days. */
export async function notifyUpcomingMeetings(db: Db, organizationId: string, now = new Date()) {
  const due = await db
    .update(meetings)
    .set({ notifiedAt: now })
    .where(
      and(
        eq(meetings.organizationId, organizationId),
        eq(meetings.status, 'scheduled'),
        isNull(meetings.notifiedAt),
        gte(meetings.scheduledAt, now),
        lte(meetings.scheduledAt, new Date(now.getTime() + NOTIFY_DAYS_BEFORE * DAY)),
      ),
    )
    .returning()
  if (!due.length) return 0
  const [org] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, organizationId))
  const zone = org?.timeZone ?? 'UTC'
  const env = getEnv()
  for (const meeting of due) {
    const [team] = await db.select({ name: teams.name }).from(teams).where(eq(teams.id, meeting.teamId))
    const title = meetingTitle(team?.name ?? 'Team', meeting.month)
    const path = `/meetings/${meeting.id}`
    const when = `${formatWhen(meeting.scheduledAt.toISOString(), zone)} (${zone})`
    const ics = meetingIcs({
      meetingId: meeting.id,
      title,
      start: meeting.scheduledAt,
      minutes: meeting.durationMinutes,
      url: new URL(path, `${env.APP_URL}/`).toString(),
      organizer: env.MAIL_FROM.replace(/^.*<([^>]+)>.*$/, '$1'),
    })
    const people = await teamRecipients(db, organizationId, meeting.teamId)
    await notify(
      db,
      people.map((p) => ({ organizationId, userId: p.id, kind: 'meeting-upcoming', title: `${title}: ${when}`, href: path })),
    )
    for (const person of people) {
      await queueMail(db, {
        organizationId,
        userId: person.id,
        to: person.email,
        content: upcomingMail({ name: person.name, title, when, path }),
        attachments: [{ filename: 'meeting.ics', contentType: 'text/calendar; charset=utf-8; method=REQUEST', content: ics }],
      })
    }
  }
  return due.length
}
