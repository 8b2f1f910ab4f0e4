// Monthly rollups behind the customer-centricity dashboard, so that its cost grows with
// teams × months and never with the number of replies or reviews.
//
// Both hooks recompute the rows they touch from raw data (one team-month, one person-month) instead
// of adding deltas: calling one twice, or again after a reply's consensus changed, leaves the same
// rows that `rebuildRollups` would. An advisory lock per organization serialises the refreshes, so
// under READ COMMITTED each one sees the rows other transactions committed before it.
//
// Month = calendar month (UTC) of the reply's submitted_at, or of the review's submitted_at.
// A reply counts for every team its author was in when they wrote it, and a review for every team
// its reviewer was in when they gave it (membership_periods), so moving someone rewrites no history.
// Criterion rollups hold the sum of consensus levels (1–4) and the number of replies scored on it.
// Scenario rollups exist per team and, summed from those, per organization (what the dashboard reads).
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '#db/client.server'

type Row = Record<string, unknown>

async function rows<T extends Row>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown
  // postgres.js returns the rows themselves, PGlite an object holding them.
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}

/** Bounds of a month given as 'YYYY-MM-DD' (its first day), as UTC instants. */
const monthStart = (month: string) => sql`(${month}::date::timestamp at time zone 'UTC')`
const monthEnd = (month: string) => sql`((${month}::date + interval '1 month')::timestamp at time zone 'UTC')`
const monthOf = (column: SQL) => sql`date_trunc('month', ${column} at time zone 'UTC')::date`

const FINALISED = sql`r.finalised_at is not null and r.score is not null`

/** The person was in the team at that instant (membership_periods). */
const inTeamAt = (team: SQL | string, user: SQL, at: SQL) => sql`exists (
  select 1 from membership_periods mp
  where mp.user_id = ${user} and mp.team_id = ${team}
    and mp.started_at <= ${at} and (mp.ended_at is null or mp.ended_at > ${at}))`

/** Joins each row to the teams its person was in at that instant (alias mp). */
const periodsCovering = (user: SQL, at: SQL) => sql`join membership_periods mp
  on mp.user_id = ${user} and mp.started_at <= ${at} and (mp.ended_at is null or mp.ended_at > ${at})`

/** Teams a person was in at an instant. */
async function teamsAt(db: Db, userId: string, at: string) {
  const found = await rows<{ team_id: string }>(
    db,
    sql`select distinct mp.team_id from membership_periods mp
        where mp.user_id = ${userId} and mp.started_at <= ${at}::timestamptz
          and (mp.ended_at is null or mp.ended_at > ${at}::timestamptz)
        order by mp.team_id`,
  )
  return found.map((t) => t.team_id)
}

