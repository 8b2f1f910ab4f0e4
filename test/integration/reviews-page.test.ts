// /reviews reads what the separate calls it replaced read, in at most 3 round trips of its own for
// every demo login, whether they hold a lease or the visit takes a new one (the request adds the
// page cache's snapshot check and the session lookup: 5 at most). A lease taken in one statement is
// the reply the locking transaction would have chosen, and (on PostgreSQL) a statement whose
// snapshot predates another lease never over-leases a reply nor gives one person two leases.
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { countQueries } from '../../db/query-count.server'
import { replies, reviews, users } from '../../db/schema'
import type { Database } from '../../db/client.server'
import { findPracticeScenario } from '~/practice/practice.server'
import { candidatesSql, nextReviewFor, resultsUnlock } from '~/reviews/allocation.server'
import { myReplies } from '~/reviews/feedback.server'
import { readReviewsPage } from '~/reviews/reviews-page.server'
import { flaggedForManager } from '~/reviews/reviews.server'
import { loader } from '~/routes/reviews._index'
import { submitReview } from '~/reviews/reviews.server'
import { addMembership, createOrganization, createTeam, createUser } from '../../db/factories'
import type { Actor } from '~/org/teams.server'
import { passCalibration, replyAs, reviewWith } from '../support/practice-fixtures'
import { createDemoDatabase, createTestDatabase } from '../support/test-database'

let fresh: Database
// The demo's history is generated up to its `now`: which login sees feedback locked depends on the
// date (on a month's first hour everyone has just practised), so the page is read on a fixed day.
const now = new Date('2026-11-29T12:00:00Z')
beforeAll(async () => {
  fresh = await createDemoDatabase(now)
})

const LOGINS = ['member@acme.test', 'manager@acme.test', 'admin@acme.test', 'newhire@acme.test']

async function person(email: string) {
  const [found] = await fresh.db.select().from(users).where(eq(users.email, email))
  return found
}

/** The page as the loader built it before it was one read: each section from its own call. */
async function separately(user: Awaited<ReturnType<typeof person>>, at: Date) {
  const db = fresh.db
  const next = await nextReviewFor(db, user, at)
  const [mine, flagged] = await Promise.all([myReplies(db, user, 5), flaggedForManager(db, user)])
  const title = async (slug: string) => (await findPracticeScenario(db, user, slug))?.title ?? slug
  const unlock = mine[0] ? await resultsUnlock(db, user, mine[0].submittedAt, at) : null
  return {
    next,
    mine: await Promise.all(mine.map(async (reply) => ({ ...reply, title: await title(reply.scenarioSlug) }))),
    flagged: await Promise.all(flagged.map(async (reply) => ({ id: reply.id, author: reply.author, title: await title(reply.scenarioSlug) }))),
    unlock,
    leasedScenario: next.status === 'leased' ? await findPracticeScenario(db, user, next.lease.reply.scenarioSlug) : null,
  }
}

async function roundTrips<T>(work: () => Promise<T>) {
  const tally = { queries: 0 }
  const result = await countQueries(tally, work)
  return { result, queries: tally.queries }
}

