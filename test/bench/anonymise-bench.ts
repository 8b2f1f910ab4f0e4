/**
 * How fast the anonymiser is: the time of a 10,000-word transcript in one thread, and MB/s of
 * JSON Lines through the bundled command line (worker threads), plus how soon the CLI is ready.
 * Two transcripts, alternating "Customer:" and "Agent:" lines, numbers varied so no two lines are
 * identical:
 *   dense   — the labelled messages (personal data in almost every line: the worst case);
 *   typical — the ABCD sample conversations (personal data in a few lines, like real chats).
 * Prints milliseconds; asserts nothing.
 *
 *   npx tsx test/bench/anonymise-bench.ts [words]
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { fileURLToPath } from 'node:url'
import { anonymise, detect } from '../../app/anonymiser'

const targetWords = Number(process.argv[2] ?? 10_000)
const root = fileURLToPath(new URL('../..', import.meta.url))
const labelled = readFileSync(`${root}test/fixtures/anonymiser/labelled.jsonl`, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text.replace(/\n+/g, ' '))
const abcdFile = `${root}../shared/data/abcd_sample.json`
const abcd = existsSync(abcdFile)
  ? (JSON.parse(readFileSync(abcdFile, 'utf8')) as Array<{ original: Array<[string, string]> }>).flatMap((c) => c.original.map(([, text]) => text))
  : labelled

function buildTranscript(messages: readonly string[], words: number): string {
  const lines: string[] = []
  let count = 0
  for (let i = 0; count < words; i++) {
    const message = messages[(i * 7) % messages.length].replace(/\d/g, (d) => String((Number(d) + i) % 10))
    lines.push(`${i % 2 === 0 ? 'Customer' : 'Agent'}: ${message}`)
    count += message.split(/\s+/).length + 1
  }
  return lines.join('\n')
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now()
  const result = fn()
  return [result, performance.now() - start]
}

function bench(name: string, transcript: string): void {
  const words = transcript.split(/\s+/).length
  const runs: number[] = []
  let spans = 0
  for (let i = 0; i < 5; i++) {
    const [found, ms] = time(() => detect(transcript))
    spans = found.length
    runs.push(ms)
  }
  const [, anonymiseMs] = time(() => anonymise(transcript))
  runs.sort((a, b) => a - b)
  console.log(`${name}: ${words} words, ${transcript.length} characters, ${spans} spans`)
  console.log(`  detect, median of 5 runs: ${runs[2].toFixed(0)} ms (min ${runs[0].toFixed(0)}, max ${runs[4].toFixed(0)})`)
  console.log(`  anonymise (detect + replace): ${anonymiseMs.toFixed(0)} ms`)
}

const dense = buildTranscript(labelled, targetWords)
const typical = buildTranscript(abcd, targetWords)
const [, coldMs] = time(() => detect(typical))
console.log(`first call (loads gazetteers and weights): ${coldMs.toFixed(0)} ms`)
bench('typical transcript', typical)
bench('dense transcript', dense)

// ---- the command line, bundled (npm run build:anonymiser), on about 5 MB of JSON Lines
spawnSync(process.execPath, ['app/anonymiser/build.mjs'], { cwd: root, stdio: 'ignore' })
const dir = mkdtempSync(`${tmpdir()}/anonymiser-bench-`)
function jsonl(messages: readonly string[], bytes: number): string {
  const lines: string[] = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const text = buildTranscript(messages.slice((i * 11) % messages.length).concat(messages), 200)
    const line = JSON.stringify({ id: i, text })
    lines.push(line)
    size += line.length + 1
  }
  return lines.join('\n') + '\n'
}
function cli(name: string, input: string): void {
  const file = `${dir}/${name}.jsonl`
  writeFileSync(file, input)
  const started = performance.now()
  const result = spawnSync('bash', ['-c', `node build/anonymiser/cli.js --jsonl < "${file}" > /dev/null`], { cwd: root })
  const seconds = (performance.now() - started) / 1000
  const mb = Buffer.byteLength(input) / 1e6
  console.log(`CLI, ${name}: ${mb.toFixed(1)} MB in ${seconds.toFixed(1)} s = ${(mb / seconds).toFixed(2)} MB/s (exit ${result.status})`)
}
const ready = performance.now()
spawnSync('bash', ['-c', 'echo \'{"id":1,"text":"hi"}\' | node build/anonymiser/cli.js --jsonl > /dev/null'], { cwd: root })
console.log(`CLI ready and done with one line: ${(performance.now() - ready).toFixed(0)} ms`)
cli('typical conversations', jsonl(abcd, 5e6))
cli('dense conversations', jsonl(labelled, 5e6))
