// /reviews reads what the separate calls it replaced read, in at most 3 round trips of its own for
// every demo login once the reviewer holds a lease (the request adds the page cache's snapshot
// check and the session lookup: 5 at most).
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { countQueries } from '../../db/query-count.server'
import { users } from '../../db/schema'
import type { Database } from '../../db/client.server'
import { findPracticeScenario } from '~/practice/practice.server'
import { nextReviewFor, resultsUnlock } from '~/reviews/allocation.server'
import { myReplies } from '~/reviews/feedback.server'
import { readReviewsPage } from '~/reviews/reviews-page.server'
import { flaggedForManager } from '~/reviews/reviews.server'
import { loader } from '~/routes/reviews._index'
import { submitReview } from '~/reviews/reviews.server'
import { addMembership, createOrganization, createTeam, createUser } from '../../db/factories'
import { passCalibration, replyAs, reviewWith } from '../support/practice-fixtures'
import { createDemoDatabase } from '../support/test-database'

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

  it('answers a manager, an admin and a member in at most 3 round trips of its own', async () => {
    for (const email of LOGINS) {
      const user = await person(email)
      const context = { db: fresh.db, auth: { user, sessionId: 'test' } }
      const call = () =>
        loader({ request: new Request('http://rapport.test/reviews'), context, params: {} } as unknown as Parameters<typeof loader>[0])
      await call() // leases a reply when there is one to review
      const { queries } = await roundTrips(call)
      expect(queries, email).toBeLessThanOrEqual(3)
      // With a lease held the page is two statements: where the reviewer stands, then the rest.
      const page = await roundTrips(() => readReviewsPage(fresh.db, user))
      if (page.result.next.status !== 'empty') expect(page.queries, email).toBe(2)
    }
  })
})
