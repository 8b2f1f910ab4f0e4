// The server: validate env, open + migrate + seed the database, serve, and
// shut down cleanly on SIGTERM/SIGINT (drain requests, then close PGlite or the pool).
// `npm start` runs it compiled (build/server.js, from build-server.mjs); `npm run dev` through tsx.
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { sql } from 'drizzle-orm'
import { DatabaseStartError, openDatabase } from '#db/client.server'
import { migrateDatabase } from '#db/migrate.server'
import { EnvError, parseEnv, type Env } from '~/env.server'
import type { JobQueue } from '~/jobs/queue.server'
import { logger } from '~/observability/logger.server'

const root = process.cwd()
const customBuild = process.env.RAPPORT_BUILD_DIR
const buildPath = path.resolve(root, customBuild ?? 'build', 'index.js')
const assetsDir = customBuild ? path.resolve(root, customBuild, 'assets') : path.join(root, 'public', 'build')

let env: Env
try {
  env = parseEnv()
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message)
    process.exit(1)
  }
  throw error
}

const development = env.NODE_ENV === 'development'

async function loadBuild(url: string) {
  const [loaded, { prepareBuild }] = await Promise.all([import(url) as Promise<ServerBuild>, import('./warm-up.server')])
  await prepareBuild(loaded, { development, buildDir: path.dirname(buildPath) })
  return loaded
}

// The database and the build (with its content) are independent: get both ready at once.
// `modules`: this file's own imports loaded and run, before anything else starts.
const startPhases: Record<string, number> = { modules: Math.round(performance.now()) }
const phaseDone = (name: string) => (startPhases[name] = Math.round(performance.now()))
// The HTTP app's own modules load meanwhile too: only what opens the database is loaded before.
const [database, firstBuild, [{ createHttpApp }, { startMetricsListener }, { backfillMembershipPeriods }]] = await Promise.all([
  openAndPrepareDatabase(env).finally(() => phaseDone('database')),
  loadBuild(pathToFileURL(buildPath).href).finally(() => phaseDone('build')),
  Promise.all([import('./http.server'), import('~/observability/metrics-endpoint.server'), import('~/org/memberships.server')]),
])
let build = firstBuild

// Loaded after the database and the build are on their way (see build-server.mjs: these are
// chunks of their own, with the packages only they use), not before everything else.
const [{ DEMO_LOGINS, DEMO_PASSWORD, hasDemoOrganization }, { firstRunSetupToken }] = await Promise.all([import('#db/demo.server'), import('~/org/setup.server')])

// Independent start-up reads, sent together (PGlite runs them one after another anyway).
const [demoSeeded, setupToken] = await Promise.all([
  hasDemoOrganization(database.db),
  // An empty database without the demo: a one-time link that creates the first organization and admin.
  env.SEED_DEMO ? null : firstRunSetupToken(database.db),
  backfillMembershipPeriods(database.db),
])
phaseDone('backfill')

// The job queue starts just after listening (its handlers read our tables, so after the
// migrations) and stops before the database closes. Until it runs, pages are served, but a request
// that may queue a job (any but GET/HEAD: a mail, a meeting summary, an organization's schedules)
// waits for it, so nothing is queued into a queue that is not there yet.
let jobs: JobQueue | undefined
let jobsTimer: NodeJS.Timeout | undefined
let jobsReady: Promise<void> = Promise.resolve()
let releaseHeldRequests = () => {}
const heldRequests = new Promise<void>((resolve) => (releaseHeldRequests = resolve))
function startJobs() {
  jobsReady = (async () => {
    const [{ startJobQueue }, { allJobs, installAllSchedules }] = await Promise.all([import('~/jobs/queue.server'), import('~/jobs/all-jobs.server')])
    jobs = await startJobQueue(database, allJobs, { instanceName: `web-${process.pid}` })
    phaseDone('jobQueue')
    await installAllSchedules(jobs, database.db)
    phaseDone('schedules')
    logger.info({ startPhases }, 'job queue started')
    releaseHeldRequests()
  })().catch((error) => {
    // As before listening: a server whose queue cannot start stops, naming the cause.
    logger.error({ err: error }, 'the job queue could not start')
    console.error(`The job queue could not start (${describe(error)}).`)
    process.exit(1)
  })
}
const waitsForJobs = (method: string | undefined) => method !== 'GET' && method !== 'HEAD'

const app = createHttpApp({
  env,
  database,
  getBuild: () => build,
  publicDir: path.join(root, 'public'),
  assetsDir,
})

const metricsServer = env.METRICS_PORT ? await startMetricsListener(database, env.METRICS_PORT) : undefined

