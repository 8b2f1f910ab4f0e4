// Handing out reviews so nobody is ever stuck. A reviewer gets one reply at a time, leased for an
// hour: never their own, never one they reviewed, only from their organization, blind (no author,
// no team), other teams' replies first, then oldest first. Leases are capped per reply at what it
// still needs, so two people never hold the same slot; an expired lease is deleted and the slot
// returns to the pool. Old replies need fewer reviews (see requiredReviews).
//
// Concurrency: a lease is only inserted while holding the reply's row lock (FOR UPDATE SKIP LOCKED:
// a reply someone else is leasing is skipped, not waited for), and each reviewer's own row is locked
// first so two tabs of one person cannot lease twice. The unique (reply_id, reviewer_id) index is
// the last line of defence against reviewing the same reply twice.
import { reviewRulesFor } from '~/org/settings.server'
import { and, asc, count, eq, gt, isNull, ne, sql, type SQL } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { calibrationAttempts, replies, reviews, users } from '#db/schema'
import type { Actor } from '~/org/teams.server'
import { finaliseReply } from './finalise.server'
import {
  DAY,
  DEFAULT_REVIEW_RULES,
  RELAX_AFTER_DAYS,
  RELAX_FULLY_AFTER_DAYS,
  requiredReviews,
  type ReviewRules,
} from './review-rules'
import { transactionWithRetry } from './transactions.server'

const iso = (date: Date) => date.toISOString()

/** SQL twin of requiredReviews(): the reviews a reply needs at `now`. */
export function requiredReviewsSql(now: Date): SQL {
  const relaxed = new Date(now.getTime() - RELAX_AFTER_DAYS * DAY)
  const fully = new Date(now.getTime() - RELAX_FULLY_AFTER_DAYS * DAY)
  return sql`(case
    when ${replies.submittedAt} <= ${iso(fully)}::timestamptz then 1
    when ${replies.submittedAt} <= ${iso(relaxed)}::timestamptz then greatest(1, ${replies.reviewsRequired} - 1)
    else ${replies.reviewsRequired} end)`
}

function activeLeasesSql(now: Date): SQL {
  return sql`(select count(*) from reviews v
    where v.reply_id = ${replies.id} and v.status = 'leased' and v.leased_until > ${iso(now)}::timestamptz)`
}

/** Replies the reviewer may be handed now, best first. Nothing about the author is selected. */
function candidates(db: Db, actor: Actor, now: Date, limit: number) {
  return db
    .select({ id: replies.id })
    .from(replies)
    .where(
      and(
        eq(replies.organizationId, actor.organizationId),
        isNull(replies.finalisedAt),
        ne(replies.userId, actor.id),
        sql`not exists (select 1 from reviews v where v.reply_id = ${replies.id} and v.reviewer_id = ${actor.id})`,
        sql`${replies.reviewsDone} + ${activeLeasesSql(now)} < ${requiredReviewsSql(now)}`,
      ),
    )
    .orderBy(
      // Other teams first ("everyone is part of the brand"); same-team replies when those run out.
      sql`(case when exists (select 1 from memberships m where m.user_id = ${actor.id} and m.team_id = ${replies.teamId}) then 1 else 0 end)`,
      asc(replies.submittedAt),
      asc(replies.id),
    )
    .limit(limit)
}

/** Deletes expired leases of an organization, returning their slots to the pool. Never waits on a lease being submitted. */
export async function releaseExpiredLeases(db: Db, organizationId: string, now = new Date()) {
  await db.execute(sql`delete from reviews where id in (
    select id from reviews
    where organization_id = ${organizationId} and status = 'leased' and leased_until <= ${iso(now)}::timestamptz
    for update skip locked)`)
}

/**
 * Finalises replies that reached their (possibly relaxed) requirement while nobody was reviewing
 * them, e.g. a reply with two reviews that has just turned seven days old.
 */
export async function finaliseDueReplies(db: Db, organizationId: string, now = new Date(), rules = DEFAULT_REVIEW_RULES) {
  const due = await db
    .select({ id: replies.id })
    .from(replies)
    .where(
      and(
        eq(replies.organizationId, organizationId),
        isNull(replies.finalisedAt),
        gt(replies.reviewsDone, 0),
        sql`${replies.reviewsDone} >= ${requiredReviewsSql(now)}`,
        sql`${activeLeasesSql(now)} = 0`,
      ),
    )
    .limit(50)
  let finalised = 0
  for (const { id } of due) {
    finalised += await transactionWithRetry(db, async (tx) => {
      const [locked] = await tx
        .select({ id: replies.id, done: replies.reviewsDone, required: replies.reviewsRequired, submittedAt: replies.submittedAt, finalisedAt: replies.finalisedAt })
        .from(replies)
        .where(eq(replies.id, id))
        .for('update', { skipLocked: true })
      if (!locked || locked.finalisedAt || locked.done < requiredReviews(locked.required, locked.submittedAt, now)) return 0
      await finaliseReply(tx, id, now, rules)
      return 1
    })
  }
  return finalised
}

