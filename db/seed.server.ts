// The demo organization described in DESIGN.md. Idempotent: does nothing when Acme exists.
import { eq } from 'drizzle-orm'
import type { Db } from './client.server'
import { addMembership, createOrganization, createTeam, createUser } from './factories'
import { organizations, pathEnrollments } from './schema'
import { DEMO_PASSWORD } from './demo.server'
import { seedHistory } from '~/insights/seed-history.server'
import { seedAttention } from '~/demo/seed-attention.server'
import { seedOpenReplies } from '~/practice/seed-practice.server'
import { seedMeetings } from '~/meetings/seed-meetings.server'
import { seedDrills } from '~/drills/seed-drills.server'

export { DEMO_LOGINS, DEMO_PASSWORD, hasDemoOrganization, isEmpty } from './demo.server'

const DAY = 24 * 60 * 60 * 1000

type TeamKey = 'support' | 'sales' | 'engineering' | 'finance' | 'marketing'
const TEAMS: { key: TeamKey; name: string; customerFacing: boolean }[] = [
  { key: 'support', name: 'Support', customerFacing: true },
  { key: 'sales', name: 'Sales', customerFacing: true },
  { key: 'engineering', name: 'Engineering', customerFacing: false },
  { key: 'finance', name: 'Finance', customerFacing: false },
  { key: 'marketing', name: 'Marketing', customerFacing: false },
]

// name, e-mail, org role, teams (first one is their home team; "manager" marks the team they lead), months at Acme
export const DEMO_PEOPLE: [string, string, 'admin' | 'manager' | 'member', [TeamKey, 'manager' | 'member'][], number][] = [
  ['Alex Morgan', 'admin@acme.test', 'admin', [['marketing', 'member']], 30],
  ['Priya Raman', 'manager@acme.test', 'manager', [['support', 'manager'], ['engineering', 'manager']], 28],
  ['Sam Okafor', 'newhire@acme.test', 'member', [['support', 'member']], 0],
  ['Jordan Lee', 'member@acme.test', 'member', [['support', 'member']], 16],
  ['Maya Fischer', 'maya@acme.test', 'member', [['support', 'member']], 22],
  ['Tomás Ruiz', 'tomas@acme.test', 'member', [['support', 'member']], 9],
  ['Hana Sato', 'hana@acme.test', 'member', [['support', 'member']], 14],
  ['Grace Mensah', 'grace@acme.test', 'manager', [['sales', 'manager']], 26],
  ['Leo Novak', 'leo@acme.test', 'member', [['sales', 'member']], 12],
  ['Zara Ahmed', 'zara@acme.test', 'member', [['sales', 'member']], 18],
  ['Ben Carter', 'ben@acme.test', 'member', [['sales', 'member']], 7],
  ['Ines Duarte', 'ines@acme.test', 'member', [['engineering', 'member']], 20],
  ['Kofi Boateng', 'kofi@acme.test', 'member', [['engineering', 'member']], 15],
  ['Lena Weber', 'lena@acme.test', 'member', [['engineering', 'member']], 11],
  ['Ravi Kapoor', 'ravi@acme.test', 'member', [['engineering', 'member']], 24],
  ['Olivia Brown', 'olivia@acme.test', 'manager', [['finance', 'manager']], 27],
  ['Mateo Silva', 'mateo@acme.test', 'member', [['finance', 'member']], 13],
  ['Chloe Martin', 'chloe@acme.test', 'member', [['finance', 'member']], 19],
  ['Nina Petrova', 'nina@acme.test', 'manager', [['marketing', 'manager']], 25],
  ['Owen Hughes', 'owen@acme.test', 'member', [['marketing', 'member']], 10],
]

export interface SeedResult {
  created: boolean
  organizationId: string
}

export async function seedDemo(db: Db, now = new Date()): Promise<SeedResult> {
  const [existing] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, 'acme'))
  if (existing) return { created: false, organizationId: existing.id }

  const org = await createOrganization(db, { name: 'Acme', slug: 'acme', timeZone: 'Europe/London' })
  const teamIds = {} as Record<TeamKey, string>
  for (const team of TEAMS) {
    teamIds[team.key] = (await createTeam(db, org.id, { name: team.name, slug: team.key, customerFacing: team.customerFacing })).id
  }
  for (const [name, email, role, memberOf, months] of DEMO_PEOPLE) {
    // The new hire joined two days ago; everyone else some months back.
    const joinedAt = new Date(now.getTime() - (months === 0 ? 2 : months * 30) * DAY)
    const user = await createUser(db, org.id, { name, email, role, password: DEMO_PASSWORD, joinedAt })
    for (const [team, teamRole] of memberOf) {
      await addMembership(db, { organizationId: org.id, userId: user.id, teamId: teamIds[team], role: teamRole })
    }
    if (months === 0) {
      await db.insert(pathEnrollments).values({ organizationId: org.id, userId: user.id, pathSlug: 'first-week', enrolledAt: joinedAt })
    }
  }
  await seedHistory(db, org.id, now)
  await seedOpenReplies(db, org.id, now)
  await seedAttention(db, org.id, now)
  await seedMeetings(db, org.id, now)
  await seedDrills(db, org.id, now)
  return { created: true, organizationId: org.id }
}

