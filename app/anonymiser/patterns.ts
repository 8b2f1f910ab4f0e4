/**
 * Pattern detectors for structured personal data: each regex finds candidates, a validator or a
 * context cue confirms them. Pure functions over the whole text; offsets are into that text.
 */
import { digitsOf, ibanValid, IBAN_LENGTHS, ipv4Valid, ipv6Valid, isCardNumber, luhnValid, nhsNumberValid, ssnValid } from './checksums'
import type { Candidate, PiiLabel, ReferenceKind } from './types'
import { lineAfter, lineBefore, previousLine, withoutRoleLabel } from './text-lines'
import { CITIES, CURRENCY_WORDS, FIRST_NAMES, isCommonWord, SURNAMES, TOWNS } from './gazetteer'
import { detectAddressBlocks, MORE_STREET_SUFFIXES } from './addresses'
import { detectMultilingualDates } from './dates'

/** Priorities: validated formats first, cue-confirmed next, bare guesses last. */
export const PRIORITY = {
  extra: 100,
  email: 95,
  card: 92,
  iban: 92,
  url: 90,
  ip: 90,
  nationalIdPattern: 88,
  nationalIdCued: 86,
  dateOfBirth: 85,
  date: 74,
  handle: 84,
  usernameCued: 80,
  accountCued: 78,
  phone: 72,
  accountPattern: 70,
  accountNearby: 67,
  postcode: 68,
  address: 66,
  domain: 64,
  accountWeak: 30,
  usernameWeak: 44,
} as const

type Push = (start: number, end: number, label: PiiLabel, priority: number, extra?: Partial<Candidate>) => void

/** A full stop after a whole word ends the sentence, not the value ("Leeds.", "Rowan Street."); "Rd." keeps it. */
function sentenceStopAt(text: string, start: number, end: number): boolean {
  if (text[end - 1] !== '.') return false
  const word = /(\p{L}+)\.$/u.exec(text.slice(start, end))
  return word !== null && word[1].length >= 4 && /\p{Ll}$/u.test(word[1])
}

function collector(out: Candidate[], text = ''): Push {
  return (start, end, label, priority, extra) => {
    if ((label === 'address' || label === 'place') && sentenceStopAt(text, start, end)) end--
    if (end > start) out.push({ start, end, label, priority, ...extra })
  }
}

/** Drops sentence punctuation that a greedy pattern swallowed at the end of a value. */
function trimTrailing(text: string, start: number, end: number, chars = '.,;:!?)]}\'"”’'): number {
  while (end > start && chars.includes(text[end - 1])) {
    // keep a closing bracket that has its opening partner inside the value
    if (text[end - 1] === ')' && text.slice(start, end).includes('(')) break
    end--
  }
  return end
}

// ---------------------------------------------------------------------------------------------
// looking only near digits

/** JavaScript's \s, by code: the separator between the words a pattern's \s+ steps over. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13)
  if (code < 0xa0) return false
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
}

/** Start of the word `words` words back from the word holding index (words split by \s). */
function wordsBack(text: string, index: number, words: number): number {
  let i = index
  while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--
  for (let w = 0; w < words && i > 0; w++) {
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--
    while (i > 0 && !isSpace(text.charCodeAt(i - 1))) i--
  }
  return i
}

/** End of the word `words` words on from the word holding index. */
function wordsOn(text: string, index: number, words: number): number {
  let i = index
  while (i < text.length && !isSpace(text.charCodeAt(i))) i++
  for (let w = 0; w < words && i < text.length; w++) {
    while (i < text.length && isSpace(text.charCodeAt(i))) i++
    while (i < text.length && !isSpace(text.charCodeAt(i))) i++
  }
  return i
}

/** One position per word that holds a digit (the first digit of the word). */
function digitWords(text: string): number[] {
  const out: number[] = []
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 48 || code > 57) continue
    out.push(i)
    while (i + 1 < text.length && !isSpace(text.charCodeAt(i + 1))) i++
  }
  return out
}

/** Every position of a character (one of the given ones) in text. */
function positionsOf(text: string, chars: string): number[] {
  const out: number[] = []
  for (const ch of chars) for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) out.push(i)
  return chars.length > 1 ? out.sort((a, b) => a - b) : out
}

/**
 * The stretches of text to read for a pattern every match of which holds one of the anchors (a
 * digit, an "@"), with at most `reach` words before its first anchor, after its last and between
 * two of them: [start, end) pairs, sorted, apart by more than one character.
 */
function stretchesAround(text: string, reach: number, anchors: readonly number[]): number[] {
  const out: number[] = []
  let covered = -1
  for (const anchor of anchors) {
    // an anchor inside the words already taken in adds nothing
    if (anchor < covered) continue
    const start = wordsBack(text, anchor, reach)
    const end = wordsOn(text, anchor, reach)
    covered = wordsOn(text, anchor, 0)
    // stretches that meet or overlap are one (a match may run from one into the other)
    if (out.length > 0 && start <= out[out.length - 1] + 1) out[out.length - 1] = Math.max(out[out.length - 1], end)
    else out.push(start, end)
  }
  return out
}

/**
 * The matches of such a pattern: the same as text.matchAll(re), with the pattern run only over the
 * stretches around the anchors rather than over every position of a long conversation. Each
 * stretch is read with one character of context either side, a separator: a pattern whose
 * look-behind or look-ahead could step over a separator (or reach further than a word) must not
 * be read this way.
 */
function matchesIn(re: RegExp, text: string, stretches: readonly number[], slices?: readonly string[]): RegExpExecArray[] {
  const out: RegExpExecArray[] = []
  for (let k = 0; k < stretches.length; k += 2) {
    const from = stretches[k]
    const to = stretches[k + 1]
    const sliceStart = Math.max(0, from - 1)
    const slice = slices !== undefined ? slices[k >> 1] : sliceOf(text, from, to)
    re.lastIndex = from - sliceStart
    for (let m = re.exec(slice); m !== null; m = re.exec(slice)) {
      if (m.index >= to - sliceStart) break
      if (m[0].length === 0) re.lastIndex++
      m.index += sliceStart
      out.push(m)
    }
  }
  re.lastIndex = 0
  return out
}

/** The text matchesIn reads for the stretch [from, to): with one character either side. */
function sliceOf(text: string, from: number, to: number): string {
  return text.slice(Math.max(0, from - 1), Math.min(text.length, to + 1))
}

/**
 * The matches of a sticky, multi-line pattern tried only where a line starts (after \n, \r, U+2028
 * or U+2029, as /m's ^ reads them) instead of at every position: the same as text.matchAll with /gm
 * for a pattern that starts with ^ and whose matches hold no line break.
 */
export function matchesAtLineStarts(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = []
  for (let p = 0; p <= text.length; p++) {
    re.lastIndex = p
    const m = re.exec(text)
    if (m !== null) out.push(m)
    // on to the next line start
    while (p < text.length && !isLineBreak(text.charCodeAt(p))) p++
  }
  re.lastIndex = 0
  return out
}
const isLineBreak = (code: number) => code === 10 || code === 13 || code === 0x2028 || code === 0x2029

export function matchesNear(re: RegExp, text: string, reach: number, anchors: readonly number[]): RegExpExecArray[] {
  return matchesIn(re, text, stretchesAround(text, reach, anchors))
}

// the digits' stretches of the text being read, by reach: a dozen patterns share them
let digitText = ''
/** The text's words (runs of non-spaces, as wordsBack and wordsOn step over them): starts and ends. */
let wordStarts: number[] = []
let wordEnds: number[] = []
/** The words that hold a digit (digitWords' anchors, one per word), by index into the words. */
let digitWordIndexes: number[] = []
const digitStretches = new Map<number, { stretches: number[]; slices: string[] }>()

/** The text's words and which of them hold a digit, in one pass. */
function readDigitWords(text: string): void {
  wordStarts = []
  wordEnds = []
  digitWordIndexes = []
  const n = text.length
  let i = 0
  while (i < n) {
    while (i < n && isSpace(text.charCodeAt(i))) i++
    if (i >= n) break
    const start = i
    let digit = false
    for (; i < n; i++) {
      const code = text.charCodeAt(i)
      if (isSpace(code)) break
      if (code >= 48 && code <= 57) digit = true
    }
    if (digit) digitWordIndexes.push(wordStarts.length)
    wordStarts.push(start)
    wordEnds.push(i)
  }
}

/**
 * stretchesAround(text, reach, digitWords(text)) from the words worked out once: a digit's word
 * `reach` words back starts the stretch, `reach` words on ends it (the text's ends where there
 * are fewer words).
 */
function digitStretchesOf(text: string, reach: number): number[] {
  const out: number[] = []
  const count = wordStarts.length
  for (const j of digitWordIndexes) {
    const start = j - reach >= 0 ? wordStarts[j - reach] : 0
    const end = j + reach < count ? wordEnds[j + reach] : text.length
    // stretches that meet or overlap are one (a match may run from one into the other)
    if (out.length > 0 && start <= out[out.length - 1] + 1) out[out.length - 1] = Math.max(out[out.length - 1], end)
    else out.push(start, end)
  }
  return out
}

/** matchesNear with the digits as anchors. */
export function matchesNearDigits(re: RegExp, text: string, reach: number): RegExpExecArray[] {
  if (text !== digitText) {
    digitText = text
    readDigitWords(text)
    digitStretches.clear()
  }
  let read = digitStretches.get(reach)
  if (read === undefined) {
    const stretches = digitStretchesOf(text, reach)
    // the same slices serve every pattern of this reach
    const slices: string[] = []
    for (let k = 0; k < stretches.length; k += 2) slices.push(sliceOf(text, stretches[k], stretches[k + 1]))
    read = { stretches, slices }
    digitStretches.set(reach, read)
  }
  return matchesIn(re, text, read.stretches, read.slices)
}

// ---------------------------------------------------------------------------------------------
// e-mail, URL, IP

const EMAIL_RE = /(?<![\p{L}\p{N}_.+'-])[\p{L}\p{N}](?:[\p{L}\p{N}._%+'-]*[\p{L}\p{N}_%+-])?@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.[\p{L}]{2,24}(?![\p{L}\p{N}_-])/gu
const OBFUSCATED_EMAIL_RE = /(?<![\w.-])[A-Za-z0-9][A-Za-z0-9._-]*(?: dot [A-Za-z0-9_-]+)*\s?(?:\[at\]|\(at\)|\{at\}| at )\s?[A-Za-z0-9-]+\s?(?:\[dot\]|\(dot\)|\{dot\}| dot )\s?(?:com|net|org|co\.uk|io|de|fr|nl|edu|gov|uk)\b/gi

const URL_RE = /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'`]+/gi
const TLDS =
  'com|net|org|io|uk|ca|au|de|fr|nl|es|ie|eu|ch|se|dk|fi|pl|pt|nz|za|jp|br|mx|app|dev|info|biz|ai|shop|store|online|site|tech|xyz|ly|tv|gg|ru|cn|edu|gov|cloud|email|co\\.uk|org\\.uk|ac\\.uk|gov\\.uk|com\\.au|co\\.nz'
const DOMAIN_RE = new RegExp(
  `(?<![@\\w.\\/-])(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\\.)+(?:${TLDS})(?:\\/[^\\s<>"'\`]*)?(?![\\w-]|\\.[a-z])`,
  'g',
)

const IPV4_RE = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/g
const IPV6_RE = /(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|\d{1,3}(?:\.\d{1,3}){3})?(?![\w:])/g

/** What every domain holds: a dot and a top-level domain. */
const DOT_TLD_RE = new RegExp(`\\.(?:${TLDS})`, 'g')
/** Two colons with at most four hex digits between them: part of every IPv6 address. */
const IPV6_HINT_RE = /:[0-9A-Fa-f]{0,4}:/

