// The review benchmarks' data: calibrated reviewers with sessions in a team of their own, and open
// replies by the demo organization's people for them to review (test/bench/http-bench.ts and
// test/bench/review-submit-profile.ts).
import { randomUUID } from 'node:crypto'
import { and, eq, ne } from 'drizzle-orm'
import type { Database } from '#db/client.server'
import { addMembership, createTeam, createUser } from '#db/factories'
import { calibrationAttempts, memberships, organizations, replies, users } from '#db/schema'
import { createSession, generateSessionToken, SESSION_COOKIE } from '~/auth/session.server'
import { ensureRubricVersion } from '~/reviews/rubric-versions.server'

const BENCH_REPLY =
  'Hi Kwame, I am so sorry the gift is late; I know Saturday matters. Thank you for telling us. I have sent a new one by express and it arrives tomorrow by 18:00.'

/** Calibrated reviewers with sessions, and open replies by the demo people for them to review. */
export async function prepareReviews(database: Database, { reviewers = 50, replyCount = 2000 } = {}) {
  const { db } = database
  const [acme] = await db.select().from(organizations).where(eq(organizations.slug, 'acme'))
  const team = await createTeam(db, acme.id, { name: 'Bench reviewers', slug: `bench-${randomUUID().slice(0, 8)}` })
  const cookies: string[] = []
  const reviewerIds: string[] = []
  for (let i = 0; i < reviewers; i++) {
    const reviewer = await createUser(db, acme.id, { name: `Bench Reviewer ${i + 1}`, email: `bench-reviewer-${i + 1}-${team.slug}@acme.test` })
    await addMembership(db, { organizationId: acme.id, userId: reviewer.id, teamId: team.id })
    await db.insert(calibrationAttempts).values({ organizationId: acme.id, userId: reviewer.id, answers: {}, passed: true })
    const token = generateSessionToken()
    await createSession(db, token, reviewer.id)
    cookies.push(`${SESSION_COOKIE}=${token}`)
    reviewerIds.push(reviewer.id)
  }
  const authors = await db
    .select({ id: users.id, teamId: memberships.teamId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.organizationId, acme.id), ne(memberships.teamId, team.id)))
  const rubric = await ensureRubricVersion(db)
  for (let start = 0; start < replyCount; start += 500) {
    const batch = Array.from({ length: Math.min(500, replyCount - start) }, (_, i) => {
      const author = authors[(start + i) % authors.length]
      return {
        organizationId: acme.id,
        userId: author.id,
        teamId: author.teamId,
        scenarioSlug: 'late-delivery-gift',
        promptId: 'reply',
        text: BENCH_REPLY,
        rubricVersionId: rubric.id,
      }
    })
    await db.insert(replies).values(batch)
  }
  return { cookies, reviewerIds, criteria: rubric.rubric.criteria.map((c) => c.id) }
}