describe('the reviews page', () => {
  it('shows every demo login what the separate reads showed', async () => {
    const seen = new Set<string>()
    for (const email of LOGINS) {
      const user = await person(email)
      // The first look may lease a reply (a write); both reads then agree on the lease held.
      const page = await readReviewsPage(fresh.db, user, now)
      expect(page, email).toEqual(await separately(user, now))
      seen.add(page.next.status)
      if (page.flagged.length) seen.add('flagged')
      if (page.unlock) seen.add(page.unlock.unlocked ? 'unlocked' : 'locked')
    }
    // The demo covers what the page can show: a lease, calibration first, flagged replies, feedback locked and unlocked.
    expect([...seen]).toEqual(expect.arrayContaining(['leased', 'calibrate', 'flagged', 'locked', 'unlocked']))
  })

  it('agrees on the unlock while a reply waits and once nothing is left to review', async () => {
    const db = fresh.db
    const org = await createOrganization(db)
    const team = await createTeam(db, org.id, { name: 'Support' })
    const [ana, ben] = await Promise.all(['Ana', 'Ben'].map((name) => createUser(db, org.id, { name })))
    for (const person of [ana, ben]) {
      await addMembership(db, { organizationId: org.id, userId: person.id, teamId: team.id })
      await passCalibration(db, person)
      await replyAs(db, person)
    }
    const user = await person(ana.email)
    const waiting = await readReviewsPage(db, user)
    expect(waiting.unlock).toMatchObject({ unlocked: false, given: 0, poolExhausted: false })
    expect(waiting).toEqual(await separately(user, new Date()))
    if (waiting.next.status !== 'leased') throw new Error('Ana should have Ben’s reply to review')
    expect((await submitReview(db, user, waiting.next.lease.reviewId, reviewWith(3))).ok).toBe(true)
    const exhausted = await readReviewsPage(db, user)
    expect(exhausted.unlock).toMatchObject({ unlocked: true, given: 1, poolExhausted: true })
    expect(exhausted).toEqual(await separately(user, new Date()))
  })

  it('builds its statement once per role and page, and still gives every reviewer their own page', async () => {
    const db = fresh.db
    // Two organizations with a calibrated reviewer and an author each, read one after the other:
    // the second reuses the statement compiled for the first, with its own values.
    const made: { reviewer: Actor & { email: string }; replyId: string; organizationId: string }[] = []
    for (const name of ['North', 'South']) {
      const org = await createOrganization(db)
      const team = await createTeam(db, org.id, { name: 'Support' })
      const [reviewer, author] = await Promise.all([`${name} Reviewer`, `${name} Author`].map((who) => createUser(db, org.id, { name: who })))
      for (const member of [reviewer, author]) await addMembership(db, { organizationId: org.id, userId: member.id, teamId: team.id })
      await passCalibration(db, reviewer)
      made.push({ reviewer: { ...reviewer, role: 'member' }, replyId: await replyAs(db, { ...author, role: 'member' }), organizationId: org.id })
    }
    const dialect = (db as unknown as { dialect: { sqlToQuery: (...args: unknown[]) => unknown } }).dialect
    for (const { reviewer, replyId } of made) {
      const user = await person(reviewer.email)
      const compiled = vi.spyOn(dialect, 'sqlToQuery')
      try {
        const page = await readReviewsPage(db, user)
        if (page.next.status !== 'leased') throw new Error(`${reviewer.email} should have their colleague’s reply to review`)
        expect(page.next.lease.replyId).toBe(replyId)
        // Held now: the page is one statement, compiled before (by an earlier test or reviewer).
        const again = await readReviewsPage(db, user)
        expect(again).toEqual(page)
        expect(again).toEqual(await separately(user, new Date()))
      } finally {
        compiled.mockRestore()
      }
    }
    for (const { reviewer, organizationId } of made) {
      const user = await person(reviewer.email)
      const compiled = vi.spyOn(dialect, 'sqlToQuery')
      try {
        const page = await readReviewsPage(db, user)
        expect(compiled).not.toHaveBeenCalled()
        const [leased] = await db.select({ organizationId: reviews.organizationId }).from(reviews).where(eq(reviews.id, page.next.status === 'leased' ? page.next.lease.reviewId : ''))
        expect(leased?.organizationId).toBe(organizationId)
      } finally {
        compiled.mockRestore()
      }
    }
  })

  it('answers a manager, an admin and a member in at most 3 round trips of its own', async () => {
    for (const email of LOGINS) {
      const user = await person(email)
      const context = { db: fresh.db, auth: { user, sessionId: 'test' } }
      const call = () =>
        loader({ request: new Request('http://rapport.test/reviews'), context, params: {} } as unknown as Parameters<typeof loader>[0])
      await call() // leases a reply when there is one to review
      const { queries } = await roundTrips(call)
      expect(queries, email).toBeLessThanOrEqual(3)
      // With a lease held (or calibration first) the page is one statement: where the reviewer
      // stands, with the rest of the page as more columns of it.
      const page = await roundTrips(() => readReviewsPage(fresh.db, user))
      if (page.result.next.status !== 'empty') expect(page.queries, email).toBe(1)
    }
  })
})

// The page cache's snapshot check and the session lookup come on top of the loader's own.
const AROUND_THE_LOADER = 2
const PAGE_BUDGET = 5

/** Rows of a raw statement, whatever the driver. */
const rowsOf = <T,>(result: unknown) => (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]

/** The reply the locking transaction leases when nobody else is leasing: the best candidate. */
async function bestCandidate(db: Database['db'], user: Actor, at: Date) {
  const [best] = rowsOf<{ id: string }>(
    await db.execute(sql`select c.id from ${candidatesSql(user, at, 20)} as c order by c.preference, c.submitted_at, c.id limit 1`),
  )
  return best?.id ?? null
}

async function liveLeases(db: Database['db'], userId: string, at: Date) {
  return db
    .select({ id: reviews.id, replyId: reviews.replyId })
    .from(reviews)
    .where(and(eq(reviews.reviewerId, userId), eq(reviews.status, 'leased'), isNull(reviews.submittedAt), gt(reviews.leasedUntil, at)))
}

