// Reviews submitted at once by people in overlapping teams, reviewing across teams (so one
// submission's finalisation and review touch different teams' rollups), with a rebuild of the
// rollups in the middle: every submission is acknowledged, and the rollups the hooks leave are
// exactly what rebuilding them from the raw data gives. On PostgreSQL the submissions really run
// side by side (pool of 4); on PGlite they interleave.
import { beforeAll, describe, expect, it } from 'vitest'
import { addMembership, createOrganization, createTeam, createUser } from '../../db/factories'
import { eq, sql } from 'drizzle-orm'
import { replies } from '../../db/schema'
import { lockRollups, rebuildRollups, recordFinalisedReply } from '~/insights/rollups.server'
import type { Actor } from '~/org/teams.server'
import { nextReviewFor } from '~/reviews/allocation.server'
import { submitReview } from '~/reviews/reviews.server'
import { passCalibration, replyAs, reviewWith } from '../support/practice-fixtures'
import { createTestDatabase } from '../support/test-database'

let database: Awaited<ReturnType<typeof createTestDatabase>>
beforeAll(async () => {
  database = await createTestDatabase()
})

async function rollups(organizationId: string) {
  const q = (text: string) => database.query(text.replaceAll('$org', `'${organizationId}'`))
  return {
    months: await q(`select team_id, month::text, reviewed_replies, round(score_sum::numeric, 9)::text as score_sum,
        round(score_squares_sum::numeric, 9)::text as squares, reviews_given, repliers, reviewers
      from team_month_rollups where organization_id = $org order by team_id, month`),
    criteria: await q(`select team_id, month::text, criterion_id, round(score_sum::numeric, 9)::text as score_sum, replies
      from team_month_criterion_rollups where organization_id = $org order by team_id, month, criterion_id`),
    scenarios: await q(`select team_id, month::text, scenario_slug, replies, round(score_sum::numeric, 9)::text as score_sum
      from team_month_scenario_rollups where organization_id = $org order by team_id, month, scenario_slug`),
    orgScenarios: await q(`select month::text, scenario_slug, replies, round(score_sum::numeric, 9)::text as score_sum
      from organization_month_scenario_rollups where organization_id = $org order by month, scenario_slug`),
    people: await q(`select team_id, month::text, user_id, replies, reviews_given
      from team_month_people where organization_id = $org order by team_id, month, user_id`),
  }
}

