/**
 * A small statistical sequence tagger (averaged perceptron, greedy left to right) for the kinds of
 * personal data that no pattern can validate: people, organisations, places, street lines and
 * postcodes. Features are the token's shape and capitalisation, gazetteer hits, its neighbours,
 * its place on the line and speaker labels. Weights are trained on generated conversations by
 * training/train-tagger.ts and committed as tagger-weights.json.
 */
import { BRANDS, CITIES, CITY_WORDS, COUNTRIES, FIELD_LABEL_WORDS, FIRST_NAMES, isCommonWord, ORG_SUFFIXES, STOPWORDS, STREET_WORDS, SURNAMES } from './gazetteer'

export const TAGS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-ADDR', 'I-ADDR', 'B-POST', 'I-POST'] as const
export type Tag = (typeof TAGS)[number]
export const TAG_COUNT = TAGS.length
const TAG_INDEX = Object.fromEntries(TAGS.map((t, k) => [t, k])) as Record<Tag, number>

export interface Token {
  start: number
  end: number
  text: string
  lower: string
  /** what the word is made of (WORD, DIGIT, …), worked out once per distinct word */
  flags: number
}

/** A letter or a digit somewhere in it. */
export const WORD = 1
/** A digit somewhere in it. */
export const DIGIT = 2
/** Its first character is a capital. */
export const CAPITAL = 4
/** Its first character is a digit. */
export const DIGIT_FIRST = 8
/** Two or more characters, all capitals ("IBAN", "LEEDS"). */
export const SHOUTED = 16
/** A capital somewhere in it. */
export const UPPER = 32
/** Written in ASCII alone. */
export const ASCII = 128
const ASCII_DIGITS = /[0-9]/g

const TOKEN_RE = /[\p{L}\p{M}\p{N}]+(?:['’.\-][\p{L}\p{M}\p{N}]+)*|[^\s]/gu

/** Conversations repeat their words: each distinct word's lower case and flags, once. */
const wordInfo = new Map<string, { lower: string; flags: number }>()

/** Flags of a word written in ASCII alone, from its character codes; -1 for any other word. */
function asciiFlags(word: string): number {
  let flags = 0
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (code >= 128) return -1
    if (code >= 48 && code <= 57) flags |= WORD | DIGIT | (i === 0 ? DIGIT_FIRST : 0)
    else if (code >= 65 && code <= 90) flags |= WORD | UPPER | (i === 0 ? CAPITAL : 0)
    else if (code >= 97 && code <= 122) flags |= WORD | LOWER_SEEN
  }
  if (word.length > 1 && flags & UPPER && !(flags & LOWER_SEEN)) flags |= SHOUTED
  return (flags & ~LOWER_SEEN) | ASCII
}
/** Scratch flag for asciiFlags: a lower-case letter somewhere. */
const LOWER_SEEN = 64

function infoOf(word: string): { lower: string; flags: number } {
  // most words are plain ASCII, and a text full of references has many seen only once: no cache
  const flags = asciiFlags(word)
  if (flags >= 0) return { lower: flags & UPPER ? word.toLowerCase() : word, flags }
  let info = wordInfo.get(word)
  if (info === undefined) {
    let flags = 0
    if (IS_WORD.test(word)) flags |= WORD
    if (HAS_DIGIT.test(word)) flags |= DIGIT
    if (HAS_UPPER.test(word[0])) flags |= CAPITAL
    if (HAS_DIGIT.test(word[0])) flags |= DIGIT_FIRST
    if (HAS_UPPER.test(word)) flags |= UPPER
    if (word.length > 1 && word === word.toUpperCase() && flags & UPPER) flags |= SHOUTED
    info = { lower: word.toLowerCase(), flags }
    if (wordInfo.size > 200_000) wordInfo.clear()
    wordInfo.set(word, info)
  }
  return info
}

/** The words and marks of a text, as TOKEN_RE finds them (kept for the test that says so). */
export function tokenizeByPattern(text: string): Token[] {
  const out: Token[] = []
  for (const m of text.matchAll(TOKEN_RE)) {
    const info = infoOf(m[0])
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], lower: info.lower, flags: info.flags })
  }
  return out
}

const IS_TOKEN_CHAR = /^[\p{L}\p{M}\p{N}]$/u
/** Per UTF-16 code below 0x10000: 0 not yet known, 1 a letter, mark or digit, 2 not. */
const tokenCharClass = new Uint8Array(0x10000)

/** Length (1 or 2 code units) of the letter, mark or digit at i, or 0. */
function tokenCharAt(text: string, i: number): number {
  const code = text.charCodeAt(i)
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) ? 1 : 0
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1)
    if (next >= 0xdc00 && next <= 0xdfff) return IS_TOKEN_CHAR.test(text.slice(i, i + 2)) ? 2 : 0
  }
  let cls = tokenCharClass[code]
  if (cls === 0) {
    cls = IS_TOKEN_CHAR.test(String.fromCharCode(code)) ? 1 : 2
    tokenCharClass[code] = cls
  }
  return cls === 1 ? 1 : 0
}

function isSpaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13)
  if (code < 0xa0) return false
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

