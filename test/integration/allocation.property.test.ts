// Property-based tests of review allocation: random small organizations and random interleavings
// of "ask for a review", "submit it", "walk away until the lease expires" and "days pass".
import { and, eq, gt, sql } from 'drizzle-orm'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { addMembership, createOrganization, createTeam, createUser } from '../../db/factories'
import { replies, reviews } from '../../db/schema'
import type { Actor } from '~/org/teams.server'
import { nextReviewFor } from '~/reviews/allocation.server'
import { DAY, DEFAULT_REVIEW_RULES, HOUR, requiredReviews } from '~/reviews/review-rules'
import { submitReview } from '~/reviews/reviews.server'
import { passCalibration, replyAs, reviewWith } from '../support/practice-fixtures'
import { createTestDatabase } from '../support/test-database'

let database: Awaited<ReturnType<typeof createTestDatabase>>
beforeAll(async () => {
  database = await createTestDatabase()
})

const M = DEFAULT_REVIEW_RULES.reviewsPerReply
const T0 = new Date('2026-05-04T09:00:00Z')

type Command =
  | { kind: 'request'; who: number }
  | { kind: 'submit'; who: number; level: number }
  | { kind: 'expire' }
  | { kind: 'advance'; hours: number }
  | { kind: 'reply'; who: number }

const orgArb = fc.record({
  people: fc.array(fc.record({ team: fc.integer({ min: 0, max: 2 }), manager: fc.boolean() }), { minLength: 2, maxLength: 6 }),
  replies: fc.array(fc.record({ author: fc.nat(), ageHours: fc.integer({ min: 0, max: 20 * 24 }) }), { minLength: 1, maxLength: 6 }),
})

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('request' as const), who: fc.nat() }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('submit' as const), who: fc.nat(), level: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('expire' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('advance' as const), hours: fc.integer({ min: 1, max: 8 * 24 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('reply' as const), who: fc.nat() }) },
)

async function buildOrg(spec: { people: { team: number; manager: boolean }[]; replies: { author: number; ageHours: number }[] }) {
  const { db } = database
  const org = await createOrganization(db)
  const teams = await Promise.all([0, 1, 2].map((i) => createTeam(db, org.id, { name: `Team ${i}` })))
  const people: Actor[] = []
  for (const person of spec.people) {
    const user = await createUser(db, org.id, { role: person.manager ? 'manager' : 'member' })
    await addMembership(db, { organizationId: org.id, userId: user.id, teamId: teams[person.team].id, role: person.manager ? 'manager' : 'member' })
    await passCalibration(db, user)
    people.push(user)
  }
  for (const reply of spec.replies) {
    await replyAs(db, people[reply.author % people.length], { now: new Date(T0.getTime() - reply.ageHours * HOUR) })
  }
  return { org, people }
}

async function heldBy(person: Actor) {
  const [row] = await database.db
    .select({ id: reviews.id })
    .from(reviews)
    .where(and(eq(reviews.reviewerId, person.id), eq(reviews.status, 'leased')))
  return row?.id ?? null
}

/** The safety properties, checked after every step. */
async function checkInvariants(organizationId: string, now: Date, afterRequest: boolean) {
  const { db } = database
  const rows = await db
    .select({
      reviewId: reviews.id,
      replyId: reviews.replyId,
      reviewerId: reviews.reviewerId,
      authorId: replies.userId,
      status: reviews.status,
      leasedUntil: reviews.leasedUntil,
    })
    .from(reviews)
    .innerJoin(replies, eq(replies.id, reviews.replyId))
    .where(eq(reviews.organizationId, organizationId))
  // No self-review, not even a lease.
  expect(rows.filter((r) => r.reviewerId === r.authorId)).toEqual([])
  // No duplicate review of one reply by one person.
  const pairs = rows.map((r) => `${r.replyId}:${r.reviewerId}`)
  expect(new Set(pairs).size).toBe(pairs.length)
  // Nobody holds two active leases.
  const active = rows.filter((r) => r.status === 'leased' && r.leasedUntil! > now)
  const holders = active.map((r) => r.reviewerId)
  expect(new Set(holders).size).toBe(holders.length)
  // Asking for a review clears expired leases (their slots went back to the pool).
  if (afterRequest) expect(rows.filter((r) => r.status === 'leased' && r.leasedUntil! <= now)).toEqual([])

  const list = await db.select().from(replies).where(eq(replies.organizationId, organizationId))
  for (const reply of list) {
    const mine = rows.filter((r) => r.replyId === reply.id)
    const submitted = mine.filter((r) => r.status === 'submitted').length
    const leased = active.filter((r) => r.replyId === reply.id).length
    expect(reply.reviewsDone).toBe(submitted)
    // Never more people on a reply (done + holding a slot) than it needs: no slot is held twice.
    expect(submitted + leased).toBeLessThanOrEqual(M)
    if (reply.finalisedAt) {
      expect(leased).toBe(0)
      expect(submitted).toBeGreaterThanOrEqual(requiredReviews(reply.reviewsRequired, reply.submittedAt, reply.finalisedAt))
    }
  }
}

