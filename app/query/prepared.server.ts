// Raw statements that run on every request of a hot path (leasing and submitting reviews) are sent
// as named prepared statements on node-postgres: PostgreSQL parses each once per connection and,
// after a few runs, reuses its plan, where planning these CTE statements cost more than running
// them. The name is derived from the text, so one name never stands for two texts. Same rows, same
// round trips (and counted like any other statement); PGlite runs them as before.
import { createHash } from 'node:crypto'
import * as drizzle from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { Db } from '#db/client.server'

type Internals = {
  dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } }
  session: {
    prepareQuery(
      query: { sql: string; params: unknown[] },
      fields: unknown[] | undefined,
      name: string | undefined,
      arrayMode: boolean,
    ): { execute(values?: Record<string, unknown>): Promise<unknown>; joinsNotNullableMap?: unknown }
  }
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

/**
 * A hot statement whose text depends only on a few things (its shape: a role, how many rows) and
 * whose parameters are values derived from its inputs (a person's id, the clock): built and
 * compiled by drizzle once per shape, then run with each call's values. Building and compiling the
 * reviews page's one statement was about 6 % of a review submission's CPU.
 *
 * The template is found, not declared: the statement is built for two sets of stand-in inputs of the
 * same shape that differ in every value. Their texts must be equal; a parameter equal in both is a
 * constant of the shape; a parameter that differs must be, in both, one and the same entry of
 * `values` (what every parameter may be, named). Anything else (a value the two do not explain, a
 * text that changes with the values) and the statement is built and compiled on every call, as
 * before: never run with another call's values.
 */
export interface StatementTemplate<I> {
  /** Everything besides the values that the statement's text and constants depend on. */
  shape(inputs: I): string
  /**
   * Inputs of the same shape as `inputs` with other values; `which` 0 and 1 must differ in every
   * value. Whatever they carry over from `inputs` unchanged must be part of `shape`: a parameter
   * made of it would look constant.
   */
  standIn(inputs: I, which: 0 | 1): I
  /** The values the statement's parameters are made of, by name (distinct for distinct inputs). */
  values(inputs: I): Record<string, unknown>
  build(db: Db, inputs: I): SQL
}

type Slot = { constant: unknown } | { value: string }
type Compiled = { sql: string; slots: Slot[] } | null

const templates = new WeakMap<StatementTemplate<never>, Map<string, Compiled>>()

/** How the template of `template` for these inputs' shape came out: compiled once (true) or built each call (false). */
export function isTemplated<I>(db: Db, template: StatementTemplate<I>, inputs: I): boolean {
  return compiledTemplate(db, template, inputs) !== null
}

function compiledTemplate<I>(db: Db, template: StatementTemplate<I>, inputs: I): Compiled {
  let byShape = templates.get(template as StatementTemplate<never>)
  if (!byShape) templates.set(template as StatementTemplate<never>, (byShape = new Map()))
  const shape = template.shape(inputs)
  let compiled = byShape.get(shape)
  if (compiled === undefined) {
    compiled = compileTemplate(db, template, inputs)
    // Bounded like the names above: shapes come from a fixed set.
    if (byShape.size < 100) byShape.set(shape, compiled)
  }
  return compiled
}

function compileTemplate<I>(db: Db, template: StatementTemplate<I>, inputs: I): Compiled {
  const { dialect } = db as unknown as Internals
  const [a, b] = [template.standIn(inputs, 0), template.standIn(inputs, 1)]
  if (template.shape(a) !== template.shape(inputs) || template.shape(b) !== template.shape(inputs)) return null
  const [builtA, builtB] = [dialect.sqlToQuery(template.build(db, a)), dialect.sqlToQuery(template.build(db, b))]
  if (builtA.sql !== builtB.sql || builtA.params.length !== builtB.params.length) return null
  const [valuesA, valuesB] = [template.values(a), template.values(b)]
  const slots: Slot[] = []
  for (let i = 0; i < builtA.params.length; i++) {
    const [pa, pb] = [builtA.params[i], builtB.params[i]]
    const primitive = (p: unknown) => p === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof p)
    if (!primitive(pa) || !primitive(pb)) return null
    if (pa === pb) {
      // A constant must not be one of the values (it would be one that the stand-ins happen to share).
      if (Object.values(valuesA).includes(pa) || Object.values(valuesB).includes(pb)) return null
      slots.push({ constant: pa })
      continue
    }
    const names = Object.keys(valuesA).filter((name) => valuesA[name] === pa && valuesB[name] === pb)
    if (names.length !== 1) return null
    slots.push({ value: names[0] })
  }
  return { sql: builtA.sql, slots }
}

/** Runs `template` for `inputs` as a named prepared statement, like executePrepared(db, template.build(db, inputs)). */
export function executeTemplate<I>(db: Db, template: StatementTemplate<I>, inputs: I): Promise<unknown> {
  const compiled = compiledTemplate(db, template, inputs)
  if (!compiled) return executePrepared(db, template.build(db, inputs))
  const values = template.values(inputs)
  const params = compiled.slots.map((slot) => ('constant' in slot ? slot.constant : values[slot.value]))
  return (db as unknown as Internals).session.prepareQuery({ sql: compiled.sql, params }, undefined, nameOf(compiled.sql), false).execute()
}

// drizzle's own (exported, not typed): the selected fields in the order their columns come back.
const { orderSelectedFields } = drizzle as unknown as { orderSelectedFields: (fields: Record<string, unknown>) => unknown[] }

/** What a drizzle select builder keeps for running itself (drizzle's own `_prepare` reads the same). */
type SelectInternals = { getSQL(): SQL; config: { fields: Record<string, unknown> }; joinsNotNullableMap?: unknown }

/**
 * A drizzle select whose values are all `sql.placeholder(name)`s, built and compiled once, then
 * run on any database or transaction (`run(db, values)`) as a named prepared statement, its rows
 * mapped as drizzle maps them. For selects on every request (the session lookup, submitting a
 * review), where building and compiling the query cost more CPU than sending it.
 */
export function compiledSelect<Row>(build: (db: Db) => unknown) {
  let compiled: { query: { sql: string; params: unknown[] }; fields: unknown[]; joins: unknown; name: string } | undefined
  return (db: Db, values: Record<string, unknown>): Promise<Row[]> => {
    const internals = db as unknown as Internals
    if (!compiled) {
      const select = build(db) as SelectInternals
      const query = internals.dialect.sqlToQuery(select.getSQL())
      // A value written into the query would be every later call's value too.
      if (!query.params.every((param) => drizzle.is(param, drizzle.Placeholder))) throw new Error(`compiledSelect: every value must be a placeholder (${query.sql})`)
      compiled = { query, fields: orderSelectedFields(select.config.fields), joins: select.joinsNotNullableMap, name: nameOf(query.sql) }
    }
    const prepared = internals.session.prepareQuery(compiled.query, compiled.fields, compiled.name, true)
    prepared.joinsNotNullableMap = compiled.joins
    return prepared.execute(values) as Promise<Row[]>
  }
}