describe('rollups under concurrent review submissions', () => {
  it('acknowledges every review and leaves the rollups a rebuild would', async () => {
    const { db } = database
    const org = await createOrganization(db)
    const teams = await Promise.all(['Support', 'Sales', 'Finance'].map((name) => createTeam(db, org.id, { name })))
    const people: Actor[] = []
    for (let i = 0; i < 12; i++) {
      const person = await createUser(db, org.id, { name: `Person ${i + 1}` })
      // Everyone in one team; every third person in the next team too.
      await addMembership(db, { organizationId: org.id, userId: person.id, teamId: teams[i % 3].id })
      if (i % 3 === 0) await addMembership(db, { organizationId: org.id, userId: person.id, teamId: teams[(i + 1) % 3].id })
      await passCalibration(db, person)
      people.push(person)
    }
    for (const person of people) for (let n = 0; n < 2; n++) await replyAs(db, person)

    let acknowledged = 0
    let refused = 0
    const reviewUntilEmpty = async (person: Actor, i: number) => {
      for (;;) {
        const next = await nextReviewFor(db, person)
        if (next.status !== 'leased') return
        // Levels differ per person so consensus, scores and criterion sums are not all alike.
        const result = await submitReview(db, person, next.lease.reviewId, reviewWith(1 + ((i + acknowledged) % 4)))
        if (result.ok) acknowledged++
        else refused++
      }
    }
    const rebuildMidway = async () => {
      while (acknowledged < 20) await new Promise((resolve) => setTimeout(resolve, 5))
      await rebuildRollups(db, org.id)
    }
    await Promise.all([...people.map(reviewUntilEmpty), rebuildMidway()])

    expect(refused).toBe(0)
    // 24 replies × 3 reviews each.
    expect(acknowledged).toBe(72)
    const [stored] = await database.query<{ n: number }>(
      `select count(*)::int as n from reviews where organization_id = '${org.id}' and status = 'submitted'`,
    )
    expect(stored.n).toBe(acknowledged)
    const incremental = await rollups(org.id)
    expect(incremental.people.reduce((sum, row) => sum + Number((row as { reviews_given: number }).reviews_given), 0)).toBeGreaterThanOrEqual(72)
    await rebuildRollups(db, org.id)
    expect(await rollups(org.id)).toEqual(incremental)
  })

  // PostgreSQL only: pg_locks shows which advisory locks a transaction holds.
  it.skipIf(!process.env.TEST_DATABASE_URL)('takes the team-month locks of a review still leased when a completing review locks first', async () => {
    const { db } = database
    const org = await createOrganization(db)
    const [support, sales] = await Promise.all(['Support', 'Sales'].map((name) => createTeam(db, org.id, { name })))
    const author = await createUser(db, org.id, { name: 'Author' })
    const reviewer = await createUser(db, org.id, { name: 'Reviewer' })
    await addMembership(db, { organizationId: org.id, userId: author.id, teamId: support.id })
    await addMembership(db, { organizationId: org.id, userId: reviewer.id, teamId: sales.id })
    await passCalibration(db, reviewer)
    await replyAs(db, author)
    const next = await nextReviewFor(db, reviewer)
    expect(next.status).toBe('leased')
    if (next.status !== 'leased') return
    const now = new Date()
    const month = now.toISOString().slice(0, 7) + '-01'
    const teamLock = (teamId: string) => sql`hashtext(${teamId}::text || ':' || ${month})`
    const held = await db.transaction(async (tx) => {
      await lockRollups(tx, { reviewId: next.lease.reviewId, replyId: next.lease.replyId, submittingAt: now })
      // Which team-month locks this transaction holds: the reviewer's (Sales) as well as the author's.
      const result = (await tx.execute(sql`
        select (select count(*)::int from pg_locks l where l.locktype = 'advisory' and l.pid = pg_backend_pid()
            and l.classid::int = hashtext('rapport.rollups.team') and l.objid::int = ${teamLock(sales.id)}) as reviewer_team,
          (select count(*)::int from pg_locks l where l.locktype = 'advisory' and l.pid = pg_backend_pid()
            and l.classid::int = hashtext('rapport.rollups.team') and l.objid::int = ${teamLock(support.id)}) as author_team`)) as unknown
      const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows
      return rows[0] as { reviewer_team: number; author_team: number }
    })
    expect(held).toEqual({ reviewer_team: 1, author_team: 1 })
  })

  it('drops a criterion a re-finalised reply no longer scores, in every team of its author', async () => {
    const { db } = database
    const org = await createOrganization(db)
    const [support, sales] = await Promise.all(['Support', 'Sales'].map((name) => createTeam(db, org.id, { name })))
    const author = await createUser(db, org.id, { name: 'Two Teams' })
    for (const team of [support, sales]) await addMembership(db, { organizationId: org.id, userId: author.id, teamId: team.id })
    const replyId = await replyAs(db, author)
    const finalise = (score: number, levels: Record<string, number>) =>
      db.transaction(async (tx) => {
        await tx.update(replies).set({ score, criterionScores: levels, finalisedAt: new Date() }).where(eq(replies.id, replyId))
        await recordFinalisedReply(tx, replyId)
      })
    await finalise(60, { empathy: 2, warmth: 3 })
    expect((await rollups(org.id)).criteria).toHaveLength(4)
    // A deciding review settles it on one criterion only: warmth's rows go.
    await finalise(90, { empathy: 4 })
    const incremental = await rollups(org.id)
    expect(incremental.criteria.map((row) => (row as { criterion_id: string }).criterion_id)).toEqual(['empathy', 'empathy'])
    await rebuildRollups(db, org.id)
    expect(await rollups(org.id)).toEqual(incremental)
  })
})
