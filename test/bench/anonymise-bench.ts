/**
 * How fast the anonymiser is:
 *   - a 10,000-word transcript anonymised in one thread (the time an import waits for);
 *   - the engine's own throughput in one thread (MB/s of JSON Lines, no workers);
 *   - the bundled command line: how soon it answers one line, and MB/s on about 5 MB of JSON Lines
 *     (worker threads, one per core).
 * Two kinds of text (anonymise-inputs.ts): dense (personal data in almost every line) and typical.
 * Prints figures with the load average; asserts nothing. The CLI inherits this process's priority:
 * under `nice` on a busy machine its wall time mostly measures the other work, its CPU-seconds do not.
 *
 *   npx tsx test/bench/anonymise-bench.ts [words] [MB]
 *   (the ABCD sample is read from SHARED_DATA_DIR, default ../shared/data)
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { anonymise, detect } from '../../app/anonymiser'
import { anonymiseJsonlBatch } from '../../app/anonymiser/jsonl'
import { abcdMessages, buildTranscript, jsonl, labelledMessages } from './anonymise-inputs'

const targetWords = Number(process.argv[2] ?? 10_000)
const cliMegabytes = Number(process.argv[3] ?? 5)
const root = fileURLToPath(new URL('../..', import.meta.url))
const sharedData = process.env.SHARED_DATA_DIR ?? `${root}../shared/data`
const labelled = labelledMessages(root)
const abcd = abcdMessages(sharedData)
if (!abcd) console.log(`(no ABCD sample at ${sharedData}/abcd_sample.json: "typical" uses the labelled messages too; set SHARED_DATA_DIR)`)
const kinds: Array<[string, readonly string[]]> = [
  ['typical', abcd ?? labelled],
  ['dense', labelled],
]

function time<T>(fn: () => T): [T, number] {
  const start = performance.now()
  const result = fn()
  return [result, performance.now() - start]
}

/** The machine's one-minute load average: wall times on a shared machine mean little without it. */
const load = () => `load ${loadavg()[0].toFixed(1)}`

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

function benchTranscript(name: string, transcript: string): void {
  const words = transcript.split(/\s+/).length
  const detectRuns: number[] = []
  const anonymiseRuns: number[] = []
  let spans = 0
  for (let i = 0; i < 5; i++) {
    detectRuns.push(time(() => detect(transcript))[1])
    const [result, ms] = time(() => anonymise(transcript))
    anonymiseRuns.push(ms)
    spans = result.spans.length
  }
  console.log(`${name} transcript: ${words} words, ${transcript.length} characters, ${spans} spans`)
  console.log(`  anonymise, median of 5: ${median(anonymiseRuns).toFixed(0)} ms (min ${Math.min(...anonymiseRuns).toFixed(0)}, max ${Math.max(...anonymiseRuns).toFixed(0)})`)
  console.log(`  of which detect alone, median of 5: ${median(detectRuns).toFixed(0)} ms`)
}

const [, coldMs] = time(() => detect(buildTranscript(kinds[0][1], 200)))
console.log(`first call in this process (loads gazetteers and weights): ${coldMs.toFixed(0)} ms (${load()})`)
for (const [name, messages] of kinds) benchTranscript(name, buildTranscript(messages, targetWords))

// ---- the engine alone, one thread, on 1 MB of the same JSON Lines the CLI gets
for (const [name, messages] of kinds) {
  const input = jsonl(messages, 1e6)
  const cpuBefore = process.cpuUsage()
  const [, ms] = time(() => anonymiseJsonlBatch({ lines: input.split('\n').filter(Boolean), agentNames: [] }))
  const cpuUsed = process.cpuUsage(cpuBefore)
  const cpu = (cpuUsed.user + cpuUsed.system) / 1e6
  const mb = Buffer.byteLength(input) / 1e6
  console.log(`engine, one thread, ${name}: ${mb.toFixed(1)} MB in ${(ms / 1000).toFixed(1)} s = ${(mb / (ms / 1000)).toFixed(2)} MB/s (${cpu.toFixed(1)} CPU-seconds, ${(mb / cpu).toFixed(2)} MB per CPU-second; ${load()})`)
}

// ---- the command line, bundled (npm run build:anonymiser)
spawnSync(process.execPath, ['app/anonymiser/build.mjs'], { cwd: root, stdio: 'ignore' })
const dir = mkdtempSync(`${tmpdir()}/anonymiser-bench-`)
try {
  const readyRuns: number[] = []
  for (let i = 0; i < 5; i++) {
    const started = performance.now()
    spawnSync('bash', ['-c', 'echo \'{"id":1,"text":"Hi, I am Dana Whitfield."}\' | node build/anonymiser/cli.js --jsonl > /dev/null'], { cwd: root })
    readyRuns.push(performance.now() - started)
  }
  console.log(`CLI, one line in and out (start to exit), median of 5: ${median(readyRuns).toFixed(0)} ms (max ${Math.max(...readyRuns).toFixed(0)})`)
  for (const [name, messages] of kinds) {
    const input = jsonl(messages, cliMegabytes * 1e6)
    const file = `${dir}/${name}.jsonl`
    writeFileSync(file, input)
    const loadBefore = load()
    const started = performance.now()
    // bash's `time` adds the CPU the CLI used (all its threads): on a shared machine the wall time
    // also measures everyone else, the CPU time only this work
    const result = spawnSync('bash', ['-c', `TIMEFORMAT='%U %S'; time node build/anonymiser/cli.js --jsonl < "${file}" > /dev/null`], { cwd: root, encoding: 'utf8' })
    const seconds = (performance.now() - started) / 1000
    const cpu = result.stderr.trim().split('\n').at(-1)?.split(' ').map(Number).reduce((a, b) => a + b, 0) ?? NaN
    const mb = Buffer.byteLength(input) / 1e6
    console.log(`CLI, ${name}: ${mb.toFixed(1)} MB in ${seconds.toFixed(1)} s = ${(mb / seconds).toFixed(2)} MB/s (exit ${result.status}; ${cpu.toFixed(1)} CPU-seconds, ${(mb / cpu).toFixed(2)} MB per CPU-second; ${loadBefore} before)`)
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
