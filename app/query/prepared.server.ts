// Raw statements that run on every request of a hot path (leasing and submitting reviews) are sent
// as named prepared statements on node-postgres: PostgreSQL parses each once per connection and,
// after a few runs, reuses its plan, where planning these CTE statements cost more than running
// them. The name is derived from the text, so one name never stands for two texts. Same rows, same
// round trips (and counted like any other statement); PGlite runs them as before.
import { createHash } from 'node:crypto'
import type { SQL } from 'drizzle-orm'
import type { Db } from '#db/client.server'

type Internals = {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } }
  session: { prepareQuery(query: { sql: string; params: unknown[] }, fields: undefined, name: string | undefined, arrayMode: boolean): { execute(): Promise<unknown> } }
}

const names = new Map<string, string>()

function nameOf(text: string) {
  let name = names.get(text)
  if (!name) {
    name = `q_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`
    // Bounded: the texts come from a fixed set of statement shapes.
    if (names.size < 1000) names.set(text, name)
  }
  return name
}

/** db.execute(query), as a named prepared statement (drizzle's own prepared-query path, with a name). */
export function executePrepared(db: Db, query: SQL): Promise<unknown> {
  const internals = db as unknown as Internals
  const built = internals.dialect.sqlToQuery(query)
  return internals.session.prepareQuery(built, undefined, nameOf(built.sql), false).execute()
}
