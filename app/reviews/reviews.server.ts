// Submitting reviews, a manager's deciding review on a flagged reply, and the author's reactions to
// the reviews they received (helpful / disagree). Every function checks who is acting.
import { and, asc, count, eq, gt, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '#db/client.server'
import { compiledSelect, executePrepared } from '~/query/prepared.server'
import { memberships, replies, reviewReactions, reviews, users } from '#db/schema'
import { lockRollups, recordReviewSubmitted, reviewRollupsSql } from '~/insights/rollups.server'
import { forbidden, notFound } from '~/http/responses.server'
import { closeNotifications, notify } from '~/notifications/notifications.server'
import { managedTeamIds, type Actor } from '~/org/teams.server'
import { finaliseReply, managersOf, scenarioTitle } from './finalise.server'
import { checkReview, type ReviewInput } from './review-form'
import { DEFAULT_REVIEW_RULES, requiredReviews, type ReviewRules } from './review-rules'
import { rubricForReply } from './rubric-versions.server'
import { transactionWithRetry } from './transactions.server'

export type ReviewResult =
  | { ok: true; finalised: boolean }
  | { ok: false; errors: Record<string, string> }

/** Rows of a raw statement, whatever the driver. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}

const LOST = 'This reply is no longer held for you (the hold expired or it already has its reviews). Here is the next one.'
const ALREADY = 'You have already submitted this review.'

/** The review (the actor's, in their organization) and its reply, the reply locked: built and compiled once. */
const leasedReviewAndReply = compiledSelect<{ reply: typeof replies.$inferSelect; status: (typeof reviews.$inferSelect)['status']; leasedUntil: Date | null }>(
  (db) =>
    db
      .select({ reply: replies, status: reviews.status, leasedUntil: reviews.leasedUntil })
      .from(reviews)
      .innerJoin(replies, eq(replies.id, reviews.replyId))
      .where(
        and(
          eq(reviews.id, sql.placeholder('reviewId')),
          eq(reviews.reviewerId, sql.placeholder('reviewerId')),
          eq(reviews.organizationId, sql.placeholder('organizationId')),
        ),
      )
      .for('update', { of: replies }),
)

/**
 * Submits the review for a lease the actor holds. A lease past its time is still accepted while
 * its slot has not been taken; then the reply is finalised in the same transaction if it has all
 * the reviews it needs.
 */
export async function submitReview(
  db: Db,
  actor: Actor,
  reviewId: string,
  input: ReviewInput,
  options: { now?: Date; rules?: ReviewRules } = {},
): Promise<ReviewResult> {
  const now = options.now ?? new Date()
  const rules = options.rules ?? DEFAULT_REVIEW_RULES
  if (!z.string().uuid().safeParse(reviewId).success) return { ok: false, errors: { form: LOST } }

  return transactionWithRetry(db, async (tx) => {
    // The reply is locked (allocation and finalisation lock replies before reviews too); the review
    // is read beside it, and the update below only takes it from leased to submitted, so a review
    // submitted or released meanwhile is caught there.
    const [found] = await leasedReviewAndReply(tx, { reviewId, reviewerId: actor.id, organizationId: actor.organizationId })
    if (!found) return { ok: false as const, errors: { form: LOST } }
    const { reply } = found
    if (found.status === 'submitted') return { ok: false as const, errors: { form: ALREADY } }
    // Gives up the lease; `status` above may predate a submission of this review committed while
    // we waited for the reply's lock, and a submitted review is never deleted.
    const giveUp = async () => {
      const [gone] = await tx
        .delete(reviews)
        .where(and(eq(reviews.id, reviewId), eq(reviews.status, 'leased')))
        .returning({ id: reviews.id })
      return { ok: false as const, errors: { form: gone ? LOST : ALREADY } }
    }
    if (reply.finalisedAt) return giveUp()

    const { rubric } = await rubricForReply(tx, reply.rubricVersionId)
    const criterionIds = rubric.criteria.map((criterion) => criterion.id)
    const errors = checkReview(input, criterionIds, reply.text)
    if (Object.keys(errors).length) return { ok: false as const, errors }

    const required = requiredReviews(reply.reviewsRequired, reply.submittedAt, now)
    if (!found.leasedUntil || found.leasedUntil <= now) {
      // Late: accept only if the slot is still free (nobody else leased it meanwhile).
      const [others] = await tx
        .select({ n: count() })
        .from(reviews)
        .where(and(eq(reviews.replyId, reply.id), eq(reviews.status, 'leased'), gt(reviews.leasedUntil, now), ne(reviews.id, reviewId)))
      if (reply.reviewsDone + others.n >= required) return giveUp()
    }

    // The reply is locked, so whether this review completes it is known now. When it does, both
    // rollup hooks run in this transaction: their locks are taken together first, in one fixed order.
    const completes = reply.reviewsDone + 1 >= required
    if (completes) await lockRollups(tx, { reviewId, replyId: reply.id, submittingAt: now })

    // One statement: the review leaves its lease, the reply counts it, and the reviewer's
    // team-month rollups add it.
    const submitted = sql`select organization_id as org, reviewer_id as person, submitted_at as at, null::text as scenario_slug from submitted`
    const [updated] = rowsOf<{ done: number | null }>(
      await executePrepared(tx, sql`
        with submitted as (
          update ${reviews} set status = 'submitted', scores = ${JSON.stringify(input.scores)}::jsonb,
            comments = ${JSON.stringify(input.comments)}::jsonb, submitted_at = ${now.toISOString()}::timestamptz, leased_until = null
          where id = ${reviewId} and status = 'leased'
          returning reply_id, organization_id, reviewer_id, submitted_at),
        counted as (
          update ${replies} set reviews_done = reviews_done + 1 where id in (select reply_id from submitted) returning reviews_done),
        ${reviewRollupsSql(submitted)}
        select (select reviews_done from counted) as done, (select count(*)::int from review_rollups) as written`),
    )
    if (updated?.done === null || updated?.done === undefined) {
      // Submitted in another tab, or released and deleted, since it was read above.
      const [current] = await tx.select({ status: reviews.status }).from(reviews).where(eq(reviews.id, reviewId))
      return { ok: false as const, errors: { form: current?.status === 'submitted' ? ALREADY : LOST } }
    }
    const finalised = updated.done >= required
    if (finalised) await finaliseReply(tx, reply.id, now, rules, { ...reply, reviewsDone: updated.done })
    return { ok: true as const, finalised }
  })
}

/** May this person act as a manager for this author: an admin, or a manager of one of the author's teams. */
export async function managesAuthor(db: Db, actor: Actor, organizationId: string, authorId: string) {
  if (actor.organizationId !== organizationId || actor.id === authorId) return false
  if (actor.role === 'admin') return true
  if (actor.role !== 'manager') return false
  return (await managersOf(db, organizationId, authorId)).includes(actor.id)
}

/**
 * A manager's deciding review on a reply whose reviewers disagreed widely. It counts as a review,
 * settles the consensus with its own levels, and re-finalises the reply (rollups included).
 */
export async function decideReview(
  db: Db,
  actor: Actor,
  replyId: string,
  input: ReviewInput,
  options: { now?: Date; rules?: ReviewRules } = {},
): Promise<ReviewResult> {
  const now = options.now ?? new Date()
  const rules = options.rules ?? DEFAULT_REVIEW_RULES
  if (!z.string().uuid().safeParse(replyId).success) notFound('There is no such reply.')
  const [target] = await db
    .select({ id: replies.id, userId: replies.userId })
    .from(replies)
    .where(and(eq(replies.id, replyId), eq(replies.organizationId, actor.organizationId)))
  if (!target) notFound('There is no such reply.')
  if (!(await managesAuthor(db, actor, actor.organizationId, target.userId))) forbidden('Only the author’s manager can decide this reply.')

  return transactionWithRetry(db, async (tx) => {
    const [reply] = await tx.select().from(replies).where(eq(replies.id, replyId)).for('update')
    if (!reply.finalisedAt || !reply.flaggedAt) {
      return { ok: false as const, errors: { form: 'Only a reply whose reviewers disagreed needs a deciding review.' } }
    }
    const existing = await tx
      .select({ reviewerId: reviews.reviewerId, deciding: reviews.deciding })
      .from(reviews)
      .where(eq(reviews.replyId, replyId))
    if (existing.some((review) => review.deciding)) return { ok: false as const, errors: { form: 'This reply already has a deciding review.' } }
    if (existing.some((review) => review.reviewerId === actor.id)) {
      return { ok: false as const, errors: { form: 'You reviewed this reply yourself; ask another manager to decide it.' } }
    }
    const { rubric } = await rubricForReply(tx, reply.rubricVersionId)
    const errors = checkReview(input, rubric.criteria.map((criterion) => criterion.id), reply.text)
    if (Object.keys(errors).length) return { ok: false as const, errors }

    const [review] = await tx
      .insert(reviews)
      .values({
        organizationId: reply.organizationId,
        replyId,
        reviewerId: actor.id,
        status: 'submitted',
        scores: input.scores,
        comments: input.comments,
        deciding: true,
        createdAt: now,
        submittedAt: now,
      })
      .returning({ id: reviews.id })
    await tx.update(replies).set({ reviewsDone: reply.reviewsDone + 1 }).where(eq(replies.id, replyId))
    // Both rollup hooks run here: their locks are taken together first, in one fixed order.
    await lockRollups(tx, { reviewId: review.id, replyId })
    await finaliseReply(tx, replyId, now, rules, reply)
    await recordReviewSubmitted(tx, review.id)
    await notify(tx, {
      organizationId: reply.organizationId,
      userId: reply.userId,
      kind: 'reply-decided',
      title: `A manager added a deciding review to your reply to “${await scenarioTitle(reply.scenarioSlug)}”`,
      href: `/replies/${replyId}`,
    })
    // The flag is settled: whoever else was asked to decide has nothing left to do.
    await closeNotifications(tx, reply.organizationId, 'reply-flagged', `/replies/${replyId}`, now)
    return { ok: true as const, finalised: true }
  })
}

/** A few words to a person (a disagreement, a manager's answer): 5 to 500 characters. */
const shortNote = (tooShort: string) => z.string().trim().min(5, tooShort).max(500, 'Keep it under 500 characters.')

type FormOutcome = { ok: true } | { ok: false; errors: Record<string, string> }

export const reactionSchema = z.discriminatedUnion('reaction', [
  z.object({ reaction: z.literal('helpful') }),
  z.object({
    reaction: z.literal('disagree'),
    reason: shortNote('Say in a few words what you disagree with.'),
  }),
])

/**
 * The author marks a review of their reply helpful, or disagrees with it (with a short reason,
 * which goes to their managers). Only the author of the reviewed reply may react.
 */
export async function reactToReview(
  db: Db,
  actor: Actor,
  reviewId: string,
  input: z.input<typeof reactionSchema>,
  now = new Date(),
): Promise<FormOutcome> {
  const parsed = reactionSchema.safeParse(input)
  if (!parsed.success) return { ok: false, errors: { reason: parsed.error.issues[0]?.message ?? 'Check the reason.' } }
  if (!z.string().uuid().safeParse(reviewId).success) notFound('There is no such review.')
  const [row] = await db
    .select({ replyId: replies.id, authorId: replies.userId, finalisedAt: replies.finalisedAt, scenarioSlug: replies.scenarioSlug, status: reviews.status })
    .from(reviews)
    .innerJoin(replies, eq(replies.id, reviews.replyId))
    .where(and(eq(reviews.id, reviewId), eq(reviews.organizationId, actor.organizationId)))
  if (!row || row.status !== 'submitted') notFound('There is no such review.')
  if (row.authorId !== actor.id) forbidden('Only the author of the reply can react to its reviews.')
  if (!row.finalisedAt) return { ok: false, errors: { form: 'You can react once the reply has all its reviews.' } }

  const value = parsed.data
  await db.transaction(async (tx) => {
    const values =
      value.reaction === 'helpful'
        ? { helpful: true, disagreement: null }
        : { helpful: false, disagreement: value.reason, resolvedAt: null, resolutionNote: null, resolvedBy: null }
    await tx
      .insert(reviewReactions)
      .values({ organizationId: actor.organizationId, reviewId, userId: actor.id, ...values, createdAt: now })
      .onConflictDoUpdate({ target: [reviewReactions.reviewId, reviewReactions.userId], set: values })
    if (value.reaction === 'disagree') {
      const [author] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id))
      const title = await scenarioTitle(row.scenarioSlug)
      const managers = await managersOf(tx, actor.organizationId, actor.id)
      await notify(
        tx,
        managers.map((userId) => ({
          organizationId: actor.organizationId,
          userId,
          kind: 'review-disputed' as const,
          title: `${author?.name ?? 'Someone'} disagrees with a review of their reply to “${title}”`,
          href: `/replies/${row.replyId}`,
        })),
      )
    }
  })
  return { ok: true }
}

