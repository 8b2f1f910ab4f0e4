// `npm start`: validate env, build if needed, open + migrate + seed the database, serve, and
// shut down cleanly on SIGTERM/SIGINT (drain requests, then close PGlite or the pool).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { ServerBuild } from '@remix-run/node'
import { sql } from 'drizzle-orm'
import { DatabaseStartError, openDatabase } from '#db/client.server'
import { migrateDatabase } from '#db/migrate.server'
import { DEMO_LOGINS, DEMO_PASSWORD, isEmpty, seedDemo } from '#db/seed.server'
import { EnvError, parseEnv, type Env } from '~/env.server'
import { logger } from '~/observability/logger.server'
import { startMetricsListener } from '~/observability/metrics-endpoint.server'
import { createHttpApp } from './http.server'
import { warmUp } from './warm-up.server'

const root = process.cwd()
const customBuild = process.env.RAPPORT_BUILD_DIR
const buildPath = path.resolve(root, customBuild ?? 'build', 'index.js')
const assetsDir = customBuild ? path.resolve(root, customBuild, 'assets') : path.join(root, 'public', 'build')

let env
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
if (!development && !fs.existsSync(buildPath)) {
  console.log('No production build yet; building once…')
  const built = spawnSync('npx', ['remix', 'build'], { stdio: 'inherit', cwd: root })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

const database = await openAndPrepareDatabase(env)

let build = (await import(pathToFileURL(buildPath).href)) as ServerBuild
await warmUp(database)

const app = createHttpApp({
  env,
  database,
  getBuild: () => build,
  publicDir: path.join(root, 'public'),
  assetsDir,
})

const metricsServer = env.METRICS_PORT ? await startMetricsListener(database, env.METRICS_PORT) : undefined

const server = app.listen(env.PORT, env.HOST, async () => {
  const url = `http://localhost:${env.PORT}`
  logger.info({ port: env.PORT, driver: database.driver }, 'listening')
  console.log(`\nRapport is running at ${url}  (database: ${database.driver === 'pglite' ? `PGlite in ${env.PGLITE_DIR}` : 'PostgreSQL'})`)
  console.log(`Demo logins (password "${DEMO_PASSWORD}"):`)
  for (const login of DEMO_LOGINS) console.log(`  ${login.email.padEnd(20)} ${login.what}`)
  if (development) {
    const { broadcastDevReady } = await import('@remix-run/node')
    await broadcastDevReady(build)
  }
})

if (development) {
  // `remix dev --manual` rebuilds into build/; pick up each new build and tell the dev server.
  const versionFile = path.join(path.dirname(buildPath), 'version.txt')
  fs.watchFile(versionFile, { interval: 200 }, async () => {
    build = (await import(`${pathToFileURL(buildPath).href}?t=${Date.now()}`)) as ServerBuild
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
  // A connection accepted just before the signal may not have sent its request yet, and
  // server.close() drops connections that look idle: keep answering for a moment (each answer
  // closing its connection), then stop accepting and drain.
  server.on('request', (_req, res) => {
    if (!res.headersSent) res.setHeader('Connection', 'close')
  })
  setTimeout(() => {
    server.close(async () => {
      await database.close()
      logger.info('database closed; bye')
      process.exit(0)
    })
  }, 300).unref()
}
process.on('SIGTERM', () => void shutdown('SIGTERM'))
process.on('SIGINT', () => void shutdown('SIGINT'))

// Any failure to open, reach or migrate the database at start is one line naming the setting.
async function openAndPrepareDatabase(env: Env) {
  const setting = env.DATABASE_URL ? 'DATABASE_URL' : `PGLITE_DIR=${JSON.stringify(env.PGLITE_DIR)}`
  try {
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR, createMissingDatabase: true })
    try {
      await migrateDatabase(database)
      // Several instances may start at once on one PostgreSQL: one seeds, the others find it done.
      await database.withOneConnection(async (locked) => {
        if (database.driver === 'postgres') await locked.execute(sql`select pg_advisory_lock(hashtext('rapport.seed'))`)
        try {
          if (env.SEED_DEMO && (await isEmpty(database.db))) {
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
