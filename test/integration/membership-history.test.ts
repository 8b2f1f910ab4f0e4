import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { addMembership, createOrganization, createTeam, createUser } from '#db/factories'
import { membershipPeriods, replies, reviews } from '#db/schema'
import { rebuildRollups, recordFinalisedReply, recordReviewSubmitted } from '~/insights/rollups.server'
import { moveToTeam } from '~/org/people.server'
import { createTestDatabase } from '../support/test-database'

const database = await createTestDatabase()
const db = database.db

async function reviewedReply(authorId: string, organizationId: string, reviewerId: string, submittedAt: Date, score: number) {
  const [reply] = await db
    .insert(replies)
    .values({ organizationId, userId: authorId, scenarioSlug: 'refund-delayed-angry', promptId: 'reply', text: 'We will sort it today.', submittedAt })
    .returning()
  const reviewedAt = new Date(submittedAt.getTime() + 3600e3)
  await db.transaction(async (tx) => {
    const [review] = await tx
      .insert(reviews)
      .values({ organizationId, replyId: reply.id, reviewerId, status: 'submitted', scores: { empathy: 3 }, submittedAt: reviewedAt })
      .returning()
    await recordReviewSubmitted(tx, review.id)
  })
  await db.transaction(async (tx) => {
    await tx.update(replies).set({ score, criterionScores: { empathy: 3 }, finalisedAt: reviewedAt }).where(eq(replies.id, reply.id))
    await recordFinalisedReply(tx, reply.id)
  })
}

const snapshot = async () => ({
  months: await database.query(
    `select team_id, month::text, reviewed_replies, round(score_sum::numeric, 6)::text as s, reviews_given, repliers, reviewers
     from team_month_rollups order by team_id, month`,
  ),
  people: await database.query(`select team_id, month::text, user_id, replies, reviews_given from team_month_people order by 1, 2, 3`),
  scenarios: await database.query(`select month::text, scenario_slug, replies, round(score_sum::numeric, 6)::text as s from organization_month_scenario_rollups order by 1, 2`),
})

describe('membership history', () => {
  it('a reply counts for the team its author was in when writing it: moving someone mid-year rewrites no month', async () => {
    const org = await createOrganization(db)
    const support = await createTeam(db, org.id, { name: 'Support' })
    const sales = await createTeam(db, org.id, { name: 'Sales' })
    const admin = await createUser(db, org.id, { role: 'admin' })
    const dana = await createUser(db, org.id, { name: 'Dana' })
    const reviewer = await createUser(db, org.id, { name: 'Rev' })
    await addMembership(db, { organizationId: org.id, userId: dana.id, teamId: support.id })
    await addMembership(db, { organizationId: org.id, userId: reviewer.id, teamId: support.id })

    await reviewedReply(dana.id, org.id, reviewer.id, new Date('2030-03-10T10:00:00Z'), 80)
    // Dana moves to Sales on 1 April; the reviewer stays in Support.
    await moveToTeam(db, admin, { userId: dana.id, fromTeamId: support.id, toTeamId: sales.id }, new Date('2030-04-01T00:00:00Z'))
    await reviewedReply(dana.id, org.id, reviewer.id, new Date('2030-05-10T10:00:00Z'), 40)

    const rows = await database.query<{ team_id: string; month: string; reviewed_replies: number; s: string }>(
      `select team_id, month::text, reviewed_replies, round(score_sum::numeric, 6)::text as s from team_month_rollups
       where reviewed_replies > 0 order by month`,
    )
    expect(rows.map((r) => [r.team_id, r.month, Number(r.reviewed_replies), Number(r.s)])).toEqual([
      [support.id, '2030-03-01', 1, 80],
      [sales.id, '2030-05-01', 1, 40],
    ])
    // Participation follows the same history: Dana practised for Support in March, for Sales in May.
    const people = await database.query<{ team_id: string; month: string; replies: number }>(
      `select team_id, month::text, replies from team_month_people where user_id = $1 order by month`,
      [dana.id],
    )
    expect(people.map((p) => [p.team_id, p.month, Number(p.replies)])).toEqual([
      [support.id, '2030-03-01', 1],
      [sales.id, '2030-05-01', 1],
    ])

    const periods = await db.select().from(membershipPeriods).where(eq(membershipPeriods.userId, dana.id))
    expect(periods.map((p) => [p.teamId, p.endedAt?.toISOString() ?? null]).sort()).toEqual(
      [
        [support.id, '2030-04-01T00:00:00.000Z'],
        [sales.id, null],
      ].sort(),
    )

    // The rebuild from raw data reads the same history.
    const maintained = await snapshot()
    await rebuildRollups(db, org.id)
    expect(await snapshot()).toEqual(maintained)
  })

  it('someone in two teams counts toward both, and once for the organization', async () => {
    const org = await createOrganization(db)
    const a = await createTeam(db, org.id, { name: 'A team' })
    const b = await createTeam(db, org.id, { name: 'B team' })
    const both = await createUser(db, org.id)
    const reviewer = await createUser(db, org.id)
    await addMembership(db, { organizationId: org.id, userId: both.id, teamId: a.id })
    await addMembership(db, { organizationId: org.id, userId: both.id, teamId: b.id })
    await addMembership(db, { organizationId: org.id, userId: reviewer.id, teamId: a.id })
    await reviewedReply(both.id, org.id, reviewer.id, new Date('2030-02-03T10:00:00Z'), 60)
    const rows = await database.query<{ team_id: string; n: number }>(
      `select team_id, reviewed_replies as n from team_month_rollups where organization_id = $1 and reviewed_replies > 0 order by team_id`,
      [org.id],
    )
    expect(rows.map((r) => r.team_id).sort()).toEqual([a.id, b.id].sort())
    const [scenario] = await database.query<{ replies: number }>(
      `select replies from organization_month_scenario_rollups where organization_id = $1`,
      [org.id],
    )
    expect(Number(scenario.replies)).toBe(1)
    const maintained = await snapshot()
    await rebuildRollups(db, org.id)
    expect(await snapshot()).toEqual(maintained)
  })
})
