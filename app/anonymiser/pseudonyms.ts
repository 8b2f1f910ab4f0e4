/**
 * Consistent replacements for one conversation: the same original value always gets the same
 * invented value, handed out in order of appearance from fixed lists, never equal to any word of
 * the original text. The mapping lives only in this object (never logged, never returned).
 */
import type { PiiLabel, ReferenceKind } from './types'
import { NAME_PARTICLES } from './cues'
import { alternation, TITLES_IN_ANY_CASE } from './text-lines'

const INVENTED_FIRST_NAMES = [
  'Alex', 'Sam', 'Jordan', 'Robin', 'Casey', 'Morgan', 'Riley', 'Jamie', 'Avery', 'Quinn', 'Rowan',
  'Sasha', 'Noor', 'Emery', 'Harper', 'Kai', 'Reese', 'Toby', 'Ines', 'Milan', 'Nadia', 'Oskar',
  'Leona', 'Tariq', 'Elin', 'Mateo', 'Freya', 'Idris', 'Lena', 'Ravi', 'Signe', 'Hugo', 'Amara',
  'Bruno', 'Cleo', 'Dario', 'Esme', 'Farah', 'Gus', 'Hana', 'Ivo', 'Juno', 'Kira', 'Luca', 'Mira',
  'Nico', 'Opal', 'Pavel', 'Rhea', 'Soren', 'Talia', 'Uma', 'Vito', 'Wren', 'Yara', 'Zane',
]

const INVENTED_USERNAMES = INVENTED_FIRST_NAMES.map((n) => `${n.toLowerCase()}_user`)

const INVENTED_SURNAMES = [
  'Morgan', 'Ellis', 'Hartley', 'Okafor', 'Lindqvist', 'Ferreira', 'Novak', 'Achebe', 'Castell',
  'Duval', 'Brennan', 'Halloran', 'Ishikawa', 'Jablonski', 'Kowal', 'Larkin', 'Mbeki', 'Nakamura',
  'Oyelaran', 'Petrov', 'Quintero', 'Rasmussen', 'Sandoval', 'Thorne', 'Underhill', 'Varga',
  'Whitlock', 'Yilmaz', 'Zeller', 'Ashby', 'Bexley', 'Corrigan', 'Delacroix', 'Eastwood', 'Fenwick',
  'Galloway', 'Hollis', 'Irving', 'Kavanagh', 'Lomax', 'Marlowe', 'Northcott', 'Pemberton',
]

const INVENTED_ORGANISATIONS = [
  'Harbourline Ltd', 'Kestrel Group', 'Bramblewood & Co', 'Lumen Works', 'Saltmarsh Trading',
  'Copperleaf Inc', 'Fernhill Partners', 'Bluegate Systems', 'Ironbark Supplies', 'Moorfield Bank',
  'Quillon Labs', 'Redcliffe Services', 'Silverbirch Media', 'Tidewater Logistics', 'Upland Foods',
  'Westbrook Holdings', 'Yarrow Health', 'Zephyr Retail', 'Ashgrove Energy', 'Cobalt Street Studio',
]

const INVENTED_PLACES = [
  'Eastbridge', 'Millhaven', 'Norbury Vale', 'Westmere', 'Ashcombe', 'Brackley Cross', 'Coldwater',
  'Dunmore', 'Elmsworth', 'Fairhollow', 'Greystone', 'Highfold', 'Kingsmere', 'Longford Bay',
  'Marshton', 'Oakridge', 'Pinecliff', 'Redmarsh', 'Stonebury', 'Thornbury Heath',
]

const REFERENCE_PREFIX: Record<ReferenceKind, { prefix: string; base: number }> = {
  order: { prefix: 'ORD', base: 1001 },
  account: { prefix: 'ACC', base: 2001 },
  ticket: { prefix: 'TKT', base: 3001 },
  tracking: { prefix: 'TRK', base: 4001 },
  reference: { prefix: 'REF', base: 5001 },
}

