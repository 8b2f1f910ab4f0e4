// Monthly rollups behind the customer-centricity dashboard, so that its cost grows with
// teams × months and never with the number of replies or reviews.
//
// Both hooks recompute the rows they touch from raw data (one team-month, one person-month) instead
// of adding deltas: calling one twice, or again after a reply's consensus changed, leaves the same
// rows that `rebuildRollups` would. An advisory lock per organization serialises the refreshes, so
// under READ COMMITTED each one sees the rows other transactions committed before it.
//
// Month = calendar month (UTC) of the reply's submitted_at, or of the review's submitted_at.
// A reply counts for replies.team_id; a review counts for every team its reviewer belongs to.
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
      where r.team_id = ${teamId} and ${FINALISED}
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
    team_id: string | null
    user_id: string
    scenario_slug: string
    month: string
    finalised: boolean
  }>(
    tx,
    sql`select r.organization_id, r.team_id, r.user_id, r.scenario_slug,
          to_char(${monthOf(sql`r.submitted_at`)}, 'YYYY-MM-DD') as month, (${FINALISED}) as finalised
        from replies r where r.id = ${replyId}`,
  )
  if (!reply || !reply.team_id || !reply.finalised) return
  const { organization_id: org, team_id: team, user_id: user, scenario_slug: scenario, month } = reply
  await lockOrganization(tx, org)
  const inMonth = sql`r.team_id = ${team} and ${FINALISED}
    and r.submitted_at >= ${monthStart(month)} and r.submitted_at < ${monthEnd(month)}`

  await tx.execute(sql`
    insert into team_month_people as p (organization_id, team_id, month, user_id, replies)
    select ${org}, ${team}, ${month}::date, ${user}, count(*)::int from replies r where r.user_id = ${user} and ${inMonth}
    on conflict (team_id, month, user_id) do update set replies = excluded.replies`)

  await tx.execute(sql`delete from team_month_criterion_rollups where team_id = ${team} and month = ${month}::date`)
  await tx.execute(sql`
    insert into team_month_criterion_rollups (organization_id, team_id, month, criterion_id, score_sum, replies)
    select ${org}, ${team}, ${month}::date, e.key, sum((e.value)::double precision), count(*)::int
    from replies r, jsonb_each(coalesce(r.criterion_scores, '{}'::jsonb)) e
    where ${inMonth} and jsonb_typeof(e.value) = 'number'
    group by e.key`)

  await tx.execute(sql`
    insert into team_month_scenario_rollups (organization_id, team_id, month, scenario_slug, replies, score_sum)
    select ${org}, ${team}, ${month}::date, ${scenario}, count(*)::int, coalesce(sum(r.score), 0)
    from replies r where r.scenario_slug = ${scenario} and ${inMonth}
    on conflict (team_id, month, scenario_slug) do update set
      replies = excluded.replies, score_sum = excluded.score_sum`)
  await tx.execute(sql`
    insert into organization_month_scenario_rollups (organization_id, month, scenario_slug, replies, score_sum)
    select ${org}, ${month}::date, ${scenario}, coalesce(sum(s.replies), 0)::int, coalesce(sum(s.score_sum), 0)
    from team_month_scenario_rollups s
    where s.organization_id = ${org} and s.month = ${month}::date and s.scenario_slug = ${scenario}
    on conflict (organization_id, month, scenario_slug) do update set
      replies = excluded.replies, score_sum = excluded.score_sum`)

  await refreshTeamMonth(tx, org, team, month)
}

/**
 * Brings the rollups up to date after a review was submitted (status 'submitted', submitted_at set).
 * Call it inside the transaction that submits the review.
 */
