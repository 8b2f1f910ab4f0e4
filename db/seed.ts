// `npm run db:seed`: seeds the demo organization into DATABASE_URL or the PGlite folder.
// Never run it against a PGlite folder that a running server holds (the lock refuses).
import { parseEnv } from '~/env.server'
import { openDatabase } from './client.server'
import { migrateDatabase } from './migrate.server'
import { seedDemo } from './seed.server'

const env = parseEnv()
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR })
try {
  await migrateDatabase(database)
  const result = await seedDemo(database.db)
  console.log(result.created ? 'Seeded the demo organization "Acme".' : 'The demo organization already exists; nothing to do.')
} finally {
  await database.close()
}
