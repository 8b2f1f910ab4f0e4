// Issue #13: each main page makes at most 5 database round trips, the session lookup being one
// (sessions.test.ts proves that one). Here: the drills and meetings pages' own loaders (and one meeting's page), run on the
// demo organization as each kind of demo login, make at most the 4 that are left, and a manager
// who does not oversee a drill still sees their own assignment of it.
import { eq } from 'drizzle-orm'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/client.server'
import { createUser } from '../../db/factories'
import { drills, meetings, users } from '../../db/schema'
import { countQueries } from '../../db/query-count.server'
import { loader as drillsLoader } from '~/routes/drills._index'
import { loader as drillLoader } from '~/routes/drills.$id'
import { loader as newDrillLoader } from '~/routes/drills.new'
import { loader as meetingsLoader } from '~/routes/meetings._index'
import { loader as meetingLoader } from '~/routes/meetings.$id'
import { createDrill, drillTable, myDrill } from '~/drills/drills.server'
import { organizationTimeZone } from '~/drills/organization-zone.server'
import { wallClock } from '~/drills/schedule'
import { createDemoDatabase } from '../support/test-database'

const PAGE_BUDGET = 5
const SESSION_LOOKUP = 1

let database: Database
const now = new Date()

beforeAll(async () => {
  database = await createDemoDatabase(now)
})

/** A demo person as the session lookup gives them: with their organization's time zone. */
async function person(email: string) {
  const [row] = await database.db.select().from(users).where(eq(users.email, email))
  return { ...row, timeZone: await organizationTimeZone(database.db, row.organizationId) }
}

type Loader = (args: LoaderFunctionArgs) => Promise<unknown>

/** Runs a page's loader as `user` and counts its round trips. */
async function load(loader: Loader, user: Awaited<ReturnType<typeof person>>, path: string, params: Record<string, string> = {}) {
  const tally = { queries: 0 }
  const context = { db: database.db, database, auth: { user, sessionId: 'test', unreadNotifications: 0 } }
  const data = await countQueries(tally, () =>
    loader({ request: new Request(`http://localhost${path}`), context, params } as unknown as LoaderFunctionArgs),
  )
  return { data, queries: tally.queries }
}

describe('round trips of the drills and meetings pages', () => {
  it.each(['member@acme.test', 'newhire@acme.test', 'manager@acme.test', 'admin@acme.test'])('stays within the budget for %s', async (email) => {
    const user = await person(email)
    const lead = user.role !== 'member'
    const pages: [string, Loader, string, Record<string, string>?][] = [
      ['/drills', drillsLoader, '/drills'],
      ['/meetings', meetingsLoader, '/meetings'],
    ]
    if (lead) pages.push(['/drills/new', newDrillLoader, '/drills/new'])
    const demoDrills = await database.db.select({ id: drills.id }).from(drills).where(eq(drills.organizationId, user.organizationId))
    expect(demoDrills.length).toBeGreaterThan(1)
    for (const { id } of demoDrills) pages.push(['/drills/<id>', drillLoader, `/drills/${id}`, { id }])

    let shownTables = 0
    for (const [name, loader, path, params] of pages) {
      let result: Awaited<ReturnType<typeof load>>
      try {
        result = await load(loader, user, path, params)
      } catch (response) {
        // A member not assigned a drill gets a 404; that answer also stays within the budget.
        expect(response).toBeInstanceOf(Response)
        expect((response as Response).status).toBe(404)
        continue
      }
      expect(result.queries + SESSION_LOOKUP, `${name} as ${email}`).toBeLessThanOrEqual(PAGE_BUDGET)
      if (name === '/drills/<id>' && (result.data as { table: unknown }).table) shownTables++
      if (name === '/drills') expect(Boolean((result.data as { managed: unknown[] | null }).managed?.length), email).toBe(lead)
    }
    // Managers and admins see the people × steps table of the demo drills they oversee.
    expect(shownTables > 0).toBe(lead)
  })

  it.each(['member@acme.test', 'newhire@acme.test', 'manager@acme.test', 'admin@acme.test'])(
    'keeps a meeting page, scheduled or held, within the budget for %s',
    async (email) => {
      const user = await person(email)
      const demoMeetings = await database.db
        .select({ id: meetings.id, status: meetings.status })
        .from(meetings)
        .where(eq(meetings.organizationId, user.organizationId))
      const shown = new Set<string>()
      for (const { id, status } of demoMeetings) {
        let result: Awaited<ReturnType<typeof load>>
        try {
          result = await load(meetingLoader, user, `/meetings/${id}`, { id })
        } catch (response) {
          // Another team's meeting is refused to a member; that answer needs even fewer round trips.
          expect((response as Response).status, email).toBe(403)
          expect(user.role).toBe('member')
          continue
        }
        expect(result.queries + SESSION_LOOKUP, `/meetings/<id> (${status}) as ${email}`).toBeLessThanOrEqual(PAGE_BUDGET)
        expect((result.data as { meeting: { id: string } }).meeting.id).toBe(id)
        shown.add(status)
      }
      // Every login sees both a meeting still to come and one already held.
      expect([...shown].sort()).toEqual(['held', 'scheduled'])
    },
  )

  it('shows a manager who does not oversee a drill only their own assignment of it, in the same few round trips', async () => {
    const admin = await person('admin@acme.test')
    const manager = await person('manager@acme.test')
    // A manager who leads no team, named in a drill the admin assigns: theirs to do, not to follow.
    const outsider = { ...(await createUser(database.db, admin.organizationId, { name: 'Lead Without Team', role: 'manager' })), timeZone: admin.timeZone }
    const zone = await organizationTimeZone(database.db, admin.organizationId)
    const opens = wallClock(new Date(now.getTime() - 60 * 60 * 1000), zone)
    const due = wallClock(new Date(now.getTime() + 3 * 24 * 60 * 60 * 1000), zone)
    const created = await createDrill(
      database.db,
      admin,
      {
        title: 'Only for the outsider',
        steps: ['lesson:mood-and-context'],
        teamIds: [],
        personIds: [outsider.id],
        opensDate: opens.date,
        opensTime: opens.time,
        dueDate: due.date,
        dueTime: due.time,
      },
      now,
    )
    if (!created.ok) throw new Error(JSON.stringify(created.errors))
    const id = created.value.id
    const asOutsider = await load(drillLoader, outsider, `/drills/${id}`, { id })
    expect(asOutsider.queries + SESSION_LOOKUP).toBeLessThanOrEqual(PAGE_BUDGET)
    expect(asOutsider.data).toMatchObject({ table: null, mine: await myDrill(database.db, outsider, id, now) })
    await expect(drillTable(database.db, outsider, id, { now })).rejects.toMatchObject({ status: 403 })
    // The demo manager oversees none of it (the outsider is in no team of theirs) and is not assigned it.
    await expect(load(drillLoader, manager, `/drills/${id}`, { id })).rejects.toMatchObject({ status: 404 })
    // The admin sees the table with the outsider in it.
    const asAdmin = await load(drillLoader, admin, `/drills/${id}`, { id })
    expect(asAdmin.queries + SESSION_LOOKUP).toBeLessThanOrEqual(PAGE_BUDGET)
    expect((asAdmin.data as { table: { rows: { userId: string }[] } }).table.rows.map((r) => r.userId)).toEqual([outsider.id])
  })
})
