// HTTP benchmark: the production build (with one extra route, a bare Remix page that exists only
// in this build) on PGlite and on PostgreSQL, loaded with autocannon as a signed-in member.
// Prints, per driver: start-up time on an existing database; per route requests/s, p50, p99, the
// ratio to the bare route in the same run, database queries per request, whether the page cache
// answered, and the CPU per request of the server and of autocannon (which shares the cores); then
// (PostgreSQL) review submissions per second through HTTP, with and without the page's script
// (test/bench/review-http-client.ts), with acknowledged vs stored and CPU per submission; then the
// pages again with the page cache off (every request rendered, as on a first visit or after a
// write; BENCH_RENDERED_SECONDS, default half of BENCH_SECONDS, 0 to skip). BENCH_DB_PREFIX goes
// before the throwaway database's name. BENCH_ONLY=reviews: only the review submissions (PostgreSQL,
// no page tables, no rendered pages), e.g. to compare a change's CPU per submission quickly;
// BENCH_REVIEW_FLOWS=script (or no-script) runs one of the two submission flows only. Each flow is
// first run unmeasured for BENCH_REVIEW_WARMUP seconds (3), so a fresh server's JIT is warm.
// BENCH_SERVER_NODE_ARGS: options for the server's node (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
// Asserts nothing.
//
//   npx tsx test/bench/http-bench.ts            (or via `npm run bench`)
//   BENCH_SECONDS=5 BENCH_DRIVERS=pglite npx tsx test/bench/http-bench.ts
//
// Bounded: 50 connections, BENCH_SECONDS (10) per route, 127.0.0.1 only. PostgreSQL: a throwaway
// database created on BENCH_PG_URL's server (postgres://postgres@127.0.0.1:5432/postgres) and dropped.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'
import { and, eq, inArray, sql } from 'drizzle-orm'
import pg from 'pg'
import { openDatabase, type Database } from '#db/client.server'
import { reviews } from '#db/schema'
import { prepareReviews } from './review-fixtures'
import { runReviewer, type ReviewerTally } from './review-http-client'

type Who = 'member' | 'nobody'
type BenchRoute = { name: string; path: string; as: Who }

// One list; a new page is one more line. The first entry is the yardstick for the ratio column.
const ROUTES: BenchRoute[] = [
  { name: 'bare Remix route', path: '/bench/bare', as: 'nobody' },
  { name: 'static file', path: '/favicon.svg', as: 'nobody' },
  { name: 'sign-in page', path: '/login', as: 'nobody' },
  { name: 'home', path: '/', as: 'member' },
  { name: 'lesson', path: '/lessons/relationships-not-transactions', as: 'member' },
  { name: 'scenario', path: '/scenarios/bounced-sales-email', as: 'member' },
  { name: 'reviews', path: '/reviews', as: 'member' },
  { name: 'insights', path: '/insights', as: 'member' },
  { name: 'team page', path: '/insights/teams/support', as: 'member' },
  { name: 'drills', path: '/drills', as: 'member' },
  { name: 'meetings', path: '/meetings', as: 'member' },
]

const here = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
// BENCH_APP_DIR: benchmark another checkout (e.g. an older commit) with this script.
const root = path.resolve(process.env.BENCH_APP_DIR ?? here)
const artifacts = path.join(root, 'test/.artifacts')
const buildDir = path.join(artifacts, 'bench-build')
// Checkouts from before the compiled server ran TypeScript through tsx.
const compiled = fs.existsSync(path.join(root, 'app/server/build-server.mjs'))
const port = Number(process.env.BENCH_PORT ?? 4560)
const base = `http://127.0.0.1:${port}`
const seconds = Number(process.env.BENCH_SECONDS ?? 10)
// The same pages again with the page cache off: what a first visit, or a visit after a write, costs.
const renderedSeconds = Number(process.env.BENCH_RENDERED_SECONDS ?? Math.max(1, Math.round(seconds / 2)))
const connections = 50
const adminUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const reviewsOnly = process.env.BENCH_ONLY === 'reviews'
const drivers = reviewsOnly ? ['postgres'] : (process.env.BENCH_DRIVERS ?? 'pglite,postgres').split(',')

type Row = { route: string; rps: number; p50: number; p99: number; ratio: string; queries: string; cache: string; cpu: string; loadCpu: string; note: string }