export async function isCalibrated(db: Db, actor: Pick<Actor, 'id' | 'organizationId'>) {
  const [row] = await db
    .select({ id: calibrationAttempts.id })
    .from(calibrationAttempts)
    .where(
      and(
        eq(calibrationAttempts.userId, actor.id),
        eq(calibrationAttempts.organizationId, actor.organizationId),
        eq(calibrationAttempts.passed, true),
      ),
    )
    .limit(1)
  return Boolean(row)
}

export interface Lease {
  reviewId: string
  replyId: string
  leasedUntil: Date
  /** The reply as the reviewer sees it: blind, no author and no team. */
  reply: { text: string; scenarioSlug: string; promptId: string; submittedAt: Date; rubricVersionId: string | null }
}

export type NextReview = { status: 'calibrate' } | { status: 'empty' } | { status: 'leased'; lease: Lease }

const leaseFields = {
  reviewId: reviews.id,
  replyId: reviews.replyId,
  leasedUntil: reviews.leasedUntil,
  text: replies.text,
  scenarioSlug: replies.scenarioSlug,
  promptId: replies.promptId,
  submittedAt: replies.submittedAt,
  rubricVersionId: replies.rubricVersionId,
}

function toLease(row: { [K in keyof typeof leaseFields]: (typeof leaseFields)[K]['_']['data'] | null }): Lease {
  const { text, scenarioSlug, promptId, submittedAt, rubricVersionId, ...lease } = row
  return {
    reviewId: lease.reviewId!,
    replyId: lease.replyId!,
    leasedUntil: lease.leasedUntil!,
    reply: { text: text!, scenarioSlug: scenarioSlug!, promptId: promptId!, submittedAt: submittedAt!, rubricVersionId },
  }
}

/** The live lease this person already holds, with its reply, in one round trip. */
async function leaseHeldBy(db: Db, actor: Actor, now: Date): Promise<Lease | null> {
  const [row] = await db
    .select(leaseFields)
    .from(reviews)
    .innerJoin(replies, eq(replies.id, reviews.replyId))
    .where(
      and(
        eq(reviews.reviewerId, actor.id),
        eq(reviews.organizationId, actor.organizationId),
        eq(reviews.status, 'leased'),
        gt(reviews.leasedUntil, now),
      ),
    )
    .orderBy(asc(reviews.createdAt))
    .limit(1)
  return row ? toLease(row) : null
}

async function leaseById(db: Db, reviewId: string): Promise<Lease> {
  const [row] = await db.select(leaseFields).from(reviews).innerJoin(replies, eq(replies.id, reviews.replyId)).where(eq(reviews.id, reviewId))
  return toLease(row)
}

/**
 * The reply this person should review next: the lease they already hold, or a new one.
 * Returns `calibrate` until they have passed calibration and `empty` when nothing is available.
 */
