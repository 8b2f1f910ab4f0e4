// Recurring work. Two kinds:
// - fixed schedules in UTC (e.g. the mail sweep), installed at start;
// - organization schedules, one per organization in its own time zone (e.g. the daily digest at
//   08:00 local time), installed at start and again when an organization is created or changes zone.
// Domains add theirs to `app/jobs/all-jobs.server.ts`.
import type { Db } from '#db/client.server'
import { organizations } from '#db/schema'
import type { JobDefinition } from './define.server'
import type { JobQueue } from './queue.server'

export interface FixedSchedule {
  job: JobDefinition<any>
  /** cron expression, read in UTC */
  cron: string
}

export interface OrganizationSchedule {
  job: JobDefinition<{ organizationId: string }>
  /** cron expression, read in the organization's time zone */
  cron: string
}

export async function installFixedSchedules(jobs: JobQueue, schedules: FixedSchedule[]) {
  for (const { job, cron } of schedules) await jobs.schedule(job, cron, {}, { timeZone: 'UTC' })
}

/** (Re)schedules every organization schedule for one organization; the key is the organization's id. */
export async function scheduleOrganization(
  jobs: JobQueue,
  schedules: OrganizationSchedule[],
  organization: { id: string; timeZone: string },
) {
  for (const { job, cron } of schedules) {
    await jobs.schedule(job, cron, { organizationId: organization.id }, { timeZone: organization.timeZone, key: organization.id })
  }
}

export async function scheduleAllOrganizations(jobs: JobQueue, db: Db, schedules: OrganizationSchedule[]) {
  const orgs = await db.select({ id: organizations.id, timeZone: organizations.timeZone }).from(organizations)
  for (const org of orgs) await scheduleOrganization(jobs, schedules, org)
}
