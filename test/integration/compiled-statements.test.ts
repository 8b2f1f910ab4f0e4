// Statements compiled once and run with each call's values (app/query/prepared.server.ts): the same
// rows as building them each time, for any values, on the database or in a transaction; and never
// a value of one call reused for another.
import { and, eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/client.server'
import { createOrganization, createUser } from '../../db/factories'
import { organizations, users } from '../../db/schema'
import { compiledSelect, executeTemplate, isTemplated, type StatementTemplate } from '~/query/prepared.server'
import { createTestDatabase } from '../support/test-database'

let database: Database
beforeAll(async () => {
  database = await createTestDatabase()
})

const personWithOrganization = compiledSelect<{ user: { id: string; name: string }; organization: { name: string } }>((db) =>
  db
    .select({ user: { id: users.id, name: users.name }, organization: { name: organizations.name } })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(users.id, sql.placeholder('id')), eq(users.organizationId, sql.placeholder('organizationId')))),
)

/** Rows of a raw statement, whatever the driver. */
const rowsOf = <T,>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]

describe('compiled statements', () => {
  it('a compiled select answers each call with its own values, mapped as drizzle maps them, also in a transaction', async () => {
    const { db } = database
    const people: Awaited<ReturnType<typeof createUser>>[] = []
    for (const name of ['Ana', 'Ben']) {
      const org = await createOrganization(db, { name: `${name}’s company` })
      people.push(await createUser(db, org.id, { name }))
    }
    for (const person of people) {
      expect(await personWithOrganization(db, { id: person.id, organizationId: person.organizationId })).toEqual([
        { user: { id: person.id, name: person.name }, organization: { name: `${person.name}’s company` } },
      ])
    }
    // Another person's organization: nothing.
    expect(await personWithOrganization(db, { id: people[0].id, organizationId: people[1].organizationId })).toEqual([])
    const inTransaction = await db.transaction((tx) => personWithOrganization(tx, { id: people[1].id, organizationId: people[1].organizationId }))
    expect(inTransaction.map((row) => row.user.name)).toEqual(['Ben'])
  })

  it('a compiled select refuses a value written into the query', async () => {
    const written = compiledSelect((db) => db.select({ id: users.id }).from(users).where(eq(users.name, 'Ana')))
    await expect(async () => written(database.db, {})).rejects.toThrow(/placeholder/)
  })

  type Inputs = { id: string; label: string }
  const standIns = ['00000000-0000-4000-8000-0000000000a1', '00000000-0000-4000-8000-0000000000b1']
  const template = (build: StatementTemplate<Inputs>['build']): StatementTemplate<Inputs> => ({
    shape: () => 'one',
    standIn: (inputs, which) => ({ ...inputs, id: standIns[which] }),
    values: ({ id }) => ({ id }),
    build,
  })

  it('a template runs with each call’s values once two stand-ins explain every parameter', async () => {
    const { db } = database
    const org = await createOrganization(db)
    const [ana, ben] = [await createUser(db, org.id, { name: 'Ana' }), await createUser(db, org.id, { name: 'Ben' })]
    const byId = template((_db, { id }) => sql`select name from users where id = ${id}::uuid and ${'constant'} = 'constant'`)
    expect(isTemplated(db, byId, { id: ana.id, label: '' })).toBe(true)
    for (const person of [ana, ben, ana]) {
      expect(rowsOf<{ name: string }>(await executeTemplate(db, byId, { id: person.id, label: '' }))).toEqual([{ name: person.name }])
    }
  })

  it('a template whose parameters the stand-ins do not explain is built for every call', async () => {
    const { db } = database
    const org = await createOrganization(db)
    const [ana, ben] = [await createUser(db, org.id, { name: 'Cleo' }), await createUser(db, org.id, { name: 'Dev' })]
    // The stand-ins keep the caller's `label`, so it looks the same in both: a value that looks
    // constant is refused, and the statement is built for every call.
    const byName: StatementTemplate<Inputs> = {
      ...template((_db, { id, label }) => sql`select name from users where id = ${id}::uuid or name = ${label}`),
      values: ({ id, label }) => ({ id, label }),
    }
    expect(isTemplated(db, byName, { id: ana.id, label: ana.name })).toBe(false)
    const named = async (label: string) => rowsOf<{ name: string }>(await executeTemplate(db, byName, { id: ana.id, label })).map((row) => row.name).sort()
    expect(await named(ana.name)).toEqual([ana.name])
    expect(await named(ben.name)).toEqual([ana.name, ben.name].sort())
  })
})
