// Review submissions through HTTP on PostgreSQL, alone: the same loop as the submission section of
// http-bench.ts (each reviewer opens /reviews, which leases the next reply, then posts the form),
// without the page table around it, and with what it takes to see where the time goes: per
// request kind the mean and p99 latency and the database queries (Server-Timing), optionally a
// CPU profile of the server and its log. Asserts nothing.
//
//   npm run build with RAPPORT_BUILD_DIR=test/.artifacts/bench-build (as http-bench.ts does), then
//   npx tsx test/bench/review-submit-profile.ts
//
// Environment: BENCH_SECONDS (10), WARMUP_SECONDS (3, the same loop unmeasured first), BENCH_PORT (4650), BENCH_PG_URL (the admin URL), REVIEWERS (50),
// BENCH_BUILD_DIR (another build, e.g. of an older commit),
// CPU_PROF_DIR (a folder: the server runs with --cpu-prof into it), SERVER_LOG (a file for the
// server's output), KEEP_DB=1 (keep the throwaway database, e.g. for EXPLAIN).
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { and, eq, inArray, sql } from 'drizzle-orm'
import pg from 'pg'
import { openDatabase, type Database } from '#db/client.server'
import { replies, reviews } from '#db/schema'
import { backendsCpuMs, processCpuMs } from './process-cpu'
import { prepareReviews } from './review-fixtures'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const buildDir = path.resolve(process.env.BENCH_BUILD_DIR ?? path.join(root, 'test/.artifacts/bench-build'))
const port = Number(process.env.BENCH_PORT ?? 4650)
const base = `http://127.0.0.1:${port}`
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const reviewerCount = Number(process.env.REVIEWERS ?? 50)
const replyCount = 2000
const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const profileDir = process.env.CPU_PROF_DIR
const serverLog = process.env.SERVER_LOG
const warmupSeconds = Number(process.env.WARMUP_SECONDS ?? 3)