describe('a first visit that takes a lease', () => {
  let demo: Database
  beforeAll(async () => {
    demo = await createDemoDatabase(now)
  })

  it('leases the reply the locking transaction would have chosen, within the page’s budget', async () => {
    const taken: string[] = []
    for (const email of LOGINS) {
      const [user] = await demo.db.select().from(users).where(eq(users.email, email))
      const held = await liveLeases(demo.db, user.id, now)
      const expected = await bestCandidate(demo.db, user, now)
      const context = { db: demo.db, auth: { user, sessionId: 'test' } }
      const tally = { queries: 0 }
      // The loader reads the clock: it is stopped at the demo's day, so the candidates are the same.
      vi.useFakeTimers({ toFake: ['Date'] })
      vi.setSystemTime(now)
      const data = await countQueries(tally, () =>
        loader({ request: new Request('http://rapport.test/reviews'), context, params: {} } as unknown as Parameters<typeof loader>[0]),
      ).finally(() => vi.useRealTimers())
      const page = (data as unknown as { data: { status: string; review: { id: string } | null } }).data
      expect(tally.queries, email).toBeLessThanOrEqual(3)
      expect(tally.queries + AROUND_THE_LOADER, email).toBeLessThanOrEqual(PAGE_BUDGET)
      const after = await liveLeases(demo.db, user.id, now)
      if (held.length || page.status !== 'leased') {
        expect(after, email).toEqual(held)
        continue
      }
      // A new lease: the best candidate, and the only lease they hold.
      expect(after, email).toEqual([{ id: page.review!.id, replyId: expected }])
      taken.push(email)
    }
    // The demo has logins whose first visit takes a lease.
    expect(taken.length).toBeGreaterThan(0)
  })
})

const onPostgres = Boolean(process.env.TEST_DATABASE_URL)

describe.skipIf(!onPostgres)('a lease taken in one statement, beside others on PostgreSQL', () => {
  let database: Database
  beforeAll(async () => {
    database = await createTestDatabase()
  })

  /** Waits until some statement of this database waits for a row lock. */
  async function untilOneWaits() {
    for (let i = 0; i < 500; i++) {
      const [row] = rowsOf<{ n: number }>(
        await database.db.execute(sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`),
      )
      if (row.n > 0) return
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    throw new Error('no statement ever waited for a lock')
  }

  async function organization(names: string[]) {
    const db = database.db
    const org = await createOrganization(db)
    const team = await createTeam(db, org.id, { name: 'Support' })
    const people: Actor[] = []
    for (const name of names) {
      const person = await createUser(db, org.id, { name })
      await addMembership(db, { organizationId: org.id, userId: person.id, teamId: team.id })
      await passCalibration(db, person)
      people.push(person)
    }
    return people
  }

  it('never leases a reply past what it needs when its snapshot predates the lease that filled it', async () => {
    const db = database.db
    const [author, ana, ben] = await organization(['Author', 'Ana', 'Ben'])
    const reply = await replyAs(db, author)
    await db.update(replies).set({ reviewsRequired: 1 }).where(eq(replies.id, reply))
    const at = new Date()
    // Ben's allocation starts (its snapshot: the reply has a free slot), then waits for his own row…
    const { pending } = await db.transaction(async (tx) => {
      await tx.execute(sql`select id from users where id = ${ben.id} for update`)
      const pending = nextReviewFor(db, ben, at)
      await untilOneWaits()
      // …while Ana takes the last slot and commits.
      expect(await nextReviewFor(db, ana, at)).toMatchObject({ status: 'leased', lease: { replyId: reply } })
      return { pending }
    })
    expect(await pending).toEqual({ status: 'empty' })
    expect(await db.select({ reviewerId: reviews.reviewerId }).from(reviews).where(eq(reviews.replyId, reply))).toEqual([{ reviewerId: ana.id }])
  })

  it('never gives one person two leases from two tabs', async () => {
    const db = database.db
    const [first, second, cleo] = await organization(['First', 'Second', 'Cleo'])
    await replyAs(db, first)
    await replyAs(db, second)
    const at = new Date()
    // Cleo's second tab starts (its snapshot: she holds no lease) and waits for her row, which the
    // first tab holds while it leases her a reply.
    const { pending, lease } = await db.transaction(async (tx) => {
      await tx.execute(sql`select id from users where id = ${cleo.id} for update`)
      const pending = nextReviewFor(db, cleo, at)
      await untilOneWaits()
      const lease = await nextReviewFor(tx as unknown as typeof db, cleo, at)
      expect(lease.status).toBe('leased')
      return { pending, lease }
    })
    // The second tab is handed the lease the first took.
    expect(await pending).toEqual(lease)
    expect(await liveLeases(db, cleo.id, at)).toHaveLength(1)
  })
})
