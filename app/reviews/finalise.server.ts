// Finalising a reply: once it has the reviews it needs, its consensus and 0–100 score are written,
// reviewers' quality scores move toward how close they were, wide disagreement is flagged to the
// author's managers, and the author hears that their feedback is ready — all in the caller's
// transaction, with the reply row already locked by the caller.
import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { memberships, replies, reviewerQuality, reviews, users } from '#db/schema'
import { recordFinalisedReply } from '~/insights/rollups.server'
import { notifyQuery, type NewNotification } from '~/notifications/notifications.server'
import { getAuthoredScenario } from '~/scenarios/authored-scenarios.server'
import { closeness, consensus, disagreement, reviewerWeight, type Levels } from './consensus'
import { DEFAULT_REVIEW_RULES, type ReviewRules } from './review-rules'
import { rubricForReply } from './rubric-versions.server'

/** People who look after an author: managers of the author's teams, or the org's admins when none. */
export async function managersOf(db: Db, organizationId: string, authorId: string): Promise<string[]> {
  const authorTeams = db
    .select({ teamId: memberships.teamId })
    .from(memberships)
    .where(and(eq(memberships.userId, authorId), eq(memberships.organizationId, organizationId)))
  const rows = await db
    .selectDistinct({ id: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.role, 'manager'),
        inArray(memberships.teamId, authorTeams),
        ne(memberships.userId, authorId),
        isNull(users.deactivatedAt),
      ),
    )
  if (rows.length) return rows.map((row) => row.id).sort()
  const admins = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.role, 'admin'), ne(users.id, authorId), isNull(users.deactivatedAt)))
  return admins.map((row) => row.id).sort()
}

/**
 * Who settles a flagged reply: the author's managers who did not review it themselves; when every
 * one of them did, the organization's admins who did not (never the author).
 */
export async function decidersFor(db: Db, organizationId: string, authorId: string, reviewerIds: readonly string[]): Promise<string[]> {
  const reviewed = new Set(reviewerIds)
  const managers = (await managersOf(db, organizationId, authorId)).filter((id) => !reviewed.has(id))
  if (managers.length) return managers
  const admins = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), eq(users.role, 'admin'), ne(users.id, authorId), isNull(users.deactivatedAt)))
  return admins
    .map((row) => row.id)
    .filter((id) => !reviewed.has(id))
    .sort()
}

export async function scenarioTitle(slug: string): Promise<string> {
  try {
    return (await getAuthoredScenario(slug))?.title ?? slug
  } catch {
    return slug
  }
}

export interface FinaliseOutcome {
  criterionScores: Levels
  score: number
  flagged: boolean
  reasons: string[]
}

type Reply = typeof replies.$inferSelect

/**
 * Writes the consensus of a reply's submitted reviews. The first finalisation also updates reviewer
 * quality, flags wide disagreement and notifies; a later one (after a manager's deciding review)
 * only rewrites the consensus and the rollups. A caller that has just locked and read the reply
 * passes it as `loaded`, saving a round trip.
 */
