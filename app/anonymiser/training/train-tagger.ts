/**
 * Trains the tagger on generated conversations (training/generate.ts, fixed seed) and writes the
 * averaged, pruned weights to app/anonymiser/tagger-weights.json.
 *
 *   npx tsx app/anonymiser/training/train-tagger.ts [--texts 30000] [--epochs 6]
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { masksFor } from '../entities'
import { detectPatterns } from '../patterns'
import { detectPhones } from '../phones'
import { PerceptronTrainer, tokenize, type Tag, type Token } from '../tagger'
import { generate, rng, type Generated } from './generate'

const SEED = 20261130
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name)
  return i >= 0 ? Number(process.argv[i + 1]) : fallback
}
const TEXTS = arg('--texts', 30000)
const EPOCHS = arg('--epochs', 6)
const MIN_WEIGHT = arg('--min-weight', 3)

/** Token tags from character spans: B- on the first token of a span, I- on the rest. */
export function goldTags(tokens: readonly Token[], example: Generated): Tag[] {
  return tokens.map((t) => {
    const span = example.spans.find((s) => t.start >= s.start && t.end <= s.end)
    if (!span) return 'O'
    const first = !tokens.some((o) => o.start >= span.start && o.end <= span.end && o.start < t.start)
    return `${first ? 'B' : 'I'}-${span.kind}` as Tag
  })
}

const examples = generate(TEXTS, SEED).map((e) => {
  const tokens = tokenize(e.text)
  // the same masks as in use: what the patterns recognise looks alike to the tagger
  const masks = masksFor(e.text, [...detectPatterns(e.text), ...detectPhones(e.text)])
  return { text: e.text, tokens, gold: goldTags(tokens, e), masks }
})
const trainer = new PerceptronTrainer()
const shuffle = rng(SEED + 1)
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  // a fresh order every epoch (Fisher–Yates with the seeded source)
  for (let i = examples.length - 1; i > 0; i--) {
    const j = Math.floor(shuffle() * (i + 1))
    ;[examples[i], examples[j]] = [examples[j], examples[i]]
  }
  let errors = 0
  let tokens = 0
  for (const e of examples) {
    errors += trainer.train(e.text, e.tokens, e.gold, e.masks)
    tokens += e.tokens.length
  }
  console.log(`epoch ${epoch}: ${errors} token errors in ${tokens} tokens`)
}
const weights = trainer.export(MIN_WEIGHT)
const outIndex = process.argv.indexOf('--out')
const file = outIndex >= 0 ? process.argv[outIndex + 1] : fileURLToPath(new URL('../tagger-weights.json', import.meta.url))
writeFileSync(file, JSON.stringify({ seed: SEED, texts: TEXTS, epochs: EPOCHS, features: weights }))
console.log(`${Object.keys(weights).length} features written to ${file}`)
