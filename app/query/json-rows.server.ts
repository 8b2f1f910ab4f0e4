// Several independent reads in one statement (one database round trip): each read becomes a column
// holding its rows as a JSON array. Both drivers parse json columns; numbers come back as numbers,
// `date` columns as 'YYYY-MM-DD' strings (as drizzle returns them), timestamps as ISO strings.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { Db } from '#db/client.server'

/** Names each field of a select after its key, so the JSON rows carry the same keys. */
export function named(fields: Record<string, SQLWrapper>): Record<string, SQL.Aliased> {
  return Object.fromEntries(Object.entries(fields).map(([key, field]) => [key, sql`${field}`.as(key)]))
}

/**
 * A subquery's rows as one JSON array (empty when none). `orderBy` names fields of the rows
 * (`"name"`); an ORDER BY inside the subquery alone would not bind the aggregate's order.
 */
export const jsonRows = <T>(query: SQLWrapper, orderBy?: string) =>
  sql<T[]>`(select coalesce(json_agg(r${orderBy ? sql.raw(` order by ${orderBy}`) : sql``}), '[]'::json) from (${query}) r)`

/** An empty JSON array, for a read that is not needed. */
export const noRows = <T>() => sql<T[]>`'[]'::json`

/** One section's read: the rows it needs, and how it turns them into what the page shows. */
export interface Read<Row, Result> {
  query: SQLWrapper
  /** Fields of the rows to order by (see `jsonRows`). */
  orderBy?: string
  build: (rows: Row[]) => Result | Promise<Result>
}

export const read = <Row, Result>(query: SQLWrapper, build: (rows: Row[]) => Result | Promise<Result>, orderBy?: string): Read<Row, Result> => ({
  query,
  build,
  orderBy,
})

export type Built<Reads extends Record<string, Read<never, unknown>>> = { [K in keyof Reads]: Awaited<ReturnType<Reads[K]['build']>> }

/**
 * Runs independent reads of several page sections in one round trip; each section's domain still
 * writes its own query and builds its own result.
 */
export async function readTogether<Reads extends Record<string, Read<never, unknown>>>(db: Db, reads: Reads): Promise<Built<Reads>> {
  const entries = Object.entries(reads)
  const [row] = await db
    .select(Object.fromEntries(entries.map(([name, r]) => [name, jsonRows<never>(r.query, r.orderBy)])))
    .from(sql`(select 1) as one`)
  return buildReads(reads, row as Record<string, unknown>)
}

/**
 * The reads as more columns of a statement that runs anyway (`, (…) as "name"` each, after its
 * own columns): readTogether without a round trip of its own. They see that statement's snapshot.
 */
export function readsAsColumns(reads: Record<string, Read<never, unknown>>): SQL {
  return sql.join(
    Object.entries(reads).map(([name, r]) => sql`, ${jsonRows<never>(r.query, r.orderBy)} as ${sql.identifier(name)}`),
    sql``,
  )
}

/** What readTogether returns, from a row holding the reads' columns (readsAsColumns). */
export async function buildReads<Reads extends Record<string, Read<never, unknown>>>(reads: Reads, row: Record<string, unknown>): Promise<Built<Reads>> {
  const entries = Object.entries(reads)
  const built = await Promise.all(entries.map(([name, r]) => r.build(row[name] as never[])))
  return Object.fromEntries(entries.map(([name], i) => [name, built[i]])) as Built<Reads>
}

/** A read a page does not need this time (its section stays empty): no rows, null. */
export const nothingToRead = () => read<never, null>(sql`select 1 where false`, () => null)
