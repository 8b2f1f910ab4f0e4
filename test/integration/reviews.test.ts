import { and, eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { addMembership, createOrganization, createTeam, createUser } from '../../db/factories'
import { calibrationAttempts, notifications, replies, reviewerQuality, reviews, rubricVersions, teamMonthRollups } from '../../db/schema'
import { listNotifications, markNotificationsRead, unreadNotificationCount } from '~/notifications/notifications.server'
import type { Actor } from '~/org/teams.server'
import { nextReviewFor, resultsUnlock, reviewsWaitingFor } from '~/reviews/allocation.server'
import { calibrationFor, calibrationOverview, calibrationSet, submitCalibration } from '~/reviews/calibration-attempts.server'
import { listCalibrationItems } from '~/reviews/calibration.server'
import { consensus, overallScore, weightedMedian } from '~/reviews/consensus'
import { personalTrend } from '~/insights/insights.server'
import { getReplyFeedback } from '~/reviews/feedback.server'
import { DAY, DEFAULT_REVIEW_RULES, HOUR } from '~/reviews/review-rules'
import { decideReview, flaggedForManager, reactToReview, resolveDispute, submitReview } from '~/reviews/reviews.server'
import { CRITERIA, passCalibration, replyAs, reviewWith } from '../support/practice-fixtures'
import { createTestDatabase } from '../support/test-database'

let database: Awaited<ReturnType<typeof createTestDatabase>>
beforeAll(async () => {
  database = await createTestDatabase()
})

type Person = Actor & { name: string }

/** An organization with Support (manager + 3), Sales (manager + 2) and Finance (1); everyone calibrated. */
async function makeOrg(calibrated = true) {
  const { db } = database
  const org = await createOrganization(db)
  const support = await createTeam(db, org.id, { name: 'Support' })
  const sales = await createTeam(db, org.id, { name: 'Sales' })
  const finance = await createTeam(db, org.id, { name: 'Finance' })
  const person = async (name: string, team: { id: string }, role: 'manager' | 'member' = 'member'): Promise<Person> => {
    const user = await createUser(db, org.id, { name, role })
    await addMembership(db, { organizationId: org.id, userId: user.id, teamId: team.id, role })
    if (calibrated) await passCalibration(db, user)
    return user
  }
  const people = {
    supportLead: await person('Sue Lead', support, 'manager'),
    s1: await person('Sam One', support),
    s2: await person('Sia Two', support),
    s3: await person('Sol Three', support),
    salesLead: await person('Sal Lead', sales, 'manager'),
    b1: await person('Bo One', sales),
    b2: await person('Bea Two', sales),
    f1: await person('Fay One', finance),
  }
  const admin = await createUser(db, org.id, { name: 'Ada Admin', role: 'admin' })
  if (calibrated) await passCalibration(db, admin)
  return { org, teams: { support, sales, finance }, people, admin }
}

const T0 = new Date('2026-03-02T09:00:00Z')
const at = (hours: number) => new Date(T0.getTime() + hours * HOUR)

async function leaseFor(person: Actor, now: Date) {
  const next = await nextReviewFor(database.db, person, now)
  return next.status === 'leased' ? next.lease : null
}

/** Leases the next reply for the person and submits a review of it at the given levels. */
async function reviewNext(person: Actor, levels: number | Record<string, number>, now: Date) {
  const lease = await leaseFor(person, now)
  if (!lease) throw new Error('nothing to review')
  const result = await submitReview(database.db, person, lease.reviewId, reviewWith(levels), { now })
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return lease.replyId
}

describe('calibration', () => {
  it('comes before the first review; passing within one level on every criterion unlocks reviewing', async () => {
    const { db } = database
    const { people } = await makeOrg(false)
    await replyAs(db, people.b1, { now: T0 })
    expect(await nextReviewFor(db, people.s1, at(1))).toEqual({ status: 'calibrate' })

    const first = await calibrationFor(db, people.s1)
    expect(first.calibrated).toBe(false)
    expect(first.items).toHaveLength(3)
    // Two levels off on one criterion fails, and is stored.
    const off = Object.fromEntries(
      first.items.map((item, i) => [item.id, { ...item.expert, ...(i === 0 ? { empathy: item.expert.empathy <= 2 ? item.expert.empathy + 2 : item.expert.empathy - 2 } : {}) }]),
    )
    const failed = await submitCalibration(db, people.s1, off)
    expect(failed).toMatchObject({ ok: true, result: { passed: false } })
    if (failed.ok) expect(failed.result.items[0].criteria.find((c) => c.criterionId === 'empathy')?.within).toBe(false)

    // A retry offers a different trio; one level off everywhere still passes.
    const second = await calibrationFor(db, people.s1)
    expect(second.tries).toBe(1)
    expect(second.items.map((i) => i.id)).not.toEqual(first.items.map((i) => i.id))
    const close = Object.fromEntries(
      second.items.map((item) => [item.id, Object.fromEntries(Object.entries(item.expert).map(([c, l]) => [c, l === 4 ? 3 : l + 1]))]),
    )
    expect(await submitCalibration(db, people.s1, close)).toMatchObject({ ok: true, result: { passed: true } })
    expect((await calibrationFor(db, people.s1)).calibrated).toBe(true)
    expect((await nextReviewFor(db, people.s1, at(1))).status).toBe('leased')
    const stored = await db.select().from(calibrationAttempts).where(eq(calibrationAttempts.userId, people.s1.id))
    expect(stored.map((row) => row.passed).sort()).toEqual([false, true])
  })

  it('refuses incomplete answers without storing them', async () => {
    const { db } = database
    const { people } = await makeOrg(false)
    const { items } = await calibrationFor(db, people.s2)
    const partial = Object.fromEntries(items.map((item) => [item.id, { empathy: 2 }]))
    expect(await submitCalibration(db, people.s2, partial)).toMatchObject({ ok: false })
    expect(await submitCalibration(db, people.s2, {})).toMatchObject({ ok: false })
    expect(await db.select().from(calibrationAttempts).where(eq(calibrationAttempts.userId, people.s2.id))).toHaveLength(0)
  })

  it('picks a weak, a middling and a strong gold reply', async () => {
    const items = await listCalibrationItems()
    const mean = (id: string) => {
      const levels = Object.values(items.find((i) => i.id === id)!.expert)
      return levels.reduce((a, b) => a + b, 0) / levels.length
    }
    for (let n = 0; n < 4; n++) {
      const trio = calibrationSet(items, n).map((i) => mean(i.id))
      expect(trio[0]).toBeLessThanOrEqual(trio[1])
      expect(trio[1]).toBeLessThanOrEqual(trio[2])
    }
  })

  it('shows managers who has calibrated in their teams only; members may not look', async () => {
    const { db } = database
    const { people, admin } = await makeOrg(false)
    await passCalibration(db, people.s1)
    const view = await calibrationOverview(db, people.supportLead)
    expect(view.map((p) => [p.name, p.calibrated])).toEqual([
      ['Sam One', true],
      ['Sia Two', false],
      ['Sol Three', false],
      ['Sue Lead', false],
    ])
    expect((await calibrationOverview(db, admin)).length).toBe(8)
    await expect(calibrationOverview(db, people.s1)).rejects.toMatchObject({ status: 403 })
  })
})

describe('allocation', () => {
  it('never hands out one’s own reply, and never the same reply twice', async () => {
    const { db } = database
    const { people } = await makeOrg()
    const own = await replyAs(db, people.s1, { now: T0 })
    expect(await nextReviewFor(db, people.s1, at(1))).toEqual({ status: 'empty' })
    const reviewed = await reviewNext(people.s2, 3, at(1))
    expect(reviewed).toBe(own)
    expect(await nextReviewFor(db, people.s2, at(2))).toEqual({ status: 'empty' })
  })

  it('a look at an empty queue writes nothing (the page cache keeps /reviews for it)', async () => {
    const { db } = database
    const { people } = await makeOrg()
    await replyAs(db, people.s1, { now: T0 })
    // A row lock marks the row with the locking transaction (xmax); the allocation would lock the reviewer.
    const reviewerRow = async () =>
      (await database.query<{ xmax: string }>('select xmax::text as xmax from users where id = $1', [people.s1.id]))[0].xmax
    const before = await reviewerRow()
    expect(await nextReviewFor(db, people.s1, at(1))).toEqual({ status: 'empty' })
    expect(await reviewerRow()).toBe(before)
  })

  it('hands a reply again to a reviewer whose lease on it expired', async () => {
    const { db } = database
    const { people } = await makeOrg()
    const reply = await replyAs(db, people.s1, { now: T0 })
    const first = await nextReviewFor(db, people.s2, at(1))
    expect(first.status === 'leased' && first.lease.replyId).toBe(reply)
    const later = new Date(at(1).getTime() + DEFAULT_REVIEW_RULES.leaseMs + 60_000)
    const again = await nextReviewFor(db, people.s2, later)
    expect(again.status === 'leased' && again.lease.replyId).toBe(reply)
  })

  it('is blind: the lease carries no author and no team', async () => {
    const { db } = database
    const { people } = await makeOrg()
    await replyAs(db, people.s1, { now: T0 })
    const lease = await leaseFor(people.b1, at(1))
    const flat = JSON.stringify(lease)
    expect(flat).not.toContain(people.s1.id)
    expect(flat).not.toContain(people.s1.name)
    expect(Object.keys(lease!.reply).sort()).toEqual(['promptId', 'rubricVersionId', 'scenarioSlug', 'submittedAt', 'text'])
  })

  it('prefers other teams’ replies, then the oldest; same-team replies when other teams run out', async () => {
    const { db } = database
    const { people } = await makeOrg()
    const sameOld = await replyAs(db, people.s2, { now: T0 })
    const otherNew = await replyAs(db, people.b1, { now: at(2) })
    const otherOld = await replyAs(db, people.f1, { now: at(1) })
    expect(await reviewNext(people.s1, 3, at(3))).toBe(otherOld)
    expect(await reviewNext(people.s1, 3, at(3))).toBe(otherNew)
    expect(await reviewNext(people.s1, 3, at(3))).toBe(sameOld)
  })

  it('returns the lease one already holds instead of a new one', async () => {
    const { db } = database
    const { people } = await makeOrg()
    await replyAs(db, people.b1, { now: T0 })
    await replyAs(db, people.b2, { now: at(1) })
    const first = await leaseFor(people.s1, at(2))
    const again = await leaseFor(people.s1, at(2.5))
    expect(again?.reviewId).toBe(first?.reviewId)
    expect(await reviewsWaitingFor(db, people.s1, at(2.5))).toBe(2)
  })

  it('leases no more slots than a reply still needs, and an expired lease returns to the pool', async () => {
    const { db } = database
    const { people } = await makeOrg()
    const reply = await replyAs(db, people.f1, { now: T0 })
    const holders = [people.s1, people.s2, people.s3]
    for (const person of holders) expect((await leaseFor(person, at(1)))?.replyId).toBe(reply)
    expect(await nextReviewFor(db, people.b1, at(1.5))).toEqual({ status: 'empty' })

    // s1 walks away; after the hour the slot goes to b1, and the expired row is gone.
    const late = await db.select().from(reviews).where(and(eq(reviews.replyId, reply), eq(reviews.reviewerId, people.s1.id)))
    expect((await leaseFor(people.s2, at(1.5)))?.replyId).toBe(reply)
    expect((await leaseFor(people.b1, at(2.1)))?.replyId).toBe(reply)
    expect(await db.select().from(reviews).where(eq(reviews.id, late[0].id))).toHaveLength(0)
    // s1's late review is refused: the slot is taken.
    const refused = await submitReview(db, people.s1, late[0].id, reviewWith(3), { now: at(2.2) })
    expect(refused).toMatchObject({ ok: false, errors: { form: expect.stringMatching(/no longer held/) } })
  })

  it('still accepts a late review whose slot nobody took', async () => {
    const { db } = database
    const { people } = await makeOrg()
    await replyAs(db, people.f1, { now: T0 })
    const lease = (await leaseFor(people.s1, at(1)))!
    const result = await submitReview(db, people.s1, lease.reviewId, reviewWith(3), { now: at(5) })
    expect(result).toEqual({ ok: true, finalised: false })
  })

  it('never leases one slot twice under concurrent requests', async () => {
    const { db } = database
    const { people } = await makeOrg()
    const reply = await replyAs(db, people.f1, { now: T0 })
    const crowd = [people.s1, people.s2, people.s3, people.b1, people.b2, people.supportLead, people.salesLead]
    const results = await Promise.all(crowd.map((person) => nextReviewFor(db, person, at(1))))
    expect(results.filter((r) => r.status === 'leased')).toHaveLength(3)
    const rows = await db.select().from(reviews).where(eq(reviews.replyId, reply))
    expect(rows).toHaveLength(3)
    expect(new Set(rows.map((r) => r.reviewerId)).size).toBe(3)
  })

  it('lets managers and admins review too', async () => {
    const { db } = database
    const { people, admin } = await makeOrg()
    const reply = await replyAs(db, people.s1, { now: T0 })
    expect(await reviewNext(people.salesLead, 3, at(1))).toBe(reply)
    expect(await reviewNext(admin, 3, at(1))).toBe(reply)
  })

  it('relaxes M for old replies: M−1 after 7 days, 1 after 14 days', async () => {
    const { db } = database
    const { people } = await makeOrg()
    const week = await replyAs(db, people.f1, { now: T0 })
    await reviewNext(people.s1, 3, at(1))
    await reviewNext(people.s2, 3, at(1))
    // At day 8 the reply with two reviews needs no third: the next request finalises it.
    expect(await nextReviewFor(db, people.s3, new Date(T0.getTime() + 8 * DAY))).toEqual({ status: 'empty' })
    const [row] = await db.select().from(replies).where(eq(replies.id, week))
    expect(row.finalisedAt).not.toBeNull()

    const fortnight = await replyAs(db, people.b1, { now: T0 })
    const later = new Date(T0.getTime() + 15 * DAY)
    expect(await reviewNext(people.s3, 2, later)).toBe(fortnight)
    const [old] = await db.select().from(replies).where(eq(replies.id, fortnight))
    expect(old.finalisedAt).not.toBeNull()
    expect(old.reviewsDone).toBe(1)
  })
})

describe('unlocking one’s own results', () => {
  it('asks for N reviews given since the reply, unless nothing is left to review', async () => {
    const { db } = database
    const { people } = await makeOrg()
    const mine = await replyAs(db, people.s1, { now: T0 })
    for (const person of [people.b1, people.b2, people.f1]) await replyAs(db, person, { now: at(0.5) })
    let state = await resultsUnlock(db, people.s1, T0, at(1))
    expect(state).toMatchObject({ unlocked: false, given: 0, remaining: 3 })
    await reviewNext(people.s1, 3, at(1))
    await reviewNext(people.s1, 3, at(1))
    state = await resultsUnlock(db, people.s1, T0, at(1))
    expect(state).toMatchObject({ unlocked: false, given: 2, remaining: 1 })
    await reviewNext(people.s1, 3, at(1))
    expect(await resultsUnlock(db, people.s1, T0, at(1))).toMatchObject({ unlocked: true, given: 3 })
    expect(mine).toBeTruthy()
  })

  it('lets someone in a tiny organization see results once they reviewed everything available', async () => {
    const { db } = database
    const org = await createOrganization(db)
    const team = await createTeam(db, org.id, { name: 'Only' })
    const a = await createUser(db, org.id, { name: 'A' })
    const b = await createUser(db, org.id, { name: 'B' })
    for (const p of [a, b]) {
      await addMembership(db, { organizationId: org.id, userId: p.id, teamId: team.id })
      await passCalibration(db, p)
    }
    await replyAs(db, a, { now: T0 })
    await replyAs(db, b, { now: T0 })
    expect((await resultsUnlock(db, a, T0, at(1))).unlocked).toBe(false)
    await reviewNext(a, 3, at(1))
    expect(await resultsUnlock(db, a, T0, at(1))).toMatchObject({ unlocked: true, given: 1, poolExhausted: true })
  })
})

describe('the home page trend and locked results', () => {
  it('leaves out a reply whose results the author has not unlocked, and counts it once they have', async () => {
    const { db } = database
    const { people } = await makeOrg()
    await replyAs(db, people.s1, { now: T0 })
    for (const reviewer of [people.b1, people.b2, people.f1]) await reviewNext(reviewer, 3, at(0.5))
    for (const person of [people.b1, people.b2, people.f1]) await replyAs(db, person, { now: at(1) })
    const now = new Date(T0.getTime() + 2 * HOUR)
    expect((await resultsUnlock(db, people.s1, T0, now)).unlocked).toBe(false)
    expect((await personalTrend(db, people.s1, { now })).latest).toBeNull()
    for (let i = 0; i < 3; i++) await reviewNext(people.s1, 3, at(1.5))
    expect((await resultsUnlock(db, people.s1, T0, now)).unlocked).toBe(true)
    expect((await personalTrend(db, people.s1, { now })).latest).toMatchObject({ replies: 1 })
  })
})

describe('consensus and scores', () => {
  it('uses the median, and the weighted median once reviewers have history', () => {
    expect(weightedMedian([{ value: 2, weight: 1 }, { value: 3, weight: 1 }, { value: 4, weight: 1 }])).toBe(3)
    expect(weightedMedian([{ value: 1, weight: 1 }, { value: 4, weight: 1 }])).toBe(2.5)
    expect(weightedMedian([{ value: 1, weight: 1.5 }, { value: 2, weight: 0.5 }, { value: 4, weight: 0.5 }])).toBe(1)
    const criteria = [{ id: 'a', weight: 0.75 }, { id: 'b', weight: 0.25 }]
    expect(overallScore(criteria, { a: 4, b: 4 })).toBe(100)
    expect(overallScore(criteria, { a: 1, b: 1 })).toBe(0)
    expect(overallScore(criteria, { a: 4, b: 1 })).toBe(75)
    expect(consensus(criteria, [{ scores: { a: 1, b: 1 }, weight: 1 }, { scores: { a: 3, b: 3 }, weight: 1 }, { scores: { a: 4, b: 4 }, weight: 1 }, { scores: { a: 2, b: 2 }, weight: 1, deciding: true }]))
      .toEqual({ criterionScores: { a: 2, b: 2 }, score: overallScore(criteria, { a: 2, b: 2 }) })
  })

  it('finalises at M reviews with the median per criterion and the rubric-weighted 0–100 score', async () => {
    const { db } = database
    const { people } = await makeOrg()
    const reply = await replyAs(db, people.f1, { now: T0 })
    await reviewNext(people.s1, { empathy: 2, warmth: 3, ownership: 3, 'next-step': 2, context: 1 }, at(1))
    await reviewNext(people.s2, { empathy: 3, warmth: 3, ownership: 4, 'next-step': 2, context: 2 }, at(1))
    const [before] = await db.select().from(replies).where(eq(replies.id, reply))
    expect(before.finalisedAt).toBeNull()
    await reviewNext(people.s3, { empathy: 3, warmth: 4, ownership: 3, 'next-step': 3, context: 2 }, at(1))
    const [after] = await db.select().from(replies).where(eq(replies.id, reply))
    expect(after.criterionScores).toEqual({ empathy: 3, warmth: 3, ownership: 3, 'next-step': 2, context: 2 })
    // (2/3·100)·(0.25+0.2+0.2) + (1/3·100)·(0.2+0.15) = 43.33 + 11.67 = 55
    expect(after.score).toBeCloseTo(55, 1)
    expect(after.reviewsDone).toBe(3)
    expect(after.finalisedAt).toEqual(at(1))
    expect(after.flaggedAt).toBeNull()
    // The insights rollups were updated in the same transaction.
    const rollups = await db.select().from(teamMonthRollups).where(eq(teamMonthRollups.teamId, after.teamId!))
    expect(rollups[0]).toMatchObject({ reviewedReplies: 1, scoreSum: after.score })
  })

  it('weights reviewers by quality once they have five counted reviews', async () => {
    const { db } = database
    const { people, org } = await makeOrg()
    await db.insert(reviewerQuality).values([
      { userId: people.s1.id, organizationId: org.id, quality: 1, reviewsCounted: 8 },
      { userId: people.s2.id, organizationId: org.id, quality: 0, reviewsCounted: 8 },
      { userId: people.s3.id, organizationId: org.id, quality: 0, reviewsCounted: 8 },
    ])
    const reply = await replyAs(db, people.f1, { now: T0 })
    await reviewNext(people.s1, 1, at(1))
    await reviewNext(people.s2, 2, at(1))
    await reviewNext(people.s3, 2, at(1))
    const [row] = await db.select().from(replies).where(eq(replies.id, reply))
    // Unweighted the median would be 2; s1 (weight 1.5) outweighs s2 and s3 (0.5 each).
    expect(row.criterionScores).toEqual(Object.fromEntries(CRITERIA.map((id) => [id, 1])))
    expect(row.score).toBe(0)
  })

  it('moves each reviewer’s private quality toward how close they were to consensus', async () => {
    const { db } = database
    const { people } = await makeOrg()
    await replyAs(db, people.f1, { now: T0 })
    await reviewNext(people.s1, 3, at(1))
    await reviewNext(people.s2, 3, at(1))
    await reviewNext(people.s3, 2, at(1))
    const rows = await db.select().from(reviewerQuality)
    const quality = (id: string) => rows.find((r) => r.userId === id)
    expect(quality(people.s1.id)).toMatchObject({ quality: 1, reviewsCounted: 1 })
    expect(quality(people.s3.id)?.quality).toBeCloseTo(2 / 3, 5)
    // A second reply: s3 now matches exactly, so the running mean rises to (2/3 + 1) / 2.
    await replyAs(db, people.b1, { now: at(2) })
    await reviewNext(people.s1, 4, at(3))
    await reviewNext(people.s2, 4, at(3))
    await reviewNext(people.s3, 4, at(3))
    const [s3] = await db.select().from(reviewerQuality).where(eq(reviewerQuality.userId, people.s3.id))
    expect(s3.reviewsCounted).toBe(2)
    expect(s3.quality).toBeCloseTo((2 / 3 + 1) / 2, 5)
  })

  it('flags wide disagreement to the author’s manager and tells the author the reviews are in', async () => {
    const { db } = database
    const { people } = await makeOrg()
    const reply = await replyAs(db, people.s1, { now: T0 })
    await reviewNext(people.b1, 1, at(1))
    await reviewNext(people.b2, 2, at(1))
    await reviewNext(people.f1, 4, at(1))
    const [row] = await db.select().from(replies).where(eq(replies.id, reply))
    expect(row.flaggedAt).toEqual(at(1))
    const toManager = await db.select().from(notifications).where(eq(notifications.userId, people.supportLead.id))
    expect(toManager).toEqual([expect.objectContaining({ kind: 'reply-flagged', href: `/replies/${reply}` })])
    const toAuthor = await db.select().from(notifications).where(eq(notifications.userId, people.s1.id))
    expect(toAuthor).toEqual([expect.objectContaining({ kind: 'reply-finalised', href: `/replies/${reply}` })])
    // The other team's manager hears nothing.
    expect(await db.select().from(notifications).where(eq(notifications.userId, people.salesLead.id))).toHaveLength(0)
  })

  it('does not flag reviewers who agree', async () => {
    const { db } = database
    const { people } = await makeOrg()
    const reply = await replyAs(db, people.s1, { now: T0 })
    await reviewNext(people.b1, 3, at(1))
    await reviewNext(people.b2, 3, at(1))
    await reviewNext(people.f1, 4, at(1))
    const [row] = await db.select().from(replies).where(eq(replies.id, reply))
    expect(row.flaggedAt).toBeNull()
    expect(await db.select().from(notifications).where(eq(notifications.userId, people.supportLead.id))).toHaveLength(0)
  })

  it('lets the author’s manager add a deciding review that settles the consensus', async () => {
    const { db } = database
    const { people } = await makeOrg()
    const reply = await replyAs(db, people.s1, { now: T0 })
    await reviewNext(people.b1, 1, at(1))
    await reviewNext(people.b2, 2, at(1))
    await reviewNext(people.f1, 4, at(1))
    expect((await flaggedForManager(db, people.supportLead)).map((r) => r.id)).toEqual([reply])
    expect(await flaggedForManager(db, people.salesLead)).toEqual([])
    expect(await flaggedForManager(db, people.s2)).toEqual([])
    await expect(decideReview(db, people.s2, reply, reviewWith(3))).rejects.toMatchObject({ status: 403 })
    await expect(decideReview(db, people.salesLead, reply, reviewWith(3))).rejects.toMatchObject({ status: 403 })
    expect(await decideReview(db, people.supportLead, reply, reviewWith(3), { now: at(2) })).toEqual({ ok: true, finalised: true })
    const [row] = await db.select().from(replies).where(eq(replies.id, reply))
    expect(row.criterionScores).toEqual(Object.fromEntries(CRITERIA.map((id) => [id, 3])))
    expect(row.reviewsDone).toBe(4)
    expect(await flaggedForManager(db, people.supportLead)).toEqual([])
    expect(await decideReview(db, people.supportLead, reply, reviewWith(2))).toMatchObject({ ok: false })
    const toAuthor = await db.select().from(notifications).where(eq(notifications.userId, people.s1.id))
    expect(toAuthor.map((n) => n.kind).sort()).toEqual(['reply-decided', 'reply-finalised'])
  })

  it('scores a reply against the rubric version it was submitted under', async () => {
    const { db } = database
    const { people } = await makeOrg()
    const [old] = await db
      .insert(rubricVersions)
      .values({
        rubricId: 'warmth-empathy',
        version: 99,
        contentHash: `old-${Math.random()}`,
        definition: {
          id: 'warmth-empathy',
          version: 99,
          title: 'Old rubric',
          criteria: [
            { id: 'empathy', name: 'Empathy', question: 'Q?', weight: 0.5, levels: [1, 2, 3, 4].map((level) => ({ level, label: `L${level}`, descriptor: 'd' })) },
            { id: 'clarity', name: 'Clarity', question: 'Q?', weight: 0.5, levels: [1, 2, 3, 4].map((level) => ({ level, label: `L${level}`, descriptor: 'd' })) },
          ],
        },
      })
      .returning()
    const reply = await replyAs(db, people.f1, { now: T0 })
    await db.update(replies).set({ rubricVersionId: old.id, reviewsRequired: 1 }).where(eq(replies.id, reply))
    const lease = (await leaseFor(people.s1, at(1)))!
    const today = await submitReview(db, people.s1, lease.reviewId, reviewWith(3), { now: at(1) })
    expect(today).toMatchObject({ ok: false })
    const comments = [{ criterionId: 'clarity', text: 'Clear enough.' }]
    expect(await submitReview(db, people.s1, lease.reviewId, { scores: { empathy: 4, clarity: 2 }, comments }, { now: at(1) })).toEqual({ ok: true, finalised: true })
    const [row] = await db.select().from(replies).where(eq(replies.id, reply))
    expect(row.criterionScores).toEqual({ empathy: 4, clarity: 2 })
    expect(row.score).toBeCloseTo(66.7, 1)
  })
})

describe('submitting a review', () => {
  it('checks levels, comments and quotes, keeping the lease when something is wrong', async () => {
    const { db } = database
    const { people } = await makeOrg()
    await replyAs(db, people.f1, { now: T0 })
    const lease = (await leaseFor(people.s1, at(1)))!
    const missing = await submitReview(db, people.s1, lease.reviewId, { scores: { empathy: 3 }, comments: [] }, { now: at(1) })
    expect(missing).toMatchObject({ ok: false, errors: { 'score.warmth': expect.any(String), form: expect.any(String) } })
    const badQuote = await submitReview(db, people.s1, lease.reviewId, reviewWith(3, { comments: [{ criterionId: 'warmth', text: 'Hm.', quote: 'Words that are not in it.' }] }), { now: at(1) })
    expect(badQuote).toMatchObject({ ok: false, errors: { 'quote.warmth': expect.any(String) } })
    const quote = 'I have sent a new one by express and it arrives tomorrow by 18:00.'
    const good = await submitReview(db, people.s1, lease.reviewId, reviewWith(3, { comments: [{ criterionId: 'next-step', text: 'A time he can rely on.', quote }] }), { now: at(1) })
    expect(good).toEqual({ ok: true, finalised: false })
    expect(await submitReview(db, people.s1, lease.reviewId, reviewWith(3), { now: at(1) })).toMatchObject({ ok: false })
    await expect(submitReview(db, people.s2, lease.reviewId, reviewWith(3), { now: at(1) })).resolves.toMatchObject({ ok: false })
  })

  it('takes the review that completes a reply once when it is sent twice at the same moment, and keeps it', async () => {
    const { db } = database
    const { people } = await makeOrg()
    const reply = await replyAs(db, people.f1, { now: T0 })
    await reviewNext(people.s1, 3, at(1))
    await reviewNext(people.s2, 3, at(1))
    const lease = (await leaseFor(people.s3, at(1)))!
    const twice = await Promise.all([1, 2].map(() => submitReview(db, people.s3, lease.reviewId, reviewWith(3), { now: at(1) })))
    expect(twice.filter((result) => result.ok)).toEqual([{ ok: true, finalised: true }])
    expect(twice.find((result) => !result.ok)).toMatchObject({ errors: { form: 'You have already submitted this review.' } })
    const rows = await db.select().from(reviews).where(eq(reviews.replyId, reply))
    expect(rows.map((row) => row.status)).toEqual(['submitted', 'submitted', 'submitted'])
    const [row] = await db.select().from(replies).where(eq(replies.id, reply))
    expect(row.reviewsDone).toBe(3)
    expect(row.finalisedAt).not.toBeNull()
  })
})

describe('feedback', () => {
  async function finalisedReply() {
    const { db } = database
    const made = await makeOrg()
    const { people } = made
    const reply = await replyAs(db, people.s1, { now: T0 })
    const quote = 'Thank you for telling us.'
    for (const person of [people.b1, people.b2, people.f1]) {
      const lease = (await leaseFor(person, at(1)))!
      await submitReview(db, person, lease.reviewId, reviewWith(3, { comments: [{ criterionId: 'warmth', text: 'Warm thanks.', quote }] }), { now: at(1) })
    }
    return { ...made, reply }
  }

  it('is readable by the author, managers of the author’s teams and admins only', async () => {
    const { db } = database
    const { people, admin, reply } = await finalisedReply()
    await expect(getReplyFeedback(db, people.s2, reply)).rejects.toMatchObject({ status: 403 })
    await expect(getReplyFeedback(db, people.b1, reply)).rejects.toMatchObject({ status: 403 })
    await expect(getReplyFeedback(db, people.salesLead, reply)).rejects.toMatchObject({ status: 403 })
    const outsider = await makeOrg()
    await expect(getReplyFeedback(db, outsider.admin, reply)).rejects.toMatchObject({ status: 404 })
    const manager = await getReplyFeedback(db, people.supportLead, reply, at(2))
    expect(manager.results?.reviews).toHaveLength(3)
    expect((await getReplyFeedback(db, admin, reply, at(2))).results).not.toBeNull()
  })

  it('shows the author their scores only after N reviews, with comments and their quotes', async () => {
    const { db } = database
    const { people, reply } = await finalisedReply()
    await replyAs(db, people.b2, { now: at(1) })
    const locked = await getReplyFeedback(db, people.s1, reply, at(2))
    expect(locked.results).toBeNull()
    expect(locked.unlock).toMatchObject({ unlocked: false, remaining: 3 })
    // Give three reviews (there are others' replies waiting).
    await replyAs(db, people.b1, { now: at(1) })
    await replyAs(db, people.f1, { now: at(1) })
    for (let i = 0; i < 3; i++) await reviewNext(people.s1, 3, at(2))
    const open = await getReplyFeedback(db, people.s1, reply, at(3))
    expect(open.results?.criterionScores).toEqual(Object.fromEntries(CRITERIA.map((id) => [id, 3])))
    expect(open.results?.score).toBeCloseTo(66.7, 1)
    expect(open.results?.reviews[0].comments).toContainEqual({ criterionId: 'warmth', text: 'Warm thanks.', quote: 'Thank you for telling us.' })
    expect(open.reply.coachHints.length).toBeGreaterThanOrEqual(0)
    expect(JSON.stringify(open)).not.toContain(people.b1.id)
  })

  it('lets only the author react; disagreement reaches the manager', async () => {
    const { db } = database
    const { people, reply } = await finalisedReply()
    const feedback = await getReplyFeedback(db, people.supportLead, reply, at(2))
    const reviewId = feedback.results!.reviews[0].id
    await expect(reactToReview(db, people.s2, reviewId, { reaction: 'helpful' })).rejects.toMatchObject({ status: 403 })
    expect(await reactToReview(db, people.s1, reviewId, { reaction: 'helpful' })).toEqual({ ok: true })
    expect(await reactToReview(db, people.s1, reviewId, { reaction: 'disagree', reason: 'no' })).toMatchObject({ ok: false })
    expect(await reactToReview(db, people.s1, reviewId, { reaction: 'disagree', reason: 'The quote was about thanks, not warmth.' })).toEqual({ ok: true })
    const toManager = await db.select().from(notifications).where(and(eq(notifications.userId, people.supportLead.id), eq(notifications.kind, 'review-disputed')))
    expect(toManager).toHaveLength(1)
    expect(toManager[0].title).toContain('Sam One')
  })
})

describe('the deciding review and disputes', () => {
  /** A Support reply the reviewers split on (levels 1, 2, 4), with Support's only manager as one of them. */
  async function flaggedWithManagerReviewing() {
    const { db } = database
    const made = await makeOrg()
    const { people } = made
    const reply = await replyAs(db, people.s1, { now: T0 })
    await reviewNext(people.b1, 1, at(1))
    await reviewNext(people.supportLead, 2, at(1))
    await reviewNext(people.f1, 4, at(1))
    return { ...made, reply }
  }

  it('when the only manager reviewed the reply, an admin is asked and decides; the rollups follow and the flag closes', async () => {
    const { db } = database
    const { people, admin, reply } = await flaggedWithManagerReviewing()
    const [flagged] = await db.select().from(replies).where(eq(replies.id, reply))
    expect(flagged.flaggedAt).not.toBeNull()
    const flagsTo = async (id: string) =>
      db.select().from(notifications).where(and(eq(notifications.userId, id), eq(notifications.kind, 'reply-flagged')))
    expect(await flagsTo(people.supportLead.id)).toHaveLength(0)
    expect(await flagsTo(admin.id)).toEqual([expect.objectContaining({ href: `/replies/${reply}`, readAt: null })])

    // The manager who reviewed it is told someone else decides, and cannot.
    const managerView = await getReplyFeedback(db, people.supportLead, reply, at(2))
    expect(managerView.viewer).toMatchObject({ canDecide: false, reviewedFlagged: true })
    expect(await flaggedForManager(db, people.supportLead)).toEqual([])
    expect(await decideReview(db, people.supportLead, reply, reviewWith(3), { now: at(2) })).toMatchObject({ ok: false })

    const adminView = await getReplyFeedback(db, admin, reply, at(2))
    expect(adminView.viewer).toMatchObject({ canDecide: true, reviewedFlagged: false })
    expect(adminView.reply.flag).toBe('open')
    expect(await decideReview(db, admin, reply, reviewWith(4), { now: at(2) })).toEqual({ ok: true, finalised: true })

    const [decided] = await db.select().from(replies).where(eq(replies.id, reply))
    expect(decided.criterionScores).toEqual(Object.fromEntries(CRITERIA.map((id) => [id, 4])))
    expect(decided.score).toBe(100)
    const rollups = await db.select().from(teamMonthRollups).where(eq(teamMonthRollups.teamId, decided.teamId!))
    expect(rollups).toEqual([expect.objectContaining({ reviewedReplies: 1, scoreSum: 100 })])
    expect((await getReplyFeedback(db, admin, reply, at(3))).reply.flag).toBe('settled')
    expect(await flagsTo(admin.id)).toEqual([expect.objectContaining({ readAt: at(2) })])
    const toAuthor = await db.select().from(notifications).where(and(eq(notifications.userId, people.s1.id), eq(notifications.kind, 'reply-decided')))
    expect(toAuthor).toHaveLength(1)
  })

  it('a manager marks the writer’s disagreement resolved with a note the writer reads', async () => {
    const { db } = database
    const { people, admin, reply } = await flaggedWithManagerReviewing()
    for (let i = 0; i < 3; i++) await replyAs(db, people.b2, { now: at(1) })
    const unlocked = await getReplyFeedback(db, people.s1, reply, at(2), { ...DEFAULT_REVIEW_RULES, reviewsToUnlock: 0 })
    const reviewId = unlocked.results!.reviews[0].id
    expect(await reactToReview(db, people.s1, reviewId, { reaction: 'disagree', reason: 'It was warm: I thanked him twice.' })).toEqual({ ok: true })

    await expect(resolveDispute(db, people.s2, reviewId, { note: 'Agreed, good point.' })).rejects.toMatchObject({ status: 403 })
    await expect(resolveDispute(db, people.salesLead, reviewId, { note: 'Agreed, good point.' })).rejects.toMatchObject({ status: 403 })
    expect(await resolveDispute(db, people.supportLead, reviewId, { note: 'ok' })).toMatchObject({ ok: false, errors: { note: expect.any(String) } })
    const note = 'You are right: the thanks were there. The median stands, and I have noted it for the reviewer quality.'
    expect(await resolveDispute(db, people.supportLead, reviewId, { note }, at(3))).toEqual({ ok: true })
    expect(await resolveDispute(db, admin, reviewId, { note: 'A second answer.' })).toMatchObject({ ok: false })

    const seen = await getReplyFeedback(db, people.s1, reply, at(4), { ...DEFAULT_REVIEW_RULES, reviewsToUnlock: 0 })
    expect(seen.results!.reviews[0].reaction).toMatchObject({ disagreement: 'It was warm: I thanked him twice.', resolutionNote: note, resolvedAt: at(3) })
    const toAuthor = await db.select().from(notifications).where(and(eq(notifications.userId, people.s1.id), eq(notifications.kind, 'dispute-resolved')))
    expect(toAuthor).toEqual([expect.objectContaining({ href: `/replies/${reply}` })])
    const toManager = await db.select().from(notifications).where(and(eq(notifications.userId, people.supportLead.id), eq(notifications.kind, 'review-disputed')))
    expect(toManager).toEqual([expect.objectContaining({ readAt: at(3) })])
  })
})

describe('notifications', () => {
  it('lists, counts and marks read only one’s own', async () => {
    const { db } = database
    const { people } = await makeOrg()
    await replyAs(db, people.s1, { now: T0 })
    for (const person of [people.b1, people.b2, people.f1]) await reviewNext(person, 3, at(1))
    expect(await unreadNotificationCount(db, people.s1)).toBe(1)
    const [note] = await listNotifications(db, people.s1)
    expect(await markNotificationsRead(db, people.s2, [note.id])).toHaveLength(0)
    expect(await unreadNotificationCount(db, people.s1)).toBe(1)
    expect(await markNotificationsRead(db, people.s1, [note.id])).toHaveLength(1)
    expect(await unreadNotificationCount(db, people.s1)).toBe(0)
  })
})

describe('the demo seed', () => {
  it('leaves open replies in the queue, and demo members who reply are handed someone else’s reply', async () => {
    const { db } = database
    const { seedDemo } = await import('../../db/seed.server')
    const { users } = await import('../../db/schema')
    const now = new Date()
    const { organizationId } = await seedDemo(db, now)
    const open = await db.select().from(replies).where(and(eq(replies.organizationId, organizationId), sql`${replies.finalisedAt} is null`))
    // The queue's seeded replies each wait for their last review; the demo drills' fresh replies wait for all three.
    expect(open.filter((r) => r.reviewsDone === 2).length).toBeGreaterThanOrEqual(4)
    expect(open.every((r) => r.reviewsDone === 2 || r.reviewsDone === 0)).toBe(true)

    const person = async (email: string) => (await db.select().from(users).where(eq(users.email, email)))[0]
    const jordan = await person('member@acme.test')
    const maya = await person('maya@acme.test')
    const newhire = await person('newhire@acme.test')
    expect(await nextReviewFor(db, newhire, now)).toEqual({ status: 'calibrate' })

    const fromJordan = await replyAs(db, jordan, { now })
    const fromMaya = await replyAs(db, maya, { now, slug: 'refund-delayed-calm' })
    // The demo drills' older replies wait in the same queue, so each is handed someone else's reply, never their own.
    const forJordan = (await leaseFor(jordan, now))?.replyId
    const forMaya = (await leaseFor(maya, now))?.replyId
    expect(forJordan).toBeTruthy()
    expect(forMaya).toBeTruthy()
    expect([forJordan, forMaya]).not.toContain(undefined)
    expect(forJordan).not.toBe(fromJordan)
    expect(forMaya).not.toBe(fromMaya)
    expect(forJordan).not.toBe(forMaya)
  }, 120_000)
})