export async function nextReviewFor(
  db: Db,
  actor: Actor,
  now = new Date(),
  rules: ReviewRules = DEFAULT_REVIEW_RULES,
): Promise<NextReview> {
  // Someone holding a lease (only the calibrated get one) just sees it again: one round trip,
  // no allocation. The pool housekeeping below only matters when a new lease is handed out.
  const held = await leaseHeldBy(db, actor, now)
  if (held) return { status: 'leased', lease: held }
  if (!(await isCalibrated(db, actor))) return { status: 'calibrate' }
  await releaseExpiredLeases(db, actor.organizationId, now)
  await finaliseDueReplies(db, actor.organizationId, now, rules)

  const reviewId = await transactionWithRetry(db, async (tx) => {
    // One allocation at a time per reviewer.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.id)).for('update')
    const [held] = await tx
      .select({ id: reviews.id })
      .from(reviews)
      .where(and(eq(reviews.reviewerId, actor.id), eq(reviews.status, 'leased'), gt(reviews.leasedUntil, now)))
      .orderBy(asc(reviews.createdAt))
      .limit(1)
    if (held) return held.id

    for (let round = 0; round < 3; round++) {
      const list = await candidates(tx, actor, now, 10)
      if (list.length === 0) return null
      for (const { id } of list) {
        // Skip a reply another allocation is working on rather than wait for it.
        const [reply] = await tx
          .select({ id: replies.id, done: replies.reviewsDone, required: replies.reviewsRequired, submittedAt: replies.submittedAt, finalisedAt: replies.finalisedAt })
          .from(replies)
          .where(eq(replies.id, id))
          .for('update', { skipLocked: true })
        if (!reply || reply.finalisedAt) continue
        // Re-count under the lock: the candidate list may be stale by now.
        const [leases] = await tx
          .select({ n: count() })
          .from(reviews)
          .where(and(eq(reviews.replyId, id), eq(reviews.status, 'leased'), gt(reviews.leasedUntil, now)))
        if (reply.done + leases.n >= requiredReviews(reply.required, reply.submittedAt, now)) continue
        const [mine] = await tx
          .select({ id: reviews.id })
          .from(reviews)
          .where(and(eq(reviews.replyId, id), eq(reviews.reviewerId, actor.id)))
        if (mine) continue
        const [lease] = await tx
          .insert(reviews)
          .values({
            organizationId: actor.organizationId,
            replyId: id,
            reviewerId: actor.id,
            status: 'leased',
            leasedUntil: new Date(now.getTime() + rules.leaseMs),
            createdAt: now,
          })
          .returning({ id: reviews.id })
        return lease.id
      }
    }
    return null
  })
  if (!reviewId) return { status: 'empty' }
  return { status: 'leased', lease: await leaseById(db, reviewId) }
}

/** The lease this person holds on a given review, or null (expired, submitted, or not theirs). */
export async function heldLease(db: Db, actor: Actor, reviewId: string, now = new Date()): Promise<Lease | null> {
  const [row] = await db
    .select({ id: reviews.id })
    .from(reviews)
    .where(
      and(
        eq(reviews.id, reviewId),
        eq(reviews.reviewerId, actor.id),
        eq(reviews.organizationId, actor.organizationId),
        eq(reviews.status, 'leased'),
        gt(reviews.leasedUntil, now),
      ),
    )
  return row ? leaseById(db, row.id) : null
}

/** How many replies this person could be handed right now (capped), counting a lease they hold. */
export async function reviewsWaitingFor(db: Db, actor: Actor, now = new Date(), cap = 99): Promise<number> {
  // One round trip: the candidates counted, with the held lease as a scalar subquery beside them.
  const [row] = await db
    .select({
      available: count(),
      held: sql<number>`(select count(*) from ${reviews} where ${reviews.reviewerId} = ${actor.id}
        and ${reviews.status} = 'leased' and ${reviews.leasedUntil} > ${iso(now)}::timestamptz)`.mapWith(Number),
    })
    .from(candidates(db, actor, now, cap).as('available'))
  return Math.min(cap, row.held + row.available)
}

/** Reviews this person has submitted since a moment (the reply's submission). */
async function reviewsGivenSince(db: Db, actor: Pick<Actor, 'id'>, since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(reviews)
    .where(and(eq(reviews.reviewerId, actor.id), eq(reviews.status, 'submitted'), gt(reviews.submittedAt, new Date(since.getTime() - 1))))
  return row.n
}

export interface UnlockState {
  unlocked: boolean
  given: number
  needed: number
  remaining: number
  /** True when they were let in early because nothing is left for them to review. */
  poolExhausted: boolean
}

/**
 * Whether the author may see a reply's results: after giving N reviews since submitting it, or —
 * so a small or quiet organization never locks anyone out — when there is nothing left for them
 * to review and they hold no lease.
 */
export async function resultsUnlock(
  db: Db,
  actor: Actor,
  submittedAt: Date,
  now = new Date(),
  rules?: ReviewRules,
): Promise<UnlockState> {
  const given = await reviewsGivenSince(db, actor, submittedAt)
  const needed = (rules ?? (await reviewRulesFor(db, actor.organizationId))).reviewsToUnlock
  if (given >= needed) return { unlocked: true, given, needed, remaining: 0, poolExhausted: false }
  const waiting = await reviewsWaitingFor(db, actor, now, 1)
  return { unlocked: waiting === 0, given, needed, remaining: needed - given, poolExhausted: waiting === 0 }
}

/** Submitted-but-unfinished replies of the organization: the review queue depth. */
export async function reviewQueueDepth(db: Db, organizationId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(replies)
    .where(and(eq(replies.organizationId, organizationId), isNull(replies.finalisedAt)))
  return row.n
}

/** Open replies across every organization: an operator's figure for /metrics, never shown to a tenant. */
export async function openRepliesAcrossOrganizations(db: Db) {
  const [row] = await db.select({ n: count() }).from(replies).where(isNull(replies.finalisedAt))
  return row.n
}
