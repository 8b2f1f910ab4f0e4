// `npm run org:create -- --name "Globex" --admin-email ada@globex.example [--time-zone Europe/Paris]`
// Prints a one-time setup link (24 h) that creates the organization with that admin. Run it against
// DATABASE_URL, or against a PGlite folder no server holds (the folder lock refuses otherwise).
import { parseArgs } from 'node:util'
import { openDatabase } from '#db/client.server'
import { migrateDatabase } from '#db/migrate.server'
import { EnvError, parseEnv } from '~/env.server'
import { isValidTimeZone } from '~/time/zoned-time'
import { createSetupToken } from './setup.server'

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

let args
try {
  args = parseArgs({
    options: { name: { type: 'string' }, 'admin-email': { type: 'string' }, 'time-zone': { type: 'string' } },
    allowPositionals: false,
  }).values
} catch (error) {
  fail(`${(error as Error).message}\nUsage: npm run org:create -- --name "…" --admin-email … [--time-zone Europe/Paris]`)
}
const name = args.name?.trim()
const email = args['admin-email']?.trim().toLowerCase()
const timeZone = args['time-zone'] ?? 'UTC'
if (!name || name.length < 2) fail('--name is required (at least 2 characters).')
if (!email || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) fail('--admin-email is required (an e-mail address).')
if (!isValidTimeZone(timeZone)) fail(`--time-zone ${timeZone} is not a time zone (try Europe/Paris or America/New_York).`)

let env
try {
  env = parseEnv()
} catch (error) {
  if (error instanceof EnvError) fail(error.message)
  throw error
}
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR })
try {
  await migrateDatabase(database)
  const token = await createSetupToken(database.db, { organizationName: name, adminEmail: email, timeZone })
  console.log(`Setup link for "${name}" (admin ${email}), valid 24 hours, works once:\n  ${env.APP_URL}/setup/${token}`)
} finally {
  await database.close()
}
