// What the server needs at start about the demo (whether to seed it, whom to list), kept apart from
// the seeding code so that a start on an existing database does not load it.
import { count, eq } from 'drizzle-orm'
import type { Db } from './client.server'
import { organizations, users } from './schema'

export const DEMO_LOGINS = [
  { email: 'admin@acme.test', role: 'admin', what: 'admin of Acme' },
  { email: 'manager@acme.test', role: 'manager', what: 'manager of Support and Engineering' },
  { email: 'newhire@acme.test', role: 'member', what: 'joined this week, on the "First week" path' },
  { email: 'member@acme.test', role: 'member', what: 'a Support member with a year of history' },
] as const
export const DEMO_PASSWORD = 'rapport-demo'

/** Whether the demo organization exists (its logins are printed at start only then). */
export async function hasDemoOrganization(db: Db) {
  const [org] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, 'acme'))
  return Boolean(org)
}

export async function isEmpty(db: Db) {
  const [row] = await db.select({ n: count() }).from(users)
  return row.n === 0
}
