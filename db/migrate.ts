// `npm run db:migrate`: applies db/migrations to DATABASE_URL or the PGlite folder.
import { parseEnv } from '~/env.server'
import { openDatabase } from './client.server'
import { migrateDatabase } from './migrate.server'

const env = parseEnv()
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR })
try {
  await migrateDatabase(database)
  console.log(`Migrations applied (${database.driver}).`)
} finally {
  await database.close()
}
