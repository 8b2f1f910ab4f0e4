// Monthly rollups behind the customer-centricity dashboard, so that its cost grows with
// teams × months and never with the number of replies or reviews.
//
// The finalisation hook recomputes the reply figures of the rows it touches from raw data (one
// team-month, one person-month): calling it twice, or again after a reply's consensus changed, leaves
// the same rows that `rebuildRollups` would. The review hook, called once in the transaction that
// submits a review, adds that review (reviews_given, and reviewers when it is the person's first of
// the month): an upsert that adds to a row works on its latest version, so it needs no snapshot of
// other rows and cannot lose a concurrent addition. Each side writes only its own columns.
//
// Locks (advisory, per transaction): a hook holds its organization's lock SHARED (only
// `rebuildRollups` takes it exclusively) and an exclusive lock per team-month (and per
// organization-month-scenario) it writes, all taken in one statement in a fixed order before any
// row is written, so hooks on different teams run side by side and two hooks never wait on each
// other in a cycle. A transaction running both hooks takes the union first (`lockRollups`). Under
// READ COMMITTED the finalisation hook's later statements see what other transactions committed
// before its locks were granted.
//
// Month = calendar month (UTC) of the reply's submitted_at, or of the review's submitted_at.
// A reply counts for every team its author was in when they wrote it, and a review for every team
// its reviewer was in when they gave it (membership_periods), so moving someone rewrites no history.
// Criterion rollups hold the sum of consensus levels (1–4) and the number of replies scored on it.
// Scenario rollups exist per team and, summed from those, per organization (what the dashboard reads).
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { executePrepared } from '~/query/prepared.server'

type Row = Record<string, unknown>

