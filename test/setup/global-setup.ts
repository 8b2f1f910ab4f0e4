// Migrates one database per test run; each test file then gets its own copy of it
// (a PGlite data-dir tarball, or CREATE DATABASE … TEMPLATE on PostgreSQL).
import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import { migrate } from 'drizzle-orm/pglite/migrator'
import postgres from 'postgres'
import type { TestProject } from 'vitest/node'
import { migrateDatabase } from '../../db/migrate.server'
import { openDatabase } from '../../db/client.server'

const root = path.resolve(import.meta.dirname, '../..')
const migrationsFolder = path.join(root, 'db/migrations')

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabase:
      | { kind: 'pglite'; tarball: string }
      | { kind: 'postgres'; adminUrl: string; template: string; fileDatabasePrefix: string }
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL
  if (url) {
    const template = `rapport_test_base_${process.pid}`
    const admin = postgres(url, { max: 1, onnotice: () => {} })
    await admin.unsafe(`DROP DATABASE IF EXISTS ${template}`)
    await admin.unsafe(`CREATE DATABASE ${template}`)
    const templateUrl = withDatabase(url, template)
    const database = await openDatabase({ databaseUrl: templateUrl, poolSize: 1 })
    await migrateDatabase(database)
    await database.close()
    // Every test file's copy is named with this run's prefix, so the teardown below finds and
    // drops them all — even those of a file that failed or crashed before its own cleanup ran.
    const fileDatabasePrefix = `rapport_t_${process.pid}_`
    project.provide('testDatabase', { kind: 'postgres', adminUrl: url, template, fileDatabasePrefix })
    return async () => {
      const left = await admin.unsafe<{ datname: string }[]>(
        `SELECT datname FROM pg_database WHERE starts_with(datname, $1)`,
        [fileDatabasePrefix],
      )
      for (const { datname } of left) await admin.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`)
      await admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`)
      await admin.end()
    }
  }
  const dir = path.join(root, 'test/.artifacts')
  fs.mkdirSync(dir, { recursive: true })
  const tarball = path.join(dir, `pglite-base-${process.pid}.tar`)
  const client = new PGlite()
  await migrate(drizzle(client), { migrationsFolder })
  const dump = await client.dumpDataDir('none')
  fs.writeFileSync(tarball, Buffer.from(await dump.arrayBuffer()))
  await client.close()
  project.provide('testDatabase', { kind: 'pglite', tarball })
  return () => fs.rmSync(tarball, { force: true })
}

export function withDatabase(url: string, database: string) {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}
