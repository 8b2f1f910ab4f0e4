// Start-up benchmark: `npm start`'s compiled server on an existing PGlite database (the demo,
// seeded by a first start that is not counted), started START_RUNS times (default 7). Prints per
// run and as medians: start-to-listening (the `listening` log line's startMs, from the process
// start), start-to-first-/healthz 200 (measured here, from the spawn), the process's CPU time (all
// threads) at listening (logged) and at the first /healthz (read here), the `startPhases` of the log
// line, and the load average before and after. Asserts nothing. Other work on a busy machine
// stretches the wall times; the CPU times much less.
//
//   npx tsx test/bench/start-bench.ts
//   BENCH_PORT=4790 START_RUNS=9 START_BUILD_DIR=build npx tsx test/bench/start-bench.ts
//   START_COMPARE_DIR=/tmp/rapport-main npx tsx test/bench/start-bench.ts
//
// START_COMPARE_DIR: another checkout, built there (`npm run build`, into its build/). Its server is
// started too, alternately with this one, each on its own database, and both are summed up: a
// change compared under the same load.
//
// Builds into test/.artifacts/start-bench-build unless START_BUILD_DIR names an existing build
// (START_SKIP_BUILD=1 reuses the last one). PGLITE only, 127.0.0.1 only.
import { spawn, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { processCpuMs } from './process-cpu'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const buildDir = path.resolve(root, process.env.START_BUILD_DIR ?? 'test/.artifacts/start-bench-build')
const port = Number(process.env.BENCH_PORT ?? 4570)
const runs = Number(process.env.START_RUNS ?? 7)
const compareDir = process.env.START_COMPARE_DIR ? path.resolve(process.env.START_COMPARE_DIR) : undefined

if (!process.env.START_BUILD_DIR && !process.env.START_SKIP_BUILD) {
  console.log('building the production server…')
  const built = spawnSync('npm', ['run', '-s', 'build'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', RAPPORT_BUILD_DIR: buildDir },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (built.status !== 0) throw new Error('build failed')
}

type Run = { listeningMs: number; healthzMs: number; listeningCpuMs: number; healthzCpuMs: number; phases: Record<string, number> }
type Server = { label: string; appDir: string; buildDir: string; dataDir: string; runs: Run[] }

async function start({ appDir, buildDir, dataDir }: Server): Promise<Run> {
  const spawnedAt = performance.now()
  const child = spawn(process.execPath, [path.join(buildDir, 'server.js')], {
    cwd: appDir,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      PGLITE_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'info',
      RAPPORT_BUILD_DIR: buildDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  let healthzMs = 0
  let healthzCpuMs = NaN
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`)
    try {
      if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) {
        healthzMs = performance.now() - spawnedAt
        healthzCpuMs = processCpuMs(child.pid)
        break
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  // The log line may come a moment after the first answer.
  for (let i = 0; i < 200 && !/"msg":"listening"/.test(output); i++) await new Promise((resolve) => setTimeout(resolve, 10))
  const line = output.split('\n').find((l) => l.includes('"msg":"listening"'))
  const logged = line ? (JSON.parse(line) as { startMs: number; cpuMs?: number; startPhases: Record<string, number> }) : { startMs: NaN, startPhases: {} }
  const exited = new Promise((resolve) => child.on('exit', resolve))
  child.kill('SIGTERM')
  await exited
  return { listeningMs: logged.startMs, healthzMs, listeningCpuMs: logged.cpuMs ?? NaN, healthzCpuMs, phases: logged.startPhases }
}

const median = (values: number[]) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : NaN
}
const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ')

const servers: Server[] = [
  { label: 'this checkout', appDir: root, buildDir, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-start-bench-')), runs: [] },
  ...(compareDir ? [{ label: compareDir, appDir: compareDir, buildDir: path.join(compareDir, 'build'), dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-start-bench-')), runs: [] }] : []),
]
try {
  console.log('first start: creating and seeding the database (not counted)…')
  for (const server of servers) await start(server)
  const loadBefore = load()
  for (let i = 0; i < runs; i++) {
    for (const server of servers) {
      const run = await start(server)
      server.runs.push(run)
      const label = servers.length > 1 ? `${server.label}, ` : ''
      console.log(
        `  ${label}run ${i + 1}: listening ${run.listeningMs} ms (CPU ${run.listeningCpuMs} ms), first /healthz ${Math.round(run.healthzMs)} ms (CPU ${run.healthzCpuMs} ms)  ${JSON.stringify(run.phases)}`,
      )
    }
  }
  for (const { label, runs: results } of servers) {
    const phaseNames = [...new Set(results.flatMap((r) => Object.keys(r.phases)))]
    const phases = Object.fromEntries(phaseNames.map((name) => [name, median(results.map((r) => r.phases[name]))]))
    console.log(`\nPGlite, existing database, ${runs} starts (medians)${servers.length > 1 ? `: ${label}` : ''}:`)
    console.log(`  start to listening       ${median(results.map((r) => r.listeningMs))} ms, CPU ${median(results.map((r) => r.listeningCpuMs))} ms`)
    console.log(`  start to first /healthz  ${Math.round(median(results.map((r) => r.healthzMs)))} ms, CPU ${median(results.map((r) => r.healthzCpuMs))} ms`)
    console.log(`  phases (ms from process start)  ${JSON.stringify(phases)}`)
  }
  console.log(`  load average (1, 5, 15 min) before ${loadBefore}, after ${load()}; ${os.cpus().length} CPUs`)
} finally {
  for (const server of servers) fs.rmSync(server.dataDir, { recursive: true, force: true })
}
