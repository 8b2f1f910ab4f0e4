// Old against new: two checkouts' production builds served side by side, each on a throwaway
// PostgreSQL database of its own, and review submissions through HTTP (review-http-client.ts)
// alternated between them in short rounds, so that whatever else the machine is doing weighs on
// both alike. Prints, per round, each server's CPU per acknowledged submission, then the medians
// and acknowledged vs stored for each. Asserts nothing.
//
//   npx tsx test/bench/review-http-ab.ts /path/to/old-checkout /path/to/new-checkout
//
// Each checkout is built first (as http-bench.ts builds, into its test/.artifacts/bench-build;
// AB_SKIP_BUILD=1 uses the builds already there). AB_FLOW: script (default) or no-script;
// AB_ROUNDS (8), AB_SECONDS per round and server (4), AB_REVIEWERS (10). Bounded: 127.0.0.1
// only, ports 4580 and up; the databases are created on BENCH_PG_URL's server and dropped.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { and, eq, inArray, sql } from 'drizzle-orm'
import pg from 'pg'
import { openDatabase, type Database } from '#db/client.server'
import { reviews } from '#db/schema'
import { prepareReviews } from './review-fixtures'
import { runReviewer, type ReviewFlow, type ReviewerTally } from './review-http-client'

const checkouts = process.argv.slice(2).map((dir) => path.resolve(dir))
if (checkouts.length < 2) throw new Error('usage: review-http-ab.ts <old checkout> <new checkout>')
const flow = (process.env.AB_FLOW ?? 'script') as ReviewFlow
const rounds = Number(process.env.AB_ROUNDS ?? 8)
const seconds = Number(process.env.AB_SECONDS ?? 4)
const reviewers = Number(process.env.AB_REVIEWERS ?? 10)
const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

type Variant = {
  dir: string
  dbName: string
  child: ChildProcess
  database: Database
  base: string
  prepared: Awaited<ReturnType<typeof prepareReviews>>
  cpuMs: number[]
  acknowledged: number
}

/** CPU time (ms) a process has used, all its threads (Linux). */
function cpuMsOf(pid: number) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100
}

async function start(dir: string, index: number, admin: pg.Client): Promise<Variant> {
  const buildDir = path.join(dir, 'test/.artifacts/bench-build')
  if (process.env.AB_SKIP_BUILD !== '1') {
    console.log(`building ${dir}…`)
    const built = spawnSync('npm', ['run', '-s', 'build'], {
      cwd: dir,
      env: { ...process.env, NODE_ENV: 'production', RAPPORT_BUILD_DIR: buildDir, RAPPORT_BENCH_ROUTES: '1' },
      stdio: ['ignore', 'ignore', 'inherit'],
    })
    if (built.status !== 0) throw new Error(`build of ${dir} failed`)
  }
  const dbName = `rapport_ab_${index}_${process.pid}`
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
  await admin.query(`CREATE DATABASE ${dbName}`)
  const url = new URL(adminUrl)
  url.pathname = `/${dbName}`
  const port = 4580 + index
  const child = spawn(process.execPath, [path.join(buildDir, 'server.js')], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', RAPPORT_BUILD_DIR: buildDir, DATABASE_URL: url.toString() },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server of ${dir} exited`)
    try {
      if ((await fetch(`${base}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 })
  const prepared = await prepareReviews(database, { reviewers, replyCount: 6000 })
  return { dir, dbName, child, database, base, prepared, cpuMs: [], acknowledged: 0 }
}

/** One round on one server: its CPU per acknowledged submission. */
async function round(variant: Variant, duration: number) {
  const tally: ReviewerTally = { acknowledged: 0, refused: 0, ranDry: false }
  const before = cpuMsOf(variant.child.pid!)
  const until = performance.now() + duration * 1000
  const { cookies, criteria } = variant.prepared
  await Promise.all(cookies.map((cookie) => runReviewer({ base: variant.base, cookie, criteria, flow, until }, tally)))
  if (tally.refused || tally.ranDry) console.log(`  ${variant.dir}: refused ${tally.refused}${tally.ranDry ? ', ran dry' : ''}`)
  return { cpuMs: (cpuMsOf(variant.child.pid!) - before) / tally.acknowledged, acknowledged: tally.acknowledged }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

const admin = new pg.Client({ connectionString: adminUrl })
await admin.connect()
const variants: Variant[] = []
try {
  for (const [index, dir] of checkouts.entries()) variants.push(await start(dir, index, admin))
  // Warm up every server (JIT, prepared statements) before measuring, and record what was stored before.
  for (const variant of variants) await round(variant, seconds)
  const storedBefore = await Promise.all(variants.map(stored))
  console.log(`\nreview submissions through HTTP (${flow}, ${reviewers} reviewers), server CPU ms per submission; ${os.cpus().length} cores`)
  for (let r = 0; r < rounds; r++) {
    // Alternate who goes first, so neither always follows the other.
    for (const variant of r % 2 ? [...variants].reverse() : variants) {
      const result = await round(variant, seconds)
      variant.cpuMs.push(result.cpuMs)
      variant.acknowledged += result.acknowledged
    }
    console.log(`  round ${r + 1}, load average ${os.loadavg()[0].toFixed(1)}: ${variants.map((v) => v.cpuMs.at(-1)!.toFixed(2)).join('  ')}`)
  }
  const storedAfter = await Promise.all(variants.map(stored))
  for (const [i, variant] of variants.entries()) {
    const storedNow = storedAfter[i] - storedBefore[i]
    console.log(
      `${variant.dir}: median ${median(variant.cpuMs).toFixed(2)} ms (min ${Math.min(...variant.cpuMs).toFixed(2)}); ` +
        `acknowledged ${variant.acknowledged}, stored ${storedNow}${storedNow === variant.acknowledged ? ' (equal)' : ' (DIFFERENT)'}`,
    )
  }
  if (variants.length === 2) {
    const differences = variants[0].cpuMs.map((old, i) => variants[1].cpuMs[i] - old)
    console.log(`second minus first, per round: median ${median(differences).toFixed(2)} ms`)
  }
} finally {
  for (const variant of variants) {
    const exited = new Promise((resolve) => (variant.child.exitCode !== null ? resolve(null) : variant.child.on('exit', resolve)))
    variant.child.kill('SIGTERM')
    await exited
    await variant.database.close()
    await admin.query(`DROP DATABASE IF EXISTS ${variant.dbName} WITH (FORCE)`)
  }
  await admin.end()
}

async function stored(variant: Variant) {
  const [row] = await variant.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(reviews)
    .where(and(inArray(reviews.reviewerId, variant.prepared.reviewerIds), eq(reviews.status, 'submitted')))
  return row.n
}
