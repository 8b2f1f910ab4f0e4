import fs from 'node:fs'
import postgres from 'postgres'
import { afterAll, inject } from 'vitest'
import { eq } from 'drizzle-orm'
import { openDatabase, type Database } from '../../db/client.server'
import { users } from '../../db/schema'
import { organizationTimeZone } from '~/drills/organization-zone.server'
import { withDatabase } from '../setup/global-setup'

/**
 * A fresh, migrated database for this test file (PGlite by default, PostgreSQL when
 * TEST_DATABASE_URL is set). Closed and dropped after the file's tests.
 */
export async function createTestDatabase(): Promise<Database> {
  const provided = inject('testDatabase')
  if (provided.kind === 'pglite') {
    const blob = new Blob([fs.readFileSync(provided.tarball)])
    const database = await openDatabase({ pgliteDir: 'memory://', pgliteLoadDataDir: blob })
    afterAll(() => database.close())
    return database
  }
  const name = `${provided.fileDatabasePrefix}${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const admin = postgres(provided.adminUrl, { max: 1, onnotice: () => {} })
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${provided.template}`)
      break
    } catch (error) {
      // Two files copying the template at the same instant: wait and try again.
      if (attempt > 20 || !String(error).includes('being accessed by other users')) throw error
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200))
    }
  }
  const database = await openDatabase({ databaseUrl: withDatabase(provided.adminUrl, name), poolSize: 4 })
  afterAll(async () => {
    await database.close()
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.end()
  })
  return database
}

/** A fresh database (as createTestDatabase) holding the demo organizations, seeded as of `now`. */
export async function createDemoDatabase(now: Date): Promise<Database> {
  const { seedDemo } = await import('../../db/seed.server')
  const database = await createTestDatabase()
  await seedDemo(database.db, now)
  return database
}

/** A demo person as the session lookup gives them: with their organization's time zone. */
export async function sessionUser(database: Database, email: string) {
  const [row] = await database.db.select().from(users).where(eq(users.email, email))
  return { ...row, timeZone: await organizationTimeZone(database.db, row.organizationId) }
}
