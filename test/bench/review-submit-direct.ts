// Review submissions without HTTP, on PostgreSQL: what one submission costs the database and the
// domain code alone. Each of REVIEWERS reviewers (the review fixture's, on the demo organization)
// loops: nextReviewFor (leases the next reply), submitReview. Prints submissions/s, round trips per
// submission (lease + submit), CPU per submission of this process and of PostgreSQL's backends,
// and the load average. Asserts nothing; compare commits by running it in each checkout.
//
//   npx tsx test/bench/review-submit-direct.ts
//
// Environment: BENCH_SECONDS (10), REVIEWERS (8, run side by side), POOL (8), BENCH_PG_URL (the
// admin URL), BENCH_DB_PREFIX (before the database's name). A throwaway database is created and dropped.
import os from 'node:os'
import { and, eq, inArray, sql } from 'drizzle-orm'
import pg from 'pg'
import { openDatabase, type Database } from '#db/client.server'
import { countQueries } from '#db/query-count.server'
import { migrateDatabase } from '#db/migrate.server'
import { reviews, users } from '#db/schema'
import { seedDemo } from '#db/seed.server'
import { nextReviewFor } from '~/reviews/allocation.server'
import { submitReview } from '~/reviews/reviews.server'
import { backendsCpuMs } from './process-cpu'
import { prepareReviews } from './review-fixtures'

const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const reviewerCount = Number(process.env.REVIEWERS ?? 8)
const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

async function backendsCpu(admin: pg.Client, name: string) {
  const { rows } = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [name])
  return backendsCpuMs(rows)
}

const name = `${process.env.BENCH_DB_PREFIX ?? ''}review_direct_bench_${process.pid}`
const admin = new pg.Client({ connectionString: adminUrl })
await admin.connect()
await admin.query(`CREATE DATABASE ${name}`)
const url = new URL(adminUrl)
url.pathname = `/${name}`
let database: Database | null = null
try {
  database = await openDatabase({ databaseUrl: url.toString(), poolSize: Number(process.env.POOL ?? 8) })
  await migrateDatabase(database)
  await seedDemo(database.db)
  const { reviewerIds } = await prepareReviews(database, { reviewers: reviewerCount, replyCount: 4000 })
  const people = await database.db.select().from(users).where(inArray(users.id, reviewerIds))
  const db = database.db
  const tally = { queries: 0 }
  let acknowledged = 0
  let refused = 0
  const loop = async (person: (typeof people)[number], until: number, counting: boolean) => {
    while (performance.now() < until) {
      const next = await nextReviewFor(db, person)
      if (next.status !== 'leased') return
      const result = await submitReview(db, person, next.lease.reviewId, {
        scores: { empathy: 3, warmth: 3, ownership: 3, 'next-step': 3, context: 3 },
        comments: [{ criterionId: 'empathy', text: 'Names what went wrong and says what happens next.' }],
      })
      if (!counting) continue
      if (result.ok) acknowledged++
      else refused++
    }
  }
  // Warm-up (JIT, pool, caches), unmeasured.
  const warm = performance.now() + 2000
  await Promise.all(people.map((person) => loop(person, warm, false)))
  const load = os.loadavg()[0]
  const pgBefore = await backendsCpu(admin, name)
  const ownBefore = process.cpuUsage()
  const started = performance.now()
  await countQueries(tally, () => Promise.all(people.map((person) => loop(person, started + seconds * 1000, true))))
  const elapsed = (performance.now() - started) / 1000
  const own = process.cpuUsage(ownBefore)
  const pgCpu = (await backendsCpu(admin, name)) - pgBefore
  const [stored] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(reviews)
    .where(and(inArray(reviews.reviewerId, reviewerIds), eq(reviews.status, 'submitted')))
  console.log(
    `direct review submissions (PostgreSQL, ${reviewerCount} reviewers side by side): ${(acknowledged / elapsed).toFixed(0)}/s over ${elapsed.toFixed(1)} s; ` +
      `refused ${refused}; stored ${stored.n} (warm-up included); round trips per submission (lease + submit) ${(tally.queries / acknowledged).toFixed(1)}; ` +
      `CPU per submission: this process ${((own.user + own.system) / 1000 / acknowledged).toFixed(2)} ms, PostgreSQL backends ${(pgCpu / acknowledged).toFixed(2)} ms; ` +
      `load average at start ${load.toFixed(1)}, at end ${os.loadavg()[0].toFixed(1)} (${os.cpus().length} cores)`,
  )
} finally {
  await database?.close()
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.end()
}
