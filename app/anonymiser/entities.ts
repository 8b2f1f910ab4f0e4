/**
 * People, organisations, places, street lines and postcodes from the tagger's token tags, plus the
 * one thing a tagger cannot see: which person is the agent.
 */
import { addNamesWithoutCapitals } from './names-without-capitals'
import { applyCues, CUED_NAME_PRIORITY, FIRM_CUE_BEFORE_RE, isFirstName, isPersonWord, isSurname, NAME_PARTICLES } from './cues'
import { LEGAL_FORM_SOURCE } from './legal-forms'
import { BRANDS, BUSINESS_WORDS, CITIES, COUNTRIES, CURRENCY_WORDS, GIVEN_NAME_TOWNS, GIVEN_NAMES, FIELD_KIND, FIELD_LABEL_WORDS, INSTITUTION_WORDS, isCommonWord, NOUN_CAPITALISING_WORDS, ORG_HEADS, ORG_SUFFIXES, REGIONS, STATES_IN_NAME_LISTS, STOPWORDS, STREET_WORDS, TOWNS } from './gazetteer'
import { alternation, GREETINGS, TITLES_IN_ANY_CASE } from './text-lines'
import { ASCII, CAPITAL, DIGIT, loadTrainedWeights, OPEN_MARGIN, SHOUTED, UPPER, WORD as WORD_FLAG, tagTokens, withoutAccents, tokenize, type Mask, type Tag, type Token, type TrainedWeights, type Weights } from './tagger'
import trained from './tagger-weights.json'
import type { Candidate, PiiLabel } from './types'

const LABEL_OF: Record<string, PiiLabel> = { PER: 'name', ORG: 'organization', LOC: 'place', ADDR: 'address', POST: 'postcode' }
/** Below the validated patterns (an e-mail stays an e-mail), above cue-less guesses. */
const PRIORITY: Record<string, number> = { PER: 60, ORG: 55, LOC: 54, ADDR: 62, POST: 61 }

let weights: Weights | null = null
function tagger(): Weights {
  weights ??= loadTrainedWeights(trained as TrainedWeights)
  return weights
}

const AGENT_LABEL_RE = /^[ \t]*(?:agent|support|rep|representative|advisor|adviser|operator|customer service|assistant)\b[^:\n]{0,30}:/i
const SELF_INTRO_RE = /(?:my name is|my name's|this is|i am|i'm|it's|you're (?:through to|speaking (?:to|with))|you are speaking (?:to|with))\s*$/i
const AGENT_AROUND_RE = /^[ \t]*(?:agent|support|rep|advisor|adviser|operator)[ \t]*\([ \t]*$/i

function lineStartOf(text: string, index: number): number {
  const i = text.lastIndexOf('\n', index - 1)
  return i + 1
}

/** The agent: "Agent (Tom):", "Tom (Agent):", or introducing themselves on an agent's line. */
function isAgent(text: string, start: number, end: number): boolean {
  const lineStart = lineStartOf(text, start)
  const before = text.slice(lineStart, start)
  const after = text.slice(end, end + 12)
  if (AGENT_AROUND_RE.test(before)) return true
  if (/^[ \t]*\([ \t]*(?:agent|support|rep|advisor|adviser)[ \t]*\)[ \t]*:/i.test(after) && before.trim() === '') return true
  if (AGENT_LABEL_RE.test(before) && SELF_INTRO_RE.test(before)) return true
  return false
}

const WORD = /[\p{L}\p{N}]/u
/** "and" and "or" in the languages the anonymiser meets, between two names. */
const CONJUNCTIONS = new Set(['and', 'or', 'und', 'oder', 'og', 'eller', 'och', 'ja', 'tai', 'et', 'ou', 'e', 'y', 'o', 'i', 'a', 'en', 'lub', 'oraz', 'nebo', 'és', 'vagy', 've', 'veya', 'și', 'sau', 'ili', 'in', 'ir', 'un', 'ja', 'και', 'ή'])
/** German articles ("der", "die" are Dutch or Nordic words too: they count only beside a word German alone has). */
const GERMAN_ARTICLES = new Set(['der', 'die', 'das', 'dem', 'des', 'vom', 'beim', 'zum', 'zur'])
const SENTENCE_CLOSE = new Set(['.', '!', '?', '…', '"', '“', '„', '«', '(', '-', '–', '—'])

/**
 * The shape every kind must have, whatever the tagger's neighbours suggested: a street line holds
 * a word and a number (or is a PO box), a postcode a digit or is short, a lone name is no everyday
 * lower-case word and no short acronym ("VAT", "IBAN").
 */
const CALENDAR_WORDS = new Set(
  'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday'.split(' '),
)

/** Words after which a lower-case word is a person ("thanks, siobhán", "my name is femi"). */
const NAME_CUE_BEFORE = new Set([
  ...GREETINGS.map((g) => g.toLowerCase()),
  'thanks', 'thank', 'cheers', 'ta', "i'm", 'im', 'bye', 'morning', 'evening',
  // more greetings and thanks in the languages the anonymiser meets
  'salut', 'ola', 'hei', 'hoi', 'ahoj', 'szia', 'cześć', 'czesc', 'servus', 'moin',
  'danke', 'merci', 'gracias', 'grazie', 'obrigado', 'obrigada', 'tack', 'takk', 'kiitos', 'dziękuję', 'dzięki', 'děkuji', 'köszönöm', 'bedankt',
])

function plausible(kind: string, value: string, tokens: number, previous = ''): boolean {
  if (kind === 'ADDR') {
    if (!/\p{L}/u.test(value) || !/\p{N}/u.test(value) || tokens < 2) return false
    // a capitalised name ("Rowan Street", "Lindenstraße"), not just the pronoun "I"
    return value.split(/[^\p{L}]+/u).some((w) => /^\p{Lu}/u.test(w) && w !== 'I')
  }
  if (kind === 'POST') return /\p{N}/u.test(value) && value.length <= 12
  // "20000 Euro": a currency after an amount is no town or company
  if (tokens === 1 && CURRENCY_WORDS.has(value.toLowerCase())) return false
  // written all in lower case: only a name the gazetteers know ("hi mario"), never "logins" or "hiya"
  if (!/\p{Lu}|\p{N}/u.test(value)) {
    const words = value.split(/\s+/)
    // "que", "la", "vi" are names in some list and function words in some language: never uncued
    if (kind === 'PER' && !NAME_CUE_BEFORE.has(previous) && !words.every((w) => isPersonWord(w) && !STOPWORDS.has(w))) return false
    if (kind === 'LOC' && !CITIES.has(value)) return false
    // "ebay", "paypal": a brand the gazetteer knows, written in lower case
    if (kind === 'ORG' && !words.every((w) => BRANDS.has(w) && !isCommonWord(w))) return false
  }
  if (!/\p{L}/u.test(value)) return false
  // initials alone ("G R", "O") name nobody
  if (kind === 'PER' && value.split(/[\s.]+/).every((w) => w.length <= 1)) return false
  // a month or a weekday ("May", "Tuesday") is a date word unless greeted or titled like a person
  if (kind === 'PER' && tokens === 1 && CALENDAR_WORDS.has(value.toLowerCase()) && !NAME_CUE_BEFORE.has(previous) && !TITLE.test(previous)) return false
  if (tokens === 1) {
    if (!/\p{Lu}|\p{N}/u.test(value) && isCommonWord(value)) return false
    if (kind === 'PER' && /^\p{Lu}{2,4}$/u.test(value)) return false
    // a lone function word or field label of any language ("Von", "Poruka", "Codice") is nobody's
    // name, company or town, unless a list knows it as one or it is greeted or titled like a person
    const lower = value.toLowerCase()
    if ((STOPWORDS.has(lower) || FIELD_LABEL_WORDS.has(lower)) && !NAME_CUE_BEFORE.has(previous) && !TITLE.test(previous)) {
      const known = kind === 'PER' ? isPersonWord(lower) : kind === 'ORG' ? BRANDS.has(lower) : CITIES.has(lower) || COUNTRIES.has(lower)
      if (!known) return false
    }
  }
  return true
}
/** Endings of surnames in languages whose surnames rarely appear in the lists ("-ov", "-ska", "-vić", "-enko", "-shvili"). */
const SURNAME_SHAPE = /\p{L}{3}(?:ov|ova|ev|eva|ovich|evich|ovna|evna|sky|skiy|skaya|ski|ska|wicz|czyk|vić|vić|vich|ović|ević|enko|chuk|escu|eanu|oğlu|oglu|shvili|dze|poulos|opoulou|akis|ová|ská|ов|ова|ев|ева|ин|ина|ский|ская|енко|чук|ович|евич|овна|евна|ична|івна|όπουλος|πουλος|ίδης|ιδης|άκης|ακης|ίου|πούλου|ίδου)$/u

/**
 * Two or three words that are a person's whole name by the lists: each a known given name or
 * surname, or shaped like a surname or patronymic ("Иванов Сергей Петрович", "Παπαδόπουλος
 * Νικόλαος"), with at least one given name, and none a town, a country or an everyday word.
 */
function isWholeName(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 3) return false
  let given = false
  let everyday = 0
  // a double given name ("Bjørn-Erik") is rarely anything but a person's: any surname after it
  const doubleGiven = words.length === 2 && words[0].includes('-') && !isCommonWord(words[1].toLowerCase())
  for (const word of words) {
    const lower = word.toLowerCase()
    // "Bjørn-Erik", "Anne-Sophie": a given name of listed given names
    if (word.includes('-')) {
      const parts = lower.split('-')
      if (!/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)+$/u.test(word) || !parts.every((p) => isFirstName(p) && !isCommonWord(p))) return false
      given = true
      continue
    }
    if (!/^\p{Lu}\p{Ll}+$/u.test(word) || CITIES.has(lower) || COUNTRIES.has(lower) || isCompanyWord(lower)) return false
    // a given name that is also an everyday word ("Jan", "Mark") counts beside a surname that is not
    if (isCommonWord(lower)) everyday++
    if (isFirstName(lower)) given = true
    else if (!isSurname(lower) && !SURNAME_SHAPE.test(word) && !doubleGiven) return false
  }
  return given && everyday <= 1 && (doubleGiven || words.some((w) => (isSurname(w.toLowerCase()) || SURNAME_SHAPE.test(w)) && !isCommonWord(w.toLowerCase())))
}
const isCompanyWord = (w: string) => BRANDS.has(w) || ORG_HEADS.has(w) || BUSINESS_WORDS.has(w) || ORG_SUFFIXES.has(w.replace(/\.$/, '')) || INSTITUTION_WORDS.has(w)
const TITLE = new RegExp(String.raw`^(?:${alternation(TITLES_IN_ANY_CASE)})\.?$`, 'i')


