/**
 * Precision and recall of the anonymiser, per label, on every labelled set, each marked as TUNED
 * (its misses were looked at while building the tagger and detectors: figures flatter) or HELD OUT
 * (labelled by hand before the anonymiser first ran on it, never looked at for tuning):
 *   tuned     test/fixtures/anonymiser/labelled.jsonl          the first labelled set (775 texts)
 *   tuned     test/fixtures/anonymiser/dev-international.jsonl the international development set (issue 12)
 *   held out  ABCD sample with its own PII spans (../shared/data/abcd_sample_pii_spans.json)
 *   held out  the seed essays (../shared/seeds), gold in test/fixtures/anonymiser/holdout-essays.gold.json
 *   held out  TweetSumm summaries 61–110, gold in test/fixtures/anonymiser/holdout-tweetsumm.gold.json
 *   development (unlabelled) the summaries of TweetSumm conversations 1–60 (every annotator's), a
 *             split fixed before the anonymiser first ran on them: they carry almost no personal
 *             data, so what is found there is mostly false positives (listed with -v); their
 *             dialogues' conversations 61–110 stay held out
 *   external  an optional CoNLL-2003 file (--conll PATH, kept outside the repository), scored for
 *             person, organisation and place only; never tuned on
 *   external  any labelled JSON Lines file kept outside the repository (--external PATH, may be
 *             repeated): {"id","text","spans":[{"start","end","label"}]} with this anonymiser's
 *             labels; only the labels that occur in the file are scored; spans labelled "neutral"
 *             (a corpus's MISC) count neither way. Add --tuned-external when
 *             its misses were looked at (then -v lists them too)
 * A labelled span counts as found when a predicted span of the same label overlaps it; a predicted
 * span is correct when it overlaps a labelled span of the same label.
 *
 *   npm run -s eval:anonymiser            figures only
 *   npm run -s eval:anonymiser -- --dev   only the tuned sets (for working on the anonymiser)
 *   npm run -s eval:anonymiser -- --margins 2,3,1   other opening margins for person, organisation,
 *                                         place (tagger.ts OPEN_MARGIN; choose them with --dev only)
 *   npm run -s eval:anonymiser -- -v      also lists misses and false positives of the TUNED sets
 *                                         (held-out sets never print theirs: nobody tunes on them)
 *   npm run -s eval:anonymiser -- --dump FILE   also writes every text scored as {"id","text"} JSON
 *                                         Lines (input for the CLI, to check that a speed change
 *                                         leaves the output byte-identical)
 */
import { appendFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { detect } from '../../app/anonymiser'
import { setOpenMargins } from '../../app/anonymiser/entities'
import { OPEN_MARGIN } from '../../app/anonymiser/tagger'
import { PII_LABELS, type PiiLabel, type Span } from '../../app/anonymiser/types'

interface Example {
  id: string
  text: string
  spans: Span[]
}

const root = fileURLToPath(new URL('../..', import.meta.url))
/** The shared data and seed essays beside the checkout (override with ANONYMISER_SHARED_DIR). */
const shared = process.env.ANONYMISER_SHARED_DIR ?? `${root}../shared`
const verbose = process.argv.includes('-v') || process.argv.includes('--verbose')
const marginsIndex = process.argv.indexOf('--margins')
if (marginsIndex >= 0) {
  const [per, org, loc] = process.argv[marginsIndex + 1].split(',').map(Number)
  setOpenMargins({ ...OPEN_MARGIN, 'B-PER': per, 'B-ORG': org, 'B-LOC': loc })
}

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

function mapAbcdSpans(turn: AbcdTurn, offset: number): Span[] {
  return turn.spans.map((s) => {
    const label = ABCD_LABELS[s.label]
    if (!label) throw new Error(`unmapped ABCD label ${s.label}`)
    return { start: s.start + offset, end: s.end + offset, label }
  })
}

function loadAbcd(): { turns: Example[]; conversations: Example[] } {
  const file = `${shared}/data/abcd_sample_pii_spans.json`
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

interface Scope {
  /** only these labels are scored (an external corpus labels fewer kinds) */
  labels?: ReadonlySet<PiiLabel>
  /** predictions overlapping these are neither right nor wrong (CoNLL's MISC) */
  neutral?: (ex: Example) => Span[]
  kind?: 'TUNED   ' | 'HELD OUT' | 'DEV     ' | 'EXTERNAL' | 'TUNED EXTERNAL'
}

const dumpIndex = process.argv.indexOf('--dump')
const dumpFile = dumpIndex >= 0 ? process.argv[dumpIndex + 1] : null
if (dumpFile) writeFileSync(dumpFile, '')

function evaluate(name: string, examples: Example[], tuned: boolean, scope: Scope = {}): void {
  if (dumpFile) appendFileSync(dumpFile, examples.map((ex, i) => JSON.stringify({ id: `${name} #${i}`, text: ex.text }) + '\n').join(''))
  const tallies = new Map<PiiLabel, Tally>(PII_LABELS.map((l) => [l, { gold: 0, found: 0, predicted: 0, correct: 0 }]))
  // sets labelled before dates were a kind of their own hold no date spans: their dates are not scored
  const datesLabelled = examples.some((ex) => ex.spans.some((s) => s.label === 'date'))
  let unscoredDates = 0
  let anyFound = 0
  let anyGold = 0
  const problems: string[] = []
  const started = performance.now()
  for (const ex of examples) {
    const neutral = scope.neutral?.(ex) ?? []
    const all = detect(ex.text)
    const predicted = all.filter((p) => (!scope.labels || scope.labels.has(p.label)) && !neutral.some((n) => overlaps(n, p)) && (datesLabelled || p.label !== 'date'))
    unscoredDates += all.length - predicted.length
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
  console.log(`\n${scope.kind ?? (tuned ? 'TUNED   ' : 'HELD OUT')} ${name} — ${examples.length} texts, ${anyGold} labelled spans, ${ms.toFixed(0)} ms`)
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
  if (!datesLabelled && !scope.labels) console.log(`  dates found, not scored (this set does not label dates): ${unscoredDates}`)
  if (verbose && tuned) for (const p of problems) console.log(`    ${p}`)
}

type GoldValues = Array<[PiiLabel, string]>

/** Every whole-word occurrence of each value is gold, except inside a longer gold value. */
function spansOfValues(text: string, values: GoldValues): Span[] {
  const spans: Span[] = []
  const sorted = [...values].sort((a, b) => b[1].length - a[1].length)
  for (const [label, value] of sorted) {
    const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))) {
      const span = { start: m.index, end: m.index + m[0].length, label }
      if (!spans.some((s) => s.start <= span.start && span.end <= s.end)) spans.push(span)
    }
  }
  return spans
}

function loadEssays(): Example[] {
  const gold = JSON.parse(readFileSync(`${root}test/fixtures/anonymiser/holdout-essays.gold.json`, 'utf8')) as { paragraphs: Record<string, GoldValues> }
  const dir = `${shared}/seeds`
  if (!existsSync(dir)) return []
  const examples: Example[] = []
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const raw = readFileSync(`${dir}/${file}`, 'utf8')
    const body = raw.startsWith('---') ? raw.split('\n---\n').slice(1).join('\n---\n') : raw
    const paragraphs = body
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p && p !== '---' && p !== '<br>' && p.length > 30)
    paragraphs.forEach((text, i) => {
      const id = `${file.slice(0, 3)}-${i}`
      examples.push({ id, text, spans: spansOfValues(text, gold.paragraphs[id] ?? []) })
    })
  }
  return examples
}

function loadTweetsumm(): Example[] {
  const gold = JSON.parse(readFileSync(`${root}test/fixtures/anonymiser/holdout-tweetsumm.gold.json`, 'utf8')) as { from: number; count: number; summaries: Record<string, GoldValues> }
  const file = `${shared}/data/tweetsumm_final_test.jsonl`
  if (!existsSync(file)) return []
  const conversations = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { annotations: Array<{ abstractive: string[] }> })
  return conversations.slice(gold.from, gold.from + gold.count).map((c, i) => {
    const text = c.annotations[0].abstractive.join(' ')
    return { id: `t${i}`, text, spans: spansOfValues(text, gold.summaries[String(i)] ?? []) }
  })
}

/** Development, unlabelled: every annotator's summaries of TweetSumm conversations 1–60. */
function loadTweetsummDev(): Example[] {
  const file = `${shared}/data/tweetsumm_final_test.jsonl`
  if (!existsSync(file)) return []
  const conversations = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { annotations: Array<{ abstractive: string[] }> })
  return conversations.slice(0, 60).flatMap((c, i) => c.annotations.map((a, k) => ({ id: `dev-t${i}.${k}`, text: a.abstractive.join(' '), spans: [] })))
}