function detectEmailUrlIp(text: string, push: Push): void {
  // patterns that match within one word are read only in the words holding what they require
  for (const m of matchesNear(EMAIL_RE, text, 0, positionsOf(text, '@'))) push(m.index, m.index + m[0].length, 'email', PRIORITY.email)
  if (/dot/i.test(text)) for (const m of text.matchAll(OBFUSCATED_EMAIL_RE)) push(m.index, m.index + m[0].length, 'email', PRIORITY.email - 1)
  for (const m of text.matchAll(URL_RE)) {
    const end = trimTrailing(text, m.index, m.index + m[0].length)
    push(m.index, end, 'url', PRIORITY.url)
  }
  const tlds: number[] = []
  for (const m of text.matchAll(DOT_TLD_RE)) tlds.push(m.index)
  for (const m of matchesNear(DOMAIN_RE, text, 0, tlds)) {
    const end = trimTrailing(text, m.index, m.index + m[0].length)
    // "e.g.com" style accidents: the part before the first dot must be a real label
    if (/^[a-z]\./i.test(m[0])) continue
    push(m.index, end, 'url', PRIORITY.domain)
  }
  for (const m of matchesNearDigits(IPV4_RE, text, 0)) {
    // "my number is 79.56.12.34": a phone number written with dots, asked for as a phone
    if (/\b(?:phone|mobile|cell|tel|call me|my number|whatsapp|text me|ring me)\b[^\n\d]{0,14}$/i.test(lineBefore(text, m.index, 40)) && !/\b(?:ip|server|host|router)\b/i.test(lineBefore(text, m.index, 40))) continue
    if (ipv4Valid(m[0])) push(m.index, m.index + m[0].length, 'ip_address', PRIORITY.ip)
  }
  if (IPV6_HINT_RE.test(text)) for (const m of text.matchAll(IPV6_RE)) {
    const value = m[0]
    // times such as 10:30:00 are not addresses: demand a hex letter or a "::"
    if (!/[a-f]/i.test(value) && !value.includes('::')) continue
    if (value.replace(/[:.]/g, '').length < 2) continue
    if (ipv6Valid(value)) push(m.index, m.index + value.length, 'ip_address', PRIORITY.ip)
  }
}

// ---------------------------------------------------------------------------------------------
// payment cards and IBANs

const CARD_RE = /(?<![\w-])\d(?:[ -]?\d){12,18}(?![\w-]|[.,]\d)/g
const MASK_RUN_RE = /[*xX•]{4}/
const CARD_WORD_RE = /\b(?:card|visa|mastercard|amex)\b/i
const MASKED_CARD_RE = /(?<![\w*])(?:[*xX•]{4}[ -]?){3}\d{4}\b|(?<![\w*])[*xX•]{8,15}\d{4}\b/g
const CARD_ENDING_RE = /\b(?:card|visa|mastercard|master card|amex|american express|debit|credit|maestro|discover)\b[^\n.]{0,40}?\b(?:ending|ends|last (?:4|four)(?: digits)?)(?: (?:in|with|of|are|is))?:?\s+(\d{4})\b/gi

const CARD_GROUPINGS = /^(?:4,4,4,[1-4]|4,4,4,4,[1-3]|4,6,[45]|4,4,4,4)$/

function detectCards(text: string, push: Push): void {
  for (const m of matchesNearDigits(CARD_RE, text, 0)) {
    const raw = m[0]
    // one separator style only, and groups of at least three digits (not a list of numbers)
    const seps = raw.match(/[ -]/g) ?? []
    if (new Set(seps).size > 1) continue
    const groups = raw.split(/[ -]/)
    if (groups.length > 1 && groups.some((g) => g.length < 3)) {
      // try the longest prefix of groups that is a card (a card followed by an expiry year)
      let found = false
      for (let n = groups.length - 1; n >= 1 && !found; n--) {
        const prefix = groups.slice(0, n).join(seps[0] ?? '')
        if (groups.slice(0, n).every((g) => g.length >= 3) && isCardNumber(prefix)) {
          push(m.index, m.index + prefix.length, 'card_number', PRIORITY.card)
          found = true
        }
      }
      // else a number before the card ("47 4539 1488 0343 6467"): the run search below may find it
      if (found) continue
    }
    // "114-2233445-6677889" is an order number that happens to pass Luhn: cards are written 4-4-4-4 or 4-6-5,
    // and card numbers start with 2 to 6 ("0049 171 2345678" is a phone number)
    const isCard = (value: string, lengths: number[]) => (lengths.length === 1 || CARD_GROUPINGS.test(lengths.join(','))) && /^[2-6]/.test(value) && isCardNumber(value)
    if (isCard(raw, groups.map((g) => g.length))) {
      push(m.index, m.index + raw.length, 'card_number', PRIORITY.card)
      continue
    }
    // numbers written side by side ("…900461 4539 1488 0343 6467"): a run of whole groups inside may be the card
    if (groups.length < 3 || seps.length === 0) continue
    const starts: number[] = []
    for (let i = 0, at = 0; i < groups.length; at += groups[i].length + 1, i++) starts.push(at)
    search: for (let i = 1; i < groups.length; i++) {
      for (let j = groups.length; j > i; j--) {
        const value = raw.slice(starts[i], starts[j - 1] + groups[j - 1].length)
        if (isCard(value, groups.slice(i, j).map((g) => g.length))) {
          push(m.index + starts[i], m.index + starts[i] + value.length, 'card_number', PRIORITY.card)
          break search
        }
      }
    }
  }
  // every masked card holds four mask characters in a row: most texts hold none, and the pattern's
  // look-behind would otherwise be tried at every position
  if (MASK_RUN_RE.test(text)) for (const m of text.matchAll(MASKED_CARD_RE)) push(m.index, m.index + m[0].length, 'card_number', PRIORITY.card)
  // "Could you confirm the last 4 of the card?" → "7782" (only after a line naming a card: the text holds that word)
  if (CARD_WORD_RE.test(text)) for (const m of text.matchAll(/^[ \t]*(?:(?:\[[^\]\n]{1,25}\][ \t]*)?\p{L}[\p{L} .'’-]{0,30}(?:\([^)\n]{1,20}\))?[ \t]*:[ \t]*)?(?:(?:it'?s|its|sure|yes|yeah)[ \t,]+)?(\d{4})[ \t]*[.!]?[ \t]*$/gmu)) {
    const asked = previousLine(text, m.index)
    if (/\b(?:card|visa|mastercard|amex)\b/i.test(asked) && /\b(?:last (?:4|four)|ending|ends)\b/i.test(asked)) {
      const start = m.index + m[0].indexOf(m[1])
      push(start, start + 4, 'card_number', PRIORITY.card - 10)
    }
  }
  // "Agent: And which card?" / "Customer: the one ending 9921"
  if (/end/i.test(text)) for (const m of text.matchAll(/\b(?:ending|ends)(?: (?:in|with))?:?[ \t]+(\d{4})\b/gi)) {
    const context = lineBefore(text, m.index, 60) + ' ' + previousLine(text, m.index)
    if (!/\b(?:card|visa|mastercard|amex|debit|credit)\b/i.test(context)) continue
    const start = m.index + m[0].length - 4
    push(start, start + 4, 'card_number', PRIORITY.card - 11)
  }
  if (/end|last/i.test(text)) for (const m of text.matchAll(CARD_ENDING_RE)) {
    const start = m.index + m[0].length - m[1].length
    push(start, start + 4, 'card_number', PRIORITY.card - 10)
  }
}

const IBAN_START_RE = /(?<![A-Za-z0-9])([A-Z]{2})(\d{2})(?=[ ]?[A-Z0-9])/g

