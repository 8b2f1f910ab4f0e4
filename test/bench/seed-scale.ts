// `npm run seed:scale`: a large organization in PostgreSQL for the dashboard benchmark —
// 10,000 people, 200 teams, 24 months, 1M reviewed replies, 3M reviews — then the rollups rebuilt.
// The rows are made inside PostgreSQL (INSERT … SELECT over generate_series), the fastest path there
// is short of COPY files. Never run it against a database that matters: it is meant for a throwaway one.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/rapport_scale npm run seed:scale [-- --reset]
import { pathToFileURL } from 'node:url'
import postgres from 'postgres'
import { openDatabase, type Database } from '#db/client.server'
import { cachedHash } from '#db/factories'
import { migrateDatabase } from '#db/migrate.server'
import { rebuildRollups } from '~/insights/rollups.server'

export const SCALE = { people: 10_000, teams: 200, months: 24, replies: 1_000_000, reviewsPerReply: 3 }
export const SCALE_ORG_SLUG = 'scale'

const SCENARIOS = [
  'api-breaking-change-engineering', 'blog-comment-complaint', 'bounced-sales-email', 'cancel-phone-contract-loyal',
  'cancel-phone-contract', 'contact-form-void', 'disputed-charge-finance', 'facebook-post-outage',
  'fourteen-security-questions', 'late-delivery-gift', 'linkedin-renewal-sales', 'refund-delayed-angry',
  'refund-delayed-calm', 'return-damaged-item', 'sms-missed-engineer-visit', 'thank-you-after-fix',
  'weekend-payment-hang-day-four', 'weekend-payment-hang-first-contact',
]

export function requirePostgres(): string {
  const url = process.env.DATABASE_URL
  if (!url) {
    console.error(
      'The scale generator needs PostgreSQL: set DATABASE_URL to a throwaway database, e.g.\n' +
        '  createdb -h 127.0.0.1 -U postgres rapport_scale\n' +
        '  DATABASE_URL=postgres://postgres@127.0.0.1:5432/rapport_scale npm run seed:scale\n' +
        'It refuses the embedded PGlite database: a million replies are not what PGlite is for.',
    )
    process.exit(2)
  }
  return url
}

export const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`

export interface ScaleContext {
  database: Database
  /** One dedicated connection: session settings and the helper table live on it. */
  sql: postgres.Sql
  organizationId: string
}

/** Opens the database, migrates it, and creates the organization, its teams and its people (or reuses them). */
export async function openScale(url: string, options: { reset?: boolean; log?: (line: string) => void } = {}): Promise<ScaleContext> {
  const log = options.log ?? console.log
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 })
  await migrateDatabase(database)
  const sql = postgres(url, { max: 1, onnotice: () => {} })
  await sql.unsafe(`set synchronous_commit = off; set maintenance_work_mem = '512MB'; set work_mem = '128MB'`)
  await restoreIndexes(sql)

  let [org] = await sql<{ id: string }[]>`select id from organizations where slug = ${SCALE_ORG_SLUG}`
  if (org && options.reset) {
    const started = performance.now()
    const [{ others }] = await sql<{ others: number }[]>`select count(*)::int as others from organizations where id <> ${org.id}`
    // Alone in its throwaway database, the organization goes with a TRUNCATE; otherwise row by row.
    if (others === 0) await sql.unsafe(`truncate organizations cascade`)
    else await sql`delete from organizations where id = ${org.id}`
    log(`Removed the previous scale organization in ${seconds(started)}.`)
    org = undefined as never
  }
  if (!org) {
    const started = performance.now()
    const hash = await cachedHash('rapport-demo')
    ;[org] = await sql<{ id: string }[]>`insert into organizations (name, slug) values ('Scale Co', ${SCALE_ORG_SLUG}) returning id`
    await sql.unsafe(
      `insert into teams (organization_id, name, slug, customer_facing)
       select $1::uuid, 'Team ' || lpad(t::text, 3, '0'), 'team-' || lpad(t::text, 3, '0'), t % 4 = 0
       from generate_series(1, ${SCALE.teams}) t`,
      [org.id],
    )
    // Person 1 is the admin; persons 1…200 lead team 1…200; everyone joined within the last 30 months.
    await sql.unsafe(
      `insert into users (organization_id, email, name, password_hash, role, joined_at)
       select $1::uuid, 'person-' || i || '@scale.test', 'Person ' || i, $2,
         (case when i = 1 then 'admin' when i <= ${SCALE.teams} then 'manager' else 'member' end)::org_role,
         now() - (interval '1 day' * (30 + floor(random() * 870)))
       from generate_series(1, ${SCALE.people}) i`,
      [org.id, hash],
    )
    log(`Created ${SCALE.teams} teams and ${SCALE.people.toLocaleString('en')} people in ${seconds(started)}.`)
  }
  await sql.unsafe(`drop table if exists scale_people`)
  // Person i's home team is team ((i - 1) mod 200) + 1; one person in ten is also in a second team.
  await sql.unsafe(
    `create temporary table scale_people as
     select u.i, u.id as user_id, t.id as team_id, t2.id as second_team_id
     from (select id, substring(email from 'person-(\\d+)@')::int as i from users where organization_id = $1) u
     join teams t on t.organization_id = $1 and t.slug = 'team-' || lpad((((u.i - 1) % ${SCALE.teams}) + 1)::text, 3, '0')
     left join teams t2 on u.i % 10 = 0 and t2.organization_id = $1
       and t2.slug = 'team-' || lpad((((u.i * 7) % ${SCALE.teams}) + 1)::text, 3, '0') and t2.id <> t.id`,
    [org.id],
  )
  await sql.unsafe(`create unique index on scale_people (i); create index on scale_people (user_id); analyze scale_people`)
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from memberships where organization_id = ${org.id}`
  if (n === 0) {
    await sql.unsafe(
      `insert into memberships (organization_id, user_id, team_id, role)
       select $1::uuid, user_id, team_id, (case when i > 1 and i <= ${SCALE.teams} then 'manager' else 'member' end)::team_role from scale_people
       union all
       select $1::uuid, user_id, second_team_id, 'member'::team_role from scale_people where second_team_id is not null`,
      [org.id],
    )
  }
  await sql.unsafe(`analyze users; analyze teams; analyze memberships`)
  return { database, sql, organizationId: org.id }
}