/**
 * The words and marks of a text: runs of letters, marks and digits (joined by one ' ’ . or -
 * between two of them), and every other character that is not a space on its own. The same
 * tokens as TOKEN_RE, read character by character (faster than the pattern).
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    const code = text.charCodeAt(i)
    if (isSpaceCode(code)) {
      i++
      continue
    }
    const start = i
    let width = tokenCharAt(text, i)
    if (width > 0) {
      i += width
      for (;;) {
        while (i < n && (width = tokenCharAt(text, i)) > 0) i += width
        if (i + 1 < n) {
          const joiner = text.charCodeAt(i)
          if ((joiner === 39 || joiner === 0x2019 || joiner === 46 || joiner === 45) && (width = tokenCharAt(text, i + 1)) > 0) {
            i += 1 + width
            continue
          }
        }
        break
      }
    } else {
      // any other character, a whole code point
      const next = i + 1 < n ? text.charCodeAt(i + 1) : 0
      i += code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1
    }
    const word = text.slice(start, i)
    const info = infoOf(word)
    out.push({ start, end: i, text: word, lower: info.lower, flags: info.flags })
  }
  return out
}

function classOf(ch: string): string {
  const code = ch.charCodeAt(0)
  if (code >= 65 && code <= 90) return 'X'
  if (code >= 97 && code <= 122) return 'x'
  if (code >= 48 && code <= 57) return 'd'
  if (code < 128) return ch
  return /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : /\p{L}/u.test(ch) ? 'l' : ch
}

function shapeOf(word: string): string {
  let shape = ''
  let last = ''
  for (const ch of word) {
    const c = classOf(ch)
    if (c !== last) shape += c
    last = c
  }
  return shape
}

const HAS_UPPER = /\p{Lu}/u
const HAS_DIGIT = /\p{N}/u
const IS_WORD = /[\p{L}\p{N}]/u
const TITLES = new Set('mr mrs ms miss mx dr prof sir dame herr frau sr sra srta sig sig.ra mme mlle m monsieur madame señor señora dott ing'.split(' '))
const SPEAKER_ROLES = new Set('agent customer client rep representative support advisor adviser operator caller user me assistant bot system'.split(' '))

/** Per-token facts computed once per text (shared by the features of a token and its neighbours). */
interface TokenFacts {
  word: string
  shape: string
  gaz: string
  shapeId: number
  gazId: number
  /** feature strings that pair this word's facts with a neighbour's or the line's, built once */
  combos: Map<number, string>
  /** the weights of this word's features, summed and cached (scoreOf) */
  scored?: ScoredFacts
  /** feature strings built once per word: a reused string keeps its hash, so lookups are cheap */
  own: string[]
  asPrev: string[]
  asPrev2: string
  asNext: string[]
  asNext2: string
}

const shapeIds = new Map<string, number>()
const gazIds = new Map<string, number>()
const shapeById: string[] = []
const gazById: string[] = []
function idOf(ids: Map<string, number>, byId: string[], value: string): number {
  let id = ids.get(value)
  if (id === undefined) {
    id = byId.length
    ids.set(value, id)
    byId.push(value)
  }
  return id
}

function makeFacts(word: string, shape: string, gaz: string, length: number): TokenFacts {
  return {
    word,
    shape,
    gaz,
    shapeId: idOf(shapeIds, shapeById, shape),
    gazId: idOf(gazIds, gazById, gaz),
    combos: new Map(),
    own: [`w=${word}`, `sh=${shape}`, `g=${gaz}`, `suf3=${word.slice(-3)}`, `pre3=${word.slice(0, 3)}`, `len=${Math.min(length, 8)}`],
    asPrev: [`pw=${word}`, `psh=${shape}`, `pg=${gaz}`],
    asPrev2: `ppw=${word}`,
    asNext: [`nw=${word}`, `nsh=${shape}`, `ng=${gaz}`],
    asNext2: `nnw=${word}`,
  }
}

/** "zsófia" → "zsofia": name lists often hold a name without its accents. */
export function withoutAccents(word: string): string {
  return word.normalize('NFD').replace(/\p{M}+/gu, '')
}

