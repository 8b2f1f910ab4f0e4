// The two scale figures of drills, printed (nothing asserted):
// 1. creating a drill for a 2,000-person organization (10 teams): its 2,000 assignments are written
//    in the one transaction that creates it;
// 2. the /drills/<id> loader's domain call (drillTable) for a drill of 500 people, p50/p95.
// Needs a throwaway PostgreSQL database: it creates a fresh organization each run.
//
//   createdb -h 127.0.0.1 -U postgres rapport_drills_bench
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/rapport_drills_bench npx tsx test/bench/drills-bench.ts
import { fileURLToPath } from 'node:url'
import { openDatabase } from '#db/client.server'
import { migrateDatabase } from '#db/migrate.server'
import { memberships, organizations, teams, users } from '#db/schema'
import { cachedHash } from '#db/factories'
import { createDrill, drillTable } from '~/drills/drills.server'
import { wallClock } from '~/drills/schedule'

const url = process.env.DATABASE_URL
if (!url) {
  console.log('  skipped: set DATABASE_URL to a throwaway PostgreSQL database')
  process.exit(0)
}
process.env.CONTENT_DIR ??= fileURLToPath(new URL('../../content', import.meta.url))

const PEOPLE = 2000
const TEAMS = 10
const RUNS = 100

const database = await openDatabase({ databaseUrl: url, poolSize: 4 })
await migrateDatabase(database)
const db = database.db
const tag = Date.now().toString(36)
const [org] = await db.insert(organizations).values({ name: `Drills bench ${tag}`, slug: `drills-bench-${tag}` }).returning()
const teamRows = await db
  .insert(teams)
  .values(Array.from({ length: TEAMS }, (_, i) => ({ organizationId: org.id, name: `Team ${i + 1}`, slug: `team-${i + 1}` })))
  .returning()
const passwordHash = await cachedHash('bench-password')
const people = await db
  .insert(users)
  .values(Array.from({ length: PEOPLE }, (_, i) => ({ organizationId: org.id, email: `p${i}-${tag}@bench.test`, name: `Person ${i}`, passwordHash })))
  .returning({ id: users.id })
await db.insert(memberships).values(people.map((p, i) => ({ organizationId: org.id, userId: p.id, teamId: teamRows[i % TEAMS].id })))
const [admin] = await db.insert(users).values({ organizationId: org.id, email: `admin-${tag}@bench.test`, name: 'Bench Admin', passwordHash, role: 'admin' }).returning()

const now = new Date()
const opens = wallClock(now, 'UTC')
const due = wallClock(new Date(now.getTime() + 7 * 24 * 3600e3), 'UTC')
const input = (teamIds: string[]) => ({
  title: 'Bench drill',
  steps: ['scenario:late-delivery-gift', 'scenario:refund-delayed-calm'],
  teamIds,
  opensDate: opens.date,
  opensTime: opens.time,
  dueDate: due.date,
  dueTime: due.time,
})

console.log(`  PostgreSQL, ${PEOPLE} people in ${TEAMS} teams`)
// Warm the scenario library and the connection pool once.
await createDrill(db, admin, input([teamRows[0].id]), now)
const started = performance.now()
const big = await createDrill(db, admin, input(teamRows.map((t) => t.id)), now)
const took = performance.now() - started
if (!big.ok) throw new Error(JSON.stringify(big.errors))
console.log(`  createDrill for all ${PEOPLE} people (one transaction, assignments + notifications): ${took.toFixed(0)} ms`)

// Two teams (400) and 100 named people from a third: 500.
const named = people.filter((_, i) => i % TEAMS === 2).slice(0, 100).map((p) => p.id)
const halfOf = await createDrill(db, admin, { ...input(teamRows.slice(0, 2).map((t) => t.id)), personIds: named }, now)
if (!halfOf.ok) throw new Error(JSON.stringify(halfOf.errors))
const times: number[] = []
for (let i = 0; i < RUNS + 10; i++) {
  const t0 = performance.now()
  const table = await drillTable(db, admin, halfOf.value.id, { now })
  if (i >= 10) times.push(performance.now() - t0)
  if (i === 0) console.log(`  drill of ${table.rows.length} people, ${table.steps.length} steps`)
}
times.sort((a, b) => a - b)
const pct = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]
console.log(`  drillTable (/drills/<id>, admin): p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms (${RUNS} runs)`)
await database.close()