/** Everyone asks and reviews until nobody is handed anything. */
async function drain(people: Actor[], now: Date) {
  for (let round = 0; round < 20; round++) {
    let progress = false
    for (const person of people) {
      const next = await nextReviewFor(database.db, person, now)
      if (next.status !== 'leased') continue
      const result = await submitReview(database.db, person, next.lease.reviewId, reviewWith(3), { now })
      expect(result.ok).toBe(true)
      progress = true
    }
    if (!progress) return
  }
  throw new Error('draining did not settle')
}

describe('allocation under random interleavings', () => {
  it('keeps every safety property at every step, and every reply eventually gets its reviews', async () => {
    await fc.assert(
      fc.asyncProperty(orgArb, fc.array(commandArb, { minLength: 5, maxLength: 25 }), async (spec, commands) => {
        const { org, people } = await buildOrg(spec)
        const { db } = database
        let now = T0
        for (const command of commands) {
          if (command.kind === 'request') {
            const person = people[command.who % people.length]
            const next = await nextReviewFor(db, person, now)
            if (next.status === 'leased') {
              // Blind: the author never appears in what the reviewer is handed.
              expect(JSON.stringify(next.lease)).not.toMatch(/"userId"|"teamId"/)
            }
          } else if (command.kind === 'submit') {
            const person = people[command.who % people.length]
            const held = await heldBy(person)
            if (held) await submitReview(db, person, held, reviewWith(command.level), { now })
          } else if (command.kind === 'expire') {
            now = new Date(now.getTime() + DEFAULT_REVIEW_RULES.leaseMs + 60_000)
          } else if (command.kind === 'advance') {
            now = new Date(now.getTime() + command.hours * HOUR)
          } else {
            await replyAs(db, people[command.who % people.length], { now })
          }
          await checkInvariants(org.id, now, command.kind === 'request')
        }

        // Liveness, first without waiting: each reply reaches M, or has every possible reviewer.
        now = new Date(now.getTime() + 2 * HOUR)
        await drain(people, now)
        await checkInvariants(org.id, now, true)
        const fresh = await db.select().from(replies).where(eq(replies.organizationId, org.id))
        for (const reply of fresh) {
          const needed = requiredReviews(reply.reviewsRequired, reply.submittedAt, now)
          expect(reply.reviewsDone).toBeGreaterThanOrEqual(Math.min(needed, people.length - 1))
          if (reply.reviewsDone >= needed) expect(reply.finalisedAt).not.toBeNull()
        }
        // ...and once the relaxed rule applies (14 days), every reply is finalised.
        now = new Date(now.getTime() + 15 * DAY)
        await drain(people, now)
        await checkInvariants(org.id, now, true)
        const open = await db
          .select({ id: replies.id })
          .from(replies)
          .where(and(eq(replies.organizationId, org.id), sql`${replies.finalisedAt} is null`))
        expect(open).toEqual([])
        const leftover = await db
          .select({ id: reviews.id })
          .from(reviews)
          .where(and(eq(reviews.organizationId, org.id), eq(reviews.status, 'leased'), gt(reviews.leasedUntil, now)))
        expect(leftover).toEqual([])
      }),
      { numRuns: 25 },
    )
  }, 240_000)
})
