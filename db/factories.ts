// One set of data factories, used by the demo seed, the integration tests and the browser tests.
import type { Db } from './client.server'
import { memberships, organizations, teams, users, type NewUser } from './schema'
import { hashPassword } from '~/auth/password.server'

let counter = 0
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`

const hashes = new Map<string, Promise<string>>()
/** argon2 is slow on purpose; one hash per distinct password is enough for fixtures. */
export const cachedHash = (password: string) => {
  if (!hashes.has(password)) hashes.set(password, hashPassword(password))
  return hashes.get(password)!
}

export const DEFAULT_PASSWORD = 'rapport-demo'

export async function createOrganization(db: Db, values: { name?: string; slug?: string; timeZone?: string } = {}) {
  const id = unique()
  const [org] = await db
    .insert(organizations)
    .values({ name: values.name ?? `Org ${id}`, slug: values.slug ?? `org-${id}`, ...(values.timeZone ? { timeZone: values.timeZone } : {}) })
    .returning()
  return org
}

export async function createTeam(
  db: Db,
  organizationId: string,
  values: { name?: string; slug?: string; customerFacing?: boolean } = {},
) {
  const name = values.name ?? `Team ${unique()}`
  const [team] = await db
    .insert(teams)
    .values({
      organizationId,
      name,
      slug: values.slug ?? name.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
      customerFacing: values.customerFacing ?? false,
    })
    .returning()
  return team
}

export async function createUser(
  db: Db,
  organizationId: string,
  values: Partial<Omit<NewUser, 'organizationId' | 'passwordHash'>> & { password?: string } = {},
) {
  const { password = DEFAULT_PASSWORD, ...rest } = values
  const id = unique()
  const [user] = await db
    .insert(users)
    .values({
      organizationId,
      email: (rest.email ?? `person-${id}@example.test`).toLowerCase(),
      name: rest.name ?? `Person ${id}`,
      role: rest.role ?? 'member',
      passwordHash: await cachedHash(password),
      ...(rest.joinedAt ? { joinedAt: rest.joinedAt } : {}),
      ...(rest.deactivatedAt ? { deactivatedAt: rest.deactivatedAt } : {}),
    })
    .returning()
  return user
}

export async function addMembership(
  db: Db,
  values: { organizationId: string; userId: string; teamId: string; role?: 'manager' | 'member' },
) {
  await db.insert(memberships).values({ ...values, role: values.role ?? 'member' }).onConflictDoNothing()
}

/** An organization with one team, an admin, a manager of that team and a member. */
export async function createOrgWithPeople(db: Db, name?: string) {
  const org = await createOrganization(db, { name })
  const team = await createTeam(db, org.id, { name: 'Support', slug: 'support', customerFacing: true })
  const admin = await createUser(db, org.id, { role: 'admin', name: 'Ada Admin' })
  const manager = await createUser(db, org.id, { role: 'manager', name: 'Mo Manager' })
  const member = await createUser(db, org.id, { role: 'member', name: 'Mia Member' })
  await addMembership(db, { organizationId: org.id, userId: manager.id, teamId: team.id, role: 'manager' })
  await addMembership(db, { organizationId: org.id, userId: member.id, teamId: team.id })
  return { org, team, admin, manager, member }
}
