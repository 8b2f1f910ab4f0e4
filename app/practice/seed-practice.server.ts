// Demo data for practice and peer review, layered on the year of history that seedHistory writes:
// everyone who has reviewed has also passed calibration, reviewers' quality scores reflect how
// close their past reviews were to consensus, and a handful of fresh replies wait in the queue.
// The fresh replies already carry reviews from Jordan (member@) and Maya (maya@), so when those two
// reply to a scenario themselves, each is handed the other's reply first.
import { and, asc, eq, inArray, isNotNull, min } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { calibrationAttempts, replies, reviewerQuality, reviews, users } from '#db/schema'
import { calibrationSet } from '~/reviews/calibration-attempts.server'
import { listCalibrationItems } from '~/reviews/calibration.server'
import { closeness, nextQuality, type Levels } from '~/reviews/consensus'
import { nextReviewFor } from '~/reviews/allocation.server'
import { submitReview } from '~/reviews/reviews.server'
import { loadRubric } from '~/reviews/rubric.server'
import type { ReviewComment } from '~/reviews/review-form'
import { startAttempt, submitReply } from './practice.server'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

interface OpenReply {
  author: string
  slug: string
  promptId: string
  daysAgo: number
  text: string
  /** What Jordan and Maya thought of it. */
  reviews: Record<'member@acme.test' | 'maya@acme.test', { scores: Levels; comments: ReviewComment[] }>
}

const OPEN_REPLIES: OpenReply[] = [
  {
    author: 'leo@acme.test',
    slug: 'linkedin-renewal-sales',
    promptId: 'reply',
    daysAgo: 4,
    text:
      "Hi Yusuf, thank you for finding me here, and I'm sorry you had to. Eleven days without an answer while a renewal date gets closer is not how we should treat a client of four years. " +
      "I've gone through the quote: the SMS reminders add-on was switched on by default, and I have taken it off, which brings the figure to £16,300. " +
      "If a two-year term suits your directors, I can also cap the rise at 8%. Could we talk on Monday at 10:00? I have paused the automatic renewal so nothing changes on the 14th while we do.",
    reviews: {
      'member@acme.test': {
        scores: { empathy: 3, warmth: 3, ownership: 4, 'next-step': 4, context: 3 },
        comments: [
          { criterionId: 'ownership', text: 'Already took the add-on off before replying: that is the apology he needed.', quote: "I've gone through the quote: the SMS reminders add-on was switched on by default, and I have taken it off, which brings the figure to £16,300." },
          { criterionId: 'next-step', text: 'A day, a time and the renewal paused. Nothing left for him to chase.' },
        ],
      },
      'maya@acme.test': {
        scores: { empathy: 3, warmth: 3, ownership: 3, 'next-step': 4, context: 4 },
        comments: [{ criterionId: 'context', text: 'Uses his four years with us and the date on the contract, so he does not have to repeat himself.' }],
      },
    },
  },
  {
    author: 'ines@acme.test',
    slug: 'thank-you-after-fix',
    promptId: 'reply',
    daysAgo: 3,
    text:
      'Hi Ruth, what a lovely message to read on a Monday, thank you. I passed it straight to Dev, who fixed the bug, and it made his week too. ' +
      '240 volunteers all in the right place at the right time is a great result. Thanks again for the clear screenshots in March, they made the problem quick to find.',
    reviews: {
      'member@acme.test': {
        scores: { empathy: 3, warmth: 4, ownership: 3, 'next-step': 2, context: 3 },
        comments: [{ criterionId: 'warmth', text: 'Sounds genuinely glad, and credits her screenshots too.', quote: 'Thanks again for the clear screenshots in March, they made the problem quick to find.' }],
      },
      'maya@acme.test': {
        scores: { empathy: 3, warmth: 4, ownership: 3, 'next-step': 1, context: 3 },
        comments: [{ criterionId: 'next-step', text: 'Nothing about what happens next: could invite her to share the story.' }],
      },
    },
  },
  {
    author: 'owen@acme.test',
    slug: 'contact-form-void',
    promptId: 'reply',
    daysAgo: 2,
    text:
      'Dear Margaret, thank you for your patience. Your requests were affected by a technical issue with our website forms, which has now been resolved. ' +
      'So that we can prepare a quote, please could you confirm how many pupils there are at each of your schools? Kind regards, the Marketing team',
    reviews: {
      'member@acme.test': {
        scores: { empathy: 1, warmth: 2, ownership: 1, 'next-step': 2, context: 1 },
        comments: [
          { criterionId: 'context', text: 'She already told us: about 1,100 pupils across five schools, and the pilot data is ours.', quote: 'So that we can prepare a quote, please could you confirm how many pupils there are at each of your schools?' },
        ],
      },
      'maya@acme.test': {
        scores: { empathy: 2, warmth: 2, ownership: 2, 'next-step': 2, context: 1 },
        comments: [{ criterionId: 'ownership', text: '"A technical issue" hides that three requests sat unread for weeks. Say it plainly.' }],
      },
    },
  },
  {
    author: 'hana@acme.test',
    slug: 'refund-delayed-calm',
    promptId: 'reply',
    daysAgo: 1,
    text:
      "Hi Aisha, thanks for checking, and it's lovely to hear from you again! Your coat reached our warehouse on Saturday, so it's safe with us. " +
      "Returns are slower than usual at the moment, so I've marked yours for priority: it should be processed within two working days, and the refund then takes 3 to 5 working days to reach your card. " +
      "I've also refunded the £4.50 you paid for postage. If you haven't seen it by next Friday, reply here and I'll chase it myself.",
    reviews: {
      'member@acme.test': {
        scores: { empathy: 3, warmth: 4, ownership: 4, 'next-step': 4, context: 3 },
        comments: [{ criterionId: 'ownership', text: 'Priority and the postage refund done before she asked.', quote: "I've also refunded the £4.50 you paid for postage." }],
      },
      'maya@acme.test': {
        scores: { empathy: 3, warmth: 4, ownership: 3, 'next-step': 4, context: 3 },
        comments: [{ criterionId: 'next-step', text: 'Clear timing and a fallback date, so she knows when to worry.' }],
      },
    },
  },
]

