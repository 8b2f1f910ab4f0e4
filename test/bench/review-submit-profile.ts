// Review submissions through HTTP on PostgreSQL, alone: the same reviewers as the submission section
// of http-bench.ts (test/bench/review-http-client.ts: with the page's script, one POST per review
// answered with the next reply; without it, GET /reviews then POST the form), without the page
// table around them, and with what it takes to see where the time goes: per request kind the mean
// and p99 latency and the database queries (Server-Timing), CPU per submission of the server, of
// PostgreSQL's backends and of this load generator, optionally a CPU profile of the server and its
// log. Asserts nothing.
//
//   npm run build with RAPPORT_BUILD_DIR=test/.artifacts/bench-build (as http-bench.ts does), then
//   npx tsx test/bench/review-submit-profile.ts
//
// Environment: BENCH_SECONDS (10), WARMUP_SECONDS (3, the same loop unmeasured first), BENCH_PORT (4650), BENCH_PG_URL (the admin URL), REVIEWERS (50),
// REVIEW_FLOWS (script,no-script: measured one after the other), REPLIES (4000 open replies), BENCH_DB_PREFIX (before the database's name),
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
import { reviews } from '#db/schema'
import { backendsCpuMs, processCpuMs } from './process-cpu'
import { prepareReviews } from './review-fixtures'
import { runReviewer, type RequestKind, type ReviewerOptions, type ReviewerTally, type ReviewFlow } from './review-http-client'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const buildDir = path.resolve(process.env.BENCH_BUILD_DIR ?? path.join(root, 'test/.artifacts/bench-build'))
const port = Number(process.env.BENCH_PORT ?? 4650)
const base = `http://127.0.0.1:${port}`
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const reviewerCount = Number(process.env.REVIEWERS ?? 50)
const replyCount = Number(process.env.REPLIES ?? 4000)
const flows = (process.env.REVIEW_FLOWS ?? 'script,no-script').split(',') as ReviewFlow[]
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

type Stats = Map<RequestKind, { ms: number[]; queries: Map<string, number> }>

async function run(database: Database, serverPid: number | undefined, databaseName: string) {
  const { cookies, reviewerIds, criteria } = await prepareReviews(database, { reviewers: reviewerCount, replyCount })
  for (const flow of flows) {
    const loop = (until: number, tally: ReviewerTally, onAnswer?: ReviewerOptions['onAnswer']) =>
      Promise.all(cookies.map((cookie) => runReviewer({ base, cookie, criteria, flow, until, onAnswer }, tally)))
    // Warm up (JIT, pool) with the same work, unmeasured.
    const warm: ReviewerTally = { acknowledged: 0, refused: 0, ranDry: false }
    if (warmupSeconds > 0) await loop(performance.now() + warmupSeconds * 1000, warm)
    const storedBefore = await storedReviews(database, reviewerIds)
    const stats: Stats = new Map()
    const record = (kind: RequestKind, ms: number, response: Response) => {
      const entry = stats.get(kind) ?? { ms: [] as number[], queries: new Map<string, number>() }
      stats.set(kind, entry)
      entry.ms.push(ms)
      const queries = /db;desc="(\d+) queries"/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? '?'
      entry.queries.set(queries, (entry.queries.get(queries) ?? 0) + 1)
    }
    const tally: ReviewerTally = { acknowledged: 0, refused: 0, ranDry: false }
    const load = os.loadavg()[0]
    const serverCpuBefore = processCpuMs(serverPid)
    const pgCpuBefore = await postgresCpuMs(database, databaseName)
    const ownCpuBefore = process.cpuUsage()
    const started = performance.now()
    await loop(started + seconds * 1000, tally, record)
    const elapsed = (performance.now() - started) / 1000
    const own = process.cpuUsage(ownCpuBefore)
    const serverCpu = processCpuMs(serverPid) - serverCpuBefore
    const pgCpu = (await postgresCpuMs(database, databaseName)) - pgCpuBefore
    const stored = (await storedReviews(database, reviewerIds)) - storedBefore
    const measured = tally.acknowledged
    console.log(
      `${flow}: review submissions ${(measured / elapsed).toFixed(0)}/s over ${elapsed.toFixed(1)} s with ${reviewerCount} reviewers (after ${warmupSeconds} s of warm-up); ` +
        `acknowledged ${measured}, stored ${stored}${measured === stored ? ' (equal)' : ' (DIFFERENT)'}, refused ${tally.refused}` +
        `${tally.ranDry || warm.ranDry ? '; some reviewers found nothing left to review' : ''}; ` +
        `load average at start ${load.toFixed(1)}, at end ${os.loadavg()[0].toFixed(1)} (${os.cpus().length} cores)`,
    )
    console.log(
      `  CPU per acknowledged submission: server ${(serverCpu / measured).toFixed(2)} ms, ` +
        `PostgreSQL backends ${(pgCpu / measured).toFixed(2)} ms, this load generator ${((own.user + own.system) / 1000 / measured).toFixed(2)} ms`,
    )
    for (const [kind, entry] of stats) {
      const sorted = [...entry.ms].sort((a, b) => a - b)
      const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length
      const p99 = sorted[Math.floor(sorted.length * 0.99)]
      const queries = [...entry.queries].sort((a, b) => b[1] - a[1]).map(([q, n]) => `${q}×${n}`).join(', ')
      console.log(`  ${kind.padEnd(24)} n ${String(sorted.length).padStart(5)}  mean ${mean.toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  queries (count×requests): ${queries}`)
    }
  }
}

async function storedReviews(database: Database, reviewerIds: string[]) {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(reviews)
    .where(and(inArray(reviews.reviewerId, reviewerIds), eq(reviews.status, 'submitted')))
  return row.n
}

const name = `${process.env.BENCH_DB_PREFIX ?? ''}review_rate_bench_${process.pid}`
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