/** Replacements that are the same every time: the type of thing, not an invented value. */
const PLACEHOLDERS: Partial<Record<PiiLabel, string>> = {
  phone: '[phone]',
  card_number: '[card]',
  iban: '[iban]',
  ip_address: '[ip address]',
  national_id: '[national id]',
  date_of_birth: '[date of birth]',
  date: '[date]',
  address: '[address]',
  postcode: '[postcode]',
  url: '[url]',
}

/** A form's surname field right before a value ("Surname: ", "Nachname: "). */
const SURNAME_FIELD_BEFORE_RE = /(?:surname|last name|lastname|family name|nachname|familienname|nom de famille|apellidos?|cognome|sobrenome|achternaam|efternamn|etternavn|efternavn|sukunimi|nazwisko|příjmení|priezvisko|prezime|priimek|vezetéknév|επώνυμο|soyad[ıi]?|фамилия)[ \t]*[:：][ \t]*$/i
const TITLE_BEFORE_RE = new RegExp(String.raw`\b(?:${alternation([...TITLES_IN_ANY_CASE, 'Professor', 'Lady', 'Lord', 'Mister', 'Madam', 'Señor', 'Señora'])})\.?\s+$`, 'i')

function matchCase(original: string, invented: string): string {
  // scripts without capitals ("山田", "김민준") say nothing about case
  if (!/\p{Lu}|\p{Ll}/u.test(original)) return invented
  if (original.length > 1 && original === original.toUpperCase()) return invented.toUpperCase()
  if (original === original.toLowerCase()) return invented.toLowerCase()
  return invented
}

