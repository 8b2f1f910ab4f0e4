import path from 'node:path'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import type { Database } from './client.server'

export const migrationsFolder = () =>
  process.env.MIGRATIONS_DIR ?? path.join(process.cwd(), 'db', 'migrations')

/** Applies the committed drizzle-kit migrations; safe to run on every start. */
export async function migrateDatabase(database: Database) {
  const config = { migrationsFolder: migrationsFolder() }
  if (database.driver === 'pglite') await migratePglite(database.db as never, config)
  else await migratePostgres(database.db as never, config)
}
