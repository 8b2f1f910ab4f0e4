// The one job queue: pg-boss on PostgreSQL (its own `pg` pool from the database URL) or on the
// embedded PGlite through `fromPglite`. No setInterval schedulers anywhere else.
//
//   const jobs = await startJobQueue(database, allJobs)             // server: workers + schedules
//   await jobs.enqueue(sendMailJob, { messageId }, { singletonKey, startAfter })
//   await jobs.schedule(digestJob, '0 8 * * *', { organizationId }, { timeZone: org.timeZone, key: org.id })
//   await jobs.stop()                                                 // before closing the database
//
// Tests: `startJobQueue(database, defs, { mode: 'manual' })` runs nothing by itself; then
// `await jobs.runDue()` runs every job that is due now, and `await jobs.runScheduledNow(name, { key, at })`
// runs a scheduled job's handler at once "at" a given time. `activeJobQueue()` is the queue the
// process started last (the server's), for code that queues work without being handed one.
import { createHash } from 'node:crypto'
import type { Clock, Job, PgBoss } from 'pg-boss'
import type { Database } from '#db/client.server'
import { logger } from '~/observability/logger.server'
import type { JobContext, JobDefinition } from './define.server'

export interface StartOptions {
  /** 'workers' polls and runs jobs and schedules in the background; 'manual' runs nothing by itself. */
  mode?: 'workers' | 'manual'
  /** pg-boss clock (a `TestClock` in tests that drive time by hand). */
  clock?: Clock
  /** How often the schedule pass runs, in seconds (pg-boss default 30). */
  cronMonitorIntervalSeconds?: number
  /** Name shown in pg-boss's instance registry. */
  instanceName?: string
}

export interface EnqueueOptions {
  /**
   * The job is queued once per key (e.g. one reminder per drill cycle and person): a second
   * enqueue with the same key returns null. pg-boss keeps a finished job for 7 days.
   */
  onceKey?: string
  /** Do not run before this time. */
  startAfter?: Date
}

export interface ScheduleOptions {
  /** IANA zone the cron expression is read in (the organization's); default UTC. */
  timeZone?: string
  /** Several schedules of one job side by side, e.g. one per organization. */
  key?: string
}

type AnyDefinition = JobDefinition<any>
type JobRef<Data extends object> = JobDefinition<Data> | string

// Kept on globalThis: the server entry (app/server/start.ts) and the Remix build each load their
// own copy of this module, and both must see the queue the server started.
const ACTIVE = Symbol.for('rapport.jobs.active')
const registry = globalThis as typeof globalThis & { [ACTIVE]?: JobQueue }

/** The queue this process started last, or undefined before start / after stop. */
export function activeJobQueue(): JobQueue | undefined {
  return registry[ACTIVE]
}

export async function startJobQueue(
  database: Database,
  definitions: AnyDefinition[],
  options: StartOptions = {},
): Promise<JobQueue> {
  const mode = options.mode ?? 'workers'
  // pg-boss validates every key it is given, so leave out the ones not set.
  const common = Object.fromEntries(
    Object.entries({
      schedule: mode === 'workers',
      supervise: mode === 'workers',
      clock: options.clock,
      cronMonitorIntervalSeconds: options.cronMonitorIntervalSeconds,
      instanceName: options.instanceName,
      application_name: 'rapport-jobs',
    }).filter(([, value]) => value !== undefined),
  )
  // Loaded here, not with the module: the server starts listening before it starts the queue.
  const { fromPglite, PgBoss } = await import('pg-boss')
  const boss =
    database.connection.kind === 'postgres'
      ? new PgBoss({ ...common, connectionString: database.connection.url, max: 4 })
      : new PgBoss({ ...common, db: fromPglite(database.connection.client), backend: 'pglite' })
  // pg-boss reports errors as events; an unhandled 'error' event would end the process.
  boss.on('error', (error) => logger.error({ err: { message: error.message, name: error.name } }, 'job queue error'))
  await boss.start()
  const queue = new JobQueue(boss, database)
  // Read the existing queues once, so a restart does not re-create each one in its own transaction.
  const existing = new Map((await boss.getQueues()).map((found) => [found.name, found as unknown as ExistingQueue]))
  for (const definition of definitions) await queue.register(definition, mode === 'workers', existing.get(definition.name))
  registry[ACTIVE] = queue
  return queue
}

type QueueSettings = { retryLimit: number; retryDelay: number; retryBackoff: boolean; retryDelayMax?: number; expireInSeconds: number }
/** A queue as pg-boss lists it (its settings among other fields). */
type ExistingQueue = Record<string, unknown>

function sameSettings(existing: ExistingQueue, wanted: QueueSettings) {
  return (Object.keys(wanted) as (keyof QueueSettings)[]).every((key) => existing[key] === wanted[key])
}

export class JobQueue {
  readonly #definitions = new Map<string, AnyDefinition>()
  readonly #pending = new Set<Promise<unknown>>()
  #stopped = false

  constructor(
    private readonly boss: PgBoss,
    private readonly database: Database,
  ) {}