function normaliseKey(value: string): string {
  return value.toLowerCase().replace(/[\s#._-]+/g, '')
}

/** Hands out invented values from a list, skipping any that appear in the original text. */
/** The values of a list that do not collide with the text, in order, worked out only as far as needed. */
interface Allowed {
  values: string[]
  /** how far into the list the values have been looked at */
  scanned: number
}

class Sequence {
  private next = 0
  private round = 0
  private readonly allowed: Allowed
  constructor(
    private readonly list: readonly string[],
    private readonly forbidden: (candidate: string) => boolean,
    /** the allowed part of each list, kept across the renders of one text */
    allowedLists?: Map<readonly string[], Allowed>,
  ) {
    let allowed = allowedLists?.get(list)
    if (!allowed) {
      allowed = { values: [], scanned: 0 }
      allowedLists?.set(list, allowed)
    }
    this.allowed = allowed
  }

  /** The k-th allowed value, or undefined when the list holds fewer. */
  private allowedAt(k: number): string | undefined {
    const allowed = this.allowed
    while (allowed.values.length <= k && allowed.scanned < this.list.length) {
      const base = this.list[allowed.scanned++]
      if (!this.forbidden(base)) allowed.values.push(base)
    }
    return allowed.values[k]
  }

  take(): string {
    // as if over the whole allowed list: at most twice its length, starting again at its end
    for (let guard = 0; this.allowedAt(guard >> 1) !== undefined; guard++) {
      if (this.allowedAt(this.next) === undefined) {
        this.next = 0
        this.round++
      }
      const base = this.allowed.values[this.next++]
      const candidate = this.round === 0 ? base : `${base} ${this.round + 1}`
      if (!this.forbidden(candidate)) return candidate
    }
    // a conversation that uses every listed word: numbered values never collide with real ones
    this.round++
    return `${this.list[this.next++ % this.list.length]} ${this.round + 100}`
  }
}

/**
 * What the invented values of one text must not collide with: its words and the words of real
 * people's names. Worked out once per text, however often the text is rendered.
 */
export class Collisions {
  private lower: string | null = null
  private reservedWords: ReadonlySet<string> | null = null
  private readonly verdicts = new Map<string, boolean>()
  /** hasWord by word: "alex" is searched once, not again for "Alex 2", "Alex 3"… */
  private readonly wordVerdicts = new Map<string, boolean>()
  /** referenceWritten by invented reference: every render hands out the same ones again */
  private readonly referenceVerdicts = new Map<string, boolean>()
  /** each list of invented values less those that collide, for Sequence */
  readonly allowedLists = new Map<readonly string[], Allowed>()

  constructor(
    readonly text: string,
    private readonly reservedNames: readonly string[] = [],
    /** text anonymised earlier that shares these pseudonyms: its words are avoided too */
    readonly alsoAvoid = '',
  ) {}

  /** The text (and alsoAvoid) in lower case; worked out only when a pseudonym needs it. */
  get lowerText(): string {
    this.lower ??= this.alsoAvoid ? `${this.text}\n${this.alsoAvoid}`.toLowerCase() : this.text.toLowerCase()
    return this.lower
  }

  /** True when a word of the candidate is a word of the text or of a real person's name. */
  readonly forbidden = (candidate: string): boolean => {
    let verdict = this.verdicts.get(candidate)
    if (verdict === undefined) {
      verdict = wordsOf(candidate).some((w) => w.length > 1 && !/^\d+$/.test(w) && w !== 'co' && this.hasWord(w))
      this.verdicts.set(candidate, verdict)
    }
    return verdict
  }

  /**
   * True when w (letters and digits) is a whole word of the text — a run of letters and digits
   * with none either side — or of a real person's name. A few searches for the few values a text
   * needs, rather than a set of all its words.
   */
  private hasWord(w: string): boolean {
    let verdict = this.wordVerdicts.get(w)
    if (verdict === undefined) {
      verdict = this.searchWord(w)
      this.wordVerdicts.set(w, verdict)
    }
    return verdict
  }

  private searchWord(w: string): boolean {
    this.reservedWords ??= new Set(this.reservedNames.join(' ').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    if (this.reservedWords.has(w)) return true
    const text = this.lowerText
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) {
      const end = i + w.length
      if ((i === 0 || !letterOrDigitBefore(text, i)) && (end === text.length || !letterOrDigitAfter(text, end))) return true
    }
    return false
  }

  /**
   * True when an invented reference ("ORD-1001") or its number is written in the text or in
   * alsoAvoid. Worked out once per reference for all the renders of the text.
   */
  referenceWritten(invented: string, number: string): boolean {
    let verdict = this.referenceVerdicts.get(invented)
    if (verdict === undefined) {
      verdict = this.lowerText.includes(invented.toLowerCase()) || this.text.includes(number) || this.alsoAvoid.includes(number)
      this.referenceVerdicts.set(invented, verdict)
    }
    return verdict
  }
}
const LETTER_OR_DIGIT_BEFORE = /[\p{L}\p{N}]$/u
const LETTER_OR_DIGIT_AFTER = /^[\p{L}\p{N}]/u

/** ASCII letter or digit, by code. */
function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57)
}

/** A letter or digit ends just before i (ASCII by code, anything else by the Unicode pattern). */
function letterOrDigitBefore(text: string, i: number): boolean {
  const code = text.charCodeAt(i - 1)
  if (code < 128) return isAsciiLetterOrDigit(code)
  return LETTER_OR_DIGIT_BEFORE.test(text.slice(Math.max(0, i - 2), i))
}

/** A letter or digit starts at i. */
function letterOrDigitAfter(text: string, i: number): boolean {
  const code = text.charCodeAt(i)
  if (code < 128) return isAsciiLetterOrDigit(code)
  return LETTER_OR_DIGIT_AFTER.test(text.slice(i, i + 2))
}

/** The lower-case words of an invented value (from the fixed lists above: kept once worked out). */
const candidateWords = new Map<string, string[]>()
function wordsOf(candidate: string): string[] {
  let words = candidateWords.get(candidate)
  if (words === undefined) {
    words = candidate.toLowerCase().split(/[^\p{L}\p{N}]+/u)
    if (candidateWords.size > 10_000) candidateWords.clear()
    candidateWords.set(candidate, words)
  }
  return words
}

