import path from 'node:path'
import { sql } from 'drizzle-orm'
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import type { Database } from './client.server'

export const migrationsFolder = () =>
  process.env.MIGRATIONS_DIR ?? path.join(process.cwd(), 'db', 'migrations')

/**
 * Applies the committed drizzle-kit migrations; safe to run on every start. On PostgreSQL an
 * advisory lock lets several instances start at once: one migrates, the others wait and find it done.
 */
export async function migrateDatabase(database: Database) {
  const config = { migrationsFolder: migrationsFolder() }
  if (database.driver === 'pglite') return migratePglite(database.db as never, config)
  await database.withOneConnection(async (db) => {
    await db.execute(sql`select pg_advisory_lock(hashtext('rapport.migrate'))`)
    try {
      await migrateNodePg(db as never, config)
    } finally {
      await db.execute(sql`select pg_advisory_unlock(hashtext('rapport.migrate'))`)
    }
  })
}