async function peopleByEmail(db: Db, organizationId: string, emails: string[]) {
  const rows = await db
    .select({ id: users.id, email: users.email, role: users.role, organizationId: users.organizationId })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), inArray(users.email, emails)))
  return new Map(rows.map((row) => [row.email, row]))
}

/** Everyone who has reviewed passed calibration (on the first trio) the day before their first review. */
async function seedCalibration(db: Db, organizationId: string, now: Date) {
  const [items, firstReviews] = await Promise.all([
    listCalibrationItems(),
    db
      .select({ userId: reviews.reviewerId, first: min(reviews.submittedAt) })
      .from(reviews)
      .where(and(eq(reviews.organizationId, organizationId), eq(reviews.status, 'submitted')))
      .groupBy(reviews.reviewerId),
  ])
  const answers = Object.fromEntries(calibrationSet(items, 0).map((item) => [item.id, item.expert]))
  const reviewers = new Map(firstReviews.map((row) => [row.userId, row.first]))
  // Jordan and Maya review the open replies below, so they have calibrated even without history.
  for (const person of (await peopleByEmail(db, organizationId, ['member@acme.test', 'maya@acme.test'])).values()) {
    if (!reviewers.has(person.id)) reviewers.set(person.id, new Date(now.getTime() - 10 * DAY))
  }
  const rows = [...reviewers].map(([userId, first]) => ({
    organizationId,
    userId,
    answers,
    passed: true,
    createdAt: new Date((first ?? now).getTime() - DAY),
  }))
  if (rows.length) await db.insert(calibrationAttempts).values(rows)
}

/** Reviewer quality from the history: the running mean of each review's closeness to consensus. */
async function seedReviewerQuality(db: Db, organizationId: string, now: Date) {
  const rubric = await loadRubric()
  const criteria = rubric.criteria.map((c) => ({ id: c.id, weight: c.weight }))
  const rows = await db
    .select({ reviewerId: reviews.reviewerId, scores: reviews.scores, consensus: replies.criterionScores })
    .from(reviews)
    .innerJoin(replies, eq(replies.id, reviews.replyId))
    .where(and(eq(reviews.organizationId, organizationId), eq(reviews.status, 'submitted'), eq(reviews.deciding, false), isNotNull(replies.finalisedAt)))
    .orderBy(asc(reviews.submittedAt))
  const quality = new Map<string, { quality: number; reviewsCounted: number }>()
  for (const row of rows) {
    if (!row.scores || !row.consensus) continue
    quality.set(row.reviewerId, nextQuality(quality.get(row.reviewerId), closeness(criteria, row.scores as Levels, row.consensus as Levels)))
  }
  const values = [...quality].map(([userId, q]) => ({ userId, organizationId, ...q, updatedAt: now }))
  if (values.length) await db.insert(reviewerQuality).values(values).onConflictDoNothing()
}

/**
 * A handful of submitted, not yet fully reviewed replies by several Acme people on several
 * scenarios, each with two of its three reviews (from Jordan and Maya), so the demo queue is alive.
 */
export async function seedOpenReplies(db: Db, organizationId: string, now = new Date()) {
  await seedCalibration(db, organizationId, now)
  await seedReviewerQuality(db, organizationId, now)

  const people = await peopleByEmail(db, organizationId, [
    ...OPEN_REPLIES.map((reply) => reply.author),
    'member@acme.test',
    'maya@acme.test',
  ])
  const replyIds = new Map<string, OpenReply>()
  for (const open of OPEN_REPLIES) {
    const author = people.get(open.author)
    if (!author) continue
    const at = new Date(now.getTime() - open.daysAgo * DAY)
    const attempt = await startAttempt(db, author, open.slug, at)
    const result = await submitReply(db, author, { slug: open.slug, attemptId: attempt.id, promptId: open.promptId, text: open.text }, { now: at })
    if (!result.ok) throw new Error(`Seed reply for ${open.slug} was refused: ${result.error}`)
    replyIds.set(result.value.replyId, open)
  }

  // Reviews go through the real allocation, a few hours after each reply.
  for (const email of ['member@acme.test', 'maya@acme.test'] as const) {
    const reviewer = people.get(email)
    if (!reviewer) continue
    for (let i = 0; i < OPEN_REPLIES.length + 2; i++) {
      const next = await nextReviewFor(db, reviewer, new Date(now.getTime() - 12 * HOUR))
      if (next.status !== 'leased') break
      const open = replyIds.get(next.lease.replyId)
      const review = open?.reviews[email] ?? { scores: {}, comments: [] }
      if (!open) {
        // Not one of ours (someone else's open reply): leave it for a real person.
        await db.delete(reviews).where(eq(reviews.id, next.lease.reviewId))
        break
      }
      const result = await submitReview(db, reviewer, next.lease.reviewId, review, { now: new Date(now.getTime() - 12 * HOUR) })
      if (!result.ok) throw new Error(`Seed review by ${email} was refused: ${JSON.stringify(result.errors)}`)
    }
  }
  return { replies: replyIds.size }
}
