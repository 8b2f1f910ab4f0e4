// Client-safe: the numbers behind peer review, shared by the allocation, the pages that explain them
// and the tests. M = reviews each reply needs; N = reviews a person gives to see their own results.
// N ≥ M keeps the pool balanced: everyone gives at least as many reviews as their reply consumes.

export interface ReviewRules {
  /** M: reviews a reply needs before it is finalised. */
  reviewsPerReply: number
  /** N: reviews given (since submitting a reply) to see that reply's results. */
  reviewsToUnlock: number
  /** How long a handed-out review stays reserved for its reviewer. */
  leaseMs: number
  /** A reviewer's quality starts weighting consensus once this many of their reviews were counted. */
  qualityWeightAfter: number
}

export const HOUR = 60 * 60 * 1000
export const DAY = 24 * HOUR

export const DEFAULT_REVIEW_RULES: ReviewRules = {
  reviewsPerReply: 3,
  reviewsToUnlock: 3,
  leaseMs: HOUR,
  qualityWeightAfter: 5,
}

/** Replies this old need one review fewer; twice as old, a single review. Nobody waits forever. */
export const RELAX_AFTER_DAYS = 7
export const RELAX_FULLY_AFTER_DAYS = 14

/**
 * Reviews a reply needs at `now`: its M while fresh, max(1, M-1) after 7 days, 1 after 14 days.
 * Mirrored in SQL by `requiredReviewsSql` in allocation.server.ts.
 */
export function requiredReviews(reviewsRequired: number, submittedAt: Date, now: Date): number {
  const age = now.getTime() - submittedAt.getTime()
  if (age >= RELAX_FULLY_AFTER_DAYS * DAY) return 1
  if (age >= RELAX_AFTER_DAYS * DAY) return Math.max(1, reviewsRequired - 1)
  return reviewsRequired
}