export async function recordReviewSubmitted(tx: Db, reviewId: string): Promise<void> {
  const [review] = await rows<{ organization_id: string; reviewer_id: string; month: string | null; submitted: boolean }>(
    tx,
    sql`select v.organization_id, v.reviewer_id,
          to_char(${monthOf(sql`v.submitted_at`)}, 'YYYY-MM-DD') as month,
          (v.status = 'submitted' and v.submitted_at is not null) as submitted
        from reviews v where v.id = ${reviewId}`,
  )
  if (!review || !review.submitted || !review.month) return
  const { organization_id: org, reviewer_id: reviewer, month } = review
  await lockOrganization(tx, org)
  const teams = await rows<{ team_id: string }>(
    tx,
    sql`select m.team_id from memberships m
        where m.user_id = ${reviewer} and m.organization_id = ${org} order by m.team_id`,
  )
  if (!teams.length) return
  const teamIds = teams.map((t) => t.team_id)
  await tx.execute(sql`
    insert into team_month_people as p (organization_id, team_id, month, user_id, reviews_given)
    select ${org}, t.team_id, ${month}::date, ${reviewer}, c.n
    from (select unnest(${toUuidArray(teamIds)}) as team_id) t,
      (select count(*)::int as n from reviews v
        where v.reviewer_id = ${reviewer} and v.status = 'submitted'
          and v.submitted_at >= ${monthStart(month)} and v.submitted_at < ${monthEnd(month)}) c
    on conflict (team_id, month, user_id) do update set reviews_given = excluded.reviews_given`)
  for (const teamId of teamIds) await refreshTeamMonth(tx, org, teamId, month)
}

const toUuidArray = (ids: string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]`

/**
 * Recomputes every rollup of one organization (or of all of them) from replies, reviews and
 * memberships, in one transaction. Idempotent: running it twice leaves the same rows.
 * Reviews are credited to the reviewer's current teams.
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
        select r.organization_id, r.team_id, ${monthOf(sql`r.submitted_at`)} as month, r.user_id, count(*)::int as n
        from replies r
        where ${scope('r')} and r.team_id is not null and ${FINALISED}
        group by 1, 2, 3, 4
      ) a
      full join (
        select v.organization_id, m.team_id, v.month, v.reviewer_id as user_id, v.n
        from (
          select v.organization_id, v.reviewer_id, ${monthOf(sql`v.submitted_at`)} as month, count(*)::int as n
          from reviews v
          where ${scope('v')} and v.status = 'submitted' and v.submitted_at is not null
          group by 1, 2, 3
        ) v
        join memberships m on m.user_id = v.reviewer_id and m.organization_id = v.organization_id
      ) b on a.team_id = b.team_id and a.month = b.month and a.user_id = b.user_id`)

    await tx.execute(sql`
      insert into team_month_rollups
        (organization_id, team_id, month, reviewed_replies, score_sum, score_squares_sum,
         reviews_given, repliers, reviewers, updated_at)
      select coalesce(a.organization_id, b.organization_id), coalesce(a.team_id, b.team_id), coalesce(a.month, b.month),
        coalesce(a.n, 0), coalesce(a.s, 0), coalesce(a.ss, 0),
        coalesce(b.given, 0), coalesce(b.repliers, 0), coalesce(b.reviewers, 0), now()
      from (
        select r.organization_id, r.team_id, ${monthOf(sql`r.submitted_at`)} as month,
          count(*)::int as n, sum(r.score) as s, sum(r.score * r.score) as ss
        from replies r
        where ${scope('r')} and r.team_id is not null and ${FINALISED}
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
      select r.organization_id, r.team_id, ${monthOf(sql`r.submitted_at`)}, e.key,
        sum((e.value)::double precision), count(*)::int
      from replies r, jsonb_each(coalesce(r.criterion_scores, '{}'::jsonb)) e
      where ${scope('r')} and r.team_id is not null and ${FINALISED} and jsonb_typeof(e.value) = 'number'
      group by 1, 2, 3, 4`)

    await tx.execute(sql`
      insert into team_month_scenario_rollups (organization_id, team_id, month, scenario_slug, replies, score_sum)
      select r.organization_id, r.team_id, ${monthOf(sql`r.submitted_at`)}, r.scenario_slug, count(*)::int, sum(r.score)
      from replies r
      where ${scope('r')} and r.team_id is not null and ${FINALISED}
      group by 1, 2, 3, 4`)

    await tx.execute(sql`
      insert into organization_month_scenario_rollups (organization_id, month, scenario_slug, replies, score_sum)
      select s.organization_id, s.month, s.scenario_slug, sum(s.replies)::int, sum(s.score_sum)
      from team_month_scenario_rollups s
      where ${scope('s')}
      group by 1, 2, 3`)
  })
}
