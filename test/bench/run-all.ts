// `npm run bench`: runs every benchmark in test/bench (files named *-bench.ts) one after another and
// lets each print its own figures. Benchmarks that need PostgreSQL say so and are skipped without it.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const benches = readdirSync(here).filter((file) => file.endsWith('-bench.ts')).sort()
const needsPostgres = new Set(['insights-bench.ts', 'drills-bench.ts'])
let failed = 0
for (const file of benches) {
  console.log(`\n━━ ${file}`)
  if (needsPostgres.has(file) && !process.env.DATABASE_URL) {
    console.log('  skipped: set DATABASE_URL to a throwaway PostgreSQL database (e.g. postgres://postgres@127.0.0.1:5432/rapport_scale)')
    continue
  }
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file)], { stdio: 'inherit', env: process.env })
  if (result.status !== 0) failed++
}
process.exit(failed ? 1 : 0)
