// Every background job of the app and when the recurring ones run. A domain adds its jobs here.
import { drillJobs, drillSchedules } from '~/drills/drill-jobs.server'
import { digestJob } from '~/notifications/digest.server'
import { mailJobs, mailSchedules } from '~/mail/mail-jobs.server'
import { meetingJobs, meetingSchedules } from '~/meetings/jobs.server'
import type { JobDefinition } from './define.server'
import type { JobQueue } from './queue.server'
import {
  installFixedSchedules,
  scheduleAllOrganizations,
  scheduleOrganization,
  type FixedSchedule,
  type OrganizationSchedule,
} from './schedules.server'
import type { Db } from '#db/client.server'

export const allJobs: JobDefinition<any>[] = [...mailJobs, digestJob, ...meetingJobs, ...drillJobs]

export const fixedSchedules: FixedSchedule[] = [...mailSchedules, ...drillSchedules]

export const organizationSchedules: OrganizationSchedule[] = [{ job: digestJob, cron: '0 8 * * *' }, ...meetingSchedules]

/** At start: every schedule, for every organization. */
export async function installAllSchedules(jobs: JobQueue, db: Db) {
  await installFixedSchedules(jobs, fixedSchedules)
  await scheduleAllOrganizations(jobs, db, organizationSchedules)
}

/** After an organization is created or changes time zone. */
export async function rescheduleOrganization(jobs: JobQueue | undefined, organization: { id: string; timeZone: string }) {
  if (jobs) await scheduleOrganization(jobs, organizationSchedules, organization)
}
