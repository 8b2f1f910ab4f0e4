// Opens the database: embedded PGlite when DATABASE_URL is unset (the zero-setup default),
// node-postgres with a pool when it is set. One schema, one `Db` type for both drivers.
//
// node-postgres rather than postgres.js: postgres.js 3.4 can throw from a setImmediate in its
// connection code when the server restarts under load, which no caller can catch and which ends
// the process. A pg pool reports a lost connection as an 'error' event we handle (see below).
import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import * as schema from './schema'
import { acquireDataDirLock } from './data-dir-lock.server'
import { queryCountingLogger, withQueryCounting } from './query-count.server'
import { createAvailability, type DatabaseAvailability } from './availability.server'
import { DatabaseStartError, describePgliteDirProblem, preparePostgresDatabase } from './start-checks.server'

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
  /** Runs `work` on one connection held throughout (session-level advisory locks need that). */
  withOneConnection<T>(work: (db: Db) => Promise<T>): Promise<T>
  /** Whether the database answers; marked down by connection errors, up again by a probe. */
  availability: DatabaseAvailability
  close(): Promise<void>
}

export interface OpenOptions {
  databaseUrl?: string
  /** PGlite data directory; `memory://` for an in-memory database. */
  pgliteDir?: string
  /** A PGlite data-dir tarball to start from (used by tests to clone a migrated database). */
  pgliteLoadDataDir?: Blob
  poolSize?: number
  /** At start: create a missing PostgreSQL database when the role may (the server does; tests do not need it). */
  createMissingDatabase?: boolean
}

export { DatabaseStartError }

export async function openDatabase(options: OpenOptions): Promise<Database> {
  let database: Database
  if (options.databaseUrl) {
    if (options.createMissingDatabase) await preparePostgresDatabase(options.databaseUrl)
    database = await openPostgres(options.databaseUrl, options.poolSize ?? 10)
  } else {
    database = await openPglite(options.pgliteDir ?? 'memory://', options.pgliteLoadDataDir)
  }
  return withQueryCounting(database)
}

// How long a request may wait for a connection before the database counts as unreachable:
// short, so that during an outage every request is answered (503) well within 5 s.
const CONNECT_TIMEOUT_MS = 2_000

// node-postgres is loaded only when PostgreSQL is used: an embedded PGlite start does not pay for it.
async function openPostgres(url: string, max: number): Promise<Database> {
  const [{ default: pg }, { drizzle: drizzleNodePg }] = await Promise.all([import('pg'), import('drizzle-orm/node-postgres')])
  const pool = new pg.Pool({
    connectionString: url,
    max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
    // TCP keepalive notices a vanished server on idle connections.
    keepAlive: true,
    // Pages read several sections in one statement, whose summed cost estimate can pass
    // jit_above_cost; compiling it would take longer than running it.
    options: '-c jit=off',
  })
  const availability = createAvailability(async () => {
    await pool.query('select 1')
  })
  // A pooled connection that dies (server restart, network) emits 'error': on the pool while idle,
  // on the client itself while checked out between two queries (a transaction). Unhandled, either
  // event would end the process. The pool drops a dead connection on release.
  pool.on('error', (error) => availability.reportFailure(error))
  pool.on('connect', (client) => client.on('error', (error) => availability.reportFailure(error)))
  const db = drizzleNodePg(pool, { schema, logger: queryCountingLogger }) as unknown as Db
  return {
    db,
    driver: 'postgres',
    availability,
    connection: { kind: 'postgres', url },
    async query<T>(text: string, params: unknown[] = []) {
      const result = await pool.query(text, params)
      return result.rows as T[]
    },
    async withOneConnection(work) {
      const client = await pool.connect()
      let failure: unknown
      try {
        return await work(drizzleNodePg(client, { schema }) as unknown as Db)
      } catch (error) {
        failure = error
        throw error
      } finally {
        client.release(failure instanceof Error ? failure : undefined)
      }
    },
    async close() {
      availability.stop()
      await pool.end()
    },
  }
}

async function openPglite(dir: string, loadDataDir?: Blob): Promise<Database> {
  let releaseLock = () => {}
  if (!dir.startsWith('memory://')) {
    const problem = describePgliteDirProblem(dir)
    if (problem) throw new DatabaseStartError(problem)
    // PGlite has no lock between processes; two of them on one folder corrupt it silently.
    releaseLock = acquireDataDirLock(dir)
  }
  let client: PGlite
  try {
    client = new PGlite(dir, loadDataDir ? { loadDataDir } : {})
    await client.waitReady
  } catch (error) {
    releaseLock()
    if (dir.startsWith('memory://')) throw error
    throw new DatabaseStartError(
      `PGLITE_DIR=${JSON.stringify(dir)}: PGlite could not open this folder (${error instanceof Error ? error.message : String(error)}). Point PGLITE_DIR at an empty folder or at a Rapport data folder.`,
      { cause: error },
    )
  }
  const db = drizzlePglite(client, { schema, logger: queryCountingLogger }) as unknown as Db
  let closed = false
  return {
    db,
    driver: 'pglite',
    connection: { kind: 'pglite', client },
    // An embedded database cannot become unreachable while the process lives.
    availability: createAvailability(null),
    async query<T>(text: string, params: unknown[] = []) {
      const result = await client.query(text, params)
      return result.rows as T[]
    },
    async withOneConnection(work) {
      return work(db)
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