function detectIbans(text: string, push: Push): void {
  for (const m of text.matchAll(IBAN_START_RE)) {
    const expected = IBAN_LENGTHS[m[1]]
    // walk alphanumerics, allowing single spaces between groups, until the country's length
    let i = m.index
    let count = 0
    const ends: number[] = []
    while (i < text.length && count < 34) {
      const ch = text[i]
      if (/[A-Za-z0-9]/.test(ch)) {
        count++
        i++
        if (count >= 15) ends.push(i)
      } else if (ch === ' ' && /[A-Za-z0-9]/.test(text[i + 1] ?? '') && count % 4 === 0) {
        i++
      } else break
    }
    const choices = expected ? ends.filter((e) => text.slice(m.index, e).replace(/ /g, '').length === expected) : ends.reverse()
    for (const end of choices) {
      if (/[A-Za-z0-9]/.test(text[end] ?? '')) continue
      if (ibanValid(text.slice(m.index, end))) {
        push(m.index, end, 'iban', PRIORITY.iban)
        break
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// national identifiers

const SSN_RE = /(?<![\w-])\d{3}-\d{2}-\d{4}(?![\w-])/g
const SPACED_SSN_RE = /(?<![\w-])\d{3} \d{2} \d{4}(?![\w-])/g
const UK_NINO_RE = /(?<![A-Za-z0-9])(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/g
const STRUCTURED_ID_RE = /(?<![A-Za-z0-9])(?:[A-Z]{6}\d{2}[A-EHLMPR-T][0-7]\d[A-Z]\d{3}[A-Z]|[A-Z][AEIOUX][A-Z]{2}\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[HM][A-Z]{2}[B-DF-HJ-NP-TV-Z]{3}[A-Z\d]\d)(?![A-Za-z0-9])/g
const NATIONAL_ID_CUE_RE =
  /\b(?:social security(?: number| no\.?| #)?|ssn|s\.s\.n\.?|social insurance number|sin(?= ?(?:number|no|#|:|is))|national insurance(?: number| no\.?)?|ni (?:number|no\.?)|nino|passport(?: number| no\.?| #)?|driver'?s? licen[cs]e(?: number| no\.?| #)?|driving licen[cs]e(?: number| no\.?)?|licen[cs]e number|tax (?:id|identification number|file number|number|code)|tin|tfn|ein|itin|national id(?:entity)?(?: card)?(?: number| no\.?)?|id card(?: number| no\.?)?|identity card(?: number| no\.?)?|personal (?:id|identity|identification) (?:number|code)|citizen (?:id|number)|bsn|burgerservicenummer|nhs number|medicare(?: number| card number)?|health card number|aadhaa?r(?: number| no\.?)?|pan(?= ?(?:number|card|:))(?: number| card)?|pps ?n?(?: number)?|personnummer|codice fiscale|dni|nie|cpf|curp|steuer-?id|steuernummer|personalausweis(?:nummer)?|pesel|nip|rut|c[ée]dula(?: de (?:identidad|ciudadan[ií]a))?|amka|afm|kennitala|resident registration number|rrn|peid|nid|f[øo]dselsnummer|personnummer|cui|dui|rfc|nif|nir|niss|rijksregisternummer|num[ée]ro (?:national|de s[ée]curit[ée] sociale)|insee|cpr(?:-?nummer)?|henkil[öo]tunnus|hetu|isikukood|asmens kodas|personas kods|egn|егн|jmbg|em[šs]o|oib|cnp|rodn[ée] [čc][íi]slo|t\.?c\.? kimlik(?: no\.?| numaras[ıi])?|kimlik no|nric|hkid|mykad|emirates id|iqama|ird number|ahv(?:-?nummer)?|sozialversicherungsnummer|identifikationsnummer|tessera sanitaria|carta d'identit[àa]|cart[ãa]o de cidad[ãa]o|documento de identidad|n[úu]mero de identidad|identity number|id number|(?<!(?:order|account|acct|customer|member|booking|ticket|case|tracking|transaction|user|client|reference|invoice|employee|staff|student|patient|login|subscription|device|session|policy|claim|request|product|apple|google|microsoft|steam|game|player|account holder)[ \t])(?:id|identity|identification) (?:number|no\.?|#)|identity document number)(?![\w])(?:[ \t]+(?:on|in|from|for|of)[ \t]+(?:the|my|your|this|that|his|her)[ \t]+[a-z]+)?\s*(?:is|was|=|:|#|-|—|–|no\.?|number)?\s*(?:is\s+)?[:#]?\s*/gi
const NATIONAL_ID_VALUE_RE = /^[A-Z0-9](?:[A-Z0-9]|[ .\/-](?=[A-Z0-9])){4,24}/i

function detectNationalIds(text: string, push: Push): void {
  for (const m of matchesNearDigits(SSN_RE, text, 0)) {
    if (ssnValid(m[0])) push(m.index, m.index + m[0].length, 'national_id', PRIORITY.nationalIdPattern)
  }
  // "524 71 3390" with spaces is an SSN only when the line talks about one
  for (const m of matchesNearDigits(SPACED_SSN_RE, text, 0)) {
    if (ssnValid(m[0]) && /\b(?:ssn|social security|social insurance|sin)\b/i.test(lineBefore(text, m.index, 80))) {
      push(m.index, m.index + m[0].length, 'national_id', PRIORITY.nationalIdPattern)
    }
  }
  // Canadian SIN: nine digits with a Luhn check digit, after "SIN"
  if (text.includes('SIN')) for (const m of text.matchAll(/\bSIN\b[^\n\d]{0,24}?(\d{3}[ -]?\d{3}[ -]?\d{3})(?![\w-])/g)) {
    if (!luhnValid(digitsOf(m[1]))) continue
    const start = m.index + m[0].length - m[1].length
    push(start, start + m[1].length, 'national_id', PRIORITY.nationalIdPattern)
  }
  for (const m of matchesNearDigits(UK_NINO_RE, text, 1)) push(m.index, m.index + m[0].length, 'national_id', PRIORITY.nationalIdPattern)
  // Italian codice fiscale and Mexican CURP: their fixed letter-and-digit structure is the identifier
  for (const m of matchesNearDigits(STRUCTURED_ID_RE, text, 0)) push(m.index, m.index + m[0].length, 'national_id', PRIORITY.nationalIdPattern)
  for (const m of text.matchAll(NATIONAL_ID_CUE_RE)) {
    const start = m.index + m[0].length
    const v = NATIONAL_ID_VALUE_RE.exec(text.slice(start))
    if (!v) continue
    let value = v[0]
    // stop before a following plain word ("123456789 and my ...")
    value = value.replace(/[ .\/-]+[a-z]{2,}.*$/s, '')
    const firstToken = value.split(/[ .\/-]/)[0]
    if (!/\d/.test(firstToken) && !/^[A-Z]{1,3}$/.test(firstToken)) continue
    if (!/\d/.test(value) || digitsOf(value).length < 4) continue
    // the cue names the identifier: it outranks a card pattern that the digits happen to pass (Luhn)
    const cardShaped = /^\d{4}([ -])\d{4}\1\d{4}\1\d{1,4}$/.test(value)
    push(start, start + value.length, 'national_id', cardShaped ? PRIORITY.nationalIdCued : PRIORITY.card + 1)
  }
  // "the last four of your social?" → "4471": part of an SSN is still a national identifier
  if (/last/i.test(text)) for (const m of text.matchAll(/\blast (?:4|four)(?: digits)?(?: of)? (?:your|my|the|his|her)? ?(?:social|ssn|social security(?: number)?|sin|ni number|national insurance number|national id)\b[^\n\d]{0,30}?(?:(\d{4})\b|\n[ \t]*(?:[A-Za-z]{2,12}[ \t]*:[ \t]*)?(?:it'?s[ \t]+)?(\d{4})[ \t]*[.!]?[ \t]*(?:\n|$))/gi)) {
    const digits = m[1] ?? m[2]
    const start = m.index + m[0].lastIndexOf(digits)
    push(start, start + 4, 'national_id', PRIORITY.nationalIdCued)
  }
  // NHS numbers are validated by their check digit, but only taken with the cue ("NHS number"),
  // which the cue regex above already handles; a bare one with a valid check digit is still rare:
  // the check guards against ordinary 10-digit numbers.
  if (text.includes('NHS')) for (const m of text.matchAll(/\bNHS\b[^\n\d]{0,20}(\d{3} ?\d{3} ?\d{4})\b/g)) {
    if (!nhsNumberValid(m[1])) continue
    const start = m.index + m[0].length - m[1].length
    push(start, start + m[1].length, 'national_id', PRIORITY.nationalIdCued + 1)
  }
}

// ---------------------------------------------------------------------------------------------
// dates of birth

const MONTHS = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?'
const DATE_RE = new RegExp(
  [
    String.raw`\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b`,
    String.raw`\b\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:${MONTHS})\.?,? \d{4}\b`,
    String.raw`\b(?:${MONTHS})\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?(?: of)? (?:${MONTHS})\b`,
    String.raw`\b(?:${MONTHS})\.? \d{1,2}(?:st|nd|rd|th)?\b`,
  ].join('|'),
  'gi',
)
const DOB_CUE_RE = /\b(?:born|birth|dob|d\.o\.b\.?|birthday|birth date|b-day|bday)\b/i
const BORN_YEAR_RE = /\bborn in (\d{4})\b/gi

/** Some part of every cue below: a text without one holds no date of birth. */
const ANY_DOB_CUE_RE = /[bd](?:orn|irth|ob|\.o\.b|-day|day)/i

function detectDatesOfBirth(text: string, push: Push): void {
  if (!ANY_DOB_CUE_RE.test(text)) return
  for (const m of matchesNearDigits(DATE_RE, text, 3)) {
    const before = lineBefore(text, m.index, 45)
    const after = lineAfter(text, m.index + m[0].length, 20)
    const asked = DOB_CUE_RE.test(previousLine(text, m.index)) && /^[^\n]{0,30}$/.test(lineBefore(text, m.index, 200))
    if (DOB_CUE_RE.test(before) || asked || /^\s*\((?:dob|d\.o\.b\.?|date of birth)\)/i.test(after)) {
      push(m.index, m.index + m[0].length, 'date_of_birth', PRIORITY.dateOfBirth)
    }
  }
  // "birthday: 12/12" — day and month only, right after the cue
  for (const m of text.matchAll(/\b(?:birthday|dob|d\.o\.b\.?|date of birth|born(?: on)?)\b[ \t]*(?:is[ \t]+|:[ \t]*|-[ \t]*)?(?:the[ \t]+)?(\d{1,2}[/.-]\d{1,2})(?![/.-]?\d)/gi)) {
    const start = m.index + m[0].length - m[1].length
    push(start, start + m[1].length, 'date_of_birth', PRIORITY.dateOfBirth - 1)
  }
  for (const m of text.matchAll(BORN_YEAR_RE)) {
    const start = m.index + m[0].length - 4
    push(start, start + 4, 'date_of_birth', PRIORITY.dateOfBirth - 1)
  }
}

// ---------------------------------------------------------------------------------------------
// other dates: a day that can be tied to a person ("delivered on 12/03/2024", "3. März 2024")

/** Month names and abbreviations in the languages customers write in (English above). */
const FOREIGN_MONTHS = [
  'januar|jänner|februar|märz|maerz|mai|juni|juli|oktober|dezember', // German
  'janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre', // French
  'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre', // Spanish
  'gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre', // Italian
  'janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|dezembro', // Portuguese
  'januari|februari|maart|mei|augustus|juni|juli', // Dutch, Swedish
  'stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia', // Polish
  'tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|syyskuuta|lokakuuta|marraskuuta|joulukuuta', // Finnish
].join('|')
const ANY_MONTH = `(?:${MONTHS}|${FOREIGN_MONTHS})`
const WEEKDAY = '(?:mon|tues?|wed|thu(?:rs)?|fri|sat|sun)(?:day)?\\.?,?'
const GENERAL_DATE_RE = new RegExp(
  [
    // 2024-03-12, 12/03/2024, 12.03.24, 3-12-2024, 2024-03-12T14:30:00Z
    String.raw`(?<![\d./-])\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?![\d./-]*\d)`,
    String.raw`(?<![\d./-])\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})(?![\d./-]*\d)`,
    // 06/Nov/2023, 15-Mar-24 (logs, forms): a day, a month's abbreviation and a year joined by one separator
    String.raw`(?<![\d./-])\d{1,2}([-/.])(?:${MONTHS})\1(?:\d{4}|\d{2})(?![\d./-]*\d)`,
    // 04/2016, 11-2024 (a month and a year: expiry dates, billing periods)
    String.raw`(?<![\d./-])(?:0[1-9]|1[0-2])[/-](?:19|20)\d{2}(?![\d./-]*\d)`,
    // (Tuesday) 12 March 2024, 12th of March, 3. März 2024, 12 de marzo de 2024
    String.raw`(?:${WEEKDAY}\s+)?\d{1,2}(?:st|nd|rd|th|\.|º)?(?:\s+of|\s+de)?\s+${ANY_MONTH}\.?(?:,?\s+(?:de\s+)?\d{4})?`,
    // (Tuesday,) March 12(th)(, 2024)
    String.raw`(?:${WEEKDAY}\s+)?(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?(?!\d|:)(?:,?\s+\d{4})?`,
    // March 2024, März 2024
    String.raw`${ANY_MONTH}\.?\s+(?:of\s+)?(?:19|20)\d{2}`,
  ]
    .map((alt) => `\\b${alt}\\b`)
    .join('|'),
  'giu',
)

function validDayMonth(value: string): boolean {
  const parts = value.split(/[-/.]/).map(Number)
  if (parts.length !== 3) return true
  const [a, b, c] = value.match(/^\d{4}/) ? [parts[2], parts[1], parts[0]] : parts
  // day/month or month/day
  const dm = a >= 1 && a <= 31 && b >= 1 && b <= 12
  const md = b >= 1 && b <= 31 && a >= 1 && a <= 12
  return (dm || md) && c >= 0
}

function detectDates(text: string, push: Push): void {
  // every date holds a digit, with at most two words (a weekday, a month, "of", "de") before its
  // first digit, after its last or between two ("12 de marzo de 2024")
  for (const m of matchesNearDigits(GENERAL_DATE_RE, text, 3)) {
    const value = m[0]
    if (/^\d/.test(value) && /^[\d./-]+$/.test(value)) {
      if (!validDayMonth(value)) continue
      // "version 4.12.24", "v1.2.10", an amount "12.50.00"
      if (/(?:version|ver|v|build|firmware|release|update)\s*$/i.test(lineBefore(text, m.index, 20))) continue
      // a dotted triple of short numbers with a two-digit tail is as often a version as a date
      if (/^\d{1,2}\.\d{1,2}\.\d{2}$/.test(value) && !/\b(?:on|am|vom|le|el|il|dated?|since|until|from|by|seit|bis)\s*$/i.test(lineBefore(text, m.index, 12))) continue
    }
    // "May 5" is a date, "may 5 people" is not: a lower-case may needs a day and a year
    if (/^may\s+\d{1,2}(?!\d)/.test(value) && !/\d{4}$/.test(value)) continue
    push(m.index, m.index + value.length, 'date', PRIORITY.date)
  }
  // "arrived on 3/14", "bis 14.03.": a day and a month without a year, only after a word that dates
  for (const m of matchesNearDigits(DAY_MONTH_AFTER_CUE_RE, text, 2)) {
    const value = m[1]
    const [a, b] = value.split(/[/.]/).map(Number)
    if (!((a >= 1 && a <= 31 && b >= 1 && b <= 12) || (a >= 1 && a <= 12 && b >= 1 && b <= 31))) continue
    const start = m.index + m[0].length - value.length
    push(start, start + value.length, 'date', PRIORITY.date)
  }
}
/** A cue that dates what follows, then "3/14", "14/03" or "14.03." (no fraction: "3/4 of", "1/2 %", "24/7"). */
const DAY_MONTH_AFTER_CUE_RE = /\b(?:on|since|until|till|before|after|by|from|due|dated|arrived|delivered|ordered|shipped|placed|am|vom|seit|bis|le|el|il|op|dia|em)[ \t]+(?:the[ \t]+)?(\d{1,2}\/\d{1,2}|\d{1,2}\.\d{1,2}\.)(?![\p{N}/.-]|[ \t]*(?:of|%|pm|am|times|x)\b)/giu

// ---------------------------------------------------------------------------------------------
// account, order, ticket and tracking numbers

const YEAR_RE = /^(?:19|20)\d{2}$/

const ACCOUNT_CUE_RE =
  /\b(purchase order|work order|sort code|order|orders|account|acct|acc|a\/c|ticket|tickets|case|reference|ref|invoice|tracking|confirmation|booking|reservation|membership|member|customer|client|policy|claim|rma|subscription|contract|transaction|txn|receipt|shipment|parcel|package|consignment|waybill|airway bill|return|refund|loan|incident|request|complaint|job|voucher|routing|serial|licence key|license key|pnr|quote|estimate|application|appointment|patient|student|employee|staff|payroll|warranty|device|meter|mpan|mprn|mandate|cheque|check|awb|container|registration|enrolment|enrollment|booking id|case id|vat(?: reg(?:istration)?)?|company registration|itinerary|dispatch|loyalty(?: card)?|rewards(?: card)?|club ?card|nectar(?: card)?|frequent flyer|passenger|tenancy|donor|supporter|cardholder|payment|payment reference|direct debit|mandate reference)\b(?:,?\s+(?:number|numbers|no\.?|num|nr|#|id|ids|code|ref(?:erence)?|key))?(?:\s*(?:is|was|are|=|:|#|-|of|ending in|ending|ends in|ending with))?\s*(?:is|was|are)?\s*:?\s*#?/gi
const ACCOUNT_VALUE_RE = /^#?[A-Za-z0-9](?:[A-Za-z0-9]|[-\/._](?=[A-Za-z0-9])|[ ](?=\d{3,}\b)|[ ](?=[A-Z]*\d)(?=[A-Z\d]{2,7}\b)){3,40}/
const ACCOUNT_KIND: Record<string, ReferenceKind> = {
  order: 'order', orders: 'order', 'purchase order': 'order', 'work order': 'order',
  account: 'account', acct: 'account', acc: 'account', 'a/c': 'account', member: 'account', membership: 'account',
  customer: 'account', client: 'account', subscription: 'account', loan: 'account', policy: 'account',
  'sort code': 'account', routing: 'account', contract: 'account',
  ticket: 'ticket', tickets: 'ticket', case: 'ticket', incident: 'ticket', request: 'ticket',
  complaint: 'ticket', job: 'ticket', claim: 'ticket', rma: 'ticket',
  quote: 'reference', estimate: 'reference', application: 'reference', appointment: 'reference', patient: 'account', student: 'account', employee: 'account', staff: 'account', payroll: 'account', meter: 'account', mpan: 'account', mprn: 'account', mandate: 'account',
  tracking: 'tracking', shipment: 'tracking', awb: 'tracking', container: 'tracking', parcel: 'tracking', package: 'tracking',
  consignment: 'tracking', waybill: 'tracking', 'airway bill': 'tracking', dispatch: 'tracking',
}
const WORDY_CODE_CUES = /^(?:reference|ref|booking|confirmation|reservation|pnr|voucher|tracking|order|case|ticket)$/i

const PREFIXED_ID_RE =
  /(?<![\w-])(?:ORD|ORDER|INV|TKT|TCK|TIX|CASE|CS|REF|ACC|ACCT|CUST|CUS|CID|RMA|BK|BKG|PO|SR|INC|REQ|TRK|SHP|SUB|TXN|TRX|CNF|CONF|RES|MEM|MBR|POL|CLM|RET|RFD|CN|UID|LN|AC)[-_#]?\d[\dA-Z]*(?:-[\dA-Z]+)*(?![\w-])/gi
const GENERIC_CODE_RE = /(?<![\w-])[A-Z]{2,5}-\d{5,}(?:-[A-Z0-9]+)*(?![\w-])/g
const TRACKING_RE = /(?<![\w])(?:1Z[0-9A-Z]{16}|[A-Z]{2}\d{9}[A-Z]{2}|9[1-5]\d{18,20})(?![\w])/g
const HASH_NUMBER_RE = /(?<![\w&#])#\d{4,}(?![\w])/g
const LONG_DIGITS_RE = /(?<![\w.,$£€\/-])\d{7,20}(?![\w\/-]|[.,]\d)/g
const VAT_RE = /(?<![\w-])(?:GB|IE|DE|FR|NL|BE|ES|IT|AT|PL|SE|DK|FI|PT|LU|CZ)[ ]?(?:\d[ ]?){8,11}\d(?:B\d{2})?(?![\w-])/g
const NOT_CODE_PREFIXES = new Set(['ISO', 'COVID', 'CVE', 'UTF', 'RFC', 'SKU', 'ISBN', 'HTTP', 'RTX', 'GTX', 'RX', 'A'])

function kindFromPrefix(prefix: string): ReferenceKind {
  const p = prefix.toUpperCase()
  if (/^(?:ORD|ORDER|PO)$/.test(p)) return 'order'
  if (/^(?:ACC|ACCT|CUST|CUS|CID|MEM|MBR|POL|SUB|AC|CN|UID|LN)$/.test(p)) return 'account'
  if (/^(?:TKT|TCK|TIX|CASE|CS|SR|INC|REQ|CLM|RMA)$/.test(p)) return 'ticket'
  if (/^(?:TRK|SHP)$/.test(p)) return 'tracking'
  return 'reference'
}

/** Everyday words that name a reference only with a qualifier: "customer number 123", not "Customer: SW1A". */
const QUALIFIED_CUES = new Set(['loyalty', 'rewards', 'frequent flyer', 'passenger', 'tenancy', 'donor', 'supporter', 'cardholder', 'payment', 'direct debit', 'vat', 'vat reg', 'vat registration', 'company registration', 'itinerary', 'dispatch', 'customer', 'client', 'member', 'request', 'return', 'refund', 'job', 'package', 'serial', 'complaint', 'contract', 'loan', 'voucher', 'routing', 'tickets', 'orders', 'quote', 'estimate', 'application', 'appointment', 'patient', 'student', 'employee', 'staff', 'payroll', 'warranty', 'device', 'meter', 'mandate', 'cheque', 'check', 'container', 'registration', 'enrolment', 'enrollment'])

function detectAccountNumbers(text: string, push: Push): void {
  for (const m of text.matchAll(ACCOUNT_CUE_RE)) {
    const cue = m[1].toLowerCase()
    const qualified = /\b(?:number|numbers|no\.?|num|nr|#|id|ids|code|ref|reference|key)\s*(?:is|was|are|=|:|#|-|of)?\s*(?:is|was|are)?\s*:?\s*#?$/i.test(m[0]) || m[0].trimEnd().endsWith('#')
    if (QUALIFIED_CUES.has(cue) && !qualified) continue
    let pos = m.index + m[0].length
    // a cue may introduce a list: "orders 1234, 5678 and 9012"
    for (let n = 0; n < 6; n++) {
      const v = ACCOUNT_VALUE_RE.exec(text.slice(pos))
      if (!v) break
      let value = v[0].replace(/[-\/.]+$/, '')
      // "for 45 people": a word followed by a number is not a reference; the first group must be one
      const firstGroup = value.split(' ')[0]
      // "MTR 4418 2290": a short capital prefix before groups of digits belongs to the reference
      const letterPrefix = /^[A-Z]{2,4}$/.test(firstGroup) && /^[A-Z]{2,4}(?: \d{2,})+$/.test(value) && digitsOf(value).length >= 6
      if (value.includes(' ') && !/\d/.test(firstGroup) && !letterPrefix) value = firstGroup
      const hasDigit = /\d/.test(value)
      const codeLike = /^[A-Z0-9]{5,10}$/.test(value) && /[A-Z]/.test(value)
      if (!hasDigit && !(codeLike && WORDY_CODE_CUES.test(cue))) break
      const digits = digitsOf(value)
      if (hasDigit && value.replace(/^#/, '').length < 4) break
      if (/^#?\d{4}$/.test(value) && YEAR_RE.test(digits) && !value.startsWith('#')) break
      // amounts and quantities ("refund of 25.00", "order 3 items") are not references
      if (/^\d{1,3}(?:[.,]\d{2})?$/.test(value)) break
      if (/^\d+(?:st|nd|rd|th)$/i.test(value)) break
      if (!hasDigit && /^[A-Z]+$/.test(value) && value.length < 5) break
      value = value.trimEnd()
      // "my account NightRaven_07 got banned": after "account", a handle is the username of the account
      const letters = value.replace(/[^A-Za-z]/g, '').length
      const handleLike = /^(?:account|acct|acc)$/.test(cue) && !qualified && /^[A-Za-z][A-Za-z0-9._]*$/.test(value) && letters >= 3 && letters > digits.length * 1.5 && /[a-z]/.test(value)
      if (handleLike) push(pos, pos + value.length, 'username', PRIORITY.usernameCued - 1)
      else push(pos, pos + value.length, 'account_number', PRIORITY.accountCued, { kind: ACCOUNT_KIND[cue] ?? 'reference' })
      pos += value.length
      const sep = /^(?:\s*,\s*|\s+(?:and|or|&)\s+|\s*\/\s*)#?/.exec(text.slice(pos))
      if (!sep) break
      pos += sep[0].length
    }
  }
  for (const m of matchesNearDigits(PREFIXED_ID_RE, text, 0)) {
    const prefix = /^[A-Za-z]+/.exec(m[0])?.[0] ?? ''
    if (m[0].length < prefix.length + 3) continue
    if (/^[a-z]/.test(m[0]) && m[0] !== m[0].toLowerCase()) continue
    push(m.index, m.index + m[0].length, 'account_number', PRIORITY.accountPattern, { kind: kindFromPrefix(prefix) })
  }
  for (const m of matchesNearDigits(GENERIC_CODE_RE, text, 0)) {
    const prefix = m[0].split('-')[0]
    if (NOT_CODE_PREFIXES.has(prefix)) continue
    push(m.index, m.index + m[0].length, 'account_number', PRIORITY.accountPattern - 1, { kind: 'reference' })
  }
  for (const m of matchesNearDigits(TRACKING_RE, text, 0)) {
    push(m.index, m.index + m[0].length, 'account_number', PRIORITY.accountPattern, { kind: 'tracking' })
  }
  for (const m of matchesNearDigits(HASH_NUMBER_RE, text, 0)) {
    push(m.index, m.index + m[0].length, 'account_number', PRIORITY.accountPattern - 2, { kind: 'reference' })
  }
  for (const m of matchesNearDigits(LONG_DIGITS_RE, text, 0)) {
    if (YEAR_RE.test(m[0])) continue
    const prev = previousLine(text, m.index).toLowerCase()
    const kind: ReferenceKind = /order/.test(prev) ? 'order' : /account/.test(prev) ? 'account' : 'reference'
    push(m.index, m.index + m[0].length, 'account_number', PRIORITY.accountWeak, { kind })
  }
  detectNearbyReferences(text, push)
  // "the VAT number to GB 987 6543 21": a European VAT number with "VAT" earlier on the line
  for (const m of matchesNearDigits(VAT_RE, text, 1)) {
    if (!/\bVAT\b/i.test(lineBefore(text, m.index, 40))) continue
    push(m.index, m.index + m[0].length, 'account_number', PRIORITY.accountCued, { kind: 'reference' })
  }
}

/** "<something> number: 6338 2910 4471": whatever is numbered, a value with digits after it is a reference. */
const NUMBERED_RE = /\b([a-z]+)[ \t]+(?:number|no\.?|num|nr|#|id|ref)(?![\w])[ \t]*(?:is|was|=|:|-)?[ \t]*(?:is[ \t]+)?:?[ \t]*#?/gi
const NOT_NUMBERED = new Set(
  `phone mobile cell contact telephone tel fax landline home work office direct emergency whatsapp house flat apartment apt unit door
  street building floor room table seat gate platform flight train bus route page step chapter item line model serial part version
  batch lot size pin security verification otp passcode access promo discount coupon error status tax insurance social passport
  licence license driving id nhs the a my your his her our their this that any no which what same right wrong correct new old full
  whole last first lucky total his its one another different valid invalid sort vat tracking order account case ticket reference
  booking invoice member customer claim policy card credit debit visa mastercard amex iban bic swift routing
  ligar liga ligue llamar llamarme chiamare chiamarmi bellen joindre appeler call ring text reach dial`.split(/\s+/).filter(Boolean),
)

/** The word that numbers, after a space: where every NUMBERED_RE match has it. */
const NUMBERING_WORD_RE = /[ \t](?:number|no\.?|num|nr|#|id|ref)(?![\w])/gi

function numberingWords(text: string): number[] {
  const out: number[] = []
  for (const m of text.matchAll(NUMBERING_WORD_RE)) out.push(m.index + 1)
  return out
}

function detectNumberedThings(text: string, push: Push): void {
  // a word, the numbering word and up to four short words after it ("is", ":", "#"): five words either side
  for (const m of matchesNear(NUMBERED_RE, text, 5, numberingWords(text))) {
    if (NOT_NUMBERED.has(m[1].toLowerCase())) continue
    const pos = m.index + m[0].length
    const v = ACCOUNT_VALUE_RE.exec(text.slice(pos))
    if (!v) continue
    const value = v[0].replace(/[-\/.]+$/, '').trimEnd()
    const digits = digitsOf(value).length
    if (digits < 4 || plainCode(value) || MEASURE_AFTER_RE.test(text.slice(pos + value.length, pos + value.length + 12))) continue
    const phoneShaped = /^(?:\+|\(|0)/.test(value) && digits >= 9
    push(pos, pos + value.length, 'account_number', phoneShaped ? PRIORITY.accountNearby : PRIORITY.accountCued - 1, { kind: 'reference' })
  }
}

/** A word that makes a code near it a reference ("the tracking for it is …", "… is my booking ref"). */
const REFERENCE_WORD_RE =
  /\b(?:order|orders|ref|refs|reference|references|case|ticket|tracking|confirmation|invoice|account|acct|acc|member|membership|policy|booking|reservation|claim|customer|client|subscription|transaction|receipt|parcel|shipment|consignment|rma|incident|pnr|voucher|contract|loan|quote|waybill|itinerary|purchase|return|refund|delivery|package|id)\b/i
/** One code-like token: letters, digits and inner dashes or slashes, holding at least three digits. */
const CODE_TOKEN_RE = /(?<![\p{L}\p{N}_@.\/:+£$€#-])#?(?=[A-Za-z0-9\/-]*\d[A-Za-z0-9\/-]*\d[A-Za-z0-9\/-]*\d)[A-Za-z0-9]+(?:[-\/][A-Za-z0-9]+)*(?![\p{L}\p{N}_@%]|[.,:\/-][\p{L}\p{N}])/gu
/** Capitals and digits without any cue, at least four digits: "W123456789", "HFX9920117". */
const CAPITAL_CODE_RE = /(?<![\p{L}\p{N}_@.\/:+£$€#-])(?=[A-Z0-9-]*[A-Z])(?=(?:[A-Z-]*\d){4})[A-Z0-9]+(?:-[A-Z0-9]+)*(?![\p{L}\p{N}_@%]|[.,:\/-][\p{L}\p{N}])/gu
/** What a number measures: "10000 points", "25000 miles" are amounts, not references. */
const MEASURE_AFTER_RE = /^\s*(?:x\b|%|points?|pts|miles?|km|kms|kg|kgs|g\b|lbs?|mb|gb|tb|kb|mbps|gbps|ml|l\b|mm|cm|m\b|mph|kwh|w\b|watts?|volts?|v\b|mah|hz|mhz|ghz|dpi|px|rpm|pounds|dollars|euros|quid|bucks|pence|cents|usd|gbp|eur|cad|aud|yen|items?|units?|pcs|pieces|people|users|seats|licen[cs]es|customers|words|pages|calls|messages|emails|steps|reviews|followers|views|times|days|weeks|months|years|hours|hrs|mins?|minutes|seconds|secs)\b/i
/** Words before a code that make it a product, a flight or a software version rather than personal data. */
const NOT_REFERENCE_BEFORE_RE = /\b(?:model|models|version|ver|v|part|sku|serial|firmware|build|flight|train|bus|route|room|gate|seat|platform|size|type|error|code|promo|discount|coupon|item|product|article|chapter|page|step|level|rule|section|clause|form|kb|patch|release|update|port|isbn|ean|upc|asin|barcode|imei)[ \t]*(?:no\.?|number|#|:)?[ \t]*$/i

function plainCode(value: string): boolean {
  const v = value.replace(/^#/, '')
  // dates, years, decimals and round amounts
  if (/^\d{1,4}[\/.-]\d{1,2}[\/.-]\d{1,4}$/.test(v) || /^\d{1,2}[\/-]\d{1,2}$/.test(v)) return true
  if (/^\d+$/.test(v) && (YEAR_RE.test(v) || /^\d{1,3}0{3,}$/.test(v))) return true
  if (/^\d+(?:st|nd|rd|th|s|am|pm|k|m)$/i.test(v)) return true
  // measurements written together: "12500g", "250ml", "5000mah"
  if (/^\d+[a-z]{1,3}$/.test(v)) return true
  // a postcode ("LS6 2QT" is two tokens, "SW1A" one), a size ("1920x1080")
  if (/^\d+x\d+$/i.test(v)) return true
  return false
}

/** A line asking for a postcode ("…and your zip code?"): the number answering it is one. */
export const POSTCODE_QUESTION_RE = /(?:post ?code|postal code|zip|plz|code postal|c[oó]digo postal|\bcap\b|\bcep\b|kod pocztowy|postnumm?er|postinumero)[^\n]{0,20}\?\s*$/iu

/**
 * A code with a reference word a few words before or after it, in the same sentence: "the
 * order I placed for my mum, 55501234", "JD014600006281234567 is the tracking", "invoice on the
 * email is 20240518-0091"; or a code alone on a line answering a question about a number.
 */
function detectNearbyReferences(text: string, push: Push): void {
  for (const m of matchesNearDigits(CODE_TOKEN_RE, text, 0)) {
    const value = m[0]
    const start = m.index
    const end = start + value.length
    if (plainCode(value)) continue
    const bare = value.replace(/^#/, '')
    const digits = digitsOf(bare).length
    const letters = bare.replace(/[^A-Za-z]/g, '').length
    // mostly letters ("abc123def") is a username or a word with digits, not a reference
    if (letters > digits + 2 && !/^[A-Z0-9\/-]+$/.test(bare)) continue
    if (digits < 5 && !(letters > 0 && digits >= 3 && bare.length >= 5) && !value.startsWith('#')) continue
    if (MEASURE_AFTER_RE.test(text.slice(end, end + 12))) continue
    // the same sentence only, without a role's speaker label ("Customer: 889-568-3950" is no customer number)
    let before = withoutRoleLabel(lineBefore(text, start, 70))
    const sentence = /.*(?:[.!?](?:\s|$)|[;])/s.exec(before)
    if (sentence) before = before.slice(sentence[0].length)
    if (NOT_REFERENCE_BEFORE_RE.test(before)) continue
    let after = lineAfter(text, end, 45)
    const stop = /[.!?;](?:\s|$)/.exec(after)
    if (stop) after = after.slice(0, stop.index)
    const beforeWords = before.split(/\s+/).filter(Boolean).slice(-7).join(' ')
    // "the delivery address is 57860 Theron Overpass": a number after "address" starts the address
    const cueBefore = REFERENCE_WORD_RE.test(beforeWords) && !/\baddress\b[^,;]*$/i.test(beforeWords)
    // "… is my order number", "… (booking ref)", "… for the tracking"
    const cueAfter = /^\s*[)\]]?\s*(?:[-–—:,(]\s*)?(?:(?:is|was|=|as|for|on|from)\s+)?(?:(?:my|the|our|your|his|her|their|an?|that)\s+)?(?:\w+\s+)?(?:order|ref|reference|case|ticket|tracking|confirmation|invoice|account|acct|member(?:ship)?|policy|booking|reservation|claim|customer|subscription|transaction|receipt|parcel|shipment|consignment|rma|incident|pnr|voucher|contract|loan|quote|waybill|id)\b/i.test(after)
    let asked = false
    if (!cueBefore && !cueAfter) {
      // a code on its own line, answering "what's your customer number?"
      const onItsOwn = /^[ \t]*(?:[A-Za-z]{2,12}[ \t]*:[ \t]*)?(?:(?:it'?s|its|it is|sure|yes|yeah|ok|okay)[ \t,]+)?$/i.test(lineBefore(text, start, 40)) && /^[ \t]*[.!]?[ \t]*$/.test(lineAfter(text, end, 10))
      const question = onItsOwn ? previousLine(text, start) : ''
      // (a postcode asked for is taken here and named a postcode once its question is read)
      asked = onItsOwn && ((REFERENCE_WORD_RE.test(question) && /\b(?:number|no\.?|id|ref|reference|code|#)\b/i.test(question)) || POSTCODE_QUESTION_RE.test(question))
    }
    if (!cueBefore && !cueAfter && !asked) continue
    const context = `${beforeWords} ${after} ${asked ? previousLine(text, start) : ''}`.toLowerCase()
    const kind: ReferenceKind = /order|purchase/.test(context)
      ? 'order'
      : /tracking|parcel|shipment|consignment|waybill|package|delivery/.test(context)
        ? 'tracking'
        : /ticket|case|incident|claim|rma|complaint/.test(context)
          ? 'ticket'
          : /account|acct|member|customer|policy|subscription|contract|loan/.test(context)
            ? 'account'
            : 'reference'
    // "The claim I opened, 55-201-881, …": with no phone word around, the reference beats a phone-shaped guess
    const phoneWords = /\b(?:phone|call|ring|mobile|cell|tel|telephone|landline|text|sms|whatsapp|fax|dial|reach)\b/i.test(`${before} ${after}`)
    // only a code that stands on its own: "(412) 555-0183" is one phone number, "75008 Paris" a postcode
    const partOfMore = /[\d)][ \t]*$/.test(text.slice(Math.max(0, start - 3), start)) || /^[ \t]*\(?\d/.test(text.slice(end, end + 3))
    const distinct = /[-\/]/.test(bare) || /[A-Za-z]/.test(bare) || digits >= 7
    push(start, end, 'account_number', !phoneWords && !partOfMore && distinct ? PRIORITY.phone + 1 : PRIORITY.accountNearby, { kind })
  }
  detectNumberedThings(text, push)
  // codes without any cue: capitals and digits, at least four digits and six characters ("W123456789", "HFX9920117")
  for (const m of matchesNearDigits(CAPITAL_CODE_RE, text, 0)) {
    const value = m[0]
    if (value.replace(/-/g, '').length < 6) continue
    const letters = value.replace(/[^A-Z]/g, '')
    if (letters.length > 5 || NOT_CODE_PREFIXES.has(/^[A-Z]+/.exec(value)?.[0] ?? '') || NOT_HANDLE_STEMS.has(letters.toLowerCase())) continue
    if (/^(?:[A-Z]{1,2}\d[A-Z\d]?|\d[A-Z]{2})$/.test(value)) continue
    const before = lineBefore(text, m.index, 40)
    if (NOT_REFERENCE_BEFORE_RE.test(before)) continue
    // "Samsung QE55Q80A", "Dell XPS-9310": a brand before it makes it a product model
    if (/(?:^|[^.!?\s]\s*)\b\p{Lu}[\p{L}]+[ \t]+$/u.test(before) && !/\b(?:Order|Ref|Reference|Case|Ticket|Booking|Invoice|Account)[ \t]+$/.test(before)) continue
    if (MEASURE_AFTER_RE.test(text.slice(m.index + value.length, m.index + value.length + 12))) continue
    push(m.index, m.index + value.length, 'account_number', PRIORITY.accountWeak + 4, { kind: 'reference' })
  }
}

// ---------------------------------------------------------------------------------------------
// usernames

/** Product and technical words that are followed by digits without being usernames. */
const NOT_HANDLE_STEMS = new Set('iphone ipad ipod galaxy pixel windows win office macbook imac covid mpeg http https html utf ipv version android ios xbox playstation switch note model series gen type usb hdmi lte nvme ddr wifi error code page room flight gate seat level chapter step item size year week day month'.split(' '))
const FILE_EXTENSIONS = new Set('pdf doc docx xls xlsx csv txt jpg jpeg png gif heic webp mp3 mp4 mov avi zip rar exe dmg apk ipa js ts json xml html htm css php py rb java md log ini cfg conf yaml yml sql bak tmp eml msg ics vcf pptx ppt odt rtf svg tiff bmp wav flac iso img bin dll sh bat ps1 net'.split(' '))
const HANDLE_RE = /(?<![\w@.\/])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?(?![\w@]|\.[A-Za-z])/g
const USERNAME_CUE_RE =
  /\b((?:steam|psn|xbox|epic|riot|battle\.?net|discord|telegram|skype|snapchat|twitch|roblox|minecraft|github|gitlab|slack|teams|zoom|apple|google|microsoft|forum|account) (?:id|name|username|user name|tag|handle|login)|user ?name|user ?id|userid|user|login(?: name| id)?|log-in|sign-in name|handle|screen ?name|gamer ?tag|profile name|display name|nickname|alias|twitter|instagram|insta|tiktok|discord|reddit|github|skype|slack)\b(\s*(?:is|was|=|:|-)\s*|\s+)["'“‘]?/gi
const NOT_USERNAMES = new Set(
  'the a an my your our their his her its this that same not wrong correct incorrect invalid locked blocked disabled taken different missing right fine ok okay case and or but too also still now just already definitely actually showing and being available required needed working broken there here what which who with for from to of on in at by as if it is was be been account page profile settings'.split(' '),
)
const ON_PLATFORM_RE = /[ \t]on[ \t]+(?:the[ \t]+|your[ \t]+)?(?:discord|reddit|steam|xbox|psn|playstation network|twitch|github|instagram|twitter|x|tiktok|telegram|snapchat|forum|community|roblox|slack)\b/i
const LETTERS_DIGITS_RE = /(?<![\w@.\/-])[a-z]{4,}\d{2,}(?![\w@]|\.[a-z])/g
const CAMEL_DIGITS_RE = /(?<![\w@.\/-])[A-Za-z]*[a-z][A-Z][A-Za-z]*\d{2,}(?![\w@]|\.[a-z])/g
/** What follows a record's key: "=", or a closing quote then ":" or "=" ("john_doe:" opening a chat line is a speaker). */
const KEY_AFTER_RE = /^(?:["'][ \t]?[:=]|[ \t]?=)/
const SNAKE_CASE_RE = /(?<![\w@.\/-])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9](?![\w@]|\.[A-Za-z])/g
/** Read only at line starts (sticky): a match holds no line break, so this finds what text.matchAll would with /gm. */
const BARE_USERNAME_LINE_RE = /^[ \t]*(?:[A-Za-z]+[ \t]*:[ \t]*)?([A-Za-z][A-Za-z0-9._-]*\d[A-Za-z0-9._-]*|[a-z]+[._][a-z0-9._]+)[ \t]*[.!]?[ \t]*$/my

/** "mkowalski", "jrsmith": an initial or two glued to a surname, the shape of a login. */
function isInitialsAndSurname(value: string): boolean {
  return /^[a-z]{5,}$/.test(value) && !isCommonWord(value) && (SURNAMES.has(value.slice(1)) || SURNAMES.has(value.slice(2)))
}

const NAME_HANDLE_RE = /(?<![\p{L}\p{N}@.\/_-])\p{Lu}\p{Ll}+(?:[._]\p{Lu}?\p{Ll}+\d{0,4}|\d{1,4})(?![\p{L}\p{N}@_-]|\.\p{L})/gu

function detectUsernames(text: string, push: Push): void {
  for (const m of matchesNear(HANDLE_RE, text, 0, positionsOf(text, '@'))) {
    // "@gmail.com" is the end of an e-mail address, not a handle
    if (/\.(?:com|net|org|co|uk|io|de|fr|nl|edu|gov|me|us|ca|au|info|biz)$/i.test(m[0])) continue
    push(m.index, m.index + m[0].length, 'username', PRIORITY.handle)
  }
  for (const m of text.matchAll(USERNAME_CUE_RE)) {
    const cue = m[1].toLowerCase()
    const separator = m[2]
    // "user: 3118…" at the start of a line is a speaker label in a chat export
    if (/^(?:user|handle|alias)$/.test(cue) && /:/.test(separator) && /^[ \t]*(?:\[[^\]]*\][ \t]*)?$/.test(lineBefore(text, m.index, 200))) continue
    const start = m.index + m[0].length
    const v = /^[^\s"'”’,;()<>]+/.exec(text.slice(start))
    if (!v) continue
    const end = trimTrailing(text, start, start + v[0].length, '.,;:!?)]}\'"”’')
    const value = text.slice(start, end)
    if (value.length < 2 || NOT_USERNAMES.has(value.toLowerCase())) continue
    const explicit = /[:=]/.test(separator) || /["'“‘]$/.test(m[0])
    const looksLikeHandle = /[\d_.@]/.test(value) || /[a-z][A-Z]/.test(value)
    // "user" and "login" are everyday words: take the next token only when it is clearly a name
    const weakCue = cue === 'user' || cue.startsWith('login') || cue === 'log-in' || cue === 'alias'
    const platform = /^(?:twitter|instagram|insta|tiktok|discord|reddit|github|skype|slack)$/.test(cue)
    // "username helgab": a strong cue takes the next word unless it is an everyday word
    const strongCue = /^(?:user ?name|user ?id|userid|screen ?name|gamer ?tag|profile name|display name|handle|[a-z.]+ (?:id|name|username|user name|tag|handle|login))$/.test(cue) && !/^account name$/.test(cue)
    const plainWord = /^[a-z]+$/.test(value) && (isCommonWord(value) || value.length < 3)
    // "login is mkowalski": an initial or two glued to a surname is someone's login
    const initialsAndSurname = isInitialsAndSurname(value)
    if (!explicit && !looksLikeHandle && !initialsAndSurname && !(strongCue && !plainWord) && (weakCue || platform || !/^\s*(?:is|was)\s*$/i.test(separator))) continue
    if (!explicit && weakCue && !looksLikeHandle && !initialsAndSurname) continue
    if (platform && !looksLikeHandle && !explicit) continue
    push(start, end, 'username', PRIORITY.usernameCued)
    // "username is petal.wren i think, or maybe petalwren": the alternatives are usernames too
    const alt = /^(?:[ \t]+i think)?[ \t]*,?[ \t]*(?:or|and|\/)[ \t]+(?:maybe[ \t]+|possibly[ \t]+|perhaps[ \t]+|it might be[ \t]+|it could be[ \t]+)?["'“‘]?([A-Za-z0-9][\w.-]{1,30}[A-Za-z0-9])/i.exec(text.slice(end, end + 60))
    if (alt) {
      const altValue = alt[1]
      const altLooksLikeHandle = /[\d_.]/.test(altValue) || /[a-z][A-Z]/.test(altValue)
      if (altLooksLikeHandle || (/^[a-z]+$/.test(altValue) && !isCommonWord(altValue) && !NOT_USERNAMES.has(altValue) && altValue.length >= 4)) {
        const altStart = end + alt[0].length - altValue.length
        push(altStart, altStart + altValue.length, 'username', PRIORITY.usernameCued - 1)
      }
    }
  }
  // "I'm quietmoth on Steam", "logged in as janedoe"
  if (ON_PLATFORM_RE.test(text)) for (const m of text.matchAll(/\b(?:i'?m|i am|as|called|named|is|under)[ \t]+@?([A-Za-z0-9][\w.-]{2,30})[ \t]+on[ \t]+(?:the[ \t]+|your[ \t]+)?(?:discord|reddit|steam|xbox|psn|playstation network|twitch|github|instagram|twitter|x|tiktok|telegram|snapchat|forum|community|roblox|slack)\b/gi)) {
    const value = m[1]
    if (NOT_USERNAMES.has(value.toLowerCase()) || (isCommonWord(value.toLowerCase()) && !/[\d_.]/.test(value))) continue
    const start = m.index + m[0].indexOf(value, m[0].search(/\s/))
    push(start, start + value.length, 'username', PRIORITY.usernameCued - 1)
  }
  if (/known as|go(?:es|ing)? by|went by|under the/i.test(text)) for (const m of text.matchAll(/\b(?:known as|go by|goes by|going by|went by|under the (?:user ?name|handle|name))[ \t]+["'“‘]?@?([A-Za-z0-9][\w.-]{1,30}[A-Za-z0-9])/gi)) {
    const value = m[1]
    if (!/[\d_.]/.test(value) && !/[a-z][A-Z]/.test(value)) continue
    const start = m.index + m[0].length - value.length
    push(start, start + value.length, 'username', PRIORITY.usernameCued - 1)
  }
  if (/in[ \t]+as[ \t]/i.test(text)) for (const m of text.matchAll(/\b(?:logged|signed|log|sign)(?:[ \t-]?in)[ \t]+as[ \t]+["'“‘]?@?([A-Za-z0-9][\w.@-]{1,40}[A-Za-z0-9])/gi)) {
    const value = m[1]
    if (NOT_USERNAMES.has(value.toLowerCase()) || (isCommonWord(value.toLowerCase()) && !/[\d_.]/.test(value))) continue
    const start = m.index + m[0].length - value.length
    push(start, start + value.length, /@/.test(value) ? 'email' : 'username', PRIORITY.usernameCued - 1)
  }
  // "the login for the shared account is frontdesk.leeds": the cue and its value a few words apart
  if (/user|log|handle/i.test(text)) for (const m of text.matchAll(/\b(?:user ?name|login|log-in|handle|user id)\b(?:[ \t]+[a-z]+){1,5}?[ \t]+(?:is|was|:)[ \t]+["'“‘]?([A-Za-z0-9][\w.@-]*[A-Za-z0-9])/gi)) {
    const value = m[1]
    if ((!/[\d_.]/.test(value) && !isInitialsAndSurname(value)) || NOT_USERNAMES.has(value.toLowerCase())) continue
    const start = m.index + m[0].length - value.length
    push(start, start + value.length, 'username', PRIORITY.usernameCued - 1)
  }
  // "k.obrien77", "frontdesk.leeds": lower-case words joined by a dot that are not a domain or a file
  for (const m of text.matchAll(/(?<![\w@.\/-])[a-z][a-z0-9]+(?:\.[a-z0-9]+){1,4}(?![\w@.])/g)) {
    const last = m[0].split('.').pop() as string
    if (new RegExp(`^(?:${TLDS})$`).test(last) || FILE_EXTENSIONS.has(last) || m[0].length < 6) continue
    if (/^(?:e\.g|i\.e|a\.m|p\.m|etc|vs|no|approx)\b/.test(m[0]) || /^\d+(?:\.\d+)+$/.test(m[0])) continue
    if (m[0].split('.').some((part) => part.length < 2)) continue
    push(m.index, m.index + m[0].length, 'username', PRIORITY.usernameWeak)
  }
  // "bluebird1977", "cminh730": lower-case letters then digits, the usual shape of a username
  for (const m of matchesNearDigits(LETTERS_DIGITS_RE, text, 0)) {
    const letters = /^[a-z]+/.exec(m[0])?.[0] ?? ''
    if (NOT_HANDLE_STEMS.has(letters)) continue
    push(m.index, m.index + m[0].length, 'username', PRIORITY.usernameWeak)
  }
  // "Doreen55", "Shelley.Kihn10", "Theodora.Dicki": a capitalised given name or surname with digits, or
  // joined to another name by a dot or an underscore without a space, is somebody's login
  for (const m of text.matchAll(NAME_HANDLE_RE)) {
    const [first, second] = m[0].replace(/\d+$/, '').split(/[._]/).map((w) => w.toLowerCase())
    const known = (w: string) => FIRST_NAMES.has(w) || SURNAMES.has(w)
    if (!known(first) || (second !== undefined && !known(second) && isCommonWord(second)) || (second !== undefined && isCommonWord(first) && isCommonWord(second))) continue
    push(m.index, m.index + m[0].length, 'username', PRIORITY.usernameWeak)
  }
  // Reddit users: "u/quietcartographer"
  if (text.includes('u/')) for (const m of text.matchAll(/(?<![\w\/.])u\/[A-Za-z0-9_-]{3,20}(?![\w\/-])/g)) push(m.index, m.index + m[0].length, 'username', PRIORITY.handle)
  // "DarkKnight99", "xXSilentFox77": words run together in mixed case with digits after them
  for (const m of matchesNearDigits(CAMEL_DIGITS_RE, text, 0)) {
    const letters = /^[A-Za-z]+/.exec(m[0])?.[0].toLowerCase() ?? ''
    if (NOT_HANDLE_STEMS.has(letters) || /^(?:iphone|ipad|macbook|playstation|xbox|galaxy|pixel|windows)/.test(letters)) continue
    push(m.index, m.index + m[0].length, 'username', PRIORITY.usernameWeak)
  }
  // snake_case handles ("dragonslayer_2001", "jsmith_ops") are usernames wherever they appear
  for (const m of matchesNear(SNAKE_CASE_RE, text, 0, positionsOf(text, '_'))) {
    // a key of a record ("customer_name=", "\"first_name\":") names a field; it is nobody's login
    if (KEY_AFTER_RE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 4))) continue
    push(m.index, m.index + m[0].length, 'username', PRIORITY.usernameCued - 4)
  }
  // a message that is nothing but one handle-like token ("aphoenix939")
  for (const m of matchesAtLineStarts(BARE_USERNAME_LINE_RE, text)) {
    const value = m[1]
    const start = m.index + m[0].indexOf(value)
    if (/^[A-Z0-9._-]+$/.test(value)) continue // all capitals: a reference code, not a username
    if (/^\d/.test(value)) continue
    if ((value.match(/[A-Za-z]/g) ?? []).length < 2) continue
    push(start, start + value.length, 'username', PRIORITY.usernameWeak)
  }
}

// ---------------------------------------------------------------------------------------------
// street addresses and postcodes

const STREET_SUFFIX =
  'street|st|road|rd|avenue|ave|av|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl|terrace|terr|close|crescent|cres|square|sq|highway|hwy|parkway|pkwy|circle|cir|trail|trl|row|mews|grove|gardens|gdns|hill|park|walk|green|rise|vale|view|parade|alley|loop|path|pike|plaza|quay|wharf|embankment|broadway|causeway|esplanade|promenade|boulevarde|market|gate|yard|wynd|brae|heights|meadow|meadows|chase|croft|fold|hollow|ridge|manor|estate|end|cottages|cottage|farm|house|lodge|barns|buildings|mansions|villas|mill|mills|centre|center|tower|towers|apartments|residences|hall|fields|wood|woods|common'
const ORDINAL_OR_WORD = String.raw`(?:\d{1,3}(?:st|nd|rd|th)|\p{Lu}[\p{L}'’.-]*|\p{Ll}[\p{Ll}'’-]+)`
const STREET_RE = new RegExp(
  // spaces and tabs only: a street never runs over a line break ("Flat 4B\n27 Harcourt Road" is two parts)
  String.raw`(?<![\w£$€.,-])(?:(?:flat|apt|apartment|unit|suite|ste|room|floor)\.?[ \t]*#?\w{1,5},?[ \t]+|(?:blk|block)\.?[ \t]+)?\d{1,5}[A-Za-z]?(?:[-\/]\d{1,4}[A-Za-z]?)?,?[ \t]+(?:${ORDINAL_OR_WORD}[ \t]+){0,3}(?:${STREET_SUFFIX}|${[...MORE_STREET_SUFFIXES].join('|')})(?![\p{L}\p{N}_])\.?(?:[ \t]+(?:North|South|East|West|NE|NW|SE|SW|N|S|E|W)\b)?`,
  'giu',
)
// "P.O. Box 12345-00100": Kenya writes the box's postcode after a dash
const PO_BOX_RE = /\b(?:P\.?\s?O\.?\s?Box|Post Office Box|PO Box)\s+\d{1,6}(?:-\d{5})?\b/gi
const EU_STREET_RE = /\b[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|laan|straat|gracht|plein|kade|dijk|singel|steeg|vej|gade|gatan|vägen|veien)\s+\d{1,4}[a-z]?\b/g
// spaces and tabs only: a street's number is never on the next line ("… Saint-Honoré\n7 étage");
// "Alameda", "Estrada" are surnames too: streets only after a number
const ROMANCE_STREET_RE = /\b(?:\d{1,5},?[ \t]+(?:[Aa]lameda|[Mm]arginal|[Rr]odovia|[Ee]strada|Place|Route|Cours)|(?:\d{1,5},?[ \t]+)?(?:[Rr]ue|[Bb]oulevard|[Cc]hemin|[Aa]llée|[Ii]mpasse|[Qq]uai|[Cc]alle|[Aa]venida|[Pp]aseo|[Vv]iale|[Cc]orso|[Pp]iazza|[Rr]ua|[Tt]ravessa|Via|[Aa]venue|Plaza))[ \t]+(?:(?:de|del|de la|des|du|della|di|da|do|dos|das|la|le|les)[ \t]+)?(?!(?:Apto|Apt|Casa|Piso|Sala|Bloco|Piano|Interno|Scala|Puerta|Lote|Suite|Unit)\b)[A-ZÀ-Ý][\wÀ-ÿ'’-]+(?:[ \t]+(?!(?:Apto|Apt|Casa|Piso|Sala|Bloco|Piano|Interno|Scala|Puerta|Lote)\b)[A-ZÀ-Ý][\wÀ-ÿ'’-]+){0,2}(?:,?[ \t]+\d{1,4}[a-z]?(?![\w]))?/g
const ADDRESS_STOP_WORDS = new Set(
  'a an the my your our their his her its this that these those in on at to of for and or but with by from is are was were be been have has had do does did not no every each all any some per about into over after before than then them they we you i it me us him so very just only also more most other such same two three four five six seven eight nine ten days weeks months years times items hours minutes people orders calls emails tickets'.split(' '),
)

const UK_POSTCODE_RE = /(?<![A-Za-z0-9])(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})(?![A-Za-z0-9])/g
const CA_POSTCODE_RE = /(?<![A-Za-z0-9])[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d(?![A-Za-z0-9])/g
const US_STATES =
  'AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY'
const STATE_ZIP_RE = new RegExp(String.raw`\b(?:${US_STATES}|${US_STATES.toLowerCase()})\.?,?\s+(\d{5}(?:-\d{4})?)(?![\w-])`, 'g')
const TOWN_BEFORE_STATE_RE = /(?:^|,)[ ]?(\p{Lu}[\p{L}'’.-]+(?:[ ]\p{Lu}[\p{L}'’.-]+){0,2}),?[ ]$/u
const MILITARY_ADDRESS_RE = /\b(?:((?:PSC|Unit) \d{4},? Box \d{4}|(?:USNS|USNV|USS|USCGC) \p{Lu}\p{Ll}+)(?=,?\s+(?:APO|FPO|DPO)\b)|(?:APO|FPO|DPO) (?:AA|AE|AP) \d{5})\b/gu
const POSTCODE_CUE_RE = /\b(?:post ?code|postal code|zip(?: ?code)?|plz|eircode|postleitzahl|code postal|cap)\b\s*(?:is|was|:|=|-)?\s*(?:is\s+)?/gi
const POSTCODE_VALUE_RE = /^(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]\d[A-Z] ?\d[A-Z]\d|\d{4} ?[A-Z]{2}|\d{5}-\d{3}(?![\d-])|\d{5}(?:-\d{4})?|\d{4}-\d{3}(?![\d-])|\d{6}|\d{4}|\d{3} \d{2}(?![\d])|[A-Z]\d{2} ?[A-Z0-9]{4}|\d{3}-\d{4}|\d{2}-\d{3})(?![\w])/i
const EU_POSTCODE_CITY_RE = /(?<![\w-])(\d{4} ?[A-Z]{2}|\d{5})(?=\s+[A-ZÀ-Ý][a-zà-ÿ]+)/g

function isStreetCandidateOk(value: string): boolean {
  const words = value
    .replace(/^(?:flat|apt|apartment|unit|suite|ste|room|floor)\.?\s*#?\w{1,5},?\s+/i, '')
    .split(/\s+/)
    .slice(1, -1)
  const suffix = value.trim().split(/\s+/).pop() ?? ''
  if (words.some((w) => ADDRESS_STOP_WORDS.has(w.toLowerCase()))) return false
  const allLower = value === value.toLowerCase()
  // short suffixes that are also words ("way", "park", "green", "view") need a capitalised street
  // a suffix of the longer list is a street only written as a name's ("Hagenes Landing", not "a soft landing")
  if (MORE_STREET_SUFFIXES.has(suffix.replace(/\.$/, '').toLowerCase()) && !(/^[A-Z]/.test(suffix) && /^[A-Z]/.test(words[0] ?? ''))) return false
  const weakSuffix = /^(?:way|park|hill|green|walk|view|rise|vale|row|gate|yard|market|place|pl|court|ct|close|path|loop|circle|chase|fold|manor|estate|end|heights|ridge|meadow|meadows|croft|hollow|st|dr|av|cottages|cottage|farm|house|lodge|barns|buildings|mansions|villas|mill|mills|centre|center|tower|towers|apartments|residences|hall|fields|wood|woods|common)\.?$/i.test(suffix)
  if (weakSuffix && !/^[A-Z]/.test(words[0] ?? suffix)) return false
  if (allLower && words.length === 0) return false
  if (allLower && words.length > 2) return false
  return true
}

/** Irish Eircode: a routing key ("D02", "H91", "D6W") and four characters from a restricted set. */
const EIRCODE = String.raw`(?:[ACDEFHKNPRTVWXY]\d{2}|D6W) ?(?=[0-9ACDEFHKNPRTVWXY]{0,3}\d)(?=[0-9ACDEFHKNPRTVWXY]{0,3}[ACDEFHKNPRTVWXY])[0-9ACDEFHKNPRTVWXY]{4}`
const EIRCODE_RE = new RegExp(String.raw`(?<![A-Za-z0-9-])${EIRCODE}(?![A-Za-z0-9-])`, 'g')
/**
 * A flat or floor after a street, in the languages met most: "Apt. 186", "Zimmer 280", "Piano 9",
 * "Apto. 877", "m. 3", "4. tv" (Danish floor and side), "3 hoog" (Dutch floor), "2º B".
 */
// longer words first: "Apto" is not "Apt" and an "o"
const UNIT_AFTER_RE = /^,?[ \t]*(?:(?:apartment|wohnung|leil|interno|zimmer|stiege|puerta|suite|floor|piano|scala|bloco|depto|lokal|daire|étage|etage|unit|flat|room|casa|apto|sala|piso|dpto|apt|ste|whg|top|tür|int|pta|esc|lok|kat|bus|bte|fl|ap|kv|m|#)\.?[ \t]*(?:n[º°o]\.?[ \t]*)?#?[A-Za-z0-9]{1,5}\b|\d{1,2}\.?[ \t]?(?:tv|th|mf|og|eg|dg|stock|étage|etage|piso|andar|floor|hoog)\b\.?|\d{1,2}[ºª°](?:[ \t]?(?:[A-Z]|izq|dcha|esq|dto)\b\.?)?|st\.[ \t]?(?:tv|th|mf)\b\.?|\d{1,2}e[ \t]verdieping\b|\d{1,2}(?:ος|ης|ο)(?![\p{L}\p{N}]))/iu
const TOWN_RE = /^,?[ \t]+(\p{Lu}[\p{Ll}'’.]*[\p{Ll}'’.](?:[ -](?:(?:upon|on|under|in|le|la|de|sur|en|am|an|der)[ -])?\p{Lu}[\p{Ll}'’.]*[\p{Ll}'’.]){0,2})(?:,[ \t]*([A-Z]{2})\b)?/u
const LOWER_TOWN_RE = /^,?[ \t]+([a-z][a-z.'-]*(?:[ \t]+[a-z][a-z.'-]*){0,2})(?:,[ \t]*([a-z]{2})(?=[ \t]+\d{5}\b)|(?=,?[ \t]+[a-z]{1,2}\d[a-z\d]?[ \t]?\d[a-z]{2}\b))/i
const POSTCODE_AFTER_RE = new RegExp(
  String.raw`^(?:,?[ \t]*|[ \t]*\r?\n[ \t]*)((?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})|[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d|\d{4}-\d{3}|\d{2}-\d{3}|\d{5}(?:-\d{4})?|\d{3}[ ]\d{2,3}|\d{4}[ ]?[A-Z]{2}|\d{4}|[A-Z]{1,2}-\d{4,5}|${EIRCODE})(?![\w-])`,
  'i',
)

const STREET_BEFORE_POSTCODE_RE = /(?<![\p{L}\p{N}])((?:\p{Lu}[\p{L}'’.-]*[ \t]+){1,3}\d{1,4}[a-zA-Z]?),[ \t]*(?:\d{4}[ \t]?[A-Z]{2}|\d{5}|[A-Z]-\d{4,5})[ \t]+\p{Lu}/gu
const STREET_NAME_AFTER_RE = new RegExp(String.raw`^,[ \t]*((?:\p{Lu}[\p{L}'’.-]*[ \t]+){1,3}(?:Street|Road|Lane|Avenue|Drive|Close|Crescent|Terrace|Boulevard|Way|Place|Court|Square|Gardens|Grove|Mews|Row|Parade|Park|Hill|Walk|Green|Rise|Business Park|Industrial Estate|Estate|Trading Estate|St|Rd|Ave|Ln|Dr)\.?)(?=[ \t]*(?:,|\n|$))`, 'u')

/**
 * After a street: ", Leeds LS6 2QT", ", Portland, OR 97205", ", 1016 DV Amsterdam". The town is a
 * place and the postcode a postcode, each its own span; the street alone is the address.
 */
function continueAddress(text: string, end: number, push: Push): void {
  let pos = end
  const rest = () => text.slice(pos, pos + 80)
  for (let n = 0; n < 2; n++) {
    const street = STREET_NAME_AFTER_RE.exec(rest())
    if (!street) break
    const start = pos + street[0].indexOf(street[1])
    push(start, start + street[1].length, 'address', PRIORITY.address - 1)
    pos = start + street[1].length
  }
  const town = TOWN_RE.exec(rest()) ?? LOWER_TOWN_RE.exec(rest())
  const townThenCode = town && POSTCODE_AFTER_RE.exec(text.slice(pos + town[0].length, pos + town[0].length + 20))
  const townEndsClause = town && /^(?:[ \t]*(?:[,.;!?)]|$|\n)|[ \t]+(?:and|but|please|thanks|instead|for|by|from)\b)/.test(text.slice(pos + town[0].length, pos + town[0].length + 12))
  if (town && new RegExp(`^(?:${STREET_SUFFIX}|north|south|east|west)$`, 'i').test(town[1])) return
  // without a comma only a postcode after it makes the next capitalised word a town ("… Street. Thanks")
  if (town && (townThenCode || (townEndsClause && town[0].startsWith(',')))) {
    const start = pos + town[0].indexOf(town[1])
    push(start, start + town[1].length, 'place', PRIORITY.postcode - 1)
    // ", NV": the state's code is a place of its own, not part of the town's name
    if (town[2] !== undefined) push(pos + town[0].length - town[2].length, pos + town[0].length, 'place', PRIORITY.postcode - 1)
    pos += town[0].length
  }
  const code = POSTCODE_AFTER_RE.exec(rest())
  if (!code) return
  // a bare four-digit number after a street is a postcode only when a town follows ("1016 Amsterdam")
  const codeStart = pos + code[0].indexOf(code[1])
  const codeEnd = codeStart + code[1].length
  const townAfter = /^[ \t]+(\p{Lu}[\p{L}'’-]+(?:[ -]\p{Lu}[\p{L}'’-]+)?)/u.exec(text.slice(codeEnd, codeEnd + 40))
  if (/^\d{4}$/.test(code[1]) && !townAfter && !town) return
  // "12-345", "1100-053" only with a town after them (otherwise they are ranges and references)
  if (/^\d+-\d{3}$/.test(code[1]) && !townAfter) return
  if (/^[a-z]/.test(code[1]) && !/^[a-z]{1,2}\d/i.test(code[1])) return
  // a ZIP+4 after a street and its town is a postcode, not the phone or reference its shape also fits
  push(codeStart, codeEnd, 'postcode', town && /^\d{5}-\d{4}$/.test(code[1]) ? PRIORITY.phone + 2 : PRIORITY.postcode)
  if (townAfter && !town) {
    const townStart = codeEnd + townAfter[0].indexOf(townAfter[1])
    push(townStart, townStart + townAfter[1].length, 'place', PRIORITY.postcode - 1)
  }
}

const UNIT_WORD_BEFORE_RE = /(?<![\p{L}\p{N}])(?:flat|apt|apartment|unit|suite|ste|room|floor|plot)\.?[ \t]?$/iu

/** Where a street ends once the flats and floors written after it are counted (at most two: "3. OG, Whg. 5"). */
function withUnitsAfter(text: string, end: number): number {
  for (let n = 0; n < 2; n++) {
    const unit = UNIT_AFTER_RE.exec(text.slice(end, end + 24))
    if (!unit) break
    end += unit[0].length
  }
  return end
}

function detectAddresses(text: string, push: Push): void {
  const streets: Array<[number, number, number]> = []
  for (const m of matchesNearDigits(STREET_RE, text, 6)) {
    if (!isStreetCandidateOk(m[0])) continue
    // "15967 Malvina Pass Suite 160, Miami Gardens": the flat of a numbered street, then its town
    if (/^\d[^\s,]*,/.test(m[0]) && /\d{1,5}[A-Za-z]?(?:[ \t]+\p{Lu}[\p{L}'’.-]*){1,4}[ \t]+(?:flat|apt|apartment|unit|suite|ste|room|floor)\.?[ \t]?$/iu.test(lineBefore(text, m.index, 60))) continue
    streets.push([m.index, m.index + m[0].length, PRIORITY.address])
  }
  // a post office box is never a phone or a reference, whatever its digits look like
  for (const m of matchesNearDigits(PO_BOX_RE, text, 3)) streets.push([m.index, m.index + m[0].length, PRIORITY.phone + 1])
  for (const m of matchesNearDigits(EU_STREET_RE, text, 1)) streets.push([m.index, m.index + m[0].length, PRIORITY.address - 1])
  for (const m of text.matchAll(ROMANCE_STREET_RE)) streets.push([m.index, m.index + m[0].length, PRIORITY.address - 1])
  // "77 Boulevard Haussmann" is found as "77 Boulevard" and as "Boulevard Haussmann": one address
  streets.sort((a, b) => a[0] - b[0])
  const merged: Array<[number, number, number]> = []
  for (const street of streets) {
    const last = merged[merged.length - 1]
    if (last && street[0] < last[1]) {
      last[1] = Math.max(last[1], street[1])
      last[2] = Math.max(last[2], street[2])
    } else merged.push([...street])
  }
  // "Damrak 1, 1012 LG Amsterdam", "Am Kupfergraben 6, 10117 Berlin": a street and number before a postcode and a town
  for (const m of matchesNearDigits(STREET_BEFORE_POSTCODE_RE, text, 3)) {
    const start = m.index + m[0].indexOf(m[1])
    if (merged.some(([s, e]) => s < start + m[1].length && start < e)) continue
    if (ADDRESS_STOP_WORDS.has(m[1].split(/\s+/)[0].toLowerCase())) continue
    merged.push([start, start + m[1].length, PRIORITY.address - 1])
  }
  for (const street of merged) {
    street[1] = withUnitsAfter(text, street[1])
    // "Unit 14, Riverside Business Park": the flat's word before the number is the address's too
    street[0] -= UNIT_WORD_BEFORE_RE.exec(text.slice(Math.max(0, street[0] - 12), street[0]))?.[0].length ?? 0
  }
  for (const [start, end, priority] of merged) push(start, end, 'address', priority)
  for (const [, end] of merged) continueAddress(text, end, push)
  for (const m of matchesNearDigits(EIRCODE_RE, text, 1)) {
    // "D02 X285" is rare outside Ireland, but a bare one still needs a letter in each half
    if (!/[A-Z]/.test(m[0].slice(3))) continue
    push(m.index, m.index + m[0].length, 'postcode', PRIORITY.postcode - 1)
  }
  for (const m of matchesNearDigits(UK_POSTCODE_RE, text, 1)) push(m.index, m.index + m[0].length, 'postcode', PRIORITY.postcode)
  for (const m of matchesNearDigits(CA_POSTCODE_RE, text, 1)) push(m.index, m.index + m[0].length, 'postcode', PRIORITY.postcode)
  for (const m of matchesNearDigits(STATE_ZIP_RE, text, 1)) {
    const start = m.index + m[0].length - m[1].length
    push(start, start + m[1].length, 'postcode', PRIORITY.postcode)
    // "…, Lake Jessica, NV 23245": the words before the state, after a comma or alone on the line, are its town
    const before = lineBefore(text, m.index, 60)
    const town = TOWN_BEFORE_STATE_RE.exec(before)
    if (town) {
      const start = m.index - before.length + town.index + town[0].indexOf(town[1])
      push(start, start + town[1].length, 'place', PRIORITY.postcode - 1)
    }
  }
  // military mail: "PSC 4115, Box 7815", "Unit 3621 Box 2934", "USNS Miller", then "APO AE 41945" (the post office, its region and ZIP as one code)
  for (const m of text.matchAll(MILITARY_ADDRESS_RE)) {
    if (m[1] !== undefined) push(m.index, m.index + m[1].length, 'address', PRIORITY.address)
    else push(m.index, m.index + m[0].length, 'postcode', PRIORITY.postcode)
  }
  for (const m of text.matchAll(POSTCODE_CUE_RE)) {
    const start = m.index + m[0].length
    const v = POSTCODE_VALUE_RE.exec(text.slice(start))
    // named a postcode: above a phone's reading of the same digits ("Zip: 02139-4307")
    if (v) push(start, start + v[0].length, 'postcode', PRIORITY.phone + 1)
  }
  for (const m of matchesNearDigits(EU_POSTCODE_CITY_RE, text, 2)) {
    // "1017 AB Amsterdam", "10115 Berlin" — only after an address-looking comma ("Hauptstr. 5, 10115 Berlin")
    const before = lineBefore(text, m.index, 40)
    // or before a town the lists know ("went to 10115 Berlin")
    const town = /^\s+([\p{L}-]+)/u.exec(text.slice(m.index + m[1].length, m.index + m[1].length + 40))?.[1].toLowerCase() ?? ''
    if (!/(?:\d[a-z]?|straße|str\.|street|st\.|road|laan|gracht|straat|weg)\s*,\s*$/i.test(before) && !((CITIES.has(town) || TOWNS.has(town)) && !isCommonWord(town) && !CURRENCY_WORDS.has(town))) continue
    // "56658 Aydın Ports": the house number of a street named after a town
    if (merged.some(([start]) => start === m.index)) continue
    push(m.index, m.index + m[1].length, 'postcode', PRIORITY.postcode)
  }
}

const TIME_AFTER_DATE_RE = /(?:,?[ \t]+(?:at|um|à|a las|alle|om|kl\.?|klo|o)?[ \t]*|T)(?:[01]?\d|2[0-3])[:.h][0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:[ \t]?[AaPp](?:\.[Mm]\.|[Mm]))?(?:[ \t]?(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))?(?![\p{L}\p{N}:])/uy

/** Where a date ending at end ends with the time written right after it. */
function timeAfter(text: string, end: number): number {
  TIME_AFTER_DATE_RE.lastIndex = end
  return TIME_AFTER_DATE_RE.exec(text) ? TIME_AFTER_DATE_RE.lastIndex : end
}

/** Every pattern detector over the whole text. */
export function detectPatterns(text: string): Candidate[] {
  const out: Candidate[] = []
  const push = collector(out, text)
  detectEmailUrlIp(text, push)
  detectCards(text, push)
  detectIbans(text, push)
  detectNationalIds(text, push)
  detectDatesOfBirth(text, push)
  // a time right after a date is part of it ("12 Jan 2021 14:30", "March 3, 2024 at 9:15 PM")
  const pushDate: Push = (start, end, label, priority) => push(start, label === 'date' ? timeAfter(text, end) : end, label, priority)
  detectDates(text, pushDate)
  detectMultilingualDates(text, pushDate, PRIORITY.date)
  detectAccountNumbers(text, push)
  detectUsernames(text, push)
  detectAddresses(text, push)
  detectAddressBlocks(text, push, { address: PRIORITY.address, postcode: PRIORITY.accountCued + 1, place: PRIORITY.postcode - 1 })
  return out
}

/**
 * Every pattern read only near its anchors, with its reach and anchors as used above: for the test
 * that reading this way finds exactly what reading the whole text finds.
 */
export const READ_NEAR: ReadonlyArray<{ name: string; re: RegExp; reach: number; anchors: 'digits' | '@' | '_' | 'tld' | 'numbering' }> = [
  { name: 'numbered thing', re: NUMBERED_RE, reach: 5, anchors: 'numbering' },
  { name: 'general date', re: GENERAL_DATE_RE, reach: 3, anchors: 'digits' },
  { name: 'date (of birth)', re: DATE_RE, reach: 3, anchors: 'digits' },
  { name: 'e-mail', re: EMAIL_RE, reach: 0, anchors: '@' },
  { name: 'domain', re: DOMAIN_RE, reach: 0, anchors: 'tld' },
  { name: 'IPv4', re: IPV4_RE, reach: 0, anchors: 'digits' },
  { name: 'card', re: CARD_RE, reach: 0, anchors: 'digits' },
  { name: 'SSN', re: SSN_RE, reach: 0, anchors: 'digits' },
  { name: 'spaced SSN', re: SPACED_SSN_RE, reach: 0, anchors: 'digits' },
  { name: 'NI number', re: UK_NINO_RE, reach: 1, anchors: 'digits' },
  { name: 'codice fiscale or CURP', re: STRUCTURED_ID_RE, reach: 0, anchors: 'digits' },
  { name: 'prefixed id', re: PREFIXED_ID_RE, reach: 0, anchors: 'digits' },
  { name: 'generic code', re: GENERIC_CODE_RE, reach: 0, anchors: 'digits' },
  { name: 'tracking', re: TRACKING_RE, reach: 0, anchors: 'digits' },
  { name: 'hash number', re: HASH_NUMBER_RE, reach: 0, anchors: 'digits' },
  { name: 'long digits', re: LONG_DIGITS_RE, reach: 0, anchors: 'digits' },
  { name: 'VAT', re: VAT_RE, reach: 1, anchors: 'digits' },
  { name: 'code token', re: CODE_TOKEN_RE, reach: 0, anchors: 'digits' },
  { name: 'capital code', re: CAPITAL_CODE_RE, reach: 0, anchors: 'digits' },
  { name: 'handle', re: HANDLE_RE, reach: 0, anchors: '@' },
  { name: 'letters and digits', re: LETTERS_DIGITS_RE, reach: 0, anchors: 'digits' },
  { name: 'camel case and digits', re: CAMEL_DIGITS_RE, reach: 0, anchors: 'digits' },
  { name: 'snake case', re: SNAKE_CASE_RE, reach: 0, anchors: '_' },
  { name: 'street', re: STREET_RE, reach: 6, anchors: 'digits' },
  { name: 'PO box', re: PO_BOX_RE, reach: 3, anchors: 'digits' },
  { name: 'EU street', re: EU_STREET_RE, reach: 1, anchors: 'digits' },
  { name: 'street before postcode', re: STREET_BEFORE_POSTCODE_RE, reach: 3, anchors: 'digits' },
  { name: 'Eircode', re: EIRCODE_RE, reach: 1, anchors: 'digits' },
  { name: 'UK postcode', re: UK_POSTCODE_RE, reach: 1, anchors: 'digits' },
  { name: 'Canadian postcode', re: CA_POSTCODE_RE, reach: 1, anchors: 'digits' },
  { name: 'state and ZIP', re: STATE_ZIP_RE, reach: 1, anchors: 'digits' },
  { name: 'EU postcode and town', re: EU_POSTCODE_CITY_RE, reach: 2, anchors: 'digits' },
]

/** The anchors READ_NEAR names, as positions in text. */
export function anchorsIn(text: string, anchors: 'digits' | '@' | '_' | 'tld' | 'numbering'): number[] {
  if (anchors === 'digits') return digitWords(text)
  if (anchors === 'numbering') return numberingWords(text)
  if (anchors === 'tld') return [...text.matchAll(DOT_TLD_RE)].map((m) => m.index)
  return positionsOf(text, anchors)
}

/** Every pattern read only at line starts: for the test that this finds what a /gm scan finds. */
export const READ_AT_LINE_STARTS: ReadonlyArray<{ name: string; re: RegExp }> = [{ name: 'one handle per message', re: BARE_USERNAME_LINE_RE }]