async function lockOrganization(db: Db, organizationId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${'rapport.rollups:' + organizationId}::text))`)
}

/** Recomputes one team-month's row in team_month_rollups from replies and team_month_people. */
async function refreshTeamMonth(db: Db, organizationId: string, teamId: string, month: string) {
  await db.execute(sql`
    insert into team_month_rollups as t
      (organization_id, team_id, month, reviewed_replies, score_sum, score_squares_sum,
       reviews_given, repliers, reviewers, updated_at)
    select ${organizationId}, ${teamId}, ${month}::date, rr.n, rr.s, rr.ss, pp.given, pp.repliers, pp.reviewers, now()
    from (
      select count(*)::int as n, coalesce(sum(r.score), 0) as s, coalesce(sum(r.score * r.score), 0) as ss
      from replies r
      where ${inTeamAt(teamId, sql`r.user_id`, sql`r.submitted_at`)} and ${FINALISED}
        and r.submitted_at >= ${monthStart(month)} and r.submitted_at < ${monthEnd(month)}
    ) rr, (
      select coalesce(sum(p.reviews_given), 0)::int as given,
        (count(*) filter (where p.replies > 0))::int as repliers,
        (count(*) filter (where p.reviews_given > 0))::int as reviewers
      from team_month_people p
      where p.team_id = ${teamId} and p.month = ${month}::date
    ) pp
    on conflict (team_id, month) do update set
      reviewed_replies = excluded.reviewed_replies,
      score_sum = excluded.score_sum,
      score_squares_sum = excluded.score_squares_sum,
      reviews_given = excluded.reviews_given,
      repliers = excluded.repliers,
      reviewers = excluded.reviewers,
      updated_at = excluded.updated_at`)
}

/**
 * Brings the rollups up to date after a reply was finalised (score, criterion_scores and
 * finalised_at set). Call it inside the transaction that finalises the reply.
 */
export async function recordFinalisedReply(tx: Db, replyId: string): Promise<void> {
  const [reply] = await rows<{
    organization_id: string
    user_id: string
    scenario_slug: string
    month: string
    submitted_at: string
    finalised: boolean
  }>(
    tx,
    sql`select r.organization_id, r.user_id, r.scenario_slug,
          to_char(${monthOf(sql`r.submitted_at`)}, 'YYYY-MM-DD') as month,
          to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as submitted_at,
          (${FINALISED}) as finalised
        from replies r where r.id = ${replyId}`,
  )
  if (!reply || !reply.finalised) return
  const { organization_id: org, user_id: user, scenario_slug: scenario, month } = reply
  const teams = await teamsAt(tx, user, reply.submitted_at)
  if (!teams.length) return
  await lockOrganization(tx, org)
  const inMonth = sql`${FINALISED}
    and r.submitted_at >= ${monthStart(month)} and r.submitted_at < ${monthEnd(month)}`

  for (const team of teams) {
    const ofTeam = sql`${inTeamAt(team, sql`r.user_id`, sql`r.submitted_at`)} and ${inMonth}`
    await tx.execute(sql`
      insert into team_month_people as p (organization_id, team_id, month, user_id, replies)
      select ${org}, ${team}, ${month}::date, ${user}, count(*)::int from replies r where r.user_id = ${user} and ${ofTeam}
      on conflict (team_id, month, user_id) do update set replies = excluded.replies`)

    await tx.execute(sql`delete from team_month_criterion_rollups where team_id = ${team} and month = ${month}::date`)
    await tx.execute(sql`
      insert into team_month_criterion_rollups (organization_id, team_id, month, criterion_id, score_sum, replies)
      select ${org}, ${team}, ${month}::date, e.key, sum((e.value)::double precision), count(*)::int
      from replies r, jsonb_each(coalesce(r.criterion_scores, '{}'::jsonb)) e
      where ${ofTeam} and jsonb_typeof(e.value) = 'number'
      group by e.key`)

    await tx.execute(sql`
      insert into team_month_scenario_rollups (organization_id, team_id, month, scenario_slug, replies, score_sum)
      select ${org}, ${team}, ${month}::date, ${scenario}, count(*)::int, coalesce(sum(r.score), 0)
      from replies r where r.scenario_slug = ${scenario} and ${ofTeam}
      on conflict (team_id, month, scenario_slug) do update set
        replies = excluded.replies, score_sum = excluded.score_sum`)
    await refreshTeamMonth(tx, org, team, month)
  }

  // Counted once for the organization, however many teams the author was in.
  await tx.execute(sql`
    insert into organization_month_scenario_rollups (organization_id, month, scenario_slug, replies, score_sum)
    select ${org}, ${month}::date, ${scenario}, count(*)::int, coalesce(sum(r.score), 0)
    from replies r
    where r.organization_id = ${org} and r.scenario_slug = ${scenario} and ${inMonth}
      and exists (select 1 from membership_periods mp where mp.user_id = r.user_id
        and mp.started_at <= r.submitted_at and (mp.ended_at is null or mp.ended_at > r.submitted_at))
    on conflict (organization_id, month, scenario_slug) do update set
      replies = excluded.replies, score_sum = excluded.score_sum`)
}

/**
 * Brings the rollups up to date after a review was submitted (status 'submitted', submitted_at set).
 * Call it inside the transaction that submits the review.
 */
export async function recordReviewSubmitted(tx: Db, reviewId: string): Promise<void> {
  const [review] = await rows<{
    organization_id: string
    reviewer_id: string
    month: string | null
    submitted_at: string | null
    submitted: boolean
  }>(
    tx,
    sql`select v.organization_id, v.reviewer_id,
          to_char(${monthOf(sql`v.submitted_at`)}, 'YYYY-MM-DD') as month,
          to_char(v.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as submitted_at,
          (v.status = 'submitted' and v.submitted_at is not null) as submitted
        from reviews v where v.id = ${reviewId}`,
  )
  if (!review || !review.submitted || !review.month || !review.submitted_at) return
  const { organization_id: org, reviewer_id: reviewer, month } = review
  const teamIds = await teamsAt(tx, reviewer, review.submitted_at)
  if (!teamIds.length) return
  await lockOrganization(tx, org)
  for (const teamId of teamIds) {
    await tx.execute(sql`
      insert into team_month_people as p (organization_id, team_id, month, user_id, reviews_given)
      select ${org}, ${teamId}, ${month}::date, ${reviewer}, count(*)::int from reviews v
      where v.reviewer_id = ${reviewer} and v.status = 'submitted'
        and v.submitted_at >= ${monthStart(month)} and v.submitted_at < ${monthEnd(month)}
        and ${inTeamAt(teamId, sql`v.reviewer_id`, sql`v.submitted_at`)}
      on conflict (team_id, month, user_id) do update set reviews_given = excluded.reviews_given`)
    await refreshTeamMonth(tx, org, teamId, month)
  }
}

/**
 * Recomputes every rollup of one organization (or of all of them) from replies, reviews and
 * membership periods, in one transaction. Idempotent: running it twice leaves the same rows.
 */
export async function rebuildRollups(db: Db, organizationId?: string): Promise<void> {
  const scope = (alias: string) =>
    organizationId ? sql`${sql.raw(alias)}.organization_id = ${organizationId}` : sql`true`
  await db.transaction(async (tx) => {
    const orgs = await rows<{ id: string }>(
      tx,
      organizationId ? sql`select ${organizationId}::uuid as id` : sql`select id from organizations order by id`,
    )
    for (const org of orgs) await lockOrganization(tx, org.id)

    for (const table of [
      'organization_month_scenario_rollups',
      'team_month_scenario_rollups',
      'team_month_criterion_rollups',
      'team_month_rollups',
      'team_month_people',
    ]) {
      await tx.execute(sql`delete from ${sql.raw(table)} x where ${scope('x')}`)
    }

    await tx.execute(sql`
      insert into team_month_people (organization_id, team_id, month, user_id, replies, reviews_given)
      select coalesce(a.organization_id, b.organization_id), coalesce(a.team_id, b.team_id),
        coalesce(a.month, b.month), coalesce(a.user_id, b.user_id), coalesce(a.n, 0), coalesce(b.n, 0)
      from (
        select r.organization_id, mp.team_id, ${monthOf(sql`r.submitted_at`)} as month, r.user_id, count(*)::int as n
        from replies r ${periodsCovering(sql`r.user_id`, sql`r.submitted_at`)}
        where ${scope('r')} and ${FINALISED}
        group by 1, 2, 3, 4
      ) a
      full join (
        select v.organization_id, mp.team_id, ${monthOf(sql`v.submitted_at`)} as month, v.reviewer_id as user_id, count(*)::int as n
        from reviews v ${periodsCovering(sql`v.reviewer_id`, sql`v.submitted_at`)}
        where ${scope('v')} and v.status = 'submitted' and v.submitted_at is not null
        group by 1, 2, 3, 4
      ) b on a.team_id = b.team_id and a.month = b.month and a.user_id = b.user_id`)

    await tx.execute(sql`
      insert into team_month_rollups
        (organization_id, team_id, month, reviewed_replies, score_sum, score_squares_sum,
         reviews_given, repliers, reviewers, updated_at)
      select coalesce(a.organization_id, b.organization_id), coalesce(a.team_id, b.team_id), coalesce(a.month, b.month),
        coalesce(a.n, 0), coalesce(a.s, 0), coalesce(a.ss, 0),
        coalesce(b.given, 0), coalesce(b.repliers, 0), coalesce(b.reviewers, 0), now()
      from (
        select r.organization_id, mp.team_id, ${monthOf(sql`r.submitted_at`)} as month,
          count(*)::int as n, sum(r.score) as s, sum(r.score * r.score) as ss
        from replies r ${periodsCovering(sql`r.user_id`, sql`r.submitted_at`)}
        where ${scope('r')} and ${FINALISED}
        group by 1, 2, 3
      ) a
      full join (
        select p.organization_id, p.team_id, p.month, sum(p.reviews_given)::int as given,
          (count(*) filter (where p.replies > 0))::int as repliers,
          (count(*) filter (where p.reviews_given > 0))::int as reviewers
        from team_month_people p
        where ${scope('p')}
        group by 1, 2, 3
      ) b on a.team_id = b.team_id and a.month = b.month`)

    await tx.execute(sql`
      insert into team_month_criterion_rollups (organization_id, team_id, month, criterion_id, score_sum, replies)
      select r.organization_id, mp.team_id, ${monthOf(sql`r.submitted_at`)}, e.key,
        sum((e.value)::double precision), count(*)::int
      from replies r ${periodsCovering(sql`r.user_id`, sql`r.submitted_at`)}
        cross join jsonb_each(coalesce(r.criterion_scores, '{}'::jsonb)) e
      where ${scope('r')} and ${FINALISED} and jsonb_typeof(e.value) = 'number'
      group by 1, 2, 3, 4`)

    await tx.execute(sql`
      insert into team_month_scenario_rollups (organization_id, team_id, month, scenario_slug, replies, score_sum)
      select r.organization_id, mp.team_id, ${monthOf(sql`r.submitted_at`)}, r.scenario_slug, count(*)::int, sum(r.score)
      from replies r ${periodsCovering(sql`r.user_id`, sql`r.submitted_at`)}
      where ${scope('r')} and ${FINALISED}
      group by 1, 2, 3, 4`)

    await tx.execute(sql`
      insert into organization_month_scenario_rollups (organization_id, month, scenario_slug, replies, score_sum)
      select r.organization_id, ${monthOf(sql`r.submitted_at`)}, r.scenario_slug, count(*)::int, sum(r.score)
      from replies r
      where ${scope('r')} and ${FINALISED}
        and exists (select 1 from membership_periods mp where mp.user_id = r.user_id
          and mp.started_at <= r.submitted_at and (mp.ended_at is null or mp.ended_at > r.submitted_at))
      group by 1, 2, 3`)
  })
}