function build() {
  console.log('building the production server with the bench route…')
  const built = spawnSync('npm', ['run', '-s', 'build'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', RAPPORT_BUILD_DIR: buildDir, RAPPORT_BENCH_ROUTES: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (built.status !== 0) throw new Error('build failed')
}

const serverNodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)

type Server = { child: ChildProcess; startedInMs: number; stderr: () => string }

async function startServer(env: Record<string, string>): Promise<Server> {
  const started = performance.now()
  const command = compiled ? [path.join(buildDir, 'server.js')] : ['--import', 'tsx', 'app/server/start.ts']
  const child = spawn(process.execPath, [...serverNodeArgs, ...command], {
    cwd: root,
    // Production as it ships: info logs (to /dev/null here), no test hooks.
    env: { ...process.env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', RAPPORT_BUILD_DIR: buildDir, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (chunk) => (stderr += chunk))
  let exited = false
  child.on('exit', () => (exited = true))
  for (;;) {
    if (exited) throw new Error(`server exited: ${stderr}`)
    try {
      if ((await fetch(`${base}/healthz`)).ok) break
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  return { child, startedInMs: performance.now() - started, stderr: () => stderr }
}

async function stopServer(server: Server) {
  if (server.child.exitCode !== null) return
  const exited = new Promise((resolve) => server.child.on('exit', resolve))
  server.child.kill('SIGTERM')
  await exited
}

async function signIn(email: string): Promise<string> {
  const response = await fetch(`${base}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email, password: 'rapport-demo' }),
    redirect: 'manual',
  })
  const cookie = response.headers.get('set-cookie')?.split(';')[0]
  if (response.status !== 302 || !cookie) throw new Error(`sign-in as ${email} failed: ${response.status}`)
  return cookie
}

/**
 * CPU time the server process has used (Linux), so a row can say what one request cost the server
 * whatever else the machine was doing. PGlite runs inside that process; PostgreSQL does not.
 */
function serverCpuMs(pid: number | undefined): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100 // utime + stime, in 1/100 s ticks
  } catch {
    return null
  }
}

function queriesOf(response: Response): string {
  const match = /db;desc="(\d+) queries"/.exec(response.headers.get('server-timing') ?? '')
  return match ? match[1] : '–'
}

/** Whether the page cache answered (`hit`), rendered and kept (`miss`), or was not asked (`–`). */
function cacheOf(response: Response): string {
  return /cache;desc="(\w+)"/.exec(response.headers.get('server-timing') ?? '')?.[1] ?? '–'
}

async function measure(route: BenchRoute, cookie: string, pid: number | undefined, duration: number): Promise<Omit<Row, 'ratio'>> {
  const headers: Record<string, string> = route.as === 'member' ? { cookie } : {}
  const probe = await fetch(`${base}${route.path}`, { headers, redirect: 'manual' })
  await probe.arrayBuffer()
  if (probe.status !== 200) return { route: route.path, rps: 0, p50: 0, p99: 0, queries: '–', cache: '–', cpu: '–', loadCpu: '–', note: `status ${probe.status}` }
  // Warm up (JIT, caches) before the measured run, then count the queries of a request in that
  // steady state (e.g. /reviews once the member holds a lease). fetch() sends its own user agent,
  // which autocannon does not: its first request is a page cache miss of its own, so ask twice.
  await autocannon({ url: `${base}${route.path}`, headers, connections: 10, amount: 200 })
  let steady = await fetch(`${base}${route.path}`, { headers, redirect: 'manual' })
  await steady.arrayBuffer()
  steady = await fetch(`${base}${route.path}`, { headers, redirect: 'manual' })
  await steady.arrayBuffer()
  const queries = queriesOf(steady)
  const cache = cacheOf(steady)
  const cpuBefore = serverCpuMs(pid)
  // autocannon runs in this process: its CPU shares the machine's two cores with the server's.
  const ownBefore = process.cpuUsage()
  const result = await autocannon({ url: `${base}${route.path}`, headers, connections, duration })
  const own = process.cpuUsage(ownBefore)
  const cpuAfter = serverCpuMs(pid)
  const cpu = cpuBefore !== null && cpuAfter !== null && result.requests.total ? ((cpuAfter - cpuBefore) / result.requests.total).toFixed(1) : '–'
  const failures = result.non2xx + result.errors + result.timeouts
  return {
    route: route.path,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    queries,
    cache,
    cpu,
    loadCpu: result.requests.total ? ((own.user + own.system) / 1000 / result.requests.total).toFixed(1) : '–',
    note: failures ? `${failures} failed` : '',
  }
}

async function benchRoutes(cookie: string, pid: number | undefined, routes = ROUTES, duration = seconds): Promise<Row[]> {
  const rows: Row[] = []
  for (const route of routes) {
    const row = await measure(route, cookie, pid, duration)
    const bare = rows[0]?.rps ?? row.rps
    rows.push({ ...row, ratio: bare ? (row.rps / bare).toFixed(2) : '–' })
    console.log(`  ${route.name}: ${Math.round(row.rps)}/s`)
  }
  return rows
}

function printTable(title: string, rows: Row[]) {
  console.log(`\n${title}`)
  const header = ['route', 'req/s', 'p50 ms', 'p99 ms', '× bare', 'queries', 'page cache', 'server CPU ms/req', 'autocannon CPU ms/req', '']
  const lines = rows.map((r) => [r.route, String(Math.round(r.rps)), String(r.p50), String(r.p99), r.ratio, r.queries, r.cache, r.cpu, r.loadCpu, r.note])
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)))
  const format = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
  console.log(format(header))
  for (const line of lines) console.log(format(line))
}

// ── review submissions through HTTP ───────────────────────────────────────────────────────────

const REVIEWERS = 50

async function benchReviewSubmissions(database: Database, pid: number | undefined) {
  const { cookies, reviewerIds, criteria } = await prepareReviews(database, { reviewers: REVIEWERS, replyCount: 4000 })
  // With the page's script (one POST per review, answered with the next reply), then without it
  // (GET /reviews, then POST the form): see review-http-client.ts.
  const flows = (process.env.BENCH_REVIEW_FLOWS ?? 'script,no-script').split(',') as ('script' | 'no-script')[]
  const warmUp = Number(process.env.BENCH_REVIEW_WARMUP ?? 3)
  for (const flow of flows) {
    if (warmUp > 0) {
      const until = performance.now() + warmUp * 1000
      await Promise.all(cookies.map((cookie) => runReviewer({ base, cookie, criteria, flow, until }, { acknowledged: 0, refused: 0, ranDry: false })))
    }
    const storedBefore = await storedReviews(database, reviewerIds)
    const tally: ReviewerTally = { acknowledged: 0, refused: 0, ranDry: false }
    const cpuBefore = serverCpuMs(pid)
    const ownBefore = process.cpuUsage()
    const started = performance.now()
    await Promise.all(cookies.map((cookie) => runReviewer({ base, cookie, criteria, flow, until: started + seconds * 1000 }, tally)))
    const elapsed = (performance.now() - started) / 1000
    const own = process.cpuUsage(ownBefore)
    const cpuAfter = serverCpuMs(pid)
    const stored = (await storedReviews(database, reviewerIds)) - storedBefore
    const cpu = cpuBefore !== null && cpuAfter !== null && tally.acknowledged ? ((cpuAfter - cpuBefore) / tally.acknowledged).toFixed(1) : '–'
    console.log(
      `\nreview submissions through HTTP (PostgreSQL, ${REVIEWERS} reviewers, ${flow === 'script' ? 'with the page’s script: one POST each' : 'without it: GET /reviews, POST the form'}): ` +
        `${(tally.acknowledged / elapsed).toFixed(0)}/s over ${elapsed.toFixed(1)} s; acknowledged ${tally.acknowledged}, stored ${stored}` +
        `${tally.acknowledged === stored ? ' (equal)' : ' (DIFFERENT)'}, refused ${tally.refused}; CPU per submission: server ${cpu} ms, ` +
        `this load generator ${tally.acknowledged ? ((own.user + own.system) / 1000 / tally.acknowledged).toFixed(1) : '–'} ms; load average ${os.loadavg()[0].toFixed(1)}`,
    )
  }
}

async function storedReviews(database: Database, reviewerIds: string[]) {
  const [row] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(reviews)
    .where(and(inArray(reviews.reviewerId, reviewerIds), eq(reviews.status, 'submitted')))
  return row.n
}

// ── drivers ───────────────────────────────────────────────────────────────────────────────────

async function runDriver(driver: string) {
  let env: Record<string, string>
  let dropDatabase = async () => {}
  if (driver === 'pglite') {
    const dir = path.join(artifacts, 'bench-pglite')
    fs.rmSync(dir, { recursive: true, force: true })
    fs.rmSync(`${dir}.lock`, { force: true })
    env = { PGLITE_DIR: dir }
  } else {
    const admin = new pg.Client({ connectionString: adminUrl })
    try {
      await admin.connect()
    } catch (error) {
      console.log(`\nPostgreSQL: skipped, ${adminUrl} is not reachable (${(error as Error).message})`)
      return
    }
    const name = `${process.env.BENCH_DB_PREFIX ?? ''}rapport_bench_${process.pid}`
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
    await admin.query(`CREATE DATABASE ${name}`)
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    env = { DATABASE_URL: url.toString() }
    dropDatabase = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  }
  try {
    console.log(`\n━━ ${driver}: first start (migrates and seeds the demo)…`)
    await stopServer(await startServer(env))
    const server = await startServer(env)
    console.log(`  start to answering /healthz on the existing database: ${Math.round(server.startedInMs)} ms`)
    // Figures from a busy machine are not comparable across runs: say how busy it was.
    console.log(`  machine: ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}`)
    try {
      const rows = reviewsOnly ? [] : await benchRoutes(await signIn('member@acme.test'), server.child.pid)
      if (!reviewsOnly) printTable(`${driver}: ${connections} connections, ${seconds} s per route, signed in as member@acme.test (static file, sign-in page and bare route: anonymous)`, rows)
      if (driver === 'postgres') {
        const database = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 2 })
        try {
          await benchReviewSubmissions(database, server.child.pid)
        } finally {
          await database.close()
        }
      }
    } finally {
      await stopServer(server)
    }
    if (renderedSeconds > 0 && !reviewsOnly) {
      const rendering = await startServer({ ...env, PAGE_CACHE_MS: '0' })
      try {
        const pages = ROUTES.filter((route) => route.as === 'member' || route === ROUTES[0])
        const rows = await benchRoutes(await signIn('member@acme.test'), rendering.child.pid, pages, renderedSeconds)
        printTable(`${driver}, page cache off (PAGE_CACHE_MS=0): every request rendered, ${renderedSeconds} s per route`, rows)
      } finally {
        await stopServer(rendering)
      }
    }
  } finally {
    await dropDatabase()
  }
}

build()
for (const driver of drivers) await runDriver(driver)
