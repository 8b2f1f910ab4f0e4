import fs from 'node:fs'
import path from 'node:path'
import { sql } from 'drizzle-orm'
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
  if (await upToDate(database, config.migrationsFolder)) return
  if (database.driver === 'pglite') return migratePglite(database.db as never, config)
  const { migrate: migrateNodePg } = await import('drizzle-orm/node-postgres/migrator')
  await database.withOneConnection(async (db) => {
    await db.execute(sql`select pg_advisory_lock(hashtext('rapport.migrate'))`)
    try {
      await migrateNodePg(db as never, config)
    } finally {
      await db.execute(sql`select pg_advisory_unlock(hashtext('rapport.migrate'))`)
    }
  })
}

/**
 * Whether the database already has the newest committed migration: drizzle's migrator applies the
 * migrations newer than the last one recorded, so when that is the journal's last entry there is
 * nothing to apply. One query and the journal, instead of reading and hashing every migration
 * file and preparing drizzle's bookkeeping table on each start.
 */
async function upToDate(database: Database, folder: string) {
  let newest: number
  try {
    const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] }
    newest = Math.max(...journal.entries.map((entry) => entry.when))
  } catch {
    return false
  }
  let row: { last: string | number | null } | undefined
  try {
    ;[row] = await database.query<{ last: string | number | null }>('select max(created_at) as last from drizzle.__drizzle_migrations')
  } catch {
    // A new database: no bookkeeping table yet.
    return false
  }
  return row?.last !== null && row?.last !== undefined && Number(row.last) >= newest
}
