// Several independent reads in one statement (one database round trip): each read becomes a column
// holding its rows as a JSON array. Both drivers parse json columns; numbers come back as numbers,
// `date` columns as 'YYYY-MM-DD' strings (as drizzle returns them), timestamps as ISO strings.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm'

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
