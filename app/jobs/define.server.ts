// What a background job is: a name, a handler, and how it retries. Domains define their jobs with
// `defineJob` beside their code and list them in `app/jobs/all-jobs.server.ts`.
import type { Database, Db } from '#db/client.server'
import type { JobQueue } from './queue.server'

export interface JobContext {
  db: Db
  database: Database
  jobs: JobQueue
  /** The time the job runs "at": the real clock, or the test clock when a test runs it. */
  now: Date
  /** The job's id and how many times it was retried before this attempt. */
  job: { id: string; retryCount: number }
}

export interface JobDefinition<Data extends object = object> {
  name: string
  handler: (data: Data, context: JobContext) => Promise<void>
  /** Attempts after the first (default 3). */
  retryLimit?: number
  /** Seconds before the first retry (default 30); doubled each time with `retryBackoff`. */
  retryDelay?: number
  retryBackoff?: boolean
  /** Longest wait between retries, in seconds (default 1 h). */
  retryDelayMax?: number
  /** A running job that takes longer than this is failed and retried (default 15 min). */
  expireInSeconds?: number
  /** How often an idle worker looks for work, in seconds (default 2). */
  pollingIntervalSeconds?: number
}

/** Typed identity: keeps the data type of a job attached to its name for `enqueue`. */
export function defineJob<Data extends object>(definition: JobDefinition<Data>): JobDefinition<Data> {
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(definition.name)) throw new Error(`bad job name ${definition.name}`)
  return definition
}
