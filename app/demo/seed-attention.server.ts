// The demo's "waiting for you" moments, so each demo login's bell has something real in it on first
// start: two replies whose reviewers disagreed (one for Support's manager to decide, one for the admin
// because Marketing's manager reviewed it herself), a disagreement from Hana for her manager to
// answer, Jordan's latest reviewed reply, and a welcome for the new hire. Everything goes through
// the review domain, so the notifications are the ones the product itself would send.
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { replies, reviews, users } from '#db/schema'
import { notify } from '~/notifications/notifications.server'
import { startAttempt, submitReply } from '~/practice/practice.server'
import { finaliseReply } from '~/reviews/finalise.server'
import { resultsUnlock } from '~/reviews/allocation.server'
import { reactToReview } from '~/reviews/reviews.server'
import { DEMO_REPLIES } from './demo-replies'

const HOUR = 60 * 60 * 1000

interface SplitReply {
  author: string
  slug: string
  hoursAgo: number
  reviewers: [string, Record<string, number>, string][]
}

// Levels that span three on some criteria: the reviewers read the same reply very differently.
const SPLIT_REPLIES: SplitReply[] = [
  {
    author: 'tomas@acme.test',
    slug: 'return-damaged-item',
    hoursAgo: 20,
    reviewers: [
      ['grace@acme.test', { empathy: 3, warmth: 3, ownership: 4, 'next-step': 3, context: 2 }, 'Sorts it out at once, and no return needed.'],
      ['kofi@acme.test', { empathy: 1, warmth: 2, ownership: 2, 'next-step': 1, context: 1 }, 'No date for the new lamp, and nothing about Saturday.'],
      ['chloe@acme.test', { empathy: 2, warmth: 3, ownership: 3, 'next-step': 2, context: 1 }, 'Short and kind, but it forgets the housewarming.'],
    ],
  },
  {
    author: 'owen@acme.test',
    slug: 'thank-you-after-fix',
    hoursAgo: 30,
    reviewers: [
      ['nina@acme.test', { empathy: 4, warmth: 4, ownership: 3, 'next-step': 3, context: 3 }, 'Warm and glad; exactly the tone for a thank-you.'],
      ['ravi@acme.test', { empathy: 2, warmth: 2, ownership: 1, 'next-step': 1, context: 1 }, 'Says nothing about Dev, the fix or the marathon.'],
      ['zara@acme.test', { empathy: 3, warmth: 3, ownership: 2, 'next-step': 2, context: 2 }, 'Friendly; could use what she told us about the race.'],
    ],
  },
]

async function peopleByEmail(db: Db, organizationId: string, emails: string[]) {
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, organizationId: users.organizationId })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), inArray(users.email, emails)))
  return new Map(rows.map((row) => [row.email, row]))
}

export async function seedAttention(db: Db, organizationId: string, now = new Date()) {
  const emails = [
    ...SPLIT_REPLIES.flatMap((split) => [split.author, ...split.reviewers.map(([email]) => email)]),
    'member@acme.test',
    'newhire@acme.test',
    'hana@acme.test',
  ]
  const people = await peopleByEmail(db, organizationId, emails)
  const person = (email: string) => {
    const found = people.get(email)
    if (!found) throw new Error(`The demo has no ${email}`)
    return found
  }

  for (const split of SPLIT_REPLIES) {
    const author = person(split.author)
    const at = new Date(now.getTime() - split.hoursAgo * HOUR)
    const attempt = await startAttempt(db, author, split.slug, at)
    const submitted = await submitReply(db, author, { slug: split.slug, attemptId: attempt.id, promptId: 'reply', text: DEMO_REPLIES[split.slug].fair }, { now: at })
    if (!submitted.ok) throw new Error(`Demo reply to ${split.slug} was refused: ${submitted.error}`)
    const replyId = submitted.value.replyId
    const reviewedAt = new Date(at.getTime() + 6 * HOUR)
    await db.transaction(async (tx) => {
      await tx.insert(reviews).values(
        split.reviewers.map(([email, scores, comment], i) => ({
          organizationId,
          replyId,
          reviewerId: person(email).id,
          status: 'submitted' as const,
          scores,
          comments: [{ criterionId: i === 0 ? 'warmth' : 'context', text: comment }],
          createdAt: at,
          submittedAt: reviewedAt,
        })),
      )
      await tx.update(replies).set({ reviewsDone: split.reviewers.length }).where(eq(replies.id, replyId))
      // Finalising flags the split and asks whoever decides it, as it would for any reply.
      await finaliseReply(tx, replyId, reviewedAt)
    })
  }

  // Hana disagrees with one review of her latest reply whose feedback she can read; her manager hears of it.
  const hana = person('hana@acme.test')
  const finalised = (userId: string) =>
    db
      .select({ id: replies.id, submittedAt: replies.submittedAt })
      .from(replies)
      .where(and(eq(replies.userId, userId), isNotNull(replies.finalisedAt)))
      .orderBy(desc(replies.finalisedAt))
      .limit(12)
  // The newest reviewed reply whose feedback its writer can already read.
  const latestReadable = async (writer: { id: string; organizationId: string; role: 'admin' | 'manager' | 'member' }) => {
    for (const reply of await finalised(writer.id)) if ((await resultsUnlock(db, writer, reply.submittedAt, now)).unlocked) return reply
    return undefined
  }
  const readable = await latestReadable(hana)
  if (readable) {
    const [review] = await db.select({ id: reviews.id }).from(reviews).where(and(eq(reviews.replyId, readable.id), eq(reviews.status, 'submitted'))).limit(1)
    const result = await reactToReview(
      db,
      hana,
      review.id,
      { reaction: 'disagree', reason: 'I think this review missed what my reply already promised: please look at the last sentence again.' },
      new Date(now.getTime() - 3 * HOUR),
    )
    if (!result.ok) throw new Error('The demo disagreement was refused')
  }

  // Jordan hears that his latest reply has all its reviews.
  const jordan = person('member@acme.test')
  const latest = await latestReadable(jordan)
  if (latest) {
    await notify(db, {
      organizationId,
      userId: jordan.id,
      kind: 'reply-finalised',
      title: 'Your feedback is ready: see what your colleagues noticed in your reply',
      href: `/replies/${latest.id}`,
    })
  }

  await notify(db, {
    organizationId,
    userId: person('newhire@acme.test').id,
    kind: 'welcome',
    title: 'Welcome to Rapport: your “First week” path starts with a five-minute lesson',
    href: '/paths/first-week',
  })
}