function gazOf(t: Token): string {
  const w = t.lower.replace(/[’']s$/, '')
  const plain = /[^\x00-\x7f]/.test(w) ? withoutAccents(w) : w
  let g = ''
  if (FIRST_NAMES.has(w) || FIRST_NAMES.has(plain)) g += 'F'
  if (SURNAMES.has(w) || SURNAMES.has(plain)) g += 'S'
  if (CITY_WORDS.has(w)) g += 'C'
  if (COUNTRIES.has(w)) g += 'N'
  if (STREET_WORDS.has(w) || /(?:stra(?:ss|ß)e|str|weg|gasse|platz|allee|laan|straat|gatan|vägen|vej|gade|veien|utca|ulica|ul|tie|katu)$/.test(w)) g += 'R'
  if (ORG_SUFFIXES.has(w)) g += 'G'
  if (BRANDS.has(w)) g += 'B'
  if (TITLES.has(w.replace(/\.$/, ''))) g += 'T'
  if (isCommonWord(w)) g += 'W'
  if (STOPWORDS.has(w)) g += 'X'
  if (FIELD_LABEL_WORDS.has(w)) g += 'L'
  return g
}

/** Facts depend only on the token's text, and conversations repeat their words: cache them. */
const factsCache = new Map<string, TokenFacts>()

/** A stretch a pattern already recognised (an e-mail, a phone…), or a placeholder written for one. */
export interface Mask {
  start: number
  end: number
  label: string
}
const maskFacts = new Map<string, TokenFacts>()

/**
 * Tokens inside a mask all look the same to the tagger ("<email>"), so a replaced value (an
 * invented e-mail, "[phone]") leaves the tags around it as they were.
 */
function factsOf(tokens: readonly Token[], masks: readonly Mask[] = []): TokenFacts[] {
  if (factsCache.size > 200_000) factsCache.clear()
  let m = 0
  return tokens.map((t) => {
    while (m < masks.length && masks[m].end <= t.start) m++
    const mask = masks[m]
    if (mask && mask.start <= t.start && t.end <= mask.end) {
      let facts = maskFacts.get(mask.label)
      if (!facts) {
        facts = makeFacts(`<${mask.label}>`, 'M', '', 4)
        maskFacts.set(mask.label, facts)
      }
      return facts
    }
    // digits count only as digits ("00000"): references and numbers written in ASCII share their
    // facts, unless the word is an everyday one ("cm2", "49ers": the lists hold no other word with a digit)
    const key = t.flags & DIGIT && t.flags & ASCII && !isCommonWord(t.lower.replace(/[’']s$/, '')) ? t.text.replace(ASCII_DIGITS, '0') : t.text
    let facts = factsCache.get(key)
    if (!facts) {
      const word = HAS_DIGIT.test(t.text) ? t.lower.replace(/\p{N}/gu, '0') : t.lower
      facts = makeFacts(word.length > 20 ? word.slice(0, 20) : word, shapeOf(t.text), gazOf(t), t.text.length)
      factsCache.set(key, facts)
    }
    return facts
  })
}

interface LineFacts {
  /** index in its line (0 = first token) */
  position: Int32Array
  /** tokens on the line */
  lineLength: Int32Array
  /** the token sits in a "Name:" speaker label at the start of a line */
  speaker: Uint8Array
  /** the line is a heading: most of its (3+) words capitalised, or all in capitals */
  titleLine: Uint8Array
  /** first word of a sentence (after . ! ? or at the start of a line: 1; after a colon: 2) */
  sentenceStart: Uint8Array
  /** the same word written in lower case elsewhere in the text: an everyday word, not a name */
  lowerElsewhere: Uint8Array
  /** the same word capitalised elsewhere in mid-sentence: a proper noun */
  capElsewhere: Uint8Array
}

const SENTENCE_CLOSERS = new Set(['.', '!', '?', '…'])

function newlineBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true
  return false
}

function lineFactsOf(text: string, tokens: readonly Token[]): LineFacts {
  const n = tokens.length
  const position = new Int32Array(n)
  const lineLength = new Int32Array(n)
  const speaker = new Uint8Array(n)
  const titleLine = new Uint8Array(n)
  const sentenceStart = new Uint8Array(n)
  const lowerElsewhere = new Uint8Array(n)
  const capElsewhere = new Uint8Array(n)
  const isCap = new Uint8Array(n)
  let lineStart = 0
  const closeLine = (end: number) => {
    let words = 0
    let caps = 0
    let upper = 0
    for (let k = lineStart; k < end; k++) {
      lineLength[k] = end - lineStart
      const flags = tokens[k].flags
      if (!(flags & WORD) || flags & DIGIT_FIRST) continue
      words++
      if (isCap[k]) caps++
      if (flags & SHOUTED) upper++
    }
    if (words >= 3 && (caps / words >= 0.75 || upper / words >= 0.75)) titleLine.fill(1, lineStart, end)
    // "Dana Whitfield: hi" → up to four tokens before a colon at the start of the line
    for (let k = lineStart; k < Math.min(end, lineStart + 5); k++) {
      if (tokens[k].text === ':') {
        for (let j = lineStart; j < k; j++) speaker[j] = 1
        break
      }
    }
    lineStart = end
  }
  // per word of the text: written lower-case somewhere, capitalised mid-sentence somewhere
  const lowerSeen = new Set<string>()
  const capMidCount = new Map<string, number>()
  for (let i = 0; i < n; i++) {
    const t = tokens[i]
    if (i > 0 && newlineBetween(text, tokens[i - 1].end, t.start)) closeLine(i)
    position[i] = i - lineStart
    isCap[i] = t.flags & CAPITAL ? 1 : 0
    // 2: right after a colon (a field's value, a speaker's first word)
    sentenceStart[i] = position[i] === 0 || SENTENCE_CLOSERS.has(tokens[i - 1].text) ? 1 : tokens[i - 1].text === ':' ? 2 : 0
    if (!(t.flags & WORD)) continue
    if (!isCap[i] && !(t.flags & DIGIT)) lowerSeen.add(t.lower)
    else if (isCap[i] && !sentenceStart[i]) capMidCount.set(t.lower, (capMidCount.get(t.lower) ?? 0) + 1)
  }
  closeLine(n)
  for (let i = 0; i < n; i++) {
    if (!isCap[i]) continue
    const lower = tokens[i].lower
    if (lowerSeen.has(lower)) lowerElsewhere[i] = 1
    const mid = capMidCount.get(lower) ?? 0
    if (mid > (sentenceStart[i] ? 0 : 1)) capElsewhere[i] = 1
  }
  return { position, lineLength, speaker, titleLine, sentenceStart, lowerElsewhere, capElsewhere }
}

const BOUNDARY: TokenFacts = makeFacts('<s>', '<s>', '', 0)
const PREV_TAG = TAGS.map((t) => `pt=${t}`)
const PREV_TAGS = TAGS.map((a) => TAGS.map((b) => `pt2=${a}|${b}`))
const CAPS = ['C', 'l', 'p'] as const

/** Feature templates that pair a word's facts with one small number (a tag, a neighbour, a count). */
const enum Pair {
  PrevTagShape,
  PrevTagGaz,
  ShapeNextShape,
  PrevShapeShape,
  GazNextGaz,
  PrevGazGaz,
  LineLengthGaz,
  SentenceStartGaz,
  TitleLineGaz,
  LowerElsewhereGaz,
}

function buildPair(kind: Pair, f: TokenFacts, n: number): string {
  switch (kind) {
    case Pair.PrevTagShape:
      return `pt|sh=${TAGS[n]}|${f.shape}`
    case Pair.PrevTagGaz:
      return `pt|g=${TAGS[n]}|${f.gaz}`
    case Pair.ShapeNextShape:
      return `sh|nsh=${f.shape}|${shapeById[n]}`
    case Pair.PrevShapeShape:
      return `psh|sh=${shapeById[n]}|${f.shape}`
    case Pair.GazNextGaz:
      return `g|ng=${f.gaz}|${gazById[n]}`
    case Pair.PrevGazGaz:
      return `pg|g=${gazById[n]}|${f.gaz}`
    case Pair.LineLengthGaz:
      return `ll|g=${n}|${f.gaz}`
    case Pair.SentenceStartGaz:
      return `ss|g=${Math.floor(n / 3)}|${CAPS[n % 3]}|${f.gaz}`
    case Pair.TitleLineGaz:
      return `tl|g=${n}|${f.gaz}`
    case Pair.LowerElsewhereGaz:
      return `le|g=${n}|${f.gaz}`
  }
}

/** The same string object every time, so the weight lookup reuses its hash. */
function pair(kind: Pair, f: TokenFacts, n: number): string {
  const key = kind * 0x200000 + n
  let feature = f.combos.get(key)
  if (feature === undefined) {
    feature = buildPair(kind, f, n)
    f.combos.set(key, feature)
  }
  return feature
}

/** Features of the line alone, keyed by their small numbers. */
const lineFeatures = new Map<number, string>()
function lineFeature(kind: number, a: number, b = 0, c = 0): string {
  const key = ((kind * 16 + a) * 16 + b) * 16 + c
  let feature = lineFeatures.get(key)
  if (feature === undefined) {
    const cap = CAPS[b]
    feature = [`cap=${CAPS[a]}`, `pos=${a}`, `ll=${a}`, `pos|cap=${a}|${cap}|${c}`, `spk=${a}|${cap}`, `tl=${a}|${cap}`, `le=${a}|${c}|${cap}`][kind]
    lineFeatures.set(key, feature)
  }
  return feature
}

/**
 * The features of token i. prev/prev2 are the tags already given to the two tokens before it.
 * Every string is built once and reused (see pair, lineFeature): lookups by a string whose hash is
 * already known are what makes megabytes per second possible.
 */
function featuresOf(i: number, tokens: readonly Token[], facts: readonly TokenFacts[], lines: LineFacts, prev: number, prev2: number, out: string[]): void {
  out.length = 0
  const f = facts[i]
  const t = tokens[i]
  const pos = lines.position[i]
  const p1 = i > 0 && pos > 0 ? facts[i - 1] : BOUNDARY
  const p2 = i > 1 && pos > 1 ? facts[i - 2] : BOUNDARY
  const n1 = i + 1 < tokens.length && lines.position[i + 1] === pos + 1 ? facts[i + 1] : BOUNDARY
  const n2 = i + 2 < tokens.length && lines.position[i + 2] === pos + 2 ? facts[i + 2] : BOUNDARY
  const cap = HAS_UPPER.test(t.text[0]) ? 0 : IS_WORD.test(t.text) ? 1 : 2
  const ll = lines.lineLength[i]
  out.push('b')
  for (const x of f.own) out.push(x)
  for (const x of p1.asPrev) out.push(x)
  out.push(p2.asPrev2)
  for (const x of n1.asNext) out.push(x)
  out.push(
    n2.asNext2,
    lineFeature(0, cap),
    PREV_TAG[prev],
    PREV_TAGS[prev2][prev],
    pair(Pair.PrevTagShape, f, prev),
    pair(Pair.PrevTagGaz, f, prev),
    pair(Pair.ShapeNextShape, f, n1.shapeId),
    pair(Pair.PrevShapeShape, f, p1.shapeId),
    pair(Pair.GazNextGaz, f, n1.gazId),
    pair(Pair.PrevGazGaz, f, p1.gazId),
    lineFeature(1, Math.min(pos, 3)),
    lineFeature(2, Math.min(ll, 6)),
    lineFeature(3, Math.min(pos, 2), cap, Math.min(ll, 5)),
    lineFeature(4, lines.speaker[i], cap),
    pair(Pair.LineLengthGaz, f, Math.min(ll, 5)),
    pair(Pair.SentenceStartGaz, f, lines.sentenceStart[i] * 3 + cap),
    lineFeature(5, lines.titleLine[i], cap),
    pair(Pair.TitleLineGaz, f, lines.titleLine[i]),
    lineFeature(6, lines.lowerElsewhere[i], cap, lines.capElsewhere[i]),
    pair(Pair.LowerElsewhereGaz, f, lines.lowerElsewhere[i]),
  )
  if (lines.speaker[i] && SPEAKER_ROLES.has(t.lower)) out.push('spk-role')
}

const ONLY_PLAIN_GAZ = /^[WXL]+$/
const SENTENCE_END = new Set(['.', '!', '?', ':', '"', '“', '(', '-', '—', '–', '>', '*', '•'])

/**
 * Tokens that cannot start anything, so the tagger skips them after an O: punctuation, lower-case
 * everyday words, and everyday words capitalised only because they open a sentence or a line
 * ("Thanks", "The") — unless a gazetteer knows them as a name, place or street.
 */
function isPlain(i: number, tokens: readonly Token[], f: TokenFacts, lines: LineFacts): boolean {
  const t = tokens[i]
  if (t.flags & DIGIT) return false
  if (!(t.flags & WORD)) return true
  // "an", "will", "rose" in lower case are the words, not the names a list also knows; another
  // language's function word ("und", "który") in lower case too, unless a name list knows it
  if (!(t.flags & UPPER) && (f.gaz.includes('W') || (f.gaz.includes('X') && !f.gaz.includes('F') && !f.gaz.includes('S')))) return true
  // everyday words, function words and field labels of any language, and nothing a list knows as a name or place
  if (!ONLY_PLAIN_GAZ.test(f.gaz)) return false
  return lines.position[i] === 0 || SENTENCE_END.has(tokens[i - 1].text) || lines.lowerElsewhere[i] === 1
}

/** I-X only continues a B-X or I-X on the same kind; anything else must start fresh. */
function allowed(prev: Tag, k: number): boolean {
  const tag = TAGS[k]
  return tag[0] !== 'I' || (prev !== 'O' && prev.slice(2) === tag.slice(2))
}

/** allowed(prev, k) for every pair, by the previous tag's index: worked out once. */
const ALLOWED: readonly Uint8Array[] = TAGS.map((prev) => Uint8Array.from(TAGS, (_, k) => (allowed(prev, k) ? 1 : 0)))

function bestTag(scores: Float64Array, prev: Tag): number {
  const permitted = ALLOWED[TAG_INDEX[prev]]
  let best = 0
  for (let k = 1; k < TAG_COUNT; k++) if (permitted[k] === 1 && scores[k] > scores[best]) best = k
  return best
}

export interface Weights {
  get(feature: string): Float32Array | Float64Array | undefined
}

/**
 * How far a new person, organisation or place must score above "nothing here" to be opened: the
 * perceptron's narrow wins are mostly capitalised everyday words. Chosen on the development sets
 * (tuned labelled sets and the unlabelled TweetSumm conversations 1–60), never on held-out text.
 */
export const OPEN_MARGIN: Record<string, number> = { 'B-PER': 0, 'B-ORG': 2, 'B-LOC': 2 }

// ---- scoring with the features' weights looked up once
// Weights are hundredths held as float32: every one is a multiple of 2^-30 and no score comes near
// 2^23, so float64 sums of them are exact in any order. Summing a word's own features once (and
// caching each pair's weights) gives the very scores of adding feature by feature, far faster.

// Every weight the scoring adds is held as float64 (widened once, exactly, from the float32 the
// weights come as): the adding loop then meets one kind of array only, which V8 runs far faster.
type Vector = Float64Array
type WeightCache = Map<number, Vector | null>

/** A feature's weights as float64 (the same values), or null for a feature without weights. */
function widen(w: Float32Array | Float64Array | undefined): Vector | null {
  return w === undefined ? null : Float64Array.from(w)
}

/** The sums and cached weights of one word's features under one set of weights. */
interface ScoredFacts {
  weights: Weights
  own: Float64Array
  asPrev: Float64Array
  asPrev2: Vector | null
  asNext: Float64Array
  asNext2: Vector | null
  pairs: WeightCache
  /** the bias, the word's own features, the previous tag (and the two before) and the word paired with it, by the two previous tags */
  byPrevious: Array<Float64Array | undefined>
  /** the previous word's features and its shape and gazetteer classes paired with this word's, by that word */
  byPreviousWord: Map<TokenFacts, Float64Array>
  /** the same for the next word */
  byNextWord: Map<TokenFacts, Float64Array>
  /** the word paired with its line's facts (length, sentence start, heading, lower case elsewhere), by their key */
  byLine: Map<number, Float64Array>
}

function sumOf(weights: Weights, features: readonly string[]): Float64Array {
  const sum = new Float64Array(TAG_COUNT)
  for (const feature of features) {
    const w = weights.get(feature)
    if (w) for (let k = 0; k < TAG_COUNT; k++) sum[k] += w[k]
  }
  return sum
}

function scoredOf(f: TokenFacts, weights: Weights): ScoredFacts {
  let scored = f.scored
  if (scored === undefined || scored.weights !== weights) {
    scored = {
      weights,
      own: sumOf(weights, f.own),
      asPrev: sumOf(weights, f.asPrev),
      asPrev2: widen(weights.get(f.asPrev2)),
      asNext: sumOf(weights, f.asNext),
      asNext2: widen(weights.get(f.asNext2)),
      pairs: new Map(),
      byPrevious: [],
      byPreviousWord: new Map(),
      byNextWord: new Map(),
      byLine: new Map(),
    }
    f.scored = scored
  }
  return scored
}

function pairWeights(kind: Pair, f: TokenFacts, scored: ScoredFacts, n: number): Vector | null {
  const key = kind * 0x200000 + n
  let w = scored.pairs.get(key)
  if (w === undefined) {
    w = widen(scored.weights.get(pair(kind, f, n)))
    scored.pairs.set(key, w)
  }
  return w
}

/** Weights of the features that do not depend on the word (line, previous tags), per set of weights. */
let sharedFor: Weights | null = null
const lineWeights: WeightCache = new Map()
let prevTagWeights: Array<Vector | null> = []
let prevTagsWeights: Array<Array<Vector | null>> = []
let biasWeights: Vector | null = null
let speakerRoleWeights: Vector | null = null

function useShared(weights: Weights): void {
  if (sharedFor === weights) return
  sharedFor = weights
  lineWeights.clear()
  lineSums.clear()
  prevTagWeights = PREV_TAG.map((feature) => widen(weights.get(feature)))
  prevTagsWeights = PREV_TAGS.map((row) => row.map((feature) => widen(weights.get(feature))))
  biasWeights = widen(weights.get('b'))
  speakerRoleWeights = widen(weights.get('spk-role'))
}

/** The features of the line alone, summed, by their key. */
const lineSums = new Map<number, Float64Array>()

function lineSum(weights: Weights, cap: number, pos: number, ll: number, speaker: number, titleLine: number, lowerElsewhere: number, capElsewhere: number): Float64Array {
  const pos3 = Math.min(pos, 3)
  const ll6 = Math.min(ll, 6)
  const key = ((((((cap * 4 + pos3) * 7 + ll6) * 2 + speaker) * 2 + titleLine) * 2 + lowerElsewhere) * 2) + capElsewhere
  let sum = lineSums.get(key)
  if (sum === undefined) {
    sum = new Float64Array(TAG_COUNT)
    add(sum, lineWeight(weights, 0, cap))
    add(sum, lineWeight(weights, 1, pos3))
    add(sum, lineWeight(weights, 2, ll6))
    add(sum, lineWeight(weights, 3, Math.min(pos, 2), cap, Math.min(ll, 5)))
    add(sum, lineWeight(weights, 4, speaker, cap))
    add(sum, lineWeight(weights, 5, titleLine, cap))
    add(sum, lineWeight(weights, 6, lowerElsewhere, cap, capElsewhere))
    lineSums.set(key, sum)
  }
  return sum
}

function byPrevious(f: TokenFacts, scored: ScoredFacts, prev: number, prev2: number): Float64Array {
  const key = prev2 * TAG_COUNT + prev
  let sum = scored.byPrevious[key]
  if (sum === undefined) {
    sum = new Float64Array(TAG_COUNT)
    add(sum, biasWeights)
    add(sum, scored.own)
    add(sum, prevTagWeights[prev])
    add(sum, prevTagsWeights[prev2][prev])
    add(sum, pairWeights(Pair.PrevTagShape, f, scored, prev))
    add(sum, pairWeights(Pair.PrevTagGaz, f, scored, prev))
    scored.byPrevious[key] = sum
  }
  return sum
}

/**
 * A word meets a few hundred different neighbours at most in practice; past this many it sums its
 * neighbour's weights each time instead of keeping them (a common word's maps would grow with the input).
 */
const NEIGHBOURS_KEPT = 512

/** The neighbouring word's own weights and its shape and gazetteer classes paired with this word's, kept by that word. */
function byNeighbour(f: TokenFacts, scored: ScoredFacts, neighbour: TokenFacts, side: 'previous' | 'next'): Float64Array {
  const kept = side === 'previous' ? scored.byPreviousWord : scored.byNextWord
  let sum = kept.get(neighbour)
  if (sum === undefined) {
    sum = new Float64Array(TAG_COUNT)
    const theirs = scoredOf(neighbour, scored.weights)
    add(sum, side === 'previous' ? theirs.asPrev : theirs.asNext)
    add(sum, pairWeights(side === 'previous' ? Pair.PrevShapeShape : Pair.ShapeNextShape, f, scored, neighbour.shapeId))
    add(sum, pairWeights(side === 'previous' ? Pair.PrevGazGaz : Pair.GazNextGaz, f, scored, neighbour.gazId))
    if (kept.size < NEIGHBOURS_KEPT) kept.set(neighbour, sum)
  }
  return sum
}

function byLine(f: TokenFacts, scored: ScoredFacts, ll: number, sentenceStart: number, cap: number, titleLine: number, lowerElsewhere: number): Float64Array {
  const ll5 = Math.min(ll, 5)
  const key = (((ll5 * 3 + sentenceStart) * 3 + cap) * 2 + titleLine) * 2 + lowerElsewhere
  let sum = scored.byLine.get(key)
  if (sum === undefined) {
    sum = new Float64Array(TAG_COUNT)
    add(sum, pairWeights(Pair.LineLengthGaz, f, scored, ll5))
    add(sum, pairWeights(Pair.SentenceStartGaz, f, scored, sentenceStart * 3 + cap))
    add(sum, pairWeights(Pair.TitleLineGaz, f, scored, titleLine))
    add(sum, pairWeights(Pair.LowerElsewhereGaz, f, scored, lowerElsewhere))
    scored.byLine.set(key, sum)
  }
  return sum
}

function lineWeight(weights: Weights, kind: number, a: number, b = 0, c = 0): Vector | null {
  const key = ((kind * 16 + a) * 16 + b) * 16 + c
  let w = lineWeights.get(key)
  if (w === undefined) {
    w = widen(weights.get(lineFeature(kind, a, b, c)))
    lineWeights.set(key, w)
  }
  return w
}

function add(scores: Float64Array, w: Vector | null): void {
  if (w === null) return
  // TAG_COUNT (11) terms written out: this is the tagger's innermost loop
  scores[0] += w[0]
  scores[1] += w[1]
  scores[2] += w[2]
  scores[3] += w[3]
  scores[4] += w[4]
  scores[5] += w[5]
  scores[6] += w[6]
  scores[7] += w[7]
  scores[8] += w[8]
  scores[9] += w[9]
  scores[10] += w[10]
}

/** The scores of token i: the sum of the weights of featuresOf(i, …), without building its strings. */
function scoreOf(i: number, tokens: readonly Token[], facts: readonly TokenFacts[], lines: LineFacts, prev: number, prev2: number, weights: Weights, scores: Float64Array): void {
  scores.fill(0)
  const f = facts[i]
  const t = tokens[i]
  const pos = lines.position[i]
  const p1 = i > 0 && pos > 0 ? facts[i - 1] : BOUNDARY
  const p2 = i > 1 && pos > 1 ? facts[i - 2] : BOUNDARY
  const n1 = i + 1 < tokens.length && lines.position[i + 1] === pos + 1 ? facts[i + 1] : BOUNDARY
  const n2 = i + 2 < tokens.length && lines.position[i + 2] === pos + 2 ? facts[i + 2] : BOUNDARY
  const cap = t.flags & CAPITAL ? 0 : t.flags & WORD ? 1 : 2
  const ll = lines.lineLength[i]
  const own = scoredOf(f, weights)
  // the sums are grouped by what they depend on and kept (exact in any grouping: see the note on weights above)
  add(scores, byPrevious(f, own, prev, prev2))
  add(scores, byNeighbour(f, own, p1, 'previous'))
  add(scores, scoredOf(p2, weights).asPrev2)
  add(scores, byNeighbour(f, own, n1, 'next'))
  add(scores, scoredOf(n2, weights).asNext2)
  add(scores, lineSum(weights, cap, pos, ll, lines.speaker[i], lines.titleLine[i], lines.lowerElsewhere[i], lines.capElsewhere[i]))
  add(scores, byLine(f, own, ll, lines.sentenceStart[i], cap, lines.titleLine[i], lines.lowerElsewhere[i]))
  if (lines.speaker[i] && SPEAKER_ROLES.has(t.lower)) add(scores, speakerRoleWeights)
}

/** One greedy pass; scores is a scratch buffer. */
export function tagTokens(text: string, tokens: readonly Token[], weights: Weights, masks: readonly Mask[] = [], margins: Record<string, number> = OPEN_MARGIN): Tag[] {
  const facts = factsOf(tokens, masks)
  const lines = lineFactsOf(text, tokens)
  const tags: Tag[] = new Array(tokens.length)
  const scores = new Float64Array(TAG_COUNT)
  useShared(weights)
  for (let i = 0; i < tokens.length; i++) {
    const prev = i > 0 ? tags[i - 1] : 'O'
    if (prev === 'O' && isPlain(i, tokens, facts[i], lines)) {
      tags[i] = 'O'
      continue
    }
    const prev2 = i > 1 ? tags[i - 2] : 'O'
    scoreOf(i, tokens, facts, lines, TAG_INDEX[prev], TAG_INDEX[prev2], weights, scores)
    const best = bestTag(scores, prev)
    const margin = margins[TAGS[best]]
    tags[i] = margin !== undefined && scores[best] - scores[0] < margin ? 'O' : TAGS[best]
  }
  return tags
}

/** Training: one perceptron update per token, with the averaging trick (timestamps). */
export class PerceptronTrainer implements Weights {
  private readonly weights = new Map<string, Float64Array>()
  private readonly totals = new Map<string, Float64Array>()
  private readonly stamps = new Map<string, Float64Array>()
  private step = 0

  get(feature: string): Float64Array | undefined {
    return this.weights.get(feature)
  }

  private update(feature: string, tag: number, delta: number): void {
    let w = this.weights.get(feature)
    if (!w) {
      w = new Float64Array(TAG_COUNT)
      this.weights.set(feature, w)
      this.totals.set(feature, new Float64Array(TAG_COUNT))
      this.stamps.set(feature, new Float64Array(TAG_COUNT))
    }
    const totals = this.totals.get(feature) as Float64Array
    const stamps = this.stamps.get(feature) as Float64Array
    totals[tag] += (this.step - stamps[tag]) * w[tag]
    stamps[tag] = this.step
    w[tag] += delta
  }

  /** Tags one text with the current weights and corrects them towards gold; returns the errors. */
  train(text: string, tokens: readonly Token[], gold: readonly Tag[], masks: readonly Mask[] = []): number {
    const facts = factsOf(tokens, masks)
    const lines = lineFactsOf(text, tokens)
    const features: string[] = []
    const scores = new Float64Array(TAG_COUNT)
    let errors = 0
    // the history is the tagger's own guesses, as it will be in use, so it learns to recover
    const guesses: Tag[] = []
    for (let i = 0; i < tokens.length; i++) {
      this.step++
      const prev = i > 0 ? guesses[i - 1] : 'O'
      const prev2 = i > 1 ? guesses[i - 2] : 'O'
      if (prev === 'O' && isPlain(i, tokens, facts[i], lines)) {
        guesses.push('O')
        continue
      }
      featuresOf(i, tokens, facts, lines, TAG_INDEX[prev], TAG_INDEX[prev2], features)
      scores.fill(0)
      for (const feature of features) {
        const w = this.weights.get(feature)
        if (w) for (let k = 0; k < TAG_COUNT; k++) scores[k] += w[k]
      }
      const best = bestTag(scores, prev)
      guesses.push(TAGS[best])
      let truth = TAGS.indexOf(gold[i])
      // a span the tagger failed to open: the right move now is to open it
      if (!allowed(prev, truth)) truth = TAGS.indexOf(`B-${gold[i].slice(2)}` as Tag)
      if (best !== truth) {
        errors++
        for (const feature of features) {
          this.update(feature, truth, 1)
          this.update(feature, best, -1)
        }
      }
    }
    return errors
  }

  /** Averaged weights, rounded and pruned: what gets committed. */
  export(minWeight: number): Record<string, string> {
    const out: Record<string, string> = {}
    for (const [feature, w] of this.weights) {
      const totals = this.totals.get(feature) as Float64Array
      const stamps = this.stamps.get(feature) as Float64Array
      const parts: string[] = []
      for (let k = 0; k < TAG_COUNT; k++) {
        const total = totals[k] + (this.step - stamps[k]) * w[k]
        const avg = Math.round((total / this.step) * 100)
        if (Math.abs(avg) >= minWeight) parts.push(`${k}:${avg}`)
      }
      if (parts.length > 0) out[feature] = parts.join(',')
    }
    return out
  }
}

/**
 * The trained weights: as committed (tagger-weights.json, hundredths by tag as text), or as the
 * bundle carries them, already float32 (build.mjs packs them: a worker starts without parsing).
 */
export type TrainedWeights = { features: Record<string, string> } | { packed: { names: readonly string[]; values: Float32Array } }

export function loadTrainedWeights(trained: TrainedWeights): Weights {
  if ('features' in trained) return loadWeights(trained.features)
  return new PackedWeights(trained.packed.names, trained.packed.values)
}

/**
 * Packed weights: each feature's place in one float32 array. Its weights are handed out as a view
 * when asked for (the tagger keeps what it asks for), rather than a view made for each of the
 * 44,000 features before the first text.
 */
class PackedWeights implements Weights {
  private readonly offsets = new Map<string, number>()

  constructor(
    names: readonly string[],
    private readonly values: Float32Array,
  ) {
    for (let i = 0; i < names.length; i++) this.offsets.set(names[i], i * TAG_COUNT)
  }

  get(feature: string): Float32Array | undefined {
    const offset = this.offsets.get(feature)
    return offset === undefined ? undefined : this.values.subarray(offset, offset + TAG_COUNT)
  }
}

/** Reads committed weights ("feature" → "tag:weight,…", weights × 100). */
export function loadWeights(serialised: Record<string, string>): Weights {
  const map = new Map<string, Float32Array>()
  // read digit by digit: every worker loads 36,000 of these before its first text
  for (const feature of Object.keys(serialised)) {
    const w = new Float32Array(TAG_COUNT)
    const parts = serialised[feature]
    let tag = 0
    let value = 0
    let negative = false
    let inValue = false
    for (let i = 0; i <= parts.length; i++) {
      const code = i < parts.length ? parts.charCodeAt(i) : 44
      if (code === 44 /* , */) {
        w[tag] = (negative ? -value : value) / 100
        tag = 0
        value = 0
        negative = false
        inValue = false
      } else if (code === 58 /* : */) inValue = true
      else if (code === 45 /* - */) negative = true
      else if (inValue) value = value * 10 + (code - 48)
      else tag = tag * 10 + (code - 48)
    }
    map.set(feature, w)
  }
  return map
}

export { CITIES }
