// Counts database round trips per unit of work (an HTTP request, a benchmark step) without
// knowing the driver: drizzle tells its logger about every statement it sends, raw SQL goes through
// `Database.query`, and a transaction adds its BEGIN and COMMIT (counted here where drizzle's logger
// does not see them).
import { AsyncLocalStorage } from 'node:async_hooks'
import type { Logger } from 'drizzle-orm/logger'
import type { Database } from './client.server'

export type QueryTally = { queries: number }

const current = new AsyncLocalStorage<QueryTally>()

/** Runs `work` with a fresh tally; every query it causes (however deep, however async) counts. */
export function countQueries<T>(tally: QueryTally, work: () => T): T {
  return current.run(tally, work)
}

function noteQueries(count: number) {
  const tally = current.getStore()
  if (tally) tally.queries += count
}

/** Give this to `drizzle(client, { logger })`: it only counts, it never prints a statement. */
export const queryCountingLogger: Logger = {
  logQuery() {
    noteQueries(1)
  },
}

/** Counts what drizzle's logger cannot see: raw `query` calls and a transaction's BEGIN/COMMIT. */
export function withQueryCounting(database: Database): Database {
  const { db } = database
  // On node-postgres drizzle sends BEGIN and COMMIT as statements its logger sees; PGlite's own
  // transaction() sends them unseen.
  if (database.driver === 'pglite') {
    const transaction = db.transaction.bind(db)
    db.transaction = ((run, config) => {
      noteQueries(2)
      return transaction(run, config)
    }) as typeof db.transaction
  }
  const query = database.query.bind(database)
  return {
    ...database,
    query(text, params) {
      noteQueries(1)
      return query(text, params)
    },
  }
}