/**
 * Adds `count` reviewed replies (each with `reviewsPerReply` submitted reviews by other people) spread
 * over the last 24 months, in chunks. Each team writes at its own level, improving a little over time.
 */
export async function addReplies(
  ctx: ScaleContext,
  count: number,
  options: { chunk?: number; batch?: string; log?: (line: string) => void } = {},
) {
  const log = options.log ?? console.log
  const chunk = options.chunk ?? 100_000
  const batch = options.batch ?? `scale-${Date.now().toString(36)}`
  const scenarios = `array[${SCENARIOS.map((s) => `'${s}'`).join(',')}]`
  const started = performance.now()
  // Bulk-load fast path: no per-row foreign-key triggers (every generated row is consistent by
  // construction) and the secondary indexes rebuilt once at the end instead of row by row.
  // The dropped definitions are written down first, so a run that dies half-way gets them back on the next start.
  await ctx.sql.unsafe(`create table if not exists scale_dropped_indexes (name text primary key, definition text not null)`)
  await ctx.sql.unsafe(
    `insert into scale_dropped_indexes select indexname, indexdef from pg_indexes
     where schemaname = 'public' and tablename in ('replies', 'reviews') and indexname not like '%_pkey'
     on conflict do nothing`,
  )
  const indexes = await ctx.sql<{ name: string }[]>`select name from scale_dropped_indexes`
  await ctx.sql.unsafe(`set session_replication_role = replica`)
  for (const index of indexes) await ctx.sql.unsafe(`drop index if exists "${index.name}"`)
  try {
    await insertRows(ctx, count, chunk, batch, scenarios, started, log)
  } finally {
    const indexing = performance.now()
    await ctx.sql.unsafe(`set session_replication_role = origin`)
    await restoreIndexes(ctx.sql)
    log(`  indexes rebuilt in ${seconds(indexing)}`)
  }
  await ctx.sql.unsafe(`analyze replies; analyze reviews`)
  return { batch, seconds: (performance.now() - started) / 1000 }
}

async function insertRows(
  ctx: ScaleContext,
  count: number,
  chunk: number,
  batch: string,
  scenarios: string,
  started: number,
  log: (line: string) => void,
) {
  for (let done = 0; done < count; done += chunk) {
    const size = Math.min(chunk, count - done)
    // One chunk of replies is drawn into a small table first, so that the replies and their reviews
    // join on integer keys (the author's number) instead of searching the growing replies table.
    await ctx.sql.unsafe(`drop table if exists scale_batch`)
    await ctx.sql.unsafe(
      `create temporary table scale_batch as
       select gen_random_uuid() as id, q.author, q.scenario, q.submitted_at,
         ${level('q.base', 0.0)} as e, ${level('q.base', 0.05)} as w, ${level('q.base', -0.03)} as o,
         ${level('q.base', 0.02)} as n, ${level('q.base', -0.06)} as c
       from (
         select 1 + floor(random() * ${SCALE.people})::int as author,
           (${scenarios})[1 + floor(random() * ${SCENARIOS.length})::int] as scenario,
           now() - interval '2 days' - (interval '1 day' * random() * ${SCALE.months * 30 - 3}) as submitted_at,
           0.0 as base
         from generate_series(1, ${size}) g
       ) q`,
    )
    await ctx.sql.unsafe(`analyze scale_batch`)
    await ctx.sql.unsafe(
      `insert into replies (id, organization_id, user_id, team_id, scenario_slug, prompt_id, text, reviews_required, reviews_done,
         criterion_scores, score, finalised_at, submitted_at)
       select b.id, $1::uuid, p.user_id, p.team_id, b.scenario, $2,
         'Thank you for your patience, and I am sorry for the trouble. I have fixed it and will confirm by tomorrow.',
         ${SCALE.reviewsPerReply}, ${SCALE.reviewsPerReply},
         jsonb_build_object('empathy', b.e, 'warmth', b.w, 'ownership', b.o, 'next-step', b.n, 'context', b.c),
         round(((b.e - 1) * 0.25 + (b.w - 1) * 0.2 + (b.o - 1) * 0.2 + (b.n - 1) * 0.2 + (b.c - 1) * 0.15) / 3 * 1000) / 10.0,
         b.submitted_at + interval '2 days', b.submitted_at
       from scale_batch b join scale_people p on p.i = b.author`,
      [ctx.organizationId, batch],
    )
    // Reviewers are the people k·977 places after the author (never the author), a few hours later.
    await ctx.sql.unsafe(
      `insert into reviews (organization_id, reply_id, reviewer_id, status, scores, created_at, submitted_at)
       select $1::uuid, b.id, rv.user_id, 'submitted',
         jsonb_build_object('empathy', b.e, 'warmth', b.w, 'ownership', b.o, 'next-step', b.n, 'context', b.c),
         b.submitted_at + interval '1 hour' * k, b.submitted_at + interval '1 hour' * (k + 6 + floor(random() * 36))
       from scale_batch b
       cross join generate_series(1, ${SCALE.reviewsPerReply}) k
       join scale_people rv on rv.i = 1 + ((b.author - 1 + k * 977) % ${SCALE.people})`,
      [ctx.organizationId],
    )
    log(
      `  ${(done + size).toLocaleString('en')} / ${count.toLocaleString('en')} replies with ${((done + size) * SCALE.reviewsPerReply).toLocaleString('en')} reviews (${seconds(started)})`,
    )
  }
  await ctx.sql.unsafe(`drop table if exists scale_batch`)
}