const server = http.createServer((req, res) => {
  if (!jobs && waitsForJobs(req.method)) void heldRequests.then(() => app(req, res))
  else app(req, res)
})
server.listen(env.PORT, env.HOST, async () => {
  // Half a second later: the first requests do not wait behind loading and starting pg-boss.
  jobsTimer = setTimeout(startJobs, 500)
  const url = `http://localhost:${env.PORT}`
  // performance.now() counts from the process start: this is start-to-listening.
  // Milliseconds from the process start to each step's end, to see what a slow start waits on.
  // cpuMs: CPU time of the whole process so far (all threads), steadier than wall time on a busy machine.
  const cpu = process.cpuUsage()
  logger.info(
    { port: env.PORT, driver: database.driver, startMs: Math.round(performance.now()), cpuMs: Math.round((cpu.user + cpu.system) / 1000), startPhases },
    'listening',
  )
  console.log(`\nRapport is running at ${url}  (database: ${database.driver === 'pglite' ? `PGlite in ${env.PGLITE_DIR}` : 'PostgreSQL'})`)
  if (setupToken) {
    const setupUrl = `${env.APP_URL}/setup/${setupToken}`
    console.log(`\nNo organization yet. Open this one-time link within 24 hours to create yours and its first admin:\n  ${setupUrl}\n`)
    logger.info({ setupUrl }, 'first-run setup link')
  }
  if (demoSeeded) {
    console.log(`Demo logins (password "${DEMO_PASSWORD}"):`)
    for (const login of DEMO_LOGINS) console.log(`  ${login.email.padEnd(20)} ${login.what}`)
  }
  if (development) {
    const { broadcastDevReady } = await import('@remix-run/node')
    await broadcastDevReady(build)
  }
})

if (development) {
  // `remix dev --manual` rebuilds into build/; pick up each new build and tell the dev server.
  const versionFile = path.join(path.dirname(buildPath), 'version.txt')
  fs.watchFile(versionFile, { interval: 200 }, async () => {
    build = await loadBuild(`${pathToFileURL(buildPath).href}?t=${Date.now()}`)
    const { broadcastDevReady } = await import('@remix-run/node')
    await broadcastDevReady(build)
  })
}

let stopping = false
async function shutdown(signal: string) {
  if (stopping) return
  stopping = true
  logger.info({ signal }, 'shutting down: draining requests')
  const force = setTimeout(() => {
    logger.error('requests did not drain within 10 s; closing anyway')
    server.closeAllConnections()
  }, 10_000)
  force.unref()
  metricsServer?.close()
  // A queue not started yet never starts; requests held for it go on without it.
  clearTimeout(jobsTimer)
  releaseHeldRequests()
  // A connection accepted just before the signal may not have sent its request yet, and
  // server.close() drops connections that look idle: keep answering for a moment (each answer
  // closing its connection), then stop accepting and drain.
  server.on('request', (_req, res) => {
    if (!res.headersSent) res.setHeader('Connection', 'close')
  })
  setTimeout(() => {
    server.close(async () => {
      // A queue still starting is let finish, then stopped.
      await jobsReady
      await jobs?.stop().catch((error) => logger.error({ err: error }, 'job queue did not stop cleanly'))
      await database.close()
      logger.info('database closed; bye')
      process.exit(0)
    })
  }, 300).unref()
  // Open meeting event streams would hold the drain for 10 s; browsers reconnect elsewhere.
  // Loaded here: the meetings code it brings is not needed to start.
  const { closeLiveStreams } = await import('~/meetings/live-hub.server')
  await closeLiveStreams()
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))

// Any failure to open, reach or migrate the database at start is one line naming the setting.
async function openAndPrepareDatabase(env: Env) {
  const setting = env.DATABASE_URL ? 'DATABASE_URL' : `PGLITE_DIR=${JSON.stringify(env.PGLITE_DIR)}`
  try {
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, createMissingDatabase: true })
    phaseDone('opened')
    try {
      await migrateDatabase(database)
      phaseDone('migrated')
      // Several instances may start at once on one PostgreSQL: one seeds, the others find it done.
      await database.withOneConnection(async (locked) => {
        if (database.driver === 'postgres') await locked.execute(sql`select pg_advisory_lock(hashtext('rapport.seed'))`)
        try {
          // The seeding code (and what it loads) only when there is something to seed.
          const { isEmpty } = await import('#db/demo.server')
          if (env.SEED_DEMO && (await isEmpty(database.db))) {
            const { seedDemo } = await import('#db/seed.server')
            await seedDemo(database.db)
            logger.info('seeded the demo organization')
          }
        } finally {
          if (database.driver === 'postgres') await locked.execute(sql`select pg_advisory_unlock(hashtext('rapport.seed'))`)
        }
      })
    } catch (error) {
      await database.close().catch(() => {})
      throw error
    }
    return database
  } catch (error) {
    const message =
      error instanceof DatabaseStartError || (error instanceof Error && /in use by process/.test(error.message))
        ? error.message
        : `${setting}: the database could not be prepared (${describe(error)}).`
    console.error(message)
    process.exit(1)
  }
}

function describe(error: unknown) {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, message, cause } = current as { code?: string; message?: string; cause?: unknown }
    if (!cause) return [code, message?.split('\n')[0]].filter(Boolean).join(': ')
    current = cause
  }
  return String(error)
}