async function rows<T extends Row>(db: Db, query: SQL): Promise<T[]> {
  const result = (await executePrepared(db, query)) as unknown
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

/** A text[] column: an array (node-postgres, PGlite) or PostgreSQL's literal. */
function parseTeams(value: string[] | string | null): string[] {
  if (!value) return []
  if (Array.isArray(value)) return value
  return value.replace(/^\{|\}$/g, '').split(',').filter(Boolean)
}

async function lockOrganization(db: Db, organizationId: string) {
  await db.execute(sql`select pg_advisory_xact_lock(${organizationLockKey(sql`${organizationId}::uuid`)})`)
}

/** The organization's rollups lock (the one-argument form; shared by hooks, exclusive for rebuilds). */
const organizationLockKey = (organizationId: SQL) => sql`hashtext('rapport.rollups:' || ${organizationId}::text)`
const monthText = (at: SQL) => sql`to_char(${monthOf(at)}, 'YYYY-MM-DD')`

/**
 * CTEs naming the locks the hooks for this review and/or finalised reply take (`rollup_keys`) and
 * taking them in a fixed order (`rollup_locks`, one row once all are held). Also `rollup_review`
 * and `rollup_reply`: who, when and where, for the statement that uses them.
 */
function rollupLocksSql(target: { reviewId?: string; review?: SQL; replyId?: string }): SQL {
  const none = sql`select null::uuid as org, null::uuid as person, null::timestamptz as at, null::text as scenario_slug where false`
  return sql`rollup_review as (${
    target.review
      ? target.review
      : target.reviewId
        ? sql`select v.organization_id as org, v.reviewer_id as person, v.submitted_at as at, null::text as scenario_slug
          from reviews v where v.id = ${target.reviewId} and v.status = 'submitted' and v.submitted_at is not null`
        : none
  }),
  rollup_reply as (${
    target.replyId
      ? sql`select r.organization_id as org, r.user_id as person, r.submitted_at as at, r.scenario_slug
          from replies r where r.id = ${target.replyId}`
      : none
  }),
  rollup_people as (select * from rollup_review union all select * from rollup_reply),
  rollup_keys as (
    select 0 as kind, ${organizationLockKey(sql`w.org`)} as a, 0 as b from rollup_people w
    union
    select 1, hashtext('rapport.rollups.team'), hashtext(mp.team_id::text || ':' || ${monthText(sql`w.at`)})
      from rollup_people w ${periodsCovering(sql`w.person`, sql`w.at`)}
    union
    select 2, hashtext('rapport.rollups.scenario'), hashtext(w.org::text || ':' || ${monthText(sql`w.at`)} || ':' || w.scenario_slug)
      from rollup_reply w),
  rollup_locks as (
    select count(case when k.kind = 0 then pg_advisory_xact_lock_shared(k.a)::text else pg_advisory_xact_lock(k.a, k.b)::text end) as held
    from (select * from rollup_keys order by kind, a, b offset 0) k)`
}

/**
 * Takes, in one statement, every rollup lock the hooks for this review and this finalised reply
 * will take. Call it before both hooks when one transaction runs both (a review that finalises its
 * reply): each hook's own locks are then already held, so it never waits holding others.
 */
export async function lockRollups(tx: Db, target: { reviewId?: string; replyId?: string; submittingAt?: Date }): Promise<void> {
  // A review still leased (about to be submitted at `submittingAt`) is not yet 'submitted': named
  // by its id, so its team-months are in the set taken now, not taken later by the submission.
  const review = target.reviewId && target.submittingAt
    ? sql`select v.organization_id as org, v.reviewer_id as person, ${target.submittingAt.toISOString()}::timestamptz as at, null::text as scenario_slug
        from reviews v where v.id = ${target.reviewId}`
    : undefined
  await executePrepared(tx, sql`with ${rollupLocksSql({ ...target, review })} select held from rollup_locks`)
}

/**
 * Recomputes these team-months' reply figures in team_month_rollups from replies and team_month_people.
 * A new row takes the review figures from team_month_people too; an existing row keeps its own
 * (the review hook adds to them, and may be doing so right now).
 */
async function refreshTeamMonths(db: Db, organizationId: string, teamIds: string[], month: string) {
  await executePrepared(db, sql`
    insert into team_month_rollups as t
      (organization_id, team_id, month, reviewed_replies, score_sum, score_squares_sum,
       reviews_given, repliers, reviewers, updated_at)
    select ${organizationId}, tm.team_id, ${month}::date, rr.n, rr.s, rr.ss, pp.given, pp.repliers, pp.reviewers, now()
    from ${teamValues(teamIds)}
    cross join lateral (
      select count(*)::int as n, coalesce(sum(r.score), 0) as s, coalesce(sum(r.score * r.score), 0) as ss
      from replies r
      where ${inTeamAt(sql`tm.team_id`, sql`r.user_id`, sql`r.submitted_at`)} and ${FINALISED}
        and r.submitted_at >= ${monthStart(month)} and r.submitted_at < ${monthEnd(month)}
    ) rr
    cross join lateral (
      select coalesce(sum(p.reviews_given), 0)::int as given,
        (count(*) filter (where p.replies > 0))::int as repliers,
        (count(*) filter (where p.reviews_given > 0))::int as reviewers
      from team_month_people p
      where p.team_id = tm.team_id and p.month = ${month}::date
    ) pp
    order by tm.team_id
    on conflict (team_id, month) do update set
      reviewed_replies = excluded.reviewed_replies,
      score_sum = excluded.score_sum,
      score_squares_sum = excluded.score_squares_sum,
      repliers = excluded.repliers,
      updated_at = excluded.updated_at`)
}

/** Team ids as a relation `tm(team_id)`. */
const teamValues = (teamIds: string[]) => sql`(values ${sql.join(teamIds.map((id) => sql`(${id}::uuid)`), sql`, `)}) as tm(team_id)`

/**
 * Brings the rollups up to date after a reply was finalised (score, criterion_scores and
 * finalised_at set). Call it inside the transaction that finalises the reply.
 */
export async function recordFinalisedReply(tx: Db, replyId: string): Promise<void> {
  // One statement: the reply, the teams its author was in when they wrote it, and the locks.
  const [reply] = await rows<{
    organization_id: string
    user_id: string
    scenario_slug: string
    month: string
    teams: string[] | null
    held: number
  }>(
    tx,
    sql`with ${rollupLocksSql({ replyId })}
        select r.organization_id, r.user_id, r.scenario_slug, ${monthText(sql`r.submitted_at`)} as month,
          (select array_agg(distinct mp.team_id order by mp.team_id) from membership_periods mp
            where mp.user_id = r.user_id and mp.started_at <= r.submitted_at
              and (mp.ended_at is null or mp.ended_at > r.submitted_at))::text[] as teams,
          (select held from rollup_locks) as held
        from replies r where r.id = ${replyId} and ${FINALISED}`,
  )
  if (!reply) return
  const { organization_id: org, user_id: user, scenario_slug: scenario, month } = reply
  const teams = parseTeams(reply.teams)
  if (!teams.length) return
  const inMonth = sql`${FINALISED}
    and r.submitted_at >= ${monthStart(month)} and r.submitted_at < ${monthEnd(month)}`

  // One statement for every team's person, criterion and scenario rows and the organization's
  // scenario row (they are different rows), then one for the team-months, which read the people.
  await executePrepared(tx, sql`
    with of_team as (
      select tm.team_id, r.user_id, r.score, r.criterion_scores, r.scenario_slug
      from ${teamValues(teams)} join replies r on ${inTeamAt(sql`tm.team_id`, sql`r.user_id`, sql`r.submitted_at`)}
      where ${inMonth}),
    people as (
      insert into team_month_people as p (organization_id, team_id, month, user_id, replies)
      select ${org}, tm.team_id, ${month}::date, ${user}, (select count(*)::int from of_team o where o.team_id = tm.team_id and o.user_id = ${user})
      from ${teamValues(teams)} order by tm.team_id
      on conflict (team_id, month, user_id) do update set replies = excluded.replies
      returning 1),
    criteria as (
      select o.team_id, e.key, sum((e.value)::double precision) as score_sum, count(*)::int as replies
      from of_team o, jsonb_each(coalesce(o.criterion_scores, '{}'::jsonb)) e
      where jsonb_typeof(e.value) = 'number'
      group by o.team_id, e.key),
    criteria_kept as (
      insert into team_month_criterion_rollups as c (organization_id, team_id, month, criterion_id, score_sum, replies)
      select ${org}, team_id, ${month}::date, key, score_sum, replies from criteria order by team_id, key
      on conflict (team_id, month, criterion_id) do update set score_sum = excluded.score_sum, replies = excluded.replies
      returning 1),
    criteria_gone as (
      delete from team_month_criterion_rollups c
      where c.team_id in (select team_id from ${teamValues(teams)}) and c.month = ${month}::date
        and not exists (select 1 from criteria k where k.team_id = c.team_id and k.key = c.criterion_id)
      returning 1),
    scenarios as (
      insert into team_month_scenario_rollups as s (organization_id, team_id, month, scenario_slug, replies, score_sum)
      select ${org}, tm.team_id, ${month}::date, ${scenario},
        (select count(*)::int from of_team o where o.team_id = tm.team_id and o.scenario_slug = ${scenario}),
        (select coalesce(sum(o.score), 0) from of_team o where o.team_id = tm.team_id and o.scenario_slug = ${scenario})
      from ${teamValues(teams)} order by tm.team_id
      on conflict (team_id, month, scenario_slug) do update set replies = excluded.replies, score_sum = excluded.score_sum
      returning 1),
    -- Counted once for the organization, however many teams the author was in.
    organization_scenario as (
      insert into organization_month_scenario_rollups (organization_id, month, scenario_slug, replies, score_sum)
      select ${org}, ${month}::date, ${scenario}, count(*)::int, coalesce(sum(r.score), 0)
      from replies r
      where r.organization_id = ${org} and r.scenario_slug = ${scenario} and ${inMonth}
        and exists (select 1 from membership_periods mp where mp.user_id = r.user_id
          and mp.started_at <= r.submitted_at and (mp.ended_at is null or mp.ended_at > r.submitted_at))
      on conflict (organization_id, month, scenario_slug) do update set
        replies = excluded.replies, score_sum = excluded.score_sum
      returning 1)
    select (select count(*) from people) + (select count(*) from criteria_kept) + (select count(*) from criteria_gone)
      + (select count(*) from scenarios) + (select count(*) from organization_scenario) as written`)
  await refreshTeamMonths(tx, org, teams, month)
}

/**
 * CTEs that add one submitted review to the rollups of every team its reviewer was in when they
 * gave it, locks included (`review_rollups` returns a row per team-month). `review` selects the
 * review as (org, person, at, scenario_slug) — no row, nothing added — so the statement that
 * submits a review can add it in the same round trip.
 */
export function reviewRollupsSql(review: SQL): SQL {
  return sql`${rollupLocksSql({ review })},
    rollup_counted as (
      select distinct w.org, mp.team_id, ${monthOf(sql`w.at`)} as month, w.person
      from rollup_review w ${periodsCovering(sql`w.person`, sql`w.at`)}
      cross join rollup_locks
      order by mp.team_id),
    rollup_given as (
      insert into team_month_people as p (organization_id, team_id, month, user_id, reviews_given)
      select org, team_id, month, person, 1 from rollup_counted order by team_id
      on conflict (team_id, month, user_id) do update set reviews_given = p.reviews_given + 1
      returning p.organization_id, p.team_id, p.month, p.reviews_given),
    review_rollups as (
      insert into team_month_rollups as t
        (organization_id, team_id, month, reviewed_replies, score_sum, score_squares_sum, reviews_given, repliers, reviewers, updated_at)
      select organization_id, team_id, month, 0, 0, 0, 1, 0, (reviews_given = 1)::int, now() from rollup_given order by team_id
      on conflict (team_id, month) do update set
        reviews_given = t.reviews_given + 1,
        reviewers = t.reviewers + excluded.reviewers,
        updated_at = excluded.updated_at
      returning 1)`
}

/**
 * Adds a submitted review (status 'submitted', submitted_at set) to the rollups (reviewRollupsSql).
 * Call it once, inside the transaction that submits the review, unless that statement did it.
 */
export async function recordReviewSubmitted(tx: Db, reviewId: string): Promise<void> {
  const review = sql`select v.organization_id as org, v.reviewer_id as person, v.submitted_at as at, null::text as scenario_slug
    from reviews v where v.id = ${reviewId} and v.status = 'submitted' and v.submitted_at is not null`
  await executePrepared(tx, sql`with ${reviewRollupsSql(review)} select count(*)::int as written from review_rollups`)
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
