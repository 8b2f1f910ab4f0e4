// The dashboard loader's latency at two data sizes: 300k reviews, then grown to 3M (same people,
// teams and months). The dashboard reads monthly rollups only, so the two should be close.
// Needs a throwaway PostgreSQL database (it resets the "scale" organization):
//
//   createdb -h 127.0.0.1 -U postgres rapport_scale
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/rapport_scale npx tsx test/bench/insights-bench.ts
import { getOrganizationInsights, getTeamInsights, type Actor } from '~/insights/insights.server'
import { addReplies, closeScale, openScale, rebuild, requirePostgres, SCALE, seconds, tableSizes, type ScaleContext } from './seed-scale'

const RUNS = 200
const WARM_UP = 20

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

async function measure(label: string, run: () => Promise<unknown>) {
  for (let i = 0; i < WARM_UP; i++) await run()
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now()
    await run()
    times.push(performance.now() - started)
  }
  times.sort((a, b) => a - b)
  const figures = { p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] }
  console.log(`  ${label}: p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms, max ${figures.max.toFixed(1)} ms (${RUNS} runs)`)
  return figures
}

async function measureAll(ctx: ScaleContext, admin: Actor) {
  const overview = await measure('getOrganizationInsights (/insights, admin, 200 teams)', () => getOrganizationInsights(ctx.database.db, admin))
  await measure('getTeamInsights (/insights/teams/team-001, admin)', () => getTeamInsights(ctx.database.db, admin, 'team-001'))
  return overview
}

async function counts(ctx: ScaleContext) {
  const [row] = await ctx.sql<{ replies: number; reviews: number }[]>`
    select (select count(*) from replies where organization_id = ${ctx.organizationId})::int as replies,
           (select count(*) from reviews where organization_id = ${ctx.organizationId})::int as reviews`
  return row
}

async function main() {
  const url = requirePostgres()
  const started = performance.now()
  const ctx = await openScale(url, { reset: true })
  const [admin] = await ctx.sql<Actor[]>`
    select id, organization_id as "organizationId", role from users where email = 'person-1@scale.test'`

  const small = SCALE.replies / 10
  console.log(`\n1. ${small.toLocaleString('en')} replies, ${(small * SCALE.reviewsPerReply).toLocaleString('en')} reviews`)
  const first = await addReplies(ctx, small, { batch: 'scale-1', log: () => {} })
  console.log(`  generated in ${first.seconds.toFixed(1)} s; rollups rebuilt in ${(await rebuild(ctx)).toFixed(1)} s`)
  console.log(`  ${JSON.stringify(await counts(ctx))}`)
  const at300k = await measureAll(ctx, admin)

  const rest = SCALE.replies - small
  console.log(`\n2. grown by ${rest.toLocaleString('en')} replies to ${SCALE.replies.toLocaleString('en')} replies, ${(SCALE.replies * SCALE.reviewsPerReply).toLocaleString('en')} reviews`)
  const second = await addReplies(ctx, rest, { batch: 'scale-2' })
  console.log(`  generated in ${second.seconds.toFixed(1)} s; rollups rebuilt in ${(await rebuild(ctx)).toFixed(1)} s`)
  console.log(`  ${JSON.stringify(await counts(ctx))}`)
  const at3m = await measureAll(ctx, admin)

  console.log('\nTable sizes at 3M reviews:')
  console.table(await tableSizes(ctx.sql))
  const ratio = at3m.p95 / at300k.p95
  console.log(
    `\n/insights p95: ${at300k.p95.toFixed(1)} ms at 300k reviews, ${at3m.p95.toFixed(1)} ms at 3M (×${ratio.toFixed(2)}).` +
      ` Target: under 150 ms at 3M ${at3m.p95 < 150 ? '✓' : '✗'}, within 1.5× of 300k ${ratio <= 1.5 ? '✓' : '✗'}.`,
  )
  console.log(`Total ${seconds(started)}.`)
  await closeScale(ctx)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