export class Pseudonyms {
  private readonly collisions: Collisions
  private readonly text: string
  private readonly alsoAvoid: string
  private readonly firstNames = new Map<string, string>()
  private readonly surnames = new Map<string, string>()
  private readonly knownSurnames = new Set<string>()
  private readonly knownFirstNames = new Set<string>()
  private readonly knownOrganisations = new Set<string>()
  private readonly maps = new Map<string, Map<string, string>>()
  private readonly counters = new Map<ReferenceKind, number>()
  private readonly firstSeq: Sequence
  private readonly surnameSeq: Sequence
  private readonly orgSeq: Sequence
  private readonly placeSeq: Sequence
  private readonly userSeq: Sequence

  /**
   * `alsoAvoid`: text anonymised earlier that shares these pseudonyms (the conversation an
   * import's details belong to): invented values collide with its words too. `collisions` may be
   * passed in when the same text is rendered more than once.
   */
  constructor(text: string, reservedNames: readonly string[] = [], alsoAvoid = '', collisions = new Collisions(text, reservedNames, alsoAvoid)) {
    this.text = collisions.text
    this.alsoAvoid = collisions.alsoAvoid
    this.collisions = collisions
    // an invented value must not collide with anything written in the original text
    const forbidden = collisions.forbidden
    const lists = collisions.allowedLists
    this.firstSeq = new Sequence(INVENTED_FIRST_NAMES, forbidden, lists)
    this.surnameSeq = new Sequence(INVENTED_SURNAMES, forbidden, lists)
    this.orgSeq = new Sequence(INVENTED_ORGANISATIONS, forbidden, lists)
    this.placeSeq = new Sequence(INVENTED_PLACES, forbidden, lists)
    // no "_user" in the text: no invented username can be written in it
    let userWritten: boolean | null = null
    this.userSeq = new Sequence(INVENTED_USERNAMES, (c) => ((userWritten ??= this.lowerText.includes('_user')) && this.lowerText.includes(c)) || forbidden(c.split('_')[0]), lists)
  }

  private get lowerText(): string {
    return this.collisions.lowerText
  }

  /**
   * Call once per name found, before replacing: a lone "Whitfield" is known to be a surname when
   * "Dana Whitfield", "Ms. Whitfield" or "Surname: Whitfield" is in the text, so every lone
   * "Whitfield" gets the same invented surname.
   */
  noteName(value: string, start: number): void {
    const tokens = value.split(/\s+/).filter(Boolean)
    if (tokens.length === 1) {
      const before = this.text.slice(Math.max(0, start - 24), start)
      if (TITLE_BEFORE_RE.test(before) || SURNAME_FIELD_BEFORE_RE.test(before)) this.knownSurnames.add(tokens[0].toLowerCase())
      return
    }
    this.knownFirstNames.add(tokens[0].toLowerCase())
    this.knownSurnames.add(tokens[tokens.length - 1].toLowerCase())
  }

  private first(token: string): string {
    const key = token.toLowerCase()
    let invented = this.firstNames.get(key)
    if (!invented) {
      invented = this.firstSeq.take()
      this.firstNames.set(key, invented)
    }
    return matchCase(token, invented)
  }

  private surname(token: string): string {
    const key = token.toLowerCase()
    let invented = this.surnames.get(key)
    if (!invented) {
      invented = this.surnameSeq.take()
      this.surnames.set(key, invented)
    }
    return matchCase(token, invented)
  }

  name(value: string, start: number): string {
    let tokens = value.split(/\s+/).filter(Boolean)
    // "van der Merwe": lower-case particles before the one capitalised word are a surname's ("mario rossi" is no particle's)
    if (tokens.length > 1 && tokens.slice(0, -1).every((t) => NAME_PARTICLES.has(t))) tokens = tokens.slice(-1)
    if (tokens.length === 1) {
      const key = tokens[0].toLowerCase()
      const titled = TITLE_BEFORE_RE.test(this.text.slice(Math.max(0, start - 12), start))
      const surnameOnly = titled || (this.knownSurnames.has(key) && !this.knownFirstNames.has(key))
      return surnameOnly ? this.surname(tokens[0]) : this.first(tokens[0])
    }
    const first = this.first(tokens[0])
    const last = this.surname(tokens[tokens.length - 1])
    return `${first} ${last}`
  }

