// Recomputes the dashboard's rollups from raw replies, reviews and memberships:
//   npx tsx app/insights/rebuild-cli.ts [--org <slug>]
// Uses DATABASE_URL or the PGlite folder (PGLITE_DIR), like the server; never run it against a PGlite
// folder a running server holds (the lock refuses). Safe to repeat: the result is the same every time.
import { eq } from 'drizzle-orm'
import { openDatabase } from '#db/client.server'
import { migrateDatabase } from '#db/migrate.server'
import { organizations } from '#db/schema'
import { parseEnv } from '~/env.server'
import { rebuildRollups } from './rollups.server'

const env = parseEnv()
const slugAt = process.argv.indexOf('--org')
const slug = slugAt > 0 ? process.argv[slugAt + 1] : undefined
const database = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDir: env.PGLITE_DIR })
try {
  await migrateDatabase(database)
  let organizationId: string | undefined
  if (slug) {
    const [org] = await database.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug))
    if (!org) throw new Error(`There is no organization "${slug}".`)
    organizationId = org.id
  }
  const started = performance.now()
  await rebuildRollups(database.db, organizationId)
  console.log(`Rollups of ${slug ? `"${slug}"` : 'every organization'} rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s.`)
} finally {
  await database.close()
}
