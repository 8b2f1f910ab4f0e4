// Helpers for the practice and review tests: people who passed calibration, replies submitted
// through the domain (so they carry hints, rubric version and team like real ones), full reviews.
import type { Db } from '../../db/client.server'
import { calibrationAttempts } from '../../db/schema'
import type { Actor } from '~/org/teams.server'
import { startAttempt, submitReply } from '~/practice/practice.server'
import type { ReviewInput } from '~/reviews/review-form'
import type { ReviewRules } from '~/reviews/review-rules'

export const CRITERIA = ['empathy', 'warmth', 'ownership', 'next-step', 'context']

export async function passCalibration(db: Db, person: Pick<Actor, 'id' | 'organizationId'>, at = new Date()) {
  await db.insert(calibrationAttempts).values({ organizationId: person.organizationId, userId: person.id, answers: {}, passed: true, createdAt: at })
}

export const REPLY_TEXT =
  'Hi Kwame, I am so sorry the gift is late; I know Saturday matters. Thank you for telling us. I have sent a new one by express and it arrives tomorrow by 18:00.'

/** A new attempt and a submitted reply on a one-step scenario (late-delivery-gift). */
export async function replyAs(
  db: Db,
  person: Actor,
  options: { now?: Date; text?: string; slug?: string; promptId?: string; rules?: ReviewRules } = {},
) {
  const slug = options.slug ?? 'late-delivery-gift'
  const now = options.now ?? new Date()
  const attempt = await startAttempt(db, person, slug, now)
  const result = await submitReply(
    db,
    person,
    { slug, attemptId: attempt.id, promptId: options.promptId ?? 'reply', text: options.text ?? REPLY_TEXT },
    { now, rules: options.rules },
  )
  if (!result.ok) throw new Error(result.error)
  return result.value.replyId
}

/** A complete review with every criterion at `level` (or the given levels) and one comment. */
export function reviewWith(levels: number | Record<string, number>, extra: Partial<ReviewInput> = {}): ReviewInput {
  const scores = Object.fromEntries(CRITERIA.map((id) => [id, typeof levels === 'number' ? levels : levels[id]]))
  return { scores, comments: [{ criterionId: 'empathy', text: 'It names what happened to him.' }], ...extra }
}
