// The feedback on one reply: readable by its author, by managers of the author's teams and by
// admins — nobody else, whatever route asks. Reviewers stay anonymous to everyone here.
import { and, asc, desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '#db/client.server'
import { replies, reviewReactions, reviews, users } from '#db/schema'
import { forbidden, notFound } from '~/http/responses.server'
import type { Actor } from '~/org/teams.server'
import type { CoachHint } from '~/practice/coach-hints'
import { findPracticeScenario } from '~/practice/practice.server'
import { resultsUnlock, type UnlockState } from './allocation.server'
import type { Levels } from './consensus'
import { DEFAULT_REVIEW_RULES, requiredReviews, type ReviewRules } from './review-rules'
import type { ReviewComment } from './review-form'
import { managesAuthor } from './reviews.server'
import { rubricForReply } from './rubric-versions.server'

/** Loads a reply of the actor's organization and checks the actor may read its feedback. */
async function readableReply(db: Db, actor: Actor, replyId: string) {
  if (!z.string().uuid().safeParse(replyId).success) notFound('There is no such reply.')
  const [reply] = await db
    .select()
    .from(replies)
    .where(and(eq(replies.id, replyId), eq(replies.organizationId, actor.organizationId)))
  if (!reply) notFound('There is no such reply.')
  const isAuthor = reply.userId === actor.id
  if (!isAuthor && !(await managesAuthor(db, actor, reply.organizationId, reply.userId))) {
    forbidden('Only the person who wrote this reply and their managers can read its feedback.')
  }
  return { reply, isAuthor }
}

/** Throws 403/404 unless the actor may read this reply's feedback. */
export async function assertCanReadFeedback(db: Db, actor: Actor, replyId: string) {
  await readableReply(db, actor, replyId)
}

export async function getReplyFeedback(
  db: Db,
  actor: Actor,
  replyId: string,
  now = new Date(),
  rules: ReviewRules = DEFAULT_REVIEW_RULES,
) {
  const { reply, isAuthor } = await readableReply(db, actor, replyId)
  const [scenario, stored, rows] = await Promise.all([
    findPracticeScenario(db, actor, reply.scenarioSlug),
    rubricForReply(db, reply.rubricVersionId),
    db
      .select({
        id: reviews.id,
        reviewerId: reviews.reviewerId,
        scores: reviews.scores,
        comments: reviews.comments,
        deciding: reviews.deciding,
        submittedAt: reviews.submittedAt,
      })
      .from(reviews)
      .where(and(eq(reviews.replyId, reply.id), eq(reviews.status, 'submitted')))
      .orderBy(asc(reviews.submittedAt), asc(reviews.id)),
  ])
  // Only the writer's own reactions count (the writer is the only one who may react).
  const reactions = await db
    .select({
      reviewId: reviewReactions.reviewId,
      helpful: reviewReactions.helpful,
      disagreement: reviewReactions.disagreement,
      resolvedAt: reviewReactions.resolvedAt,
      resolutionNote: reviewReactions.resolutionNote,
    })
    .from(reviewReactions)
    .innerJoin(reviews, eq(reviews.id, reviewReactions.reviewId))
    .where(and(eq(reviews.replyId, reply.id), eq(reviewReactions.userId, reply.userId)))

  // Managers and admins see whose reply it is; reviewers' names are never shown to anyone.
  const [author] = isAuthor ? [null] : await db.select({ name: users.name }).from(users).where(eq(users.id, reply.userId))

  const unlock: UnlockState = isAuthor
    ? await resultsUnlock(db, actor, reply.submittedAt, now, rules)
    : { unlocked: true, given: 0, needed: 0, remaining: 0, poolExhausted: false }
  const finalised = reply.finalisedAt !== null
  const showResults = finalised && unlock.unlocked
  const prompt = scenario?.prompts.find((p) => p.id === reply.promptId)
  const hasDeciding = rows.some((review) => review.deciding)
  const reviewedIt = rows.some((review) => review.reviewerId === actor.id)
  let peer = 0

  return {
    reply: {
      id: reply.id,
      text: reply.text,
      submittedAt: reply.submittedAt,
      finalisedAt: reply.finalisedAt,
      flaggedAt: reply.flaggedAt,
      /** open: reviewers disagreed and nobody has decided yet; settled: a deciding review closed it. */
      flag: reply.flaggedAt === null ? null : hasDeciding ? ('settled' as const) : ('open' as const),
      reviewsDone: reply.reviewsDone,
      reviewsRequired: requiredReviews(reply.reviewsRequired, reply.submittedAt, now),
      coachHints: (reply.coachHints ?? []) as CoachHint[],
    },
    scenario: {
      slug: reply.scenarioSlug,
      title: scenario?.title ?? reply.scenarioSlug,
      customerName: scenario?.customer.name ?? null,
      channel: scenario?.channel ?? null,
      promptText: prompt?.text ?? null,
    },
    rubric: stored.rubric,
    viewer: {
      isAuthor,
      authorName: author?.name ?? null,
      canDecide: !isAuthor && finalised && reply.flaggedAt !== null && !hasDeciding && !reviewedIt,
      /** A manager who reviewed a flagged reply themselves: another manager or an admin decides it. */
      reviewedFlagged: !isAuthor && reply.flaggedAt !== null && !hasDeciding && reviewedIt,
      canReact: isAuthor && showResults,
      canResolve: !isAuthor,
    },
    unlock,
    results: showResults
      ? {
          criterionScores: (reply.criterionScores ?? {}) as Levels,
          score: reply.score ?? 0,
          reviews: rows.map((review) => {
            const reaction = reactions.find((r) => r.reviewId === review.id)
            if (!review.deciding) peer++
            return {
              id: review.id,
              label: review.deciding ? 'Deciding review (manager)' : `Reviewer ${peer}`,
              deciding: review.deciding,
              scores: (review.scores ?? {}) as Levels,
              comments: (review.comments ?? []) as ReviewComment[],
              reaction: reaction
                ? {
                    helpful: reaction.helpful,
                    disagreement: reaction.disagreement,
                    resolvedAt: reaction.resolvedAt,
                    resolutionNote: reaction.resolutionNote,
                  }
                : null,
            }
          }),
        }
      : null,
  }
}

export type ReplyFeedback = Awaited<ReturnType<typeof getReplyFeedback>>

/** What the reviews page shows of each of the actor's own replies: where it stands. */
export const myReplyColumns = {
  id: replies.id,
  scenarioSlug: replies.scenarioSlug,
  submittedAt: replies.submittedAt,
  reviewsDone: replies.reviewsDone,
  reviewsRequired: replies.reviewsRequired,
  finalisedAt: replies.finalisedAt,
}

/** The actor's own replies, newest first, with where each stands (for the reviews page). */
export async function myReplies(db: Db, actor: Actor, limit = 20) {
  return db
    .select(myReplyColumns)
    .from(replies)
    .where(and(eq(replies.userId, actor.id), eq(replies.organizationId, actor.organizationId)))
    .orderBy(desc(replies.submittedAt))
    .limit(limit)
}
