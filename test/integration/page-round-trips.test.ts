// Issue #13: each main page makes at most 5 database round trips, the session lookup being one
// (sessions.test.ts proves that one). Here: the drills and meetings pages' own loaders (and one meeting's page), run on the
// demo organization as each kind of demo login, make at most the 4 that are left, a live meeting's
// page too when its first open records the attendance, and a manager who does not oversee a drill
// still sees their own assignment of it.
import { and, eq, sql } from 'drizzle-orm'
import type { LoaderFunctionArgs } from '@remix-run/node'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../../db/client.server'
import { createUser } from '../../db/factories'
import { drills, meetingAttendance, meetings, memberships, teams, users } from '../../db/schema'
import { countQueries } from '../../db/query-count.server'
import { loader as drillsLoader } from '~/routes/drills._index'
import { loader as drillLoader } from '~/routes/drills.$id'
import { loader as newDrillLoader } from '~/routes/drills.new'
import { loader as meetingsLoader } from '~/routes/meetings._index'
import { loader as meetingLoader } from '~/routes/meetings.$id'
import { createDrill, drillTable, myDrill } from '~/drills/drills.server'
import { startMeeting } from '~/meetings/live.server'
import { organizationTimeZone } from '~/drills/organization-zone.server'
import { wallClock } from '~/drills/schedule'
import { createDemoDatabase, sessionUser } from '../support/test-database'

const PAGE_BUDGET = 5
const SESSION_LOOKUP = 1

let database: Database
const now = new Date()

beforeAll(async () => {
  database = await createDemoDatabase(now)
})

const person = (email: string) => sessionUser(database, email)

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

  // Last: it starts a meeting, which the tests above would see as a third kind.
  it('records a live meeting’s attendance on the first open, within the same budget, once per person', async () => {
    const manager = await person('manager@acme.test')
    const [support] = await database.db.select().from(teams).where(and(eq(teams.organizationId, manager.organizationId), eq(teams.slug, 'support')))
    const [upcoming] = await database.db
      .select({ id: meetings.id })
      .from(meetings)
      .where(and(eq(meetings.teamId, support.id), eq(meetings.status, 'scheduled')))
    await startMeeting(database.db, manager, upcoming.id)
    const id = upcoming.id
    const attendance = () =>
      database.db.select().from(meetingAttendance).where(eq(meetingAttendance.meetingId, id)).orderBy(meetingAttendance.userId)
    // Starting it recorded the manager; the others are recorded when they first open it.
    expect((await attendance()).map((row) => row.userId)).toEqual([manager.id])

    const logins = ['member@acme.test', 'newhire@acme.test', 'admin@acme.test', 'manager@acme.test']
    const opened: string[] = [manager.id]
    for (const email of logins) {
      const user = await person(email)
      const before = (await attendance()).find((row) => row.userId === user.id)
      let first: Awaited<ReturnType<typeof load>>
      try {
        first = await load(meetingLoader, user, `/meetings/${id}`, { id })
      } catch (response) {
        // Refused (not in the team): nothing recorded for them.
        expect((response as Response).status, email).toBe(403)
        expect((await attendance()).some((row) => row.userId === user.id), email).toBe(false)
        continue
      }
      expect(first.queries + SESSION_LOOKUP, `first open of the live meeting as ${email}`).toBeLessThanOrEqual(PAGE_BUDGET)
      if (!opened.includes(user.id)) opened.push(user.id)
      // The page already lists them: the attendance was written before the page's reads.
      expect((first.data as { attendance: { id: string }[] }).attendance.map((a) => a.id), email).toContain(user.id)
      const recorded = (await attendance()).filter((row) => row.userId === user.id)
      expect(recorded, email).toHaveLength(1)
      if (before) expect(recorded[0].joinedAt, email).toEqual(before.joinedAt)
      // Opening it again records nothing new: attended once, from the first time they joined.
      const again = await load(meetingLoader, user, `/meetings/${id}`, { id })
      expect(again.queries + SESSION_LOOKUP).toBeLessThanOrEqual(PAGE_BUDGET)
      expect((await attendance()).filter((row) => row.userId === user.id)).toEqual(recorded)
    }
    expect((await attendance()).map((row) => row.userId).sort()).toEqual([...opened].sort())
    // Someone outside the team (and not an admin) is refused and never recorded.
    const [outsider] = await database.db
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          eq(users.organizationId, manager.organizationId),
          eq(users.role, 'member'),
          sql`not exists (select 1 from ${memberships} m where m.user_id = ${users.id} and m.team_id = ${support.id})`,
        ),
      )
      .limit(1)
    const stranger = await person((await database.db.select({ email: users.email }).from(users).where(eq(users.id, outsider.id)))[0].email)
    await expect(load(meetingLoader, stranger, `/meetings/${id}`, { id })).rejects.toMatchObject({ status: 403 })
    expect((await attendance()).some((row) => row.userId === stranger.id)).toBe(false)
  })
})
