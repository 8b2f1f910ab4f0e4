/**
 * Precision and recall of the anonymiser, per label, on
 *   1. our labelled set (test/fixtures/anonymiser/labelled.jsonl), and
 *   2. the ABCD sample with labelled PII spans (../shared/data/abcd_sample_pii_spans.json), scored
 *      per turn (each turn on its own, like a one-message import) and per conversation (all turns
 *      as one transcript with "agent:"/"customer:" prefixes).
 * A labelled span counts as found when any predicted span of the same label overlaps it; a
 * predicted span is correct when it overlaps a labelled span of the same label.
 *
 *   npm run -s eval:anonymiser            figures only
 *   npm run -s eval:anonymiser -- -v      also lists every miss and false positive
 *   npm run -s eval:anonymiser -- --batches   also scores each batch of the labelled set (m: first, h: held-out check)
 *   npm run -s eval:anonymiser -- --only=va,vb   scores only those batches together (with -v: their misses only)
 */
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { detect } from '../../app/anonymiser'
import { PII_LABELS, type PiiLabel, type Span } from '../../app/anonymiser/types'

interface Example {
  id: string
  text: string
  spans: Span[]
}

const root = fileURLToPath(new URL('../..', import.meta.url))
const verbose = process.argv.includes('-v') || process.argv.includes('--verbose')

const ABCD_LABELS: Record<string, PiiLabel> = {
  PERSON: 'name',
  USERNAME: 'username',
  EMAIL_ADDRESS: 'email',
  ORDER_ID: 'account_number',
  ACCOUNT_ID: 'account_number',
  PHONE_NUMBER: 'phone',
  STREET_ADDRESS: 'address',
  ADDRESS: 'address',
  ZIP_CODE: 'postcode',
  CITY: 'place',
  LOCATION: 'place',
  CREDIT_CARD: 'card_number',
  IP_ADDRESS: 'ip_address',
  URL: 'url',
  DATE_OF_BIRTH: 'date_of_birth',
  ORGANIZATION: 'organization',
}

interface AbcdTurn {
  speaker: string
  text: string
  spans: Array<{ start: number; end: number; label: string }>
}

function loadLabelled(): Example[] {
  const file = `${root}test/fixtures/anonymiser/labelled.jsonl`
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Example)
}

function mapAbcdSpans(turn: AbcdTurn, offset: number): Span[] {
  return turn.spans.map((s) => {
    const label = ABCD_LABELS[s.label]
    if (!label) throw new Error(`unmapped ABCD label ${s.label}`)
    return { start: s.start + offset, end: s.end + offset, label }
  })
}

function loadAbcd(): { turns: Example[]; conversations: Example[] } {
  const file = `${root}../shared/data/abcd_sample_pii_spans.json`
  if (!existsSync(file)) return { turns: [], conversations: [] }
  const data = JSON.parse(readFileSync(file, 'utf8')) as Array<{ convo_id: number; turns: AbcdTurn[] }>
  const turns: Example[] = []
  const conversations: Example[] = []
  for (const convo of data) {
    let text = ''
    const spans: Span[] = []
    convo.turns.forEach((turn, i) => {
      turns.push({ id: `${convo.convo_id}#${i}`, text: turn.text, spans: mapAbcdSpans(turn, 0) })
      const prefix = `${turn.speaker}: `
      spans.push(...mapAbcdSpans(turn, text.length + prefix.length))
      text += `${prefix}${turn.text}\n`
    })
    conversations.push({ id: String(convo.convo_id), text, spans })
  }
  return { turns, conversations }
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end

interface Tally {
  gold: number
  found: number
  predicted: number
  correct: number
}

function evaluate(name: string, examples: Example[]): void {
  const tallies = new Map<PiiLabel, Tally>(PII_LABELS.map((l) => [l, { gold: 0, found: 0, predicted: 0, correct: 0 }]))
  let anyFound = 0
  let anyGold = 0
  const problems: string[] = []
  const started = performance.now()
  for (const ex of examples) {
    const predicted = detect(ex.text)
    for (const g of ex.spans) {
      const t = tallies.get(g.label) as Tally
      t.gold++
      anyGold++
      if (predicted.some((p) => overlaps(p, g))) anyFound++
      if (predicted.some((p) => p.label === g.label && overlaps(p, g))) t.found++
      else {
        const other = predicted.find((p) => overlaps(p, g))
        problems.push(`MISS ${ex.id} ${g.label} ${JSON.stringify(ex.text.slice(g.start, g.end))}${other ? ` (found as ${other.label})` : ''}`)
      }
    }
    for (const p of predicted) {
      const t = tallies.get(p.label) as Tally
      t.predicted++
      if (ex.spans.some((g) => g.label === p.label && overlaps(p, g))) t.correct++
      else problems.push(`FP   ${ex.id} ${p.label} ${JSON.stringify(ex.text.slice(p.start, p.end))}`)
    }
  }
  const ms = performance.now() - started
  const fmt = (n: number, d: number) => (d === 0 ? '   – ' : (n / d).toFixed(2).padStart(5))
  console.log(`\n${name} — ${examples.length} texts, ${anyGold} labelled spans, ${ms.toFixed(0)} ms`)
  console.log(`  ${'label'.padEnd(15)} ${'prec'.padStart(5)} ${'recall'.padStart(6)}   gold  pred`)
  let sumGold = 0
  let sumFound = 0
  let sumPred = 0
  let sumCorrect = 0
  for (const [label, t] of tallies) {
    if (t.gold === 0 && t.predicted === 0) continue
    console.log(`  ${label.padEnd(15)} ${fmt(t.correct, t.predicted)} ${fmt(t.found, t.gold).padStart(6)}   ${String(t.gold).padStart(4)}  ${String(t.predicted).padStart(4)}`)
    sumGold += t.gold
    sumFound += t.found
    sumPred += t.predicted
    sumCorrect += t.correct
  }
  console.log(`  ${'ALL (micro)'.padEnd(15)} ${fmt(sumCorrect, sumPred)} ${fmt(sumFound, sumGold).padStart(6)}   ${String(sumGold).padStart(4)}  ${String(sumPred).padStart(4)}`)
  console.log(`  any-label recall (replaced at all, whatever the label): ${fmt(anyFound, anyGold).trim()}`)
  if (verbose) for (const p of problems) console.log(`    ${p}`)
}

const batchOf = (id: string) => id.replace(/\d+$/, '')
const labelled = loadLabelled()
const only = process.argv.find((a) => a.startsWith('--only='))
if (only) {
  const prefixes = new Set(only.slice('--only='.length).split(',').filter(Boolean))
  evaluate(`Labelled set, batches ${[...prefixes].join(' + ')}`, labelled.filter((e) => prefixes.has(batchOf(e.id))))
  process.exit(0)
}
evaluate('Labelled set (test/fixtures/anonymiser/labelled.jsonl), all', labelled)
if (process.argv.includes('--batches')) {
  for (const prefix of [...new Set(labelled.map((e) => batchOf(e.id)))]) {
    evaluate(`Labelled set, batch "${prefix}"`, labelled.filter((e) => batchOf(e.id) === prefix))
  }
}
const abcd = loadAbcd()
if (abcd.turns.length > 0) {
  evaluate('ABCD sample, per turn', abcd.turns)
  evaluate('ABCD sample, per conversation', abcd.conversations)
} else {
  console.log('\n(ABCD sample not found at ../shared/data — skipped)')
}
