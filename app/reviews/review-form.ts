import type { Scenario } from '~/scenarios/scenario-schema'

// Client-safe: the shape of a review as the form sends it and the domain checks it. Field names are
// `score.<criterion>`, `comment.<criterion>` and `quote.<criterion>`, so the form works without
// JavaScript and an error can be shown beside the criterion it belongs to.

export interface ReviewComment {
  criterionId: string
  text: string
  /** A sentence of the reply that the comment is about; shown beside that sentence. */
  quote?: string
}

export interface ReviewInput {
  scores: Record<string, number>
  comments: ReviewComment[]
}

export const MAX_COMMENT_LENGTH = 1000

export const scoreField = (criterionId: string) => `score.${criterionId}`
export const commentField = (criterionId: string) => `comment.${criterionId}`
export const quoteField = (criterionId: string) => `quote.${criterionId}`

/** Reads the review fields for these criteria out of a form (levels stay NaN when missing). */
export function readReviewForm(form: FormData | URLSearchParams, criterionIds: readonly string[]): ReviewInput {
  const scores: Record<string, number> = {}
  const comments: ReviewComment[] = []
  for (const id of criterionIds) {
    const level = form.get(scoreField(id))
    scores[id] = typeof level === 'string' && level !== '' ? Number(level) : Number.NaN
    const text = String(form.get(commentField(id)) ?? '').trim()
    const quote = String(form.get(quoteField(id)) ?? '').trim()
    if (text || quote) comments.push({ criterionId: id, text, ...(quote ? { quote } : {}) })
  }
  return { scores, comments }
}

/** Field errors for a review against its rubric and the reply's text; empty when it is fine. */
export function checkReview(input: ReviewInput, criterionIds: readonly string[], replyText: string): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const id of criterionIds) {
    const level = input.scores[id]
    if (!Number.isInteger(level) || level < 1 || level > 4) errors[scoreField(id)] = 'Choose a level from 1 to 4.'
  }
  for (const key of Object.keys(input.scores)) {
    if (!criterionIds.includes(key)) errors.form = `“${key}” is not a criterion of this rubric.`
  }
  for (const comment of input.comments) {
    if (!criterionIds.includes(comment.criterionId)) {
      errors.form = `“${comment.criterionId}” is not a criterion of this rubric.`
      continue
    }
    if (comment.text.length > MAX_COMMENT_LENGTH) {
      errors[commentField(comment.criterionId)] = `Keep a comment under ${MAX_COMMENT_LENGTH} characters.`
    }
    if (comment.quote && !comment.text) {
      errors[commentField(comment.criterionId)] = 'Say something about the sentence you quoted.'
    }
    if (comment.quote && !replyText.includes(comment.quote)) {
      errors[quoteField(comment.criterionId)] = 'Quote a sentence that is in the reply.'
    }
  }
  if (!input.comments.some((comment) => comment.text.length > 0)) {
    errors.form ??= 'Leave at least one comment: the writer learns most from your words, not the numbers.'
  }
  return errors
}

/** What a reviewer sees of a scenario beside the reply: the situation, never who wrote the reply. */
export function scenarioForReviewer(scenario: Scenario | null | undefined, promptId: string) {
  if (!scenario) return { scenario: null, promptText: null }
  const { title, channel, subject, customer, context, conversation, prompts } = scenario
  return {
    scenario: { title, channel, subject, customer, context, conversation, prompts },
    promptText: prompts.find((p) => p.id === promptId)?.text ?? null,
  }
}

/** Sent by the form once the page's script runs: answer with the next reply instead of a redirect. */
export const NEXT_IN_PLACE_FIELD = 'then'
export const NEXT_IN_PLACE = 'next-in-place'