/**
 * A consensus level 1–4 around a team's own level: teams differ (team number decides), everyone
 * improves a little over the two years, and each criterion leans its own way.
 */
function level(base: string, lean: number) {
  const team = `((q.author - 1) % ${SCALE.teams})`
  const progress = `(1 - extract(epoch from now() - q.submitted_at) / ${SCALE.months * 30 * 86400})`
  const mean = `(${base} + 0.42 + 0.25 * ((${team} * 37) % 100) / 100.0 + 0.12 * ${progress} + ${lean})`
  return `least(4, greatest(1, round(1 + 3 * (${mean} + (random() - 0.5) * 0.45))))::int`
}

/** Recreates the indexes a bulk load dropped (also after a run that was interrupted). */
async function restoreIndexes(sql: postgres.Sql) {
  const [exists] = await sql`select to_regclass('public.scale_dropped_indexes') as t`
  if (!exists.t) return
  for (const index of await sql<{ name: string; definition: string }[]>`select name, definition from scale_dropped_indexes`) {
    const [present] = await sql`select 1 from pg_indexes where schemaname = 'public' and indexname = ${index.name}`
    if (!present) await sql.unsafe(index.definition)
  }
  await sql.unsafe(`drop table scale_dropped_indexes`)
}

export async function tableSizes(sql: postgres.Sql) {
  return sql<{ table: string; rows: number; size: string }[]>`
    select c.relname as table, c.reltuples::bigint as rows, pg_size_pretty(pg_total_relation_size(c.oid)) as size
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind = 'r'
      and c.relname in ('replies', 'reviews', 'team_month_rollups', 'team_month_criterion_rollups',
        'team_month_scenario_rollups', 'organization_month_scenario_rollups', 'team_month_people', 'users', 'memberships')
    order by pg_total_relation_size(c.oid) desc`
}

export async function rebuild(ctx: ScaleContext) {
  const started = performance.now()
  await rebuildRollups(ctx.database.db, ctx.organizationId)
  await ctx.sql.unsafe(
    `analyze team_month_rollups; analyze team_month_criterion_rollups; analyze team_month_scenario_rollups; analyze organization_month_scenario_rollups; analyze team_month_people`,
  )
  return (performance.now() - started) / 1000
}

export async function closeScale(ctx: ScaleContext) {
  await ctx.sql.end({ timeout: 5 })
  await ctx.database.close()
}

async function main() {
  const url = requirePostgres()
  const reset = process.argv.includes('--reset')
  const started = performance.now()
  const ctx = await openScale(url, { reset })
  const [{ n }] = await ctx.sql<{ n: number }[]>`select count(*)::int as n from replies where organization_id = ${ctx.organizationId}`
  if (n > 0) {
    console.log(`The scale organization already has ${n.toLocaleString('en')} replies; run with --reset to start again.`)
  } else {
    console.log(`Generating ${SCALE.replies.toLocaleString('en')} replies and ${(SCALE.replies * SCALE.reviewsPerReply).toLocaleString('en')} reviews…`)
    const added = await addReplies(ctx, SCALE.replies, { batch: 'scale-1' })
    console.log(`Replies and reviews in ${added.seconds.toFixed(1)} s.`)
  }
  console.log(`Rollups rebuilt in ${(await rebuild(ctx)).toFixed(1)} s.`)
  console.table(await tableSizes(ctx.sql))
  console.log(`Done in ${seconds(started)}.`)
  await closeScale(ctx)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
