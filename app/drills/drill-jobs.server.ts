// The drills' background work, through the app's one job queue: a sweep every five minutes (open
// cycles, sync audiences, reminders, rollups) and the nudge's e-mails held back until the morning
// when a manager nudges in quiet hours.
import { and, eq, inArray } from 'drizzle-orm'
import { drills, users } from '#db/schema'
import { defineJob } from '~/jobs/define.server'
import { activeJobQueue } from '~/jobs/queue.server'
import type { Db } from '#db/client.server'
import { organizationTimeZone } from './organization-zone.server'
import { drillMail } from './reminder-emails'
import { appReminderDeps } from './reminders.server'
import { inQuietHours, nextMorning } from './reminders'
import { runDrillSweep } from './sweep.server'

export const drillSweepJob = defineJob<Record<string, never>>({
  name: 'drills.sweep',
  retryLimit: 2,
  async handler(_data, { db, now }) {
    await runDrillSweep(db, appReminderDeps, now)
  },
})

export const nudgeMailJob = defineJob<{ drillId: string; userIds: string[] }>({
  name: 'drills.nudge-mail',
  retryLimit: 3,
  async handler({ drillId, userIds }, { db }) {
    await queueNudgeMail(db, drillId, userIds)
  },
})

async function queueNudgeMail(db: Db, drillId: string, userIds: string[]) {
  const [drill] = await db.select().from(drills).where(eq(drills.id, drillId))
  if (!drill || !userIds.length) return
  const wanted = await appReminderDeps.wantsEmail(db, userIds)
  const zone = await organizationTimeZone(db, drill.organizationId)
  const people = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(inArray(users.id, [...wanted]), eq(users.organizationId, drill.organizationId)))
  for (const person of people) {
    await appReminderDeps.sendEmail(db, {
      organizationId: drill.organizationId,
      userId: person.id,
      to: person.email,
      content: drillMail({ kind: 'nudge', drillId: drill.id, title: drill.title, dueAt: null }, { name: person.name, zone }),
    })
  }
}

/**
 * The nudge's e-mails: queued now in office hours, or as a job that starts at 08:00 organization
 * time when the nudge came in quiet hours. Once per drill and day (the nudge itself is once a day).
 */
export async function queueNudgeEmails(db: Db, drill: { id: string; organizationId: string }, userIds: string[], now = new Date()) {
  const zone = await organizationTimeZone(db, drill.organizationId)
  const jobs = activeJobQueue()
  if (!inQuietHours(now, zone) || !jobs) return queueNudgeMail(db, drill.id, userIds)
  await jobs.enqueue(nudgeMailJob, { drillId: drill.id, userIds }, { startAfter: nextMorning(now, zone), onceKey: `${drill.id}:${now.toISOString().slice(0, 10)}` })
}

export const drillJobs = [drillSweepJob, nudgeMailJob]
export const drillSchedules = [{ job: drillSweepJob, cron: '*/5 * * * *' }]