/**
 * Between people, organisations and places the tagger's context can mislead it ("from Lisbon" reads
 * like "from Acme"); the gazetteers decide when they are unambiguous: a known town that is nobody's
 * name is a place, a given name and a surname with no company word are a person.
 */
function kindByGazetteer(kind: string, value: string, previous: string, nextCapitalised = false, placeCued = false): string {
  if (kind !== 'PER' && kind !== 'ORG' && kind !== 'LOC') return kind
  const words = value.toLowerCase().replace(/[’']s$/, '').split(/\s+/)
  const last = words[words.length - 1].replace(/\.$/, '')
  // "Blue Heron Outfitters", "Hartwell & Finch Ltd": a company word at the end makes it a company
  if (words.length > 1 && (ORG_SUFFIXES.has(last) || ORG_HEADS.has(last))) return 'ORG'
  // a trade word of any language at either end ("Wagner Elektro", "Trattoria da Enzo", "Hotel Alpenrose")
  if (words.length > 1 && (BUSINESS_WORDS.has(last) || BUSINESS_WORDS.has(words[0]))) return 'ORG'
  // "Banco de Inglaterra", "Junta General de Accionistas", "Universität Wien": an institution by its first word
  if (words.length > 1 && INSTITUTION_WORDS.has(words[0])) return 'ORG'
  // "Evri", "Barclaycard" alone: a brand the lists know, and no person's name, is a company
  if (kind === 'PER' && words.length === 1 && BRANDS.has(last) && !isPersonWord(last) && !NAME_CUE_BEFORE.has(previous.toLowerCase()) && !TITLE.test(previous)) return 'ORG'
  // "Παπαδόπουλος Νικόλαος" read as a town: a given name and a surname by the lists are a person
  if (kind !== 'PER' && isWholeName(value.split(/\s+/)) && !CITIES.has(value.toLowerCase()) && !isTownShaped(value)) return 'PER'
  // "Hi Michter,": whoever is greeted or thanked is a person, unless a list knows a company by that name
  if (kind === 'ORG' && words.length <= 2 && NAME_CUE_BEFORE.has(previous.toLowerCase()) && !words.some(isCompanyWord)) return 'PER'
  // "Trifonov", "Kowalska", "Petrović": a word shaped like a surname, that no list knows otherwise
  if (kind !== 'PER' && words.length === 1 && SURNAME_SHAPE.test(last) && !isCompanyWord(last) && !CITIES.has(last) && !COUNTRIES.has(last) && !REGIONS.has(last) && !isCommonWord(last)) return 'PER'
  // "Policía", "Parlamento" alone: an institution, never a person
  if (kind === 'PER' && words.length === 1 && INSTITUTION_WORDS.has(words[0])) return 'ORG'
  if (words.some((w) => ORG_SUFFIXES.has(w.replace(/\.$/, '')))) return kind
  const spelt = words.join(' ')
  // "são paulo" is listed as "sao paulo"
  const whole = CITIES.has(spelt) || !/[^\x00-\x7f]/.test(spelt) ? spelt : withoutAccents(spelt)
  if (kind !== 'LOC' && CITIES.has(whole) && !words.some(isPersonWord)) return 'LOC'
  // "en Mieres", "aus Radebeul": a town only the long list knows, after a word that comes before a
  // place, and not the first word of a longer name ("to Greenfield Leisure")
  if ((kind === 'PER' || placeCued) && kind !== 'LOC' && !nextCapitalised && (TOWNS.has(spelt) || TOWNS.has(whole)) && !words.some(isPersonWord) && !BRANDS.has(spelt) && !NAME_CUE_BEFORE.has(previous.toLowerCase()) && !TITLE.test(previous)) return 'LOC'
  // a given name that is also some town's ("Norman", "Mary", "Nick") is a person unless a place word comes before it
  const givenNameOrTown = words.length === 1 && GIVEN_NAME_TOWNS.has(whole) && !REGIONS.has(whole)
  if (givenNameOrTown && !placeCued && kind === 'LOC') return 'PER'
  // "Lake Jessica", "North Chanel", "Borgo Tobia", "Jessicaview": a town's prefix or ending around a name makes a place
  if ((kind === 'PER' || kind === 'ORG') && isTownShaped(value)) return 'LOC'
  // "Gardena", "Troutdale" read as a company: a town the long list knows that is no brand or name is a place
  if (kind === 'ORG' && words.length === 1 && !nextCapitalised && (TOWNS.has(spelt) || TOWNS.has(whole)) && !BRANDS.has(spelt) && !isPersonWord(spelt)) return 'LOC'
  // a town or a country taken for a person ("Berlin", "São Paulo"), unless greeted or titled like one
  if (kind === 'PER' && !(givenNameOrTown && !placeCued) && (CITIES.has(whole) || COUNTRIES.has(whole) || (REGIONS.has(whole) && (!isFirstName(words[0]) || STATES_IN_NAME_LISTS.has(whole)))) && !NAME_CUE_BEFORE.has(previous.toLowerCase()) && !TITLE.test(previous) && (words.length > 1 || !isSurname(whole) || (CITIES.has(whole) && !isFirstName(whole)))) return 'LOC'
  if (kind === 'ORG' && (TITLE.test(previous) || TITLE.test(words[0]))) return 'PER'
  if (kind === 'ORG' && words.length <= 3 && !CITIES.has(whole) && !words.some((w) => ORG_HEADS.has(w))) {
    // "Deepa Krishnan", or a lone given name ("Arjun", "Bethany", "Marek") that is no everyday word or
    // brand, and not the cut-off first word of a longer name ("Halden Water")
    if (isFirstName(words[0]) && (words.length === 1 ? !isCommonWord(last) && !BRANDS.has(last) && !nextCapitalised : isSurname(last) || !isCommonWord(last))) return 'PER'
  }
  if (kind !== 'LOC' && words.length === 1 && inflectedPlace(words[0]) !== null) return 'LOC'
  if (kind === 'LOC' && words.length <= 2 && isFirstName(words[0]) && !CITIES.has(whole) && !CITIES.has(words[0]) && !COUNTRIES.has(whole) && !STATES_IN_NAME_LISTS.has(whole) && !isTownShaped(value)) return 'PER'
  return kind
}

/** First words of towns' names ("Lake Jessica", "Port Angela", "San Miguel", "Borgo Tobia", "Vila Nova"). */
const TOWN_PREFIXES: ReadonlySet<string> = new Set(['North', 'South', 'East', 'West', 'New', 'Lake', 'Port', 'Fort', 'Mount', 'Saint', 'St.', 'San', 'Santa', 'Santo', 'São', 'Sankt', 'Sainte', 'Borgo', 'Sesto', 'Quarto', 'Quinto', 'Settimo', 'Castel', 'Castello', 'Porto', 'Puerto', 'Villa', 'Vila', 'Nueva', 'Nuevo', 'Bad', 'Alt', 'Neu', 'Groß', 'Klein', 'Ober', 'Unter'])
/** Endings of towns' names glued to a name ("Jessicaview", "Michaelmouth", "Kevinfurt", "Annaburgh"). */
const TOWN_ENDING_RE = /^(\p{Lu}\p{Ll}{2,}?)(?:view|mouth|furt|stad|haven|borough|burgh|bury|chester|shire|ville|land|side|fort|port|berg|town|ton)$/u

/** A town's name by its shape: a town prefix before capitalised words, or a town ending after a name. */
function isTownShaped(value: string): boolean {
  const words = value.split(/\s+/)
  if (words.length >= 2 && words.length <= 4 && TOWN_PREFIXES.has(words[0]) && words.slice(1).every((w) => /^\p{Lu}/u.test(w)) && !BRANDS.has(value.toLowerCase())) return true
  const stem = words.length === 1 ? TOWN_ENDING_RE.exec(words[0])?.[1].toLowerCase() : undefined
  return stem !== undefined && (isFirstName(stem) || isSurname(stem)) && !isCommonWord(words[0].toLowerCase())
}

/** Case endings that languages put on a place's name ("Norges", "Nigeriassa", "Helsingistä", "Latviaa"). */
const PLACE_ENDINGS = ['ssa', 'ssä', 'sta', 'stä', 'lla', 'llä', 'lta', 'ltä', 'lle', 'ksi', 'na', 'nä', 'an', 'en', 'in', 'n', 'a', 'ä', 's']

/** A country or town of the lists under one of its languages' case endings, or null. */
function inflectedPlace(word: string): string | null {
  if (word.length < 5) return null
  for (const ending of PLACE_ENDINGS) {
    if (!word.endsWith(ending)) continue
    const stem = word.slice(0, -ending.length)
    if (stem.length < 4 || !(COUNTRIES.has(stem) || CITIES.has(stem))) continue
    // the lists are checked only now: most words end in none of these stems
    return CITIES.has(word) || COUNTRIES.has(word) || isPersonWord(word) || isCommonWord(word) ? null : stem
  }
  return null
}

/** What the words of a list are made of, read once: which tokens a scan of the text can skip. */
interface ListShapes {
  /** some word of the list has no letter or digit */
  markOnly: boolean
  /** some word of the list holds a digit */
  digit: boolean
  /** some word of the list holds a capital A–Z */
  asciiCapital: boolean
}
function shapesOf(words: ReadonlySet<string>): ListShapes {
  const all = [...words]
  return { markOnly: all.some((w) => !/[\p{L}\p{N}]/u.test(w)), digit: all.some((w) => /\p{N}/u.test(w)), asciiCapital: all.some((w) => /[A-Z]/.test(w)) }
}
const STOPWORD_SHAPES = shapesOf(STOPWORDS)
const NOUN_CAPITALISING_SHAPES = shapesOf(new Set([...NOUN_CAPITALISING_WORDS, ...GERMAN_ARTICLES]))

/**
 * A token (by its flags) that no word of the list can be, in lower case or as written: the scans
 * for another language's function words skip marks, numbers and ASCII words with a capital
 * without a look-up (a capital A–Z makes the token differ from its lower case and from every
 * word of a list without one).
 */
function cannotBeListed(flags: number, shapes: ListShapes): boolean {
  if (!(flags & WORD_FLAG)) return !shapes.markOnly
  if (flags & DIGIT) return !shapes.digit
  return (flags & (ASCII | UPPER)) === (ASCII | UPPER) && !shapes.asciiCapital
}

/** masked[i] for a token inside a date (the other masks are 1). */
const DATE_MASK = 2

/**
 * "Londres, 23 may", "Berlin, 12. März 2024", "Algeciras (Cádiz), 23 may": the words that open a
 * line before a comma and a date (a letter's or a report's dateline) name a town.
 */
function isDateline(text: string, tokens: readonly Token[], masked: Uint8Array, from: number, to: number): boolean {
  if (to - from >= 3 || (from > 0 && !text.slice(tokens[from - 1].end, tokens[from].start).includes('\n'))) return false
  let k = to + 1
  // a region in brackets after the town: "(Cádiz)", "(RFA)"
  if (tokens[k]?.text === '(') {
    const close = tokens.findIndex((t, n) => n > k && n <= k + 4 && t.text === ')')
    if (close < 0) return false
    k = close + 1
  }
  return tokens[k]?.text === ',' && masked[k + 1] === DATE_MASK
}

/** Labels whose pattern findings the tagger sees as masks (addresses and postcodes are its own work). */
const MASKED: ReadonlySet<string> = new Set(['email', 'url', 'phone', 'card_number', 'iban', 'ip_address', 'national_id', 'account_number', 'username', 'date_of_birth', 'date'])
const PLACEHOLDER_RE = /\[(phone|card|iban|ip address|national id|date of birth|date|url)\]/g

/** Sorted, non-overlapping masks from the patterns' findings and from placeholders in the text. */
export function masksFor(text: string, found: readonly Candidate[]): Mask[] {
  const masks: Mask[] = found.filter((c) => MASKED.has(c.label)).map((c) => ({ start: c.start, end: c.end, label: c.label }))
  for (const m of text.matchAll(PLACEHOLDER_RE)) masks.push({ start: m.index, end: m.index + m[0].length, label: m[1] === 'card' ? 'card_number' : m[1].replace(/ /g, '_') })
  masks.sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Mask[] = []
  for (const mask of masks) if (!out.length || mask.start >= out[out.length - 1].end) out.push(mask)
  return out
}

let margins = OPEN_MARGIN
/** For choosing the margins on the development sets (test/bench/anonymise-eval.ts --margins). */
export function setOpenMargins(value: Record<string, number>): void {
  margins = value
}

export function detectEntities(text: string, patternFindings: readonly Candidate[] = [], tokens: readonly Token[] = tokenize(text)): Candidate[] {
  const masks = masksFor(text, patternFindings)
  const tags = tagTokens(text, tokens, tagger(), masks, margins)
  // what a pattern recognised (a username, a reference) is that, not a person or a company
  const masked = new Uint8Array(tokens.length)
  for (let i = 0, m = 0; i < tokens.length; i++) {
    while (m < masks.length && masks[m].end <= tokens[i].start) m++
    if (m < masks.length && masks[m].start <= tokens[i].start && tokens[i].end <= masks[m].end) masked[i] = masks[m].label === 'date' ? DATE_MASK : 1
  }
  const dateline = (from: number, to: number): boolean => isDateline(text, tokens, masked, from, to)
  const out: Candidate[] = []
  /** The value of a field whose label says what it holds ("Ciudad: Sevilla", "Firma: Wagner Elektro"). */
  const fieldKind = (from: number): string | undefined => {
    if (from < 2 || tokens[from - 1].text !== ':') return undefined
    let k = from - 2
    while (k > 0 && from - 2 - k < 3 && !text.slice(tokens[k - 1].end, tokens[k].start).includes('\n')) k--
    // the label is the whole of the line before the colon
    if (k > 0 && !text.slice(tokens[k - 1].end, tokens[k].start).includes('\n')) return undefined
    return FIELD_KIND.get(text.slice(tokens[k].start, tokens[from - 2].end).toLowerCase())
  }
  /** Written in a language that capitalises every noun (two of its function words in lower case). */
  let nounCapitalising: boolean | undefined
  const capitalisesNouns = (): boolean => {
    if (nounCapitalising === undefined) {
      // two of its own function words, or one of them and an article
      let seen = 0
      let articles = 0
      for (let k = 0; k < tokens.length && seen + Math.min(articles, 1) < 2; k++) {
        if (cannotBeListed(tokens[k].flags, NOUN_CAPITALISING_SHAPES)) continue
        if (NOUN_CAPITALISING_WORDS.has(tokens[k].text)) seen++
        else if (GERMAN_ARTICLES.has(tokens[k].text)) articles++
      }
      nounCapitalising = seen >= 1 && seen + Math.min(articles, 1) >= 2
    }
    return nounCapitalising
  }
  /** Written in a language other than English (two function words of another language that English lacks). */
  let foreign: boolean | undefined
  const otherLanguage = (): boolean => {
    if (foreign === undefined) {
      let seen = 0
      for (let k = 0; k < tokens.length && seen < 2; k++) {
        if (cannotBeListed(tokens[k].flags, STOPWORD_SHAPES)) continue
        if (tokens[k].text === tokens[k].lower && STOPWORDS.has(tokens[k].lower) && !isCommonWord(tokens[k].lower)) seen++
      }
      foreign = seen >= 2
    }
    return foreign
  }
  const sameLine = (a: number, b: number) => !text.slice(tokens[a].end, tokens[b].start).includes('\n')
  /** The index of the word before token i, a title's full stop read as part of the title ("Ms."); -1 at the start. */
  const indexBefore = (i: number): number => (i > 1 && tokens[i - 1].text === '.' && TITLE.test(tokens[i - 2].text) ? i - 2 : i - 1)
  const wordBefore = (i: number): string => (i > 0 ? tokens[indexBefore(i)].text : '')
  /**
   * What the words around a span say about it: a capital proves nothing in German text or on a
   * sentence's first function word ("Vi har", "La empresa"), unless a greeting, a title, a field or
   * a speaker label vouches for a person. Returns the kind, or null for no span at all.
   */
  const byContext = (kind: string, from: number, to: number): string | null => {
    // "Veranstaltung" in German text: a noun, unless a brand list knows it or it is in capitals
    if (kind === 'ORG' && from === to && capitalisesNouns() && !BRANDS.has(tokens[from].lower) && !/^[\p{Lu}\p{N}]{2,}$/u.test(tokens[from].text)) return null
    // "Just found your channel", "Great Video, Liked,": an everyday word, capitalised, is no company
    // there, even one that is also a brand's name ("Just") when it opens a sentence
    if (kind === 'ORG' && from === to && isCommonWord(tokens[from].lower) && /^\p{Lu}\p{Ll}+$/u.test(tokens[from].text)) {
      const previous = from > 0 && sameLine(from - 1, from) ? tokens[from - 1] : undefined
      if (previous === undefined || SENTENCE_CLOSE.has(previous.text) || (previous.text === ',' && !BRANDS.has(tokens[from].lower))) return null
    }
    if (kind !== 'PER') return kind
    // "Ms." is one title: the word before the full stop is what vouches
    const before = indexBefore(from)
    const prev = before >= 0 && sameLine(before, from) ? tokens[before] : undefined
    const next = to + 1 < tokens.length && sameLine(to, to + 1) ? tokens[to + 1] : undefined
    const cued = prev !== undefined && (NAME_CUE_BEFORE.has(prev.lower) || TITLE.test(prev.text) || prev.text === ':' || prev.text === ',' || prev.text === '-' || prev.text === '•' || prev.text === '@')
    const speaker = next !== undefined && next.text === ':' && prev === undefined
    if (cued || speaker) return kind
    // "frei", "liv", "ennå": in another language's text a lower-case word is a name only when greeted
    if (!/\p{Lu}/u.test(text.slice(tokens[from].start, tokens[to].end)) && (capitalisesNouns() || otherLanguage())) return null
    const sentenceStart = prev === undefined || SENTENCE_CLOSE.has(prev.text)
    // the words of the span, without a sentence's first function word ("Der Kern", "La empresa")
    let first = from
    while (first < to && !WORD.test(tokens[first].text)) first++
    let count = 0
    for (let k = first; k <= to; k++) if (WORD.test(tokens[k].text)) count++
    if (count > 1 && sentenceStart && STOPWORDS.has(tokens[first].lower) && !isFirstName(tokens[first].lower)) {
      first++
      while (first < to && !WORD.test(tokens[first].text)) first++
      count--
    }
    // "Vi har", "Ved siden", "Los clientes": another language's function word opening a sentence
    if (count === 1 && sentenceStart && next !== undefined && /^\p{Ll}/u.test(next.text) && STOPWORDS.has(tokens[first].lower)) return null
    const german = capitalisesNouns()
    const capitals = count === 1 && /^\p{Lu}{5,}$/u.test(tokens[first].text)
    if (!german && !capitals) return kind
    // only now the name lists (looked up with and without accents): most spans never get here
    let known = false
    for (let k = first; k <= to && !known; k++) known = WORD.test(tokens[k].text) && isPersonWord(tokens[k].lower) && !STOPWORDS.has(tokens[k].lower)
    // "Ausstellung", "Fahrbahn": a German noun, not a name no list knows
    if (!known && german) return null
    // "EFECOM", "ASAJA": letters in capitals that no name list knows are an organisation's
    if (!known && capitals) return 'ORG'
    return kind
  }
  let open = null as { kind: string; from: number; to: number } | null
  const close = () => {
    if (!open) return
    // a span starts and ends on a word: never on punctuation, never on a title ("Mr Okonkwo" keeps its "Mr")
    while (open.to > open.from && !WORD.test(tokens[open.to].text)) open.to--
    while (open.from < open.to && (!WORD.test(tokens[open.from].text) || (open.kind === 'PER' && TITLE.test(tokens[open.from].text)))) open.from++
    // a name, company or place is its capitalised words: "nazywam się Krzysztof Wójcik" → "Krzysztof Wójcik",
    // "w Katowice" → "Katowice", "Leicester here" → "Leicester" (all lower case stays whole: "hi mario")
    if (open.kind === 'PER' || open.kind === 'ORG' || open.kind === 'LOC') {
      const capitalised = (k: number) => /^[\p{Lu}\p{N}]/u.test(tokens[k].text)
      let anyCap = false
      for (let k = open.from; k <= open.to && !anyCap; k++) anyCap = capitalised(k)
      if (anyCap) {
        while (open.from < open.to && !capitalised(open.from)) open.from++
        while (open.to > open.from && (!capitalised(open.to) || !WORD.test(tokens[open.to].text))) open.to--
      }
    }
    // "Sigurður Jónsson or Guðrún Sigurðardóttir", "Zalando and Posti": two of them, each whole
    if (open.kind === 'PER' || open.kind === 'ORG') {
      for (let k = open.from + 1; k < open.to; k++) {
        if (!CONJUNCTIONS.has(tokens[k].text) || !/^\p{Lu}/u.test(tokens[k - 1].text) || !/^\p{Lu}/u.test(tokens[k + 1].text)) continue
        // a company's own "and" stays ("Marks and Spencer"), unless a side is a brand of its own
        const listed = (t: Token) => BRANDS.has(t.lower) || CITIES.has(t.lower) || COUNTRIES.has(t.lower)
        if (open.kind === 'ORG' && !listed(tokens[k - 1]) && !listed(tokens[k + 1])) continue
        const { kind, to } = open
        open.to = k - 1
        close()
        open = { kind, from: k + 1, to }
        close()
        return
      }
    }
    // a bracket ends a name, company or place ("Siddharth Venkataraman (Engineering)"): what a
    // person's or a company's brackets hold is said about them; a place's ("Montréal (QC)") is its region
    if (open.kind === 'PER' || open.kind === 'ORG' || open.kind === 'LOC') {
      for (let k = open.from + 1; k <= open.to; k++) {
        if (!BRACKETS.has(tokens[k].text)) continue
        const { kind, to } = open
        open.to = k - 1
        while (open.to > open.from && !WORD.test(tokens[open.to].text)) open.to--
        const inside = k + 1 <= to ? tokens[k + 1] : undefined
        const region = inside !== undefined && (/^\p{Lu}{2,3}$/u.test(inside.text) || REGIONS.has(inside.lower) || COUNTRIES.has(inside.lower))
        if (kind !== 'LOC' || !region) break
        close()
        open = { kind, from: k + 1, to }
        close()
        return
      }
    }
    // "Mr. O'Connor at 12 Elm St": the person before "at" is the addressee, the street starts after it
    if (open.kind === 'ADDR') {
      const at = tokens.findIndex((t, k) => k > open!.from && k < open!.to && t.text === 'at')
      if (at > 0 && tokens.slice(at + 1, open.to + 1).some((t) => /^\d/.test(t.text))) {
        const titled = TITLE.test(tokens[open.from].text)
        const first = open.from + (titled ? (tokens[open.from + 1]?.text === '.' ? 2 : 1) : 0)
        const words = tokens.slice(first, at).map((t) => t.lower)
        if (first < at && tokens.slice(first, at).every((t) => /^\p{Lu}/u.test(t.text)) && (titled || (words.length > 1 && isFirstName(words[0]) && isSurname(words[words.length - 1])))) {
          out.push({ start: tokens[first].start, end: tokens[at - 1].end, label: 'name', priority: PRIORITY.PER })
        }
        open.from = at + 1
      }
    }
    // a street line never holds a clock time or a numbered list ("18:22 Mustafa", "1. Chloé Martin 2. Mathis")
    if (open.kind === 'ADDR') {
      const afterTime = open.from > 1 && tokens[open.from - 1].text === ':' && /^\d+$/.test(tokens[open.from - 2].text)
      let listOrTime = afterTime
      for (let k = open.from; k < open.to && !listOrTime; k++) {
        const next = tokens[k + 1].text
        listOrTime = /^\d+$/.test(tokens[k].text) && (next === ':' || (next === '.' && k + 2 <= open.to && /^\p{Lu}/u.test(tokens[k + 2].text)))
      }
      // "Dr. Nikolaos Alexiou" read as a street ("Dr" for Drive) has no number: no street line either
      const noStreet = !plausible('ADDR', text.slice(tokens[open.from].start, tokens[open.to].end), open.to - open.from + 1)
      if (listOrTime || noStreet) {
        // the people in it are still people: each run of capitalised words that a name list knows
        let k = open.from
        while (k <= open.to) {
          if (!/^\p{Lu}/u.test(tokens[k].text) || TITLE.test(tokens[k].text)) {
            k++
            continue
          }
          let e = k
          while (e + 1 <= open.to && /^\p{Lu}/u.test(tokens[e + 1].text)) e++
          const words = tokens.slice(k, e + 1).map((t) => t.lower)
          // out of a would-be street, only a titled person or a given name and a surname, no company word
          const titled = k > open.from && (TITLE.test(tokens[k - 1].text) || (tokens[k - 1].text === '.' && k - 1 > open.from && TITLE.test(tokens[k - 2].text)))
          const person = listOrTime
            ? isFirstName(words[0]) || isSurname(words[words.length - 1])
            : titled || (words.length > 1 && isFirstName(words[0]) && isSurname(words[words.length - 1]) && !words.some((w) => ORG_HEADS.has(w) || BUSINESS_WORDS.has(w) || ORG_SUFFIXES.has(w)))
          if (person) out.push({ start: tokens[k].start, end: tokens[e].end, label: 'name', priority: PRIORITY.PER })
          k = e + 1
        }
        open = null
        return
      }
    }
    if (!WORD.test(tokens[open.from].text) || masked.subarray(open.from, open.to + 1).every((x) => x === 1)) {
      open = null
      return
    }
    const start = tokens[open.from].start
    const end = tokens[open.to].end
    const value = text.slice(start, end)
    let before = open.from - 1
    while (before >= 0 && (tokens[before].text === ',' || tokens[before].text === 'you' || tokens[before].text === 'you,')) before--
    // "20000 Euro": an amount before its currency is no postcode
    const following = tokens[open.to + 1]
    if (open.kind === 'POST' && following !== undefined && CURRENCY_WORDS.has(following.lower)) {
      open = null
      return
    }
    if (plausible(open.kind, value, open.to - open.from + 1, before >= 0 ? tokens[before].lower : '')) {
      const next = tokens[open.to + 1]
      const nextCapitalised = next !== undefined && text.slice(tokens[open.to].end, next.start) === ' ' && /^\p{Lu}/u.test(next.text)
      const field = fieldKind(open.from)
      // a dateline's town, unless it is someone's given name ("Ginebra", "Maria, 23 May")
      const datelineTown = open.kind !== 'LOC' && !field && dateline(open.from, open.to) && !isFirstName(tokens[open.from].lower)
      const kind = datelineTown ? 'LOC' : field ?? byContext(kindByGazetteer(open.kind, value, wordBefore(open.from), nextCapitalised, placeCue(text, tokens, open.from) !== null), open.from, open.to)
      if (kind === null) {
        open = null
        return
      }
      const candidate: Candidate = { start, end, label: LABEL_OF[kind], priority: PRIORITY[kind] }
      if (kind === 'PER' && isAgent(text, start, end)) candidate.role = 'agent'
      out.push(candidate)
    }
    open = null
  }
  for (let i = 0; i < tokens.length; i++) {
    const tag: Tag = tags[i]
    if (tag === 'O') {
      close()
      continue
    }
    const kind = tag.slice(2)
    const gap = i > 0 ? text.slice(tokens[i - 1].end, tokens[i].start) : ''
    // a person's surname is never a company or a town of its own: "Dana Whitfield" stays whole
    const surnameOfPerson = open?.kind === 'PER' && open.to === i - 1 && (kind === 'ORG' || kind === 'LOC') && gap === ' ' && /^\p{Lu}/u.test(tokens[i].text) && (isSurname(tokens[i].lower) || (!isCommonWord(tokens[i].lower) && !CITIES.has(tokens[i].lower) && !COUNTRIES.has(tokens[i].lower) && !BRANDS.has(tokens[i].lower))) && !BUSINESS_WORDS.has(tokens[i].lower) && !ORG_HEADS.has(tokens[i].lower) && !ORG_SUFFIXES.has(tokens[i].lower)
    if (surnameOfPerson && open) {
      open.to = i
      open.kind = 'PER'
      continue
    }
    const continues = (tag.startsWith('I-') && open?.kind === kind && !gap.includes('\n'))
    if (continues && open) open.to = i
    else {
      close()
      open = { kind, from: i, to: i }
    }
  }
  close()
  addCountries(text, tokens, tags, masked, out, otherLanguage)
  addBrands(text, tokens, tags, masked, out)
  addTowns(text, tokens, tags, masked, out)
  addCitiesOfSeveralWords(text, tokens, masked, out)
  addNamesByTheLists(text, tokens, masked, out)
  addresseeAtHeadOfAddress(text, out)
  addNamesWithoutCapitals(text, out, PRIORITY.PER)
  const cued = applyCues(text, out)
  for (const c of cued) if (c.label === 'name' && c.role === undefined && isAgent(text, c.start, c.end)) c.role = 'agent'
  if (!capitalisesNouns()) withSurnameBefore(text, cued)
  const merged = mergeAdjacentNames(text, cued).filter((c) => !isSalutation(text, c))
  withoutGreeting(text, merged)
  withRegionWord(text, merged)
  return sameNameSameKind(text, peopleListedAfterAName(text, wholeCompanies(text, merged)))
}

/** The word after a region's name that says what kind of region it is: "Zlínský kraj", "Владимирская область", "Toshkent viloyati". */
const REGION_WORD_AFTER_RE = /^[ ](?:kraj|okrug|oblast|viloyati|viloyat|raj\.|rajons|novads|megye|vármegye|županija|vojvodstvo|voivodeship|county|province|prefecture|область|обл\.|край|округ|автономный округ|автономная область|республика|район|област|округ|вилоят)(?![\p{L}])/u

/** A place or a name before a region's word is that region, the word included. */
function withRegionWord(text: string, found: Candidate[]): void {
  for (const c of found) {
    // a name of one word only: "Sarah Kent County" is no county
    if (c.label !== 'place' && !(c.label === 'name' && !/\s/.test(text.slice(c.start, c.end)))) continue
    const word = REGION_WORD_AFTER_RE.exec(text.slice(c.end, c.end + 24))
    // (another reading of the same place, already taken with its word, does not stop it)
    if (!word || found.some((o) => o !== c && !(o.start === c.start && o.label === 'place') && o.start < c.end + word[0].length && c.end < o.end)) continue
    c.end += word[0].length
    c.label = 'place'
  }
}

/**
 * A country someone mentions ("a roaming fee in Portugal", "we ship to The Netherlands"), or a
 * country or town under a case ending ("Norges", "Nigeriassa"), is a place:
 * the tagger learnt countries as the last line of an address, where they stay as they are (a line
 * of its own). Names that are also everyday words or given names ("Turkey", "Jordan") are left to
 * the tagger.
 */
const COUNTRY_FIRST_WORDS: ReadonlySet<string> = new Set([...COUNTRIES].filter((c) => c.includes(' ')).map((c) => c.split(' ')[0]))

const LOWER_CASE_PLACE_CUES: ReadonlySet<string> = new Set(['in', 'from', 'to', 'near', 'visiting', 'visit', 'across'])

function addCountries(text: string, tokens: readonly Token[], tags: readonly Tag[], masked: Uint8Array, out: Candidate[], otherLanguage: () => boolean): void {
  // case endings belong to other languages' text: English text is spared the look-ups
  let inflected: boolean | undefined
  for (let i = 0; i < tokens.length; i++) {
    if (tags[i] !== 'O' || masked[i]) continue
    // "i live in australia": a country in lower case after a word that comes before a place, unless an everyday word ("china")
    if (tokens[i].text === tokens[i].lower && COUNTRIES.has(tokens[i].lower) && tokens[i].lower.length >= 4 && LOWER_CASE_PLACE_CUES.has(i > 0 ? tokens[i - 1].lower : '') && !isCommonWord(tokens[i].lower) && !isFirstName(tokens[i].lower)) {
      out.push({ start: tokens[i].start, end: tokens[i].end, label: 'place', priority: PRIORITY.LOC })
      continue
    }
    // capitalised, not in capitals ("UK", "USA" stay): the flags the tokenizer worked out
    if ((tokens[i].flags & (CAPITAL | SHOUTED)) !== CAPITAL) continue
    // a country of two or three words is tried only after its first word ("The Netherlands", "New Zealand")
    for (let n = COUNTRY_FIRST_WORDS.has(tokens[i].lower) ? Math.min(3, tokens.length - i) : 1; n >= 1; n--) {
      const j = i + n - 1
      let clean = true
      for (let k = i + 1; k <= j && clean; k++) clean = tags[k] === 'O' && !masked[k] && text.slice(tokens[k - 1].end, tokens[k].start) === ' '
      if (!clean) continue
      const value = text.slice(tokens[i].start, tokens[j].end)
      const lower = n === 1 ? tokens[i].lower : value.toLowerCase()
      const known = COUNTRIES.has(lower) ? !(n === 1 && (isCommonWord(lower) || isFirstName(lower))) : n === 1 && lower.length >= 5 && (inflected ??= otherLanguage()) && inflectedPlace(lower) !== null
      if (!known) continue
      const lineEnd = text.indexOf('\n', tokens[j].end)
      const line = text.slice(lineStartOf(text, tokens[i].start), lineEnd < 0 ? text.length : lineEnd).trim()
      if (line.replace(/[.,;]$/, '') !== value) out.push({ start: tokens[i].start, end: tokens[j].end, label: 'place', priority: PRIORITY.LOC })
      i = j
      break
    }
  }
}

/**
 * Words that come before a place in the languages the anonymiser meets ("in", "from", "aus", "nach",
 * "en", "à", "på", "uit", "w"); the second set also comes before people ("a call from Jackson",
 * "Juan de Mieres", "von Goethe"), so after them a town must be nobody's name.
 */
const PLACE_CUE_BEFORE: ReadonlySet<string> = new Set(['in', 'near', 'outside', 'around', 'into', 'en', 'à', 'au', 'aux', 'em', 'na', 'no', 'aus', 'nach', 'bei', 'nahe', 'uit', 'naar', 'bij', 'te', 'nabij', 'i', 'på', 'ved', 'utanför', 'w', 'we', 'pod', 'desde', 'hacia', 'cerca', 'para', 'dans', 'vers', 'près', 'nei', 'nel', 'presso', 'zu', 'ins'])
const ENGLISH_PLACE_CUES: ReadonlySet<string> = new Set(['in', 'near', 'outside', 'around', 'into'])
const PLACE_OR_NAME_CUE_BEFORE: ReadonlySet<string> = new Set(['from', 'to', 'via', 'de', 'del', 'des', 'da', 'di', 'do', 'du', 'a', 'von', 'van', 'fra', 'från', 'til', 'till', 'z', 'ze', 'entre'])

/** The word before token i if it comes before a place (in lower case, on the same line), else null. */
function placeCue(text: string, tokens: readonly Token[], i: number): string | null {
  if (i === 0) return null
  const cue = tokens[i - 1]
  if (cue.text !== cue.lower || text.slice(cue.end, tokens[i].start) !== ' ') return null
  if (PLACE_CUE_BEFORE.has(cue.lower)) return cue.lower
  if (!PLACE_OR_NAME_CUE_BEFORE.has(cue.lower)) return null
  // "Juan de Mieres", "Ursula von Radebeul": a particle inside a person's name
  const before = i > 1 ? tokens[i - 2] : undefined
  return before !== undefined && /^\p{Lu}/u.test(before.text) && text.slice(before.end, cue.start) === ' ' ? null : cue.lower
}

/**
 * A town the lists know ("Girona", "Castel Gandolfo", "Ieper") that the tagger left alone, after a
 * word that comes before a place: a place. A town that is also an everyday word, a given name or
 * another language's word ("Florence", "Most") is left to the tagger; one that is a surname too
 * only after a word people never stand behind ("in", "aus", not "from", "de").
 */
function addTowns(text: string, tokens: readonly Token[], tags: readonly Tag[], masked: Uint8Array, out: Candidate[]): void {
  for (let i = 0; i < tokens.length; i++) {
    if (tags[i] !== 'O' || (tokens[i].flags & (CAPITAL | SHOUTED)) !== CAPITAL || masked[i]) continue
    const cue = placeCue(text, tokens, i) ?? (isDateline(text, tokens, masked, i, i) || isDateline(text, tokens, masked, i, i + 1) || isDateline(text, tokens, masked, i, i + 2) ? 'dateline' : null)
    if (cue === null) continue
    for (let n = Math.min(3, tokens.length - i); n >= 1; n--) {
      const j = i + n - 1
      let clean = true
      for (let k = i + 1; k <= j && clean; k++) clean = tags[k] === 'O' && !masked[k] && text.slice(tokens[k - 1].end, tokens[k].start) === ' ' && /^\p{Lu}|^(?:de|del|la|le|am|an|im|sur|upon|on)$/u.test(tokens[k].text)
      if (!clean || (n > 1 && !/^\p{Lu}/u.test(tokens[j].text))) continue
      const lower = n === 1 ? tokens[i].lower : text.slice(tokens[i].start, tokens[j].end).toLowerCase()
      const plain = /[^\x00-\x7f]/.test(lower) ? withoutAccents(lower) : lower
      // "en Australia", "i Kina": a country that is also a given name, which addCountries leaves alone,
      // after another language's word for "in" (English text keeps its labelled sets' reading)
      if (n === 1 && COUNTRIES.has(lower) && isFirstName(lower) && PLACE_CUE_BEFORE.has(cue) && !ENGLISH_PLACE_CUES.has(cue) && !isCommonWord(lower)) {
        out.push({ start: tokens[i].start, end: tokens[j].end, label: 'place', priority: PRIORITY.LOC })
        break
      }
      if (!(TOWNS.has(lower) || CITIES.has(lower) || CITIES.has(plain)) || COUNTRIES.has(lower)) continue
      if (n === 1 && (isCommonWord(lower) || isFirstName(lower) || STOPWORDS.has(lower) || FIELD_LABEL_WORDS.has(lower) || BRANDS.has(lower))) break
      if (n === 1 && PLACE_OR_NAME_CUE_BEFORE.has(cue) && isSurname(lower)) break
      // the first words of a longer name ("to Greenfield Leisure", "in Madrid Barajas") are not the town alone
      const next = tokens[j + 1]
      if (next !== undefined && text.slice(tokens[j].end, next.start) === ' ' && /^\p{Lu}/u.test(next.text)) break
      out.push({ start: tokens[i].start, end: tokens[j].end, label: 'place', priority: PRIORITY.LOC })
      i = j
      break
    }
  }
}

/**
 * "Buenos Aires", "Kuala Lumpur", "Rio de Janeiro": a city whose name is several words is that city
 * wherever it stands, above the tagger's reading of its words ("Aires" is a given name too). Not
 * when its first word is a given name ("Anna Regina", "Albert Lea" are more often people) or a
 * capitalised word follows (part of a longer name).
 */
function addCitiesOfSeveralWords(text: string, tokens: readonly Token[], masked: Uint8Array, out: Candidate[]): void {
  for (let i = 0; i + 1 < tokens.length; i++) {
    if ((tokens[i].flags & (CAPITAL | SHOUTED)) !== CAPITAL || masked[i] || isFirstName(tokens[i].lower) || TITLE.test(tokens[i - 1]?.text ?? '')) continue
    for (let n = Math.min(4, tokens.length - i); n >= 2; n--) {
      const j = i + n - 1
      let clean = /^\p{Lu}/u.test(tokens[j].text)
      for (let k = i + 1; k <= j && clean; k++) clean = !masked[k] && text.slice(tokens[k - 1].end, tokens[k].start) === ' ' && /^(?:\p{Lu}|de$|del$|do$|da$|dos$|das$|di$|la$|am$|im$|an$|sur$|upon$|on$)/u.test(tokens[k].text)
      if (!clean || !CITIES.has(text.slice(tokens[i].start, tokens[j].end).toLowerCase())) continue
      const next = tokens[j + 1]
      if (next !== undefined && text.slice(tokens[j].end, next.start) === ' ' && /^\p{Lu}/u.test(next.text)) break
      out.push({ start: tokens[i].start, end: tokens[j].end, label: 'place', priority: PRIORITY.PER + 1 })
      i = j
      break
    }
  }
}

/**
 * People (and hyphenated firms) the name lists vouch for where neither the tagger nor a rule
 * claimed anything:
 * - a whole name of two or three listed words ("Иванов Сергей Петрович"), taking its place at the
 *   head of an address the tagger read over it;
 * - a common given name no list knows as anything else ("see Isaiah in good spirits", "Miranda is
 *   the best"), or two hyphenated surnames ("Kowalska-Nowak"; a firm after "at" or "for"). These
 *   must stand alone: not beside another capitalised word (part of a longer name the tagger read
 *   otherwise), and at a sentence's start only before a lower-case word.
 */
function addNamesByTheLists(text: string, tokens: readonly Token[], masked: Uint8Array, out: Candidate[]): void {
  let claimed: Uint8Array | undefined
  for (let i = 0; i < tokens.length; i++) {
    if ((tokens[i].flags & (CAPITAL | SHOUTED)) !== CAPITAL || masked[i]) continue
    // "Иванов Сергей Петрович" after a label: a whole name by the lists, two or three words
    let last = i
    while (last < i + 2 && last + 1 < tokens.length && (tokens[last + 1].flags & (CAPITAL | SHOUTED)) === CAPITAL && !masked[last + 1] && text.slice(tokens[last].end, tokens[last + 1].start) === ' ') last++
    if (last > i && isWholeName(tokens.slice(i, last + 1).map((t) => t.text))) {
      claimed ??= claimedBy(text, out)
      const start = tokens[i].start
      const end = tokens[last].end
      // "Иванов Сергей Петрович, тел. …" read as one address: the name before the comma is the addressee
      const address = out.find((c) => c.label === 'address' && c.start === start && c.end > end + 1 && text[end] === ',')
      if (address !== undefined) {
        address.start = end + 1 + (text.slice(end + 1).length - text.slice(end + 1).trimStart().length)
        out.push({ start, end, label: 'name', priority: PRIORITY.PER })
        claimed = undefined
      } else if (!claimed.subarray(start, end).includes(1) || (!namesAPlace(text.slice(start, end)) && onlyGuessedWithin(out, start, end))) out.push({ start, end, label: 'name', priority: PRIORITY.PER })
      i = last
      continue
    }
    const kind = GIVEN_NAMES.has(tokens[i].lower) ? 'PER' : isDoubleSurname(tokens[i].text) ? (FIRM_CUE_BEFORE_RE.test(text.slice(Math.max(0, tokens[i].start - 30), tokens[i].start)) ? 'ORG' : 'PER') : null
    if (kind === null) continue
    const next = tokens[i + 1]
    const nextOnLine = next !== undefined && !text.slice(tokens[i].end, next.start).includes('\n') ? next : undefined
    if (nextOnLine !== undefined && text.slice(tokens[i].end, nextOnLine.start) === ' ' && (/^\p{Lu}/u.test(nextOnLine.text) || nextOnLine.text === '&')) continue
    const previous = i > 0 && !text.slice(tokens[i - 1].end, tokens[i].start).includes('\n') ? tokens[i - 1] : undefined
    if (previous === undefined || SENTENCE_CLOSE.has(previous.text)) {
      // a sentence's first word: a name only before a lower-case word ("Miranda is")
      if (nextOnLine === undefined || nextOnLine.text !== nextOnLine.lower || !/^\p{L}/u.test(nextOnLine.text)) continue
    } else if (/^\p{Lu}/u.test(previous.text) && !TITLE.test(previous.text)) continue
    claimed ??= claimedBy(text, out)
    if (claimed[tokens[i].start]) continue
    out.push({ start: tokens[i].start, end: tokens[i].end, label: LABEL_OF[kind], priority: PRIORITY[kind] })
  }
}

/**
 * "Annegret Vogelsang, Lindenallee 4" or "Frau Dr. Annegret Vogelsang, Lindenallee 4" read as an
 * address: the addressee's name before the comma is a person (titles before it stay as written),
 * when it opens with a listed given name and holds no digit, no street's word ("Street", but
 * "Vogelsang", a German street's name, is a surname too), company or town word.
 */
function addresseeAtHeadOfAddress(text: string, out: Candidate[]): void {
  for (const c of [...out]) {
    if (c.label !== 'address') continue
    const value = text.slice(c.start, c.end)
    const comma = value.indexOf(',')
    // the whole span may be the addressee, followed by the street's own span
    const head = comma >= 0 ? value.slice(0, comma) : text[c.end] === ',' ? value : ''
    if (head === '' || /\d|\n/.test(head)) continue
    const words = head.split(' ')
    let titles = 0
    while (titles < words.length && TITLE.test(words[titles])) titles++
    const name = words.slice(titles)
    if (name.length < 2 || name.length > 4 || !isFirstName(name[0].toLowerCase())) continue
    const plain = name.every((w, k) => (k > 0 && NAME_PARTICLES.has(w)) || (/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(w) && !(STREET_WORDS.has(w.toLowerCase()) && isCommonWord(w.toLowerCase())) && !isCompanyWord(w.toLowerCase()) && !CITIES.has(w.toLowerCase()) && !COUNTRIES.has(w.toLowerCase())))
    if (!plain) continue
    const start = c.start + words.slice(0, titles).join(' ').length + (titles > 0 ? 1 : 0)
    const end = c.start + head.length
    if (comma >= 0) c.start = end + 1 + (value.slice(comma + 1).length - value.slice(comma + 1).trimStart().length)
    else out.splice(out.indexOf(c), 1)
    out.push({ start, end, label: 'name', priority: PRIORITY.PER })
  }
}

const CAPITALISED_WORD_BEFORE_RE = /(?<![\p{L}\p{N}'’.-])(\p{Lu}\p{Ll}+)[ ]$/u

/**
 * "Kertész Zsófia vagyok": a surname written before the given name (Hungarian order, or a list
 * sorted by surname) belongs to the name, when it is a word no list knows as anything else or a
 * listed surname, and nothing else claimed it; so does a given name before a surname found alone
 * ("Hallgrímur Sigurðsson"). Never half a name left behind.
 */
function withSurnameBefore(text: string, found: Candidate[]): void {
  for (const c of found) {
    if (c.label !== 'name' || /\s/.test(text.slice(c.start, c.end))) continue
    const value = text.slice(c.start, c.end)
    const given = isFirstName(value.toLowerCase())
    // otherwise a surname found alone ("Hallgrímur Sigurðsson"): the word before is its given name
    const m = CAPITALISED_WORD_BEFORE_RE.exec(text.slice(Math.max(0, c.start - 30), c.start))
    if (m === null) continue
    const word = m[1]
    const lower = word.toLowerCase()
    // a greeting or thanks before the name is no part of it, even where a list holds it ("Merci")
    if (NAME_CUE_BEFORE.has(lower) || TITLE.test(word)) continue
    const known = given ? isSurname(lower) || SURNAME_SHAPE.test(word) : isFirstName(lower) && !isCommonWord(lower) && !STOPWORDS.has(lower)
    const unknown = !isCommonWord(lower) && !STOPWORDS.has(lower) && !FIELD_LABEL_WORDS.has(lower) && !FIELD_KIND.has(lower) && !isFirstName(lower) && !CITIES.has(lower) && !COUNTRIES.has(lower) && !REGIONS.has(lower) && !TOWNS.has(lower) && !BRANDS.has(lower) && !isCompanyWord(lower) && !TITLE.test(word) && !NAME_CUE_BEFORE.has(lower)
    if (!known && !unknown) continue
    const start = c.start - word.length - 1
    if (found.some((o) => o !== c && o.start < c.start && start < o.end)) continue
    c.start = start
  }
}

const BRACKETS: ReadonlySet<string> = new Set(['(', ')', '[', ']', '{', '}', '<', '>'])

/**
 * Who a letter or a chat is addressed to when it is nobody in particular ("Hi Team", "Sehr geehrte
 * Damen und Herren", "Estimados Señores", "Szanowni Państwo"): never a name, greeted or not.
 */
const SALUTATION_WORDS: ReadonlySet<string> = new Set([
  'team', 'all', 'everyone', 'everybody', 'folks', 'guys', 'there', 'sir', 'sirs', 'madam', 'madame', 'colleagues', 'friends', 'customer', 'customers', 'support', 'valued',
  'damen', 'herren', 'geehrte', 'geehrter', 'kunde', 'kundin', 'kollegen', 'kolleginnen', 'estimado', 'estimada', 'estimados', 'estimadas', 'señor', 'señora', 'señores', 'señoras', 'equipo', 'cliente', 'clientes',
  'monsieur', 'messieurs', 'mesdames', 'équipe', 'equipe', 'chers', 'chères', 'cher', 'chère', 'gentile', 'gentili', 'egregio', 'spettabile', 'signori', 'prezado', 'prezada', 'prezados', 'senhor', 'senhora', 'senhores',
  'geachte', 'heer', 'mevrouw', 'heren', 'dames', 'beste', 'szanowni', 'szanowny', 'szanowna', 'państwo', 'pan', 'pani', 'kundtjänst', 'kundeservice', 'asiakaspalvelu',
])

/** "Hi Team", "Damen und Herren": a name made only of salutation words is none. */
function isSalutation(text: string, c: Candidate): boolean {
  return c.label === 'name' && text.slice(c.start, c.end).toLowerCase().split(/[\s,]+/).every((w) => SALUTATION_WORDS.has(w))
}

/**
 * "Bonjour Dupont", "Danke Schmidt", "Team, Anna", "Pan Kowalski": a greeting, thanks, salutation or
 * polite title that opens a name is not part of it.
 */
function withoutGreeting(text: string, found: Candidate[]): void {
  for (const c of found) {
    if (c.label !== 'name') continue
    for (;;) {
      const first = /^[^\s,]+/.exec(text.slice(c.start, c.end))?.[0] ?? ''
      const rest = /^[\s,]+/.exec(text.slice(c.start + first.length, c.end))?.[0].length ?? 0
      if (rest === 0 || c.start + first.length + rest >= c.end) break
      const lower = first.toLowerCase()
      const greeting = lower.length > 2 && NAME_CUE_BEFORE.has(lower) && !isFirstName(lower) && !isSurname(lower)
      if (!greeting && !SALUTATION_WORDS.has(lower)) break
      c.start += first.length + rest
    }
  }
}

/** Which characters of text the candidates cover (1) or not (0). */
/** "Santa Cruz", "Port Elizabeth": words a town's name is made of, whatever the name lists say. */
function namesAPlace(value: string): boolean {
  const lower = value.toLowerCase()
  return TOWN_PREFIXES.has(value.split(' ')[0]) || CITIES.has(lower) || TOWNS.has(lower)
}

/** Whatever overlaps [start, end) is the tagger's guess of a town or a company inside it: a whole name by the lists outweighs it. */
function onlyGuessedWithin(found: readonly Candidate[], start: number, end: number): boolean {
  return found.every((c) => c.end <= start || end <= c.start || ((c.label === 'place' || c.label === 'organization') && c.priority <= PRIORITY.ORG && start <= c.start && c.end <= end))
}

function claimedBy(text: string, found: readonly Candidate[]): Uint8Array {
  const claimed = new Uint8Array(text.length + 1)
  for (const c of found) claimed.fill(1, c.start, c.end)
  return claimed
}

/** Two surnames joined by a hyphen ("Kowalska-Nowak", "Ortiz-Herrera"): a person's, or a firm's after "at" or "for". */
function isDoubleSurname(word: string): boolean {
  const parts = word.split('-')
  return parts.length === 2 && parts.every((p) => /^\p{Lu}\p{Ll}{2,}$/u.test(p) && (isSurname(p.toLowerCase()) || SURNAME_SHAPE.test(p)) && !isCommonWord(p.toLowerCase()) && !CITIES.has(p.toLowerCase()))
}

/** Words before a company someone deals with ("paid with Klarna", "switched from Plusnet to Sky"). */
const BRAND_CUE_BEFORE = new Set(['with', 'via', 'through', 'from', 'at', 'by', 'to', 'and', 'or', '&', ',', 'called', 'contacted', 'emailed', 'joined', 'left', 'using', 'use', 'chose', 'banks', 'bank'])

/**
 * A brand the lists know ("Klarna", "Netgear", "DPD"), capitalised, that the tagger left alone,
 * after a word people put before a company they deal with: an organisation, unless it is also an
 * everyday word, a name, a town or another language's word, a product line ("Samsung Galaxy"), or
 * part of a handle or a link. A product alone ("Gmail says…") stays: no list tells the two apart.
 */
function addBrands(text: string, tokens: readonly Token[], tags: readonly Tag[], masked: Uint8Array, out: Candidate[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]
    if (tags[i] !== 'O' || !(t.flags & CAPITAL) || t.text.length < 3 || masked[i] || i === 0 || !BRAND_CUE_BEFORE.has(tokens[i - 1].lower)) continue
    const lower = t.lower
    if (!BRANDS.has(lower) || isCommonWord(lower) || isPersonWord(lower) || CITIES.has(lower) || COUNTRIES.has(lower) || STOPWORDS.has(lower) || FIELD_LABEL_WORDS.has(lower)) continue
    // glued to other words or marks ("@Monzo", "Monzo.com", "Monzo-Support") it is a handle, a link or a product
    const before = t.start > 0 ? text[t.start - 1] : ' '
    const after = t.end < text.length ? text[t.end] : ' '
    if (!/[\s(“"']/u.test(before) || !/[\s.,;:!?)”"']/u.test(after) || (after === '.' && /\w/.test(text[t.end + 1] ?? ''))) continue
    const next = tokens[i + 1]
    if (next !== undefined && text.slice(t.end, next.start) === ' ' && /^[\p{Lu}\p{N}]/u.test(next.text)) continue
    out.push({ start: t.start, end: t.end, label: 'organization', priority: PRIORITY.ORG })
  }
}

/**
 * One word is one thing throughout a conversation: "Ida" taken for a town once is still the "Ida"
 * of "Ida Holm" elsewhere in the text.
 */
function sameNameSameKind(text: string, found: Candidate[]): Candidate[] {
  const nameWords = new Set<string>()
  for (const c of found) {
    if (c.label !== 'name') continue
    const words = text.slice(c.start, c.end).toLowerCase().split(/\s+/)
    // a name of one word counts when a cue vouched for it ("my name is Sofia": the later "Sofia" is her too)
    if (words.length > 1 || c.priority >= CUED_NAME_PRIORITY) for (const w of words) nameWords.add(w)
  }
  if (nameWords.size === 0) return found
  for (const c of found) {
    if ((c.label === 'place' || c.label === 'organization') && nameWords.has(text.slice(c.start, c.end).toLowerCase())) {
      c.label = 'name'
      c.priority = PRIORITY.PER
    }
  }
  return found
}

/** Two names one space apart are one person ("18:22 Mustafa Öztürk"): never half a name replaced. */
/** Legal forms written after a company's name, several words long or with dots ("sp. z o.o.", "e figli", "GmbH & Co. KG"). */
const LEGAL_FORM_AFTER_RE = new RegExp(String.raw`,?[ ](?:${LEGAL_FORM_SOURCE})(?![\p{L}\p{N}])`, 'uy')
/** "and" between the two surnames of a firm, in the languages met most. */
const FIRM_JOINT_RE = /^[ ](?:and|&|et|e|y|und|en|og|och|i)[ ]$/u
const AMPERSAND_BEFORE_RE = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]+[ ]?&[ ]?$/u
const SURNAMES_AND_RE = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+)[ ]?&[ ]?(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}])/gu

/**
 * A company's whole name, never half of it: a name and its legal form ("Rossi SpA", "Nowak sp. z
 * o.o.", "Conti e figli"), a word joined by "&" to a company ("Müller & Söhne"), two surnames joined
 * by "and" in some language when either was read as a company ("Lefebvre et Martin") or by "&".
 * Expects the candidates in order of start.
 */
function wholeCompanies(text: string, found: Candidate[]): Candidate[] {
  if (found.length === 0 && !text.includes('&')) return found
  const out: Candidate[] = []
  for (const c of found) {
    const last = out[out.length - 1]
    // "Lefebvre et Martin": two surnames joined by "and" in any language are one firm, when either is read as one
    if (last !== undefined && (c.label === 'organization' || last.label === 'organization') && (c.label === 'name' || c.label === 'organization') && (last.label === 'name' || last.label === 'organization')) {
      const joint = text.slice(last.end, c.start)
      const surnames = [text.slice(last.start, last.end), text.slice(c.start, c.end)].every((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && (isSurname(w.toLowerCase()) || SURNAME_SHAPE.test(w)) && !BRANDS.has(w.toLowerCase()) && !GIVEN_NAMES.has(w.toLowerCase()))
      if (surnames && FIRM_JOINT_RE.test(joint)) {
        last.end = c.end
        last.label = 'organization'
        delete last.role
        continue
      }
    }
    if (last !== undefined && c.label === 'organization' && (last.label === 'name' || last.label === 'organization') && c.start === last.end + 1 && text[last.end] === ' ' && ORG_SUFFIXES.has(text.slice(c.start, c.end).toLowerCase().replace(/\.$/, ''))) {
      last.end = c.end
      last.label = 'organization'
      last.priority = Math.max(last.priority, c.priority)
      delete last.role
      continue
    }
    if (c.label === 'organization') {
      const before = AMPERSAND_BEFORE_RE.exec(text.slice(Math.max(0, c.start - 40), c.start))
      if (before !== null) {
        const start = c.start - before[0].length
        // the word before "&" may have been read as a name of its own: it is the company's now
        if (last !== undefined && last.end > start) {
          if (last.start !== start) {
            out.push(c)
            continue
          }
          out.pop()
        }
        c.start = start
      }
    }
    out.push(c)
  }
  // "Nowak sp. z o.o.", "Conti e figli": the legal form after the name is the company's too
  for (const c of out) {
    if (c.label !== 'organization') continue
    LEGAL_FORM_AFTER_RE.lastIndex = c.end
    if (LEGAL_FORM_AFTER_RE.test(text)) c.end = LEGAL_FORM_AFTER_RE.lastIndex
  }
  if (!text.includes('&')) return out
  let joined = out
  for (const m of text.matchAll(SURNAMES_AND_RE)) {
    const end = m.index + m[0].length
    const surname = (w: string) => (isSurname(w.toLowerCase()) || SURNAME_SHAPE.test(w)) && !GIVEN_NAMES.has(w.toLowerCase())
    if (!surname(m[1]) || !surname(m[2])) continue
    // each side may have been read as a person of its own; anything else there keeps the text as it was read
    const inside = joined.filter((c) => c.start < end && m.index < c.end)
    if (inside.some((c) => c.label !== 'name' || c.start < m.index || c.end > end)) continue
    joined = joined.filter((c) => !inside.includes(c))
    joined.push({ start: m.index, end, label: 'organization', priority: PRIORITY.ORG })
  }
  return joined.sort((a, b) => a.start - b.start)
}

/** Two names of two or more words joined by "and" ("Gbogboade Abisoye and Sekinat Saheed"). */
const TWO_NAMES_RE = /^(\p{Lu}[\p{L}'’-]+(?:[ ]\p{Lu}[\p{L}'’-]+){1,3})[ ](?:and|und|et|y|e|i|og|och|en|és|a|ve)[ ](\p{Lu}[\p{L}'’-]+(?:[ ]\p{Lu}[\p{L}'’-]+){1,3})$/u

/**
 * "Please add Bamisebi Kemi, Gbogboade Abisoye and Sekinat Saheed": after a person and a comma,
 * the tagger's "company" of two names joined by "and", none of them a company's word, is two people.
 */
function peopleListedAfterAName(text: string, found: Candidate[]): Candidate[] {
  const out: Candidate[] = []
  for (const c of found.sort((a, b) => a.start - b.start)) {
    const pair = c.label === 'organization' ? TWO_NAMES_RE.exec(text.slice(c.start, c.end)) : null
    const previous = out[out.length - 1]
    const listed = previous?.label === 'name' && /^,[ ]$/.test(text.slice(previous.end, c.start))
    if (!pair || !listed || `${pair[1]} ${pair[2]}`.split(' ').some((w) => isCompanyWord(w.toLowerCase()))) {
      out.push(c)
      continue
    }
    out.push({ ...c, end: c.start + pair[1].length, label: 'name' })
    const second = c.end - pair[2].length
    out.push({ ...c, start: second, label: 'name' })
  }
  return out
}

function mergeAdjacentNames(text: string, found: Candidate[]): Candidate[] {
  if (found.length < 2) return found
  found.sort((a, b) => a.start - b.start)
  const out: Candidate[] = [found[0]]
  for (let k = 1; k < found.length; k++) {
    const last = out[out.length - 1]
    const c = found[k]
    if (last.label === 'name' && c.label === 'name' && c.start === last.end + 1 && text[last.end] === ' ') {
      last.end = c.end
      last.role ??= c.role
    } else out.push(c)
  }
  return out
}