const CONLL_LABELS: Record<string, PiiLabel> = { PER: 'name', ORG: 'organization', LOC: 'place' }

/** A CoNLL-2003 file (token POS chunk IOB-tag per line), one example per document. */
function loadConll(file: string): Array<Example & { misc: Span[] }> {
  const docs: Array<Example & { misc: Span[] }> = []
  let text = ''
  let spans: Span[] = []
  let misc: Span[] = []
  type Open = { start: number; end: number; type: string }
  let open = null as Open | null
  const closeSpan = () => {
    if (!open) return
    if (open.type === 'MISC') misc.push({ start: open.start, end: open.end, label: 'name' })
    else spans.push({ start: open.start, end: open.end, label: CONLL_LABELS[open.type] })
    open = null
  }
  const closeDoc = () => {
    closeSpan()
    if (text.trim()) docs.push({ id: `conll-${docs.length}`, text, spans, misc })
    text = ''
    spans = []
    misc = []
  }
  for (const line of readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) {
      closeDoc()
      continue
    }
    if (!line.trim()) {
      closeSpan()
      if (text && !text.endsWith('\n')) text += '\n'
      continue
    }
    const parts = line.split(' ')
    const token = parts[0]
    const tag = parts[parts.length - 1]
    if (text && !text.endsWith('\n')) text += ' '
    const start = text.length
    text += token
    const type = tag === 'O' ? '' : tag.slice(2)
    if (!type || tag.startsWith('B-') || (open as Open | null)?.type !== type) closeSpan()
    if (type) {
      if (open) open.end = text.length
      else open = { start, end: text.length, type }
    }
  }
  closeDoc()
  return docs
}

function loadJsonl(name: string): Example[] {
  return readFileSync(`${root}test/fixtures/anonymiser/${name}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Example)
}

evaluate('first labelled set (labelled.jsonl)', loadJsonl('labelled.jsonl'), true)
evaluate('international development set (dev-international.jsonl)', loadJsonl('dev-international.jsonl'), true)
const devOnly = process.argv.includes('--dev')
const abcd = devOnly ? { turns: [], conversations: [] } : loadAbcd()
if (devOnly) console.log('\n(--dev: held-out sets not scored)')
else if (abcd.turns.length > 0) {
  evaluate('ABCD sample, per turn', abcd.turns, false)
  evaluate('ABCD sample, per conversation', abcd.conversations, false)
} else console.log('\n(ABCD sample not found at ../shared/data — skipped)')
const essays = devOnly ? [] : loadEssays()
if (essays.length > 0) evaluate('seed essays, by paragraph', essays, false)
const summaries = devOnly ? [] : loadTweetsumm()
if (summaries.length > 0) evaluate('TweetSumm summaries 61–110', summaries, false)
const tweetsummDev = loadTweetsummDev()
if (tweetsummDev.length > 0) evaluate('TweetSumm summaries of conversations 1–60, unlabelled: every prediction counts against precision', tweetsummDev, true, { kind: 'DEV     ' })
const conllIndex = process.argv.indexOf('--conll')
if (conllIndex >= 0) {
  const docs = loadConll(process.argv[conllIndex + 1])
  evaluate(`CoNLL-2003 ${process.argv[conllIndex + 1].split('/').pop()} (person, organisation, place; MISC neutral)`, docs, false, {
    labels: new Set<PiiLabel>(['name', 'organization', 'place']),
    neutral: (ex) => (ex as Example & { misc: Span[] }).misc,
    kind: 'EXTERNAL',
  })
}
const tunedExternal = process.argv.includes('--tuned-external')
process.argv.forEach((arg, i) => {
  if (arg !== '--external') return
  const file = process.argv[i + 1]
  const docs = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Example)
    // spans labelled "neutral" (a corpus's MISC, products, events) are neither right nor wrong
    .map((d) => ({ ...d, spans: d.spans.filter((s) => (s.label as string) !== 'neutral'), neutralSpans: d.spans.filter((s) => (s.label as string) === 'neutral') }))
  const labels = new Set<PiiLabel>(docs.flatMap((d) => d.spans.map((s) => s.label)))
  evaluate(`${file.split('/').pop()} (${[...labels].join(', ')})`, docs, tunedExternal, {
    labels,
    neutral: (ex) => (ex as Example & { neutralSpans: Span[] }).neutralSpans,
    kind: tunedExternal ? 'TUNED EXTERNAL' : 'EXTERNAL',
  })
})