async function startServer(env: Record<string, string>): Promise<ChildProcess> {
  const args = [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), path.join(buildDir, 'server.js')]
  const out = serverLog ? fs.openSync(serverLog, 'a') : 'ignore'
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', RAPPORT_BUILD_DIR: buildDir, ...env },
    stdio: ['ignore', out, out === 'ignore' ? 'inherit' : out],
  })
  let exited = false
  child.on('exit', () => (exited = true))
  for (;;) {
    if (exited) throw new Error('server exited')
    try {
      if ((await fetch(`${base}/healthz`)).ok) return child
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function stopServer(child: ChildProcess) {
  if (child.exitCode !== null) return
  const exited = new Promise((resolve) => child.on('exit', resolve))
  child.kill('SIGTERM')
  await exited
}


/** CPU used by the PostgreSQL backends serving the benchmark's database (the server's pool). */
async function postgresCpuMs(database: Database, name: string): Promise<number> {
  const rows = await database.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [name])
  return backendsCpuMs(rows)
}

type Kind = 'GET /reviews' | 'POST /reviews?index'
const stats = new Map<Kind, { ms: number[]; queries: Map<string, number> }>()

async function run(database: Database, serverPid: number | undefined, databaseName: string) {
  const { cookies, reviewerIds, criteria } = await prepareReviews(database, { reviewers: reviewerCount, replyCount })
  let acknowledged = 0
  let refused = 0
  let emptyPages = 0
  let record = (_kind: Kind, _ms: number, _response: Response) => {}
  // Each reviewer does what a person without JavaScript does: open /reviews (which hands out the
  // next reply), submit the form; the redirect to the thanks page is the acknowledgement.
  async function reviewer(cookie: string, deadline: number) {
    while (performance.now() < deadline) {
      let t = performance.now()
      const page = await fetch(`${base}/reviews`, { headers: { cookie } })
      const html = await page.text()
      record('GET /reviews', performance.now() - t, page)
      const reviewId = /name="reviewId" value="([0-9a-f-]{36})"/.exec(html)?.[1]
      if (!reviewId) {
        emptyPages++
        return
      }
      const form = new URLSearchParams({ reviewId })
      for (const id of criteria) form.set(`score.${id}`, '3')
      form.set(`comment.${criteria[0]}`, 'Names what went wrong and says what happens next.')
      t = performance.now()
      const submitted = await fetch(`${base}/reviews?index`, { method: 'POST', headers: { cookie }, body: form, redirect: 'manual' })
      await submitted.arrayBuffer()
      record('POST /reviews?index', performance.now() - t, submitted)
      if (submitted.status === 302 && submitted.headers.get('location')?.includes('thanks')) acknowledged++
      else refused++
    }
  }
  // Warm up (JIT, pool) with the same work, unmeasured.
  if (warmupSeconds > 0) {
    const until = performance.now() + warmupSeconds * 1000
    await Promise.all(cookies.map((cookie) => reviewer(cookie, until)))
  }
  const acknowledgedBefore = acknowledged
  record = (kind, ms, response) => {
    const entry = stats.get(kind) ?? { ms: [] as number[], queries: new Map<string, number>() }
    stats.set(kind, entry)
    entry.ms.push(ms)
    const queries = /db;desc="(\d+) queries"/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? '?'
    entry.queries.set(queries, (entry.queries.get(queries) ?? 0) + 1)
  }
  const load = os.loadavg()[0]
  const serverCpuBefore = processCpuMs(serverPid)
  const pgCpuBefore = await postgresCpuMs(database, databaseName)
  const started = performance.now()
  await Promise.all(cookies.map((cookie) => reviewer(cookie, started + seconds * 1000)))
  const elapsed = (performance.now() - started) / 1000
  const measured = acknowledged - acknowledgedBefore
  const serverCpu = processCpuMs(serverPid) - serverCpuBefore
  const pgCpu = (await postgresCpuMs(database, databaseName)) - pgCpuBefore
  const [stored] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(reviews)
    .where(and(inArray(reviews.reviewerId, reviewerIds), eq(reviews.status, 'submitted')))
  const [finalised] = await database.db.select({ n: sql<number>`count(*)::int` }).from(replies).where(sql`${replies.finalisedAt} is not null`)
  console.log(
    `review submissions: ${(measured / elapsed).toFixed(0)}/s over ${elapsed.toFixed(1)} s with ${reviewerCount} reviewers (after ${warmupSeconds} s of warm-up); ` +
      `acknowledged ${acknowledged} (both phases), stored ${stored.n}${acknowledged === stored.n ? ' (equal)' : ' (DIFFERENT)'}, refused ${refused}; ` +
      `reviewers who found nothing to review ${emptyPages}; ` +
      `replies finalised ${finalised.n}; load average at start ${load.toFixed(1)}, at end ${os.loadavg()[0].toFixed(1)} (${os.cpus().length} cores)`,
  )
  console.log(
    `  CPU per acknowledged submission (GET + POST): server ${(serverCpu / measured).toFixed(2)} ms, ` +
      `PostgreSQL backends ${(pgCpu / measured).toFixed(2)} ms`,
  )
  for (const [kind, entry] of stats) {
    const sorted = [...entry.ms].sort((a, b) => a - b)
    const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length
    const p99 = sorted[Math.floor(sorted.length * 0.99)]
    const queries = [...entry.queries].sort((a, b) => b[1] - a[1]).map(([q, n]) => `${q}×${n}`).join(', ')
    console.log(`  ${kind.padEnd(20)} n ${String(sorted.length).padStart(5)}  mean ${mean.toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  queries (count×requests): ${queries}`)
  }
}

const name = `review_rate_bench_${process.pid}`
const admin = new pg.Client({ connectionString: adminUrl })
await admin.connect()
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
await admin.query(`CREATE DATABASE ${name}`)
const url = new URL(adminUrl)
url.pathname = `/${name}`
const env = { DATABASE_URL: url.toString() }
try {
  // The first start migrates and seeds the demo organization.
  const server = await startServer(env)
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 2 })
  try {
    await run(database, server.pid, name)
  } finally {
    await database.close()
    await stopServer(server)
  }
} finally {
  if (process.env.KEEP_DB) console.log(`kept database ${name}`)
  else await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  await admin.end()
}
