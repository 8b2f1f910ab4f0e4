/**
 * How long detection takes on a 10,000-word transcript (target: well under a second).
 * The transcript is built from the labelled messages, alternating "Customer:" and "Agent:" lines,
 * with numbers varied so that no two lines are identical. Prints milliseconds; asserts nothing.
 *
 *   npx tsx test/bench/anonymise-bench.ts [words]
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { anonymise, detect } from '../../app/scenarios/anonymise'

const targetWords = Number(process.argv[2] ?? 10_000)
const root = fileURLToPath(new URL('../..', import.meta.url))
const messages = readFileSync(`${root}test/fixtures/anonymiser/labelled.jsonl`, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text.replace(/\n+/g, ' '))

function buildTranscript(words: number): string {
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

const transcript = buildTranscript(targetWords)
const words = transcript.split(/\s+/).length

const [, coldMs] = time(() => detect(transcript))
const runs: number[] = []
let spans = 0
for (let i = 0; i < 5; i++) {
  const [found, ms] = time(() => detect(transcript))
  spans = found.length
  runs.push(ms)
}
const [, anonymiseMs] = time(() => anonymise(transcript))
runs.sort((a, b) => a - b)

console.log(`transcript: ${words} words, ${transcript.length} characters, ${spans} spans found`)
console.log(`detect, first call (loads the NLP lexicon): ${coldMs.toFixed(0)} ms`)
console.log(`detect, median of 5 warm runs:             ${runs[2].toFixed(0)} ms (min ${runs[0].toFixed(0)}, max ${runs[4].toFixed(0)})`)
console.log(`anonymise (detect + replace):              ${anonymiseMs.toFixed(0)} ms`)