  /**
   * Creates the job's queue, or brings an existing one's settings (`existing`, when known) up to
   * date, and with `work` starts polling it.
   */
  async register(definition: AnyDefinition, work = true, existing?: ExistingQueue) {
    this.#definitions.set(definition.name, definition)
    const backoff = definition.retryBackoff ?? true
    const settings: QueueSettings = {
      retryLimit: definition.retryLimit ?? 3,
      retryDelay: definition.retryDelay ?? 30,
      retryBackoff: backoff,
      ...(backoff ? { retryDelayMax: definition.retryDelayMax ?? 3600 } : {}),
      expireInSeconds: definition.expireInSeconds ?? 900,
    }
    if (!existing) await this.boss.createQueue(definition.name, settings)
    else if (!sameSettings(existing, settings)) await this.boss.updateQueue(definition.name, settings)
    if (!work) return
    await this.boss.work<object>(
      definition.name,
      { pollingIntervalSeconds: definition.pollingIntervalSeconds ?? 2 },
      async (jobs) => {
        for (const job of jobs) await this.#run(definition, job, new Date())
      },
    )
  }

  async enqueue<Data extends object>(job: JobRef<Data>, data: Data, options: EnqueueOptions = {}) {
    const name = this.#name(job)
    return this.boss.send(name, data, {
      ...(options.onceKey ? { id: uuidFromKey(`${name}\u0000${options.onceKey}`) } : {}),
      ...(options.startAfter ? { startAfter: options.startAfter } : {}),
    })
  }

  /**
   * Like `enqueue`, without waiting: for code that may run inside a database transaction. (On PGlite
   * there is one connection, so a queue call inside a transaction would wait for that transaction
   * forever.) `runDue` and `stop` wait for these first. Failures are logged, never thrown.
   */
  enqueueSoon<Data extends object>(job: JobRef<Data>, data: Data, options: EnqueueOptions = {}): void {
    const pending: Promise<unknown> = new Promise((resolve) => setImmediate(resolve))
      .then(() => this.enqueue(job, data, options))
      .catch((error) => logger.error({ job: this.#name(job), error: errorMessage(error) }, 'could not queue a job'))
      .finally(() => this.#pending.delete(pending))
    this.#pending.add(pending)
  }

  /** Waits until every `enqueueSoon` so far has reached the database. */
  async settled() {
    while (this.#pending.size) await Promise.all([...this.#pending])
  }

  /** Runs the job on a cron expression (5 fields) in the given zone; replaces the schedule with the same key. */
  async schedule<Data extends object>(job: JobRef<Data>, cron: string, data: Data, options: ScheduleOptions = {}) {
    await this.boss.schedule(this.#name(job), cron, data, {
      tz: options.timeZone ?? 'UTC',
      ...(options.key ? { key: options.key } : {}),
    })
  }

  async unschedule(job: JobRef<any>, key?: string) {
    await this.boss.unschedule(this.#name(job), key)
  }

  async schedules(job?: JobRef<any>) {
    return this.boss.getSchedules(job ? this.#name(job) : undefined)
  }

  /**
   * Runs, here and now, every job that is due (of the named jobs, or of all registered ones) until
   * none is left, and returns how many ran. For tests and the browser-test hook.
   */
  async runDue(names?: string | string[]): Promise<number> {
    await this.settled()
    const wanted = names === undefined ? [...this.#definitions.keys()] : [names].flat()
    let ran = 0
    // Bounded: a handler that queues more work gets a few rounds, never an endless loop.
    for (let round = 0; round < 10; round++) {
      let ranThisRound = 0
      for (const name of wanted) {
        const definition = this.#definition(name)
        const jobs = await this.boss.fetch<object>(name, { batchSize: 100 })
        for (const job of jobs) {
          await this.#run(definition, job, new Date(), true)
          ranThisRound++
        }
      }
      ran += ranThisRound
      if (ranThisRound === 0) break
    }
    return ran
  }

  /** Runs a scheduled job's handler now with its scheduled data, as if the clock read `at`. */
  async runScheduledNow(name: string, options: { key?: string; at?: Date } = {}) {
    const schedule = await this.boss.getSchedule(name, options.key)
    if (!schedule) throw new Error(`no schedule ${name}${options.key ? ` (${options.key})` : ''}`)
    const definition = this.#definition(name)
    await definition.handler((schedule.data ?? {}) as object, this.#context(options.at ?? new Date(), { id: 'now', retryCount: 0 }))
  }

  async stop() {
    if (this.#stopped) return
    this.#stopped = true
    if (registry[ACTIVE] === this) registry[ACTIVE] = undefined
    await this.settled()
    await this.boss.stop({ graceful: true, timeout: 10_000, close: true })
  }

  async #run(definition: AnyDefinition, job: Job<object>, now: Date, settle = false) {
    try {
      await definition.handler(job.data ?? {}, this.#context(now, { id: job.id, retryCount: job.retryCount }))
      if (settle) await this.boss.complete(definition.name, job.id)
    } catch (error) {
      // Only the job's name and the error's message: job data can hold personal details.
      logger.warn({ job: definition.name, retryCount: job.retryCount, error: errorMessage(error) }, 'job failed')
      if (settle) await this.boss.fail(definition.name, job.id, { message: errorMessage(error) })
      else throw error
    }
  }

  #context(now: Date, job: JobContext['job']): JobContext {
    return { db: this.database.db, database: this.database, jobs: this, now, job }
  }

  #definition(name: string) {
    const definition = this.#definitions.get(name)
    if (!definition) throw new Error(`job ${name} is not registered`)
    return definition
  }

  #name(job: JobRef<any>) {
    return typeof job === 'string' ? job : job.name
  }
}

/** A stable UUID for a key, so pg-boss's primary key makes the job unique per key. */
function uuidFromKey(key: string) {
  const hex = createHash('sha256').update(key).digest('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

function errorMessage(error: unknown) {
  return error instanceof Error ? error.message : String(error)
}