export const resolutionSchema = z.object({
  note: shortNote('Write a short note the writer will read.'),
})

/**
 * A manager (or admin) answers the writer's disagreement with one review: the dispute is marked
 * resolved with a note the writer reads on their reply, and the writer is told.
 */
export async function resolveDispute(
  db: Db,
  actor: Actor,
  reviewId: string,
  input: z.input<typeof resolutionSchema>,
  now = new Date(),
): Promise<FormOutcome> {
  if (!z.string().uuid().safeParse(reviewId).success) notFound('There is no such review.')
  const [row] = await db
    .select({
      reactionId: reviewReactions.id,
      disagreement: reviewReactions.disagreement,
      resolvedAt: reviewReactions.resolvedAt,
      replyId: replies.id,
      authorId: replies.userId,
      scenarioSlug: replies.scenarioSlug,
    })
    .from(reviewReactions)
    .innerJoin(reviews, eq(reviews.id, reviewReactions.reviewId))
    .innerJoin(replies, and(eq(replies.id, reviews.replyId), eq(replies.userId, reviewReactions.userId)))
    .where(and(eq(reviewReactions.reviewId, reviewId), eq(reviewReactions.organizationId, actor.organizationId)))
  if (!row?.disagreement) notFound('Nobody disagreed with this review.')
  if (!(await managesAuthor(db, actor, actor.organizationId, row.authorId))) {
    forbidden('Only the writer’s manager or an admin can resolve a disagreement.')
  }
  const parsed = resolutionSchema.safeParse(input)
  if (!parsed.success) return { ok: false, errors: { note: parsed.error.issues[0]?.message ?? 'Check the note.' } }
  if (row.resolvedAt) return { ok: false, errors: { form: 'This disagreement is already resolved.' } }

  const href = `/replies/${row.replyId}`
  await db.transaction(async (tx) => {
    await tx
      .update(reviewReactions)
      .set({ resolvedAt: now, resolutionNote: parsed.data.note, resolvedBy: actor.id })
      .where(eq(reviewReactions.id, row.reactionId))
    await notify(tx, {
      organizationId: actor.organizationId,
      userId: row.authorId,
      kind: 'dispute-resolved',
      title: `Your manager answered your disagreement with a review of your reply to “${await scenarioTitle(row.scenarioSlug)}”`,
      href,
    })
    const [open] = await tx
      .select({ n: count() })
      .from(reviewReactions)
      .innerJoin(reviews, eq(reviews.id, reviewReactions.reviewId))
      .where(and(eq(reviews.replyId, row.replyId), isNotNull(reviewReactions.disagreement), isNull(reviewReactions.resolvedAt)))
    if (open.n === 0) await closeNotifications(tx, actor.organizationId, 'review-disputed', href, now)
  })
  return { ok: true }
}

/** Flagged replies in the teams this manager leads (all teams for admins) still waiting for a deciding review. */
export async function flaggedForManager(db: Db, actor: Actor) {
  if (actor.role !== 'admin' && actor.role !== 'manager') return []
  const teamIds = await managedTeamIds(db, actor)
  if (teamIds.length === 0) return []
  const authorsInTeams = db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, actor.organizationId), inArray(memberships.teamId, teamIds)))
  return db
    .select({ id: replies.id, scenarioSlug: replies.scenarioSlug, flaggedAt: replies.flaggedAt, author: users.name })
    .from(replies)
    .innerJoin(users, eq(users.id, replies.userId))
    .where(
      and(
        eq(replies.organizationId, actor.organizationId),
        isNotNull(replies.flaggedAt),
        ne(replies.userId, actor.id),
        inArray(replies.userId, authorsInTeams),
        sql`not exists (select 1 from reviews v where v.reply_id = ${replies.id} and v.deciding)`,
        // One who reviewed it cannot decide it: another manager or an admin does.
        sql`not exists (select 1 from reviews v where v.reply_id = ${replies.id} and v.reviewer_id = ${actor.id})`,
      ),
    )
    .orderBy(asc(replies.flaggedAt))
    .limit(20)
}
