// Opens the database: embedded PGlite when DATABASE_URL is unset (the zero-setup default),
// postgres.js with a pool when it is set. One schema, one `Db` type for both drivers.
import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import * as schema from './schema'
import { acquireDataDirLock } from './data-dir-lock.server'

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>
/** A transaction handle is usable wherever a `Db` is. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

export interface Database {
  db: Db
  driver: 'pglite' | 'postgres'
  /** How to reach the same database from another client (the job queue opens its own). */
  connection: { kind: 'postgres'; url: string } | { kind: 'pglite'; client: PGlite }
  /** Run raw SQL and get rows back, whatever the driver (their `execute` shapes differ). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
  close(): Promise<void>
}

export interface OpenOptions {
  databaseUrl?: string
  /** PGlite data directory; `memory://` for an in-memory database. */
  pgliteDir?: string
  /** A PGlite data-dir tarball to start from (used by tests to clone a migrated database). */
  pgliteLoadDataDir?: Blob
  poolSize?: number
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10)
  return openPglite(options.pgliteDir ?? 'memory://', options.pgliteLoadDataDir)
}

function openPostgres(url: string, max: number): Database {
  const client = postgres(url, { max, onnotice: () => {} })
  const db = drizzlePostgres(client, { schema }) as unknown as Db
  return {
    db,
    driver: 'postgres',
    connection: { kind: 'postgres', url },
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.unsafe(text, params as never[])) as unknown as T[]
    },
    async close() {
      await client.end({ timeout: 5 })
    },
  }
}

async function openPglite(dir: string, loadDataDir?: Blob): Promise<Database> {
  let releaseLock = () => {}
  if (!dir.startsWith('memory://')) {
    fs.mkdirSync(path.dirname(path.resolve(dir)), { recursive: true })
    fs.mkdirSync(dir, { recursive: true })
    // PGlite has no lock between processes; two of them on one folder corrupt it silently.
    releaseLock = acquireDataDirLock(dir)
  }
  const client = new PGlite(dir, loadDataDir ? { loadDataDir } : {})
  await client.waitReady
  const db = drizzlePglite(client, { schema }) as unknown as Db
  let closed = false
  return {
    db,
    driver: 'pglite',
    connection: { kind: 'pglite', client },
    async query<T>(text: string, params: unknown[] = []) {
      const result = await client.query(text, params)
      return result.rows as T[]
    },
    async close() {
      if (closed) return
      closed = true
      await client.close()
      releaseLock()
    },
  }
}

export { schema }
