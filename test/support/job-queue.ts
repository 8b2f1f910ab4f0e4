// The job queue in vitest: started in 'manual' mode, so nothing runs by itself. A test then runs
// exactly the work it wants, when it wants:
//
//   const jobs = await startTestJobQueue(database)       // every job of the app, stopped after the file
//   await jobs.runDue()                                  // run all jobs due now (e.g. send queued mail)
//   await jobs.runScheduledNow('notifications.digest', { key: org.id, at: new Date('2026-03-02T08:00:00Z') })
import { afterAll } from 'vitest'
import type { Database } from '../../db/client.server'
import { allJobs } from '../../app/jobs/all-jobs.server'
import type { JobDefinition } from '../../app/jobs/define.server'
import { startJobQueue, type JobQueue, type StartOptions } from '../../app/jobs/queue.server'

export async function startTestJobQueue(
  database: Database,
  definitions: JobDefinition<any>[] = allJobs,
  options: StartOptions = {},
): Promise<JobQueue> {
  const jobs = await startJobQueue(database, definitions, { mode: 'manual', ...options })
  afterAll(() => jobs.stop())
  return jobs
}