  private consistent(label: string, key: string, make: () => string): string {
    let map = this.maps.get(label)
    if (!map) {
      map = new Map()
      this.maps.set(label, map)
    }
    let value = map.get(key)
    if (value === undefined) {
      value = make()
      map.set(key, value)
    }
    return value
  }

  email(value: string): string {
    return this.consistent('email', value.toLowerCase(), () => {
      const local = value.split(/@|\s(?:at|\[at\]|\(at\))\s?/i)[0].toLowerCase()
      // reuse the person's pseudonym when the address is built from their name
      // "dana.whitfield", "cminh730": the longest known first name and surname inside the local part
      const inside = (names: Map<string, string>) =>
        [...names.keys()].filter((n) => n.length >= 3 && local.includes(n)).sort((a, b) => b.length - a.length)[0]
      const firstKnown = inside(this.firstNames)
      const lastKnown = inside(this.surnames)
      let base: string
      if (firstKnown && lastKnown) base = `${this.firstNames.get(firstKnown)}.${this.surnames.get(lastKnown)}`
      else if (firstKnown) base = this.firstNames.get(firstKnown) as string
      else if (lastKnown) base = this.surnames.get(lastKnown) as string
      else base = this.firstSeq.take()
      let email = `${base.toLowerCase().replace(/\s+/g, '')}@example.com`
      const used = new Set(this.maps.get('email')?.values())
      for (let n = 2; used.has(email) || this.lowerText.includes(email); n++) email = `${base.toLowerCase().replace(/\s+/g, '')}${n}@example.com`
      return email
    })
  }

  username(value: string): string {
    const handle = value.startsWith('@')
    const invented = this.consistent('username', value.replace(/^@/, '').toLowerCase(), () => this.userSeq.take())
    return handle ? `@${invented}` : invented
  }

  /** Call once per organisation before replacing, so "Brightwater" maps like "Brightwater Logistics". */
  noteOrganisation(value: string): void {
    const key = organisationKey(value)
    if (key.includes(' ')) this.knownOrganisations.add(key)
  }

  organisation(value: string): string {
    let key = organisationKey(value)
    if (!key.includes(' ')) key = [...this.knownOrganisations].find((k) => k.startsWith(`${key} `)) ?? key
    return this.consistent('organization', key, () => this.orgSeq.take())
  }

  place(value: string): string {
    return this.consistent('place', value.toLowerCase().replace(/[.,]+$/, ''), () => this.placeSeq.take())
  }

  reference(value: string, kind: ReferenceKind = 'reference'): string {
    return this.consistent('account_number', normaliseKey(value), () => {
      const { prefix, base } = REFERENCE_PREFIX[kind]
      for (;;) {
        const n = this.counters.get(kind) ?? 0
        this.counters.set(kind, n + 1)
        const invented = `${prefix}-${base + n}`
        if (!this.collisions.referenceWritten(invented, String(base + n))) return invented
      }
    })
  }

  placeholder(label: PiiLabel): string {
    return PLACEHOLDERS[label] ?? `[${label.replace(/_/g, ' ')}]`
  }
}

const LEGAL_SUFFIX_RE = /(?:\s+(?:inc|incorporated|ltd|limited|llc|llp|plc|gmbh|ag|sa|sas|bv|nv|pty|co|corp|corporation|company))+\.?$/i

/** "Brightwater Logistics Ltd." and "brightwater logistics" are the same organisation. */
export function organisationKey(value: string): string {
  return value
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[.,]+$/, '')
    .replace(LEGAL_SUFFIX_RE, '')
    .replace(/\s+/g, ' ')
    .trim()
}