export async function finaliseReply(
  tx: Db,
  replyId: string,
  now: Date,
  rules: ReviewRules = DEFAULT_REVIEW_RULES,
  loaded?: Reply,
): Promise<FinaliseOutcome> {
  const reply = loaded ?? (await tx.select().from(replies).where(eq(replies.id, replyId)))[0]
  if (!reply) throw new Error(`Reply ${replyId} does not exist`)
  // The reviews with their reviewers' quality so far, in one round trip.
  const done = await tx
    .select({
      id: reviews.id,
      reviewerId: reviews.reviewerId,
      scores: reviews.scores,
      deciding: reviews.deciding,
      quality: reviewerQuality.quality,
      reviewsCounted: reviewerQuality.reviewsCounted,
    })
    .from(reviews)
    .leftJoin(reviewerQuality, eq(reviewerQuality.userId, reviews.reviewerId))
    .where(and(eq(reviews.replyId, replyId), eq(reviews.status, 'submitted')))
    .orderBy(asc(reviews.submittedAt), asc(reviews.id))
  if (done.length === 0) throw new Error(`Reply ${replyId} has no reviews to finalise`)

  const { rubric } = await rubricForReply(tx, reply.rubricVersionId)
  const criteria = rubric.criteria.map((criterion) => ({ id: criterion.id, weight: criterion.weight }))
  const reviewerIds = [...new Set(done.map((review) => review.reviewerId))]

  const weighted = done.map((review) => ({
    scores: (review.scores ?? {}) as Levels,
    weight: reviewerWeight(
      review.quality === null || review.reviewsCounted === null ? undefined : { quality: review.quality, reviewsCounted: review.reviewsCounted },
      rules.qualityWeightAfter,
    ),
    deciding: review.deciding,
  }))
  const { criterionScores, score } = consensus(criteria, weighted)
  const firstTime = reply.finalisedAt === null
  const peers = weighted.filter((review) => !review.deciding)
  const { flagged, reasons } = disagreement(criteria, peers)
  const flagNow = firstTime && flagged

  // Anyone still holding a lease on it is released (the reply needs nothing more), in the same statement.
  const released = tx.$with('released').as(
    tx
      .delete(reviews)
      .where(and(eq(reviews.replyId, replyId), eq(reviews.status, 'leased')))
      .returning({ id: reviews.id }),
  )
  // The first time, the reviewers' quality and the notifications are written by that statement too.
  const alongside = firstTime ? await firstFinalisation(tx, reply, now, done, criteria, criterionScores, flagNow, reviewerIds) : []
  await tx
    .with(released, ...alongside)
    .update(replies)
    .set({
      criterionScores,
      score,
      finalisedAt: reply.finalisedAt ?? now,
      flaggedAt: flagNow ? now : reply.flaggedAt,
    })
    .where(eq(replies.id, replyId))

  await recordFinalisedReply(tx, replyId)
  return { criterionScores, score, flagged: flagNow, reasons }
}

/**
 * What only a reply's first finalisation writes, as data-modifying CTEs for finaliseReply's update:
 * each peer reviewer's quality moves toward how close they were (one row each, sorted so two
 * finalisations never lock quality rows in opposite orders), and the author — and, for wide
 * disagreement, whoever decides it — are notified.
 */
async function firstFinalisation(
  tx: Db,
  reply: Reply,
  now: Date,
  done: { reviewerId: string; scores: unknown; deciding: boolean }[],
  criteria: { id: string; weight: number }[],
  criterionScores: Levels,
  flagNow: boolean,
  reviewerIds: string[],
) {
  const title = await scenarioTitle(reply.scenarioSlug)
  const href = `/replies/${reply.id}`
  const messages: NewNotification[] = [
    {
      organizationId: reply.organizationId,
      userId: reply.userId,
      kind: 'reply-finalised',
      title: `Your reply to “${title}” has all its reviews`,
      href,
    },
  ]
  if (flagNow) {
    for (const managerId of await decidersFor(tx, reply.organizationId, reply.userId, reviewerIds)) {
      messages.push({
        organizationId: reply.organizationId,
        userId: managerId,
        kind: 'reply-flagged',
        title: `Reviewers disagreed widely on a reply to “${title}”: add a deciding review`,
        href,
      })
    }
  }
  const notified = tx.$with('notified').as(notifyQuery(tx, messages))
  const peerReviews = done.filter((review) => !review.deciding).sort((a, b) => a.reviewerId.localeCompare(b.reviewerId))
  if (!peerReviews.length) return [notified]
  const quality = tx.$with('quality').as(
    tx
      .insert(reviewerQuality)
      .values(
        peerReviews.map((review) => ({
          userId: review.reviewerId,
          organizationId: reply.organizationId,
          quality: closeness(criteria, (review.scores ?? {}) as Levels, criterionScores),
          reviewsCounted: 1,
          updatedAt: now,
        })),
      )
      .onConflictDoUpdate({
        target: reviewerQuality.userId,
        set: {
          quality: sql`(${reviewerQuality.quality} * ${reviewerQuality.reviewsCounted} + excluded.quality) / (${reviewerQuality.reviewsCounted} + 1)`,
          reviewsCounted: sql`${reviewerQuality.reviewsCounted} + 1`,
          updatedAt: now,
        },
      })
      .returning({ userId: reviewerQuality.userId }),
  )
  return [quality, notified]
}
