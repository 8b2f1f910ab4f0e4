/**
 * What the words around a value say it is, whatever the tagger made of the value itself:
 *   - a form's field: "Surname: Häkkinen", "Country: Finland", "Company: Wagner Elektro GmbH";
 *   - the answer to a question about a name: "Could I have your surname?\nCustomer: Fjeldstad";
 *   - a list of three or more people's names: "Lindholm, Jansen, Okafor and Petrov";
 *   - a speaker of a conversation, and someone saying who they are ("my name is Sofia");
 *   - a company or an institution by its word: "The Halvorsen Foundation", "University of Tartu";
 *   - a surname with its particles: "van der Merwe, Pieter", "Ms van den Berg".
 * And what is never a value: the label of a field ("Given" of "Given name:"), a form's
 * abbreviation ("DOB", "ID").
 */
import { BRANDS, BUSINESS_WORDS, CITIES, COUNTRIES, FIELD_KIND, FIELD_LABEL_WORDS, FIRST_NAMES, INSTITUTION_WORDS, isCommonWord, ORG_HEADS, ORG_SUFFIXES, REGIONS, STOPWORDS, SURNAMES, TOWNS } from './gazetteer'
import { LEGAL_FORM_SOURCE } from './legal-forms'
import { withoutAccents } from './tagger'
import { alternation, GREETINGS, lineAfter, lineBefore, ROLE_WORDS, TITLES, titleOpeningRe, UNCASED_WORD } from './text-lines'
import type { Candidate, PiiLabel } from './types'

type Kind = 'PER' | 'LOC' | 'ORG'
const LABEL_OF: Record<Kind, PiiLabel> = { PER: 'name', LOC: 'place', ORG: 'organization' }
/** Above the tagger's guesses for the same words (person 60, organisation 55, place 54), below addresses and patterns. */
const PRIORITY: Record<Kind, number> = { PER: 64, ORG: 59, LOC: 58 }
/** A name found by its cue: the same word elsewhere is this person too, even alone. */
export const CUED_NAME_PRIORITY = PRIORITY.PER

/** A given name or a surname the lists know, with or without its accents (shared with entities.ts). */
export const isFirstName = (w: string) => FIRST_NAMES.has(w) || FIRST_NAMES.has(withoutAccents(w))
export const isSurname = (w: string) => SURNAMES.has(w) || SURNAMES.has(withoutAccents(w))
export const isPersonWord = (w: string) => isFirstName(w) || isSurname(w)
/** Lower-case words inside a name ("Anouk de Vries", "Ali bin Hamad"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(['de', 'del', 'della', 'di', 'da', 'do', 'dos', 'das', 'du', 'van', 'von', 'der', 'den', 'ter', 'le', 'la', 'bin', 'bint', 'al', 'el', 'y', 'e'])
/** Words that mean "name" in a question ("Could I have your surname?", "Ihr Nachname?"). */
const NAME_WORDS = new Set(
  ('name names surname surnames forename firstname lastname nachname vorname familienname nom prénom prenom nombre apellido apellidos nome cognome ' +
    'sobrenome apelido naam achternaam voornaam namn efternamn förnamn navn etternavn fornavn efternavn nimi sukunimi etunimi imię imie nazwisko ' +
    'jméno jmeno příjmení prijmeni meno priezvisko ime prezime priimek név nev vezetéknév keresztnév nume prenume όνομα επώνυμο имя фамилия soyad soyadı ad')
    .split(' '),
)
/** "It's Kowalska", "My name is …": what an answer may start with before the name. */
const ANSWER_LEAD_RE = /^(?:(?:yes|yeah|sure|ok|okay)[,.!]?\s+)?(?:it's|it is|its|my name is|my name's|this is|i'm|i am|the name is|name's|under)\s+/i
/** A speaker's label at the start of a line: "Customer:", "User:", "Jana K.:". */
const SPEAKER_RE = /^[ \t]*[\p{L}][\p{L}\p{N} .'’()-]{0,24}:[ \t]*/u

/**
 * The words of value look like one person's name, a place's or a company's: one to four
 * capitalised words (particles allowed inside), no digits, no everyday words unless they are
 * also given names or surnames.
 */
function looksLikeName(value: string, kind: Kind): boolean {
  if (value.length < 2 || value.length > 60 || /[\p{N}@/?!:;]/u.test(value)) return false
  const words = value.split(/\s+/)
  if (words.length > (kind === 'ORG' ? 6 : 4)) return false
  let named = 0
  for (const [i, raw] of words.entries()) {
    const word = raw.replace(/[.,]$/, '')
    const lower = word.toLowerCase()
    if (i > 0 && i < words.length - 1 && NAME_PARTICLES.has(word)) continue
    if (kind === 'ORG' && (word === '&' || word === '-' || ORG_SUFFIXES.has(lower) || (i > 0 && i < words.length - 1 && FIRM_JOINTS.has(word)))) continue
    // scripts without capitals (Devanagari, Thai, Han; Georgian writes lower case) open a name with any letter
    if (!/^[\p{Lu}\p{Lo}\p{Script=Georgian}]/u.test(word)) return false
    if (word.length > 1 && (isCommonWord(lower) || STOPWORDS.has(lower)) && !isPersonWord(lower) && !(kind !== 'PER' && (CITIES.has(lower) || COUNTRIES.has(lower) || REGIONS.has(lower) || BRANDS.has(lower)))) return false
    named++
  }
  return named > 0
}

/** "and" in a company's name ("Lohse, Schlawitz und Moeller"). */
const FIRM_JOINTS: ReadonlySet<string> = new Set(['and', 'und', 'e', 'y', 'et', 'a', 'i', 'og', 'och', 'en', 'és', 'ja', 'u'])

interface Line {
  start: number
  end: number
}

function linesOf(text: string): Line[] {
  const lines: Line[] = []
  for (let start = 0; start <= text.length; ) {
    const nl = text.indexOf('\n', start)
    const end = nl < 0 ? text.length : nl
    lines.push({ start, end })
    start = end + 1
  }
  return lines
}

/** [start, end) of value inside [from, to), trimmed of spaces and a closing full stop or comma. */
function trimmed(text: string, from: number, to: number): [number, number] {
  while (from < to && /\s/.test(text[from])) from++
  while (to > from && /[\s.,]/.test(text[to - 1]) && !(text[to - 1] === '.' && /(?:^|\s)\p{Lu}\.$/u.test(text.slice(from, to)))) to--
  return [from, to]
}

/** The tagger's findings with what the cues add; what they rule out is dropped. */
export function applyCues(text: string, found: Candidate[]): Candidate[] {
  addNamedOrganisations(text, found)
  if (SIGN_OFF_HINT_RE.test(text)) addSigners(text, found)
  addSelfIntroductions(text, found)
  if (VERB_AFTER_NAME_RE.test(text)) addNamesOpeningSentences(text, found)
  if (SALUTATION_HINT_RE.test(text)) addSalutations(text, found)
  addLowerCaseIntroductions(text, found)
  withSurnameParticles(text, found)
  // fields, answers, lists and speakers all need a colon, a question mark or a comma
  const labels = text.includes(':') || text.includes('?') || text.includes(',') || text.includes('=') ? addFieldsAnswersListsAndSpeakers(text, found) : []
  // "Given" of "Given name:" is the field's label, not someone's name; "DOB" or "IP" is a form's word
  return found.filter((c) => !FORM_ABBREVIATIONS.has(text.slice(c.start, c.end)) && !labels.some(([s, e]) => c.start < e && s < c.end) && !isJobTitle(text, c))
}

/** English job nouns that also open a job title ("Manager, Billing", "Head of Sales"). */
const ENGLISH_JOBS_OPENING = 'manager director head lead officer coordinator supervisor assistant specialist consultant analyst representative engineer president'.split(' ')
/** The words that close a job title in English ("Senior Billing Specialist", "Human Division Orchestrator"). */
const JOB_ENDINGS: ReadonlySet<string> = new Set([
  ...ENGLISH_JOBS_OPENING,
  // these open firms' and teams' names too ("Partner Bank", "Developer Relations")
  ...('executive administrator associate liaison architect designer developer planner orchestrator technician producer facilitator agent strategist advisor adviser ' +
    'accountant attorney lawyer nurse teacher editor writer scientist researcher controller auditor buyer recruiter partner founder owner intern clerk').split(' '),
])
/** Words that open a job title ("Gerente de Ventas", "Head of Billing", "Leiterin Vertrieb"). */
const JOB_TITLE_WORDS: ReadonlySet<string> = new Set([
  ...ENGLISH_JOBS_OPENING,
  ...('chief vice ' +
    'gerente directora jefe jefa coordinador coordinadora responsable directeur directrice chargé chargée chef leiter leiterin ' +
    'geschäftsführer geschäftsführerin direttore direttrice responsabile diretor diretora kierownik dyrektor specjalista manažer ředitel ' +
    'vedoucí vezető igazgató hoofd sjef leder päällikkö johtaja').split(' '),
])

/** A company or a person read where a signature gives someone's job ("Gerente de Ventas"): neither. */
function isJobTitle(text: string, c: Candidate): boolean {
  if (c.label !== 'organization' && c.label !== 'name') return false
  const value = text.slice(c.start, c.end)
  // a person only when a job word leads what it is of ("Gerente de Ventas", "Head of Sales")
  if (c.label === 'name' && !/^\p{L}+ (?:de|del|of|di|du|des|für|do|da|van)[ ]/u.test(value)) return false
  const first = /^\p{L}+/u.exec(value)?.[0].toLowerCase()
  const last = /[\p{L}.]+$/u.exec(value)?.[0].replace(/\.$/, '').toLowerCase()
  return first !== undefined && JOB_TITLE_WORDS.has(first) && !(last !== undefined && ORG_SUFFIXES.has(last))
}

/** Adds what fields, answers, lists and speakers say; returns where the fields' labels are. */
function addFieldsAnswersListsAndSpeakers(text: string, found: Candidate[]): Array<[number, number]> {
  const lines = linesOf(text)
  const labels: Array<[number, number]> = []
  const push = (start: number, end: number, kind: Kind, priority = PRIORITY[kind]) => {
    if (end > start) found.push({ start, end, label: LABEL_OF[kind], priority })
  }
  const hasCells = text.includes('|') || text.includes('\t')
  for (const [n, line] of lines.entries()) {
    const content = text.slice(line.start, line.end)
    // a field: the whole label before the colon names what the rest of the line, or of its cell
    // in a row of a table or a ticket ("Requester: Hans Pallesen | Phone: … | City: Otterup"), is
    for (const cell of cellsOf(text, line, hasCells)) {
      const cellText = text.slice(cell.start, cell.end)
      const colon = cellText.search(/[:：]/)
      if (colon <= 0 || colon > 32) continue
      const kind = FIELD_KIND.get(cellText.slice(0, colon).trim().toLowerCase())
      if (kind) {
        labels.push([cell.start, cell.start + colon])
        const [s, e] = trimmed(text, cell.start + colon + 1, cell.end)
        // "Contact: Sipho Dlamini, Johannesburg": a person and the town after the comma
        const town = kind === 'PER' ? placeAfterComma(text, s, e) : -1
        if (town >= 0) {
          const [ps, pe] = trimmed(text, s, town)
          if (looksLikeName(text.slice(ps, pe), kind)) push(ps, pe, kind)
          // as sure as the name it follows (the tagger may read "Paris" as a given name)
          push(town, e, 'LOC', PRIORITY.PER)
        } else if (looksLikeName(text.slice(s, e), kind)) {
          // the field says what its whole value is, above the tagger's reading of its words ("Company: Jenkins - Gulgowski")
          push(s, e, kind, kind === 'PER' ? PRIORITY.PER : PRIORITY.PER + 1)
        }
      }
    }
    // a question about a name, answered after it on the same line or on the next one
    const ask = content.lastIndexOf('?')
    if (ask < 0 || !asksForName(content.slice(0, ask))) continue
    let answer: Line | undefined = { start: line.start + ask + 1, end: line.end }
    if (!text.slice(answer.start, answer.end).trim()) answer = lines.slice(n + 1).find((l) => text.slice(l.start, l.end).trim() !== '')
    if (!answer) continue
    let from = answer.start
    if (answer.start !== line.start + ask + 1) from += SPEAKER_RE.exec(text.slice(answer.start, answer.end))?.[0].length ?? 0
    from += /^\s*/.exec(text.slice(from, answer.end))?.[0].length ?? 0
    from += ANSWER_LEAD_RE.exec(text.slice(from, answer.end))?.[0].length ?? 0
    const [s, e] = trimmed(text, from, answer.end)
    if (looksLikeName(text.slice(s, e), 'PER')) push(s, e, 'PER')
  }
  // (an apostrophe alone, as in "I'm", is no record: a quote must touch the key's ":" or "=")
  if (QUOTED_FIELD_HINT_RE.test(text)) addQuotedFields(text, labels, push)
  if (text.includes(',')) addEmployersAfterJobTitles(text, lines, labels, push)
  addNameLists(text, found, push)
  addSpeakers(text, lines, push)
  return labels
}

/** A line of its own: a job title, a comma, then who employs them ("National Usability Executive, Wilson and Sons"). */
const TITLE_THEN_EMPLOYER_RE = /^[ \t]*((?:\p{Lu}[\p{L}'’&-]*[ ]){0,5}(\p{L}+)),[ ]+(\p{Lu}[^\n]{1,60}?)[ \t]*$/u

/**
 * Under a signer's name, the line with their job and their employer: the employer is one
 * organisation, whatever the tagger read in its words, and the job title is nobody's name.
 */
function addEmployersAfterJobTitles(text: string, lines: readonly Line[], labels: Array<[number, number]>, push: (start: number, end: number, kind: Kind, priority?: number) => void): void {
  for (const line of lines) {
    if (line.end - line.start > 110) continue
    const content = text.slice(line.start, line.end)
    if (!content.includes(',')) continue
    const m = TITLE_THEN_EMPLOYER_RE.exec(content)
    if (!m) continue
    const firstWord = /^\p{L}+/u.exec(m[1])?.[0].toLowerCase() ?? ''
    if (!JOB_ENDINGS.has(m[2].toLowerCase()) && !JOB_TITLE_WORDS.has(firstWord)) continue
    const employer = m[3]
    const lower = employer.toLowerCase()
    // "Sales Manager, Berlin": a town after a job is where they work, not who for
    if (CITIES.has(lower) || COUNTRIES.has(lower) || REGIONS.has(lower) || !looksLikeName(employer, 'ORG')) continue
    const titleStart = line.start + m[0].length - m[0].trimStart().length
    labels.push([titleStart, titleStart + m[1].length])
    const employerStart = line.start + m[0].lastIndexOf(employer)
    push(employerStart, employerStart + employer.length, 'ORG', PRIORITY.PER + 1)
  }
}

/** The cells of a line split by "|" or tabs (a table's row, a ticket's summary), or the whole line (always, when the text has neither). */
function cellsOf(text: string, line: Line, hasCells: boolean): Line[] {
  if (!hasCells) return [line]
  const cells: Line[] = []
  let start = line.start
  for (let i = line.start; i < line.end; i++) {
    if (text[i] !== '|' && text[i] !== '\t') continue
    cells.push({ start, end: i })
    start = i + 1
  }
  cells.push({ start, end: line.end })
  return cells
}

/** A record's field as code writes it: `city="Jistrum"`, `"first_name": "Loa"`, `contact_name='…'`. */
const QUOTED_FIELD_RE = /(?<![\p{L}\p{N}_])(["']?)(\p{L}[\p{L}_ -]{0,30}?)\1[ \t]*[:=][ \t]*(["'])([^"'\n]{1,80})\3/gu
const QUOTED_FIELD_HINT_RE = /["'][ \t]*[:=]|[:=][ \t]*["']/
/** Words before a field's own name in a key ("billing_city", "customer_name", "shipping_country"). */
const KEY_QUALIFIERS: ReadonlySet<string> = new Set('billing shipping delivery mailing postal home work current primary customer client contact user account holder sender recipient birth'.split(' '))

/** What a record's key names: its words as a field's label, then without the words that only qualify it. */
function fieldKindOfKey(key: string): Kind | undefined {
  const words = key.toLowerCase().replace(/[_-]+/g, ' ').trim().split(/\s+/)
  for (let from = 0; from < words.length; from++) {
    const kind = FIELD_KIND.get(words.slice(from).join(' '))
    // "company_name" is the company's, "product_name" nobody's
    if (kind && !(kind === 'PER' && words.length - from === 1 && words[from] === 'name' && from > 0 && !KEY_QUALIFIERS.has(words[from - 1]))) return kind
    if (words[from + 1] === 'name' && from + 2 === words.length && FIELD_KIND.get(words[from]) === 'ORG') return 'ORG'
    if (!KEY_QUALIFIERS.has(words[from])) return undefined
  }
  return undefined
}

function addQuotedFields(text: string, labels: Array<[number, number]>, push: (start: number, end: number, kind: Kind, priority?: number) => void): void {
  for (const m of text.matchAll(QUOTED_FIELD_RE)) {
    const kind = fieldKindOfKey(m[2])
    if (!kind) continue
    const keyStart = m.index + m[1].length
    labels.push([keyStart, keyStart + m[2].length])
    const valueStart = m.index + m[0].length - 1 - m[4].length
    const [s, e] = trimmed(text, valueStart, valueStart + m[4].length)
    if (looksLikeName(text.slice(s, e), kind)) push(s, e, kind, kind === 'PER' ? PRIORITY.PER : PRIORITY.PER + 1)
  }
}

/**
 * Where a place starts after the last comma of a person's field value ("Sipho Dlamini,
 * Johannesburg"), or -1: the words there are a town, region or country and nobody's name, so
 * "Dlamini, Sipho" stays one name.
 */
function placeAfterComma(text: string, start: number, end: number): number {
  const comma = text.lastIndexOf(',', end)
  if (comma <= start) return -1
  const words = text.slice(comma + 1, end).trim().split(/\s+/)
  if (words.length === 0 || words.length > 3 || words.some((w) => !/^\p{Lu}/u.test(w))) return -1
  const lower = words.join(' ').toLowerCase()
  // after a whole name a known city is the town even if it is someone's name too ("Paris")
  const wholeNameBefore = text.slice(start, comma).trim().split(/\s+/).length >= 2
  const bigPlace = CITIES.has(lower) || REGIONS.has(lower) || COUNTRIES.has(lower)
  if (!(bigPlace || TOWNS.has(lower)) || (!(bigPlace && wholeNameBefore) && words.some((w) => isPersonWord(w.toLowerCase())))) return -1
  return end - text.slice(comma + 1, end).trimStart().length
}

/** The question (up to its "?") asks for a name: one of its last words means "name". */
function asksForName(question: string): boolean {
  const words = question.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean)
  return words.slice(-8).some((w) => NAME_WORDS.has(w))
}

/** Three or more single capitalised words in a list: "Lindholm, Jansen, Okafor and Petrov". */
const LIST_RE = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]+(?:, \p{Lu}[\p{L}'’-]+)+,? (?:and|or|und|oder|et|ou|y|e|i|og|och|ja|en|és|a|oraz) \p{Lu}[\p{L}'’-]+(?![\p{L}\p{N}&])/gu

/** Words before a firm someone works at or deals with ("at", "for", "from", "employer is", "the firm"). */
export const FIRM_CUE_BEFORE_RE = /(?:^|[^\p{L}])(?:at|for|from|by|employer(?: is)?|company|firm|joined|left|bei|für|chez|pour|para|en|presso|per|voor)[ \t]+$/iu

/** A phone number or an e-mail address: what a signature's lines hold. */
const CONTACT_RE = /@|\d[\d ().\/-]{6,}\d/

/**
 * The list [start, end) is a line of its own in a signature or letterhead, a phone number or an
 * e-mail address on the line before or after it ("Burdette Murray\nTurcotte, Christiansen and
 * Kreiger\n439-959-8316"): the way a firm of partners writes its name.
 */
function isLetterheadLine(text: string, start: number, end: number): boolean {
  if (lineBefore(text, start).trim() !== '' || lineAfter(text, end).trim() !== '') return false
  const lineStart = text.lastIndexOf('\n', start - 1) + 1
  const nl = text.indexOf('\n', end)
  const previous = lineStart > 0 ? text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1) : ''
  const next = nl < 0 ? '' : text.slice(nl + 1, (text.indexOf('\n', nl + 1) + 1 || text.length + 1) - 1)
  if (CONTACT_RE.test(previous) || CONTACT_RE.test(next)) return true
  // or under the signer's name, after the letter's closing ("Kind regards,\nKarla van Buuren\nAucamp, Durand and Loubser")
  const beforePrevious = lineStart > 1 ? text.slice(text.lastIndexOf('\n', text.lastIndexOf('\n', lineStart - 2) - 1) + 1, text.lastIndexOf('\n', lineStart - 2)) : ''
  return /^\p{Lu}[\p{L}'’.-]*(?:[ ]\p{L}[\p{L}'’.-]*){0,4}$/u.test(previous.trim()) && SIGN_OFF_RE.test(beforePrevious)
}

/** A signer's title: not "Herrn" (a letter's "to Mr") nor the Italian "Sig.", "Sig.ra", which address someone and sign nothing. */
const SIGNER_TITLE_RE = titleOpeningRe(TITLES.filter((t) => t !== 'Herrn' && t !== 'Sig' && t !== 'Sig.ra'))

/**
 * The line under a letter's closing ("Best regards,\nSulaimon-Clare Onoriode") is whoever signs it:
 * name-shaped words there are a person, above the tagger's reading of them as a company, unless a
 * company's word or legal form is among them.
 */
function addSigners(text: string, found: Candidate[]): void {
  const lines = linesOf(text)
  for (const [n, line] of lines.entries()) {
    const closing = text.slice(line.start, line.end)
    if (closing.length > 40 || !SIGN_OFF_RE.test(closing) || /\p{Lu}\p{Ll}+[ ]\p{Lu}/u.test(closing.replace(/^\p{Lu}/u, ''))) continue
    const next = lines.slice(n + 1).find((l) => text.slice(l.start, l.end).trim() !== '')
    if (!next) continue
    const [s, e] = trimmed(text, next.start, next.end)
    const title = SIGNER_TITLE_RE.exec(text.slice(s, e))?.[0].length ?? 0
    const value = text.slice(s + title, e)
    const words = value.split(' ').map((w) => w.toLowerCase())
    if (!looksLikeName(value, 'PER') || words.some((w) => ORG_HEADS.has(w) || ORG_SUFFIXES.has(w.replace(/\.$/, '')) || BUSINESS_WORDS.has(w) || BRANDS.has(w))) continue
    if (CITIES.has(value.toLowerCase()) || COUNTRIES.has(value.toLowerCase())) continue
    found.push({ start: s + title, end: e, label: 'name', priority: PRIORITY.PER })
  }
}

/** How letters and e-mails close, before the signer's name; alone, a cheap first test of a text. */
const SIGN_OFF = 'regards|thanks|thank you|best|cheers|sincerely|yours|grüße|grüßen|gruß|saludos|atentamente|cordialement|salutations|groet|groeten|pozdrawiam|pozdravem|s pozdravom|üdvözlettel|hilsen|hälsningar|terveisin|saluti|cordiali saluti|cumprimentos|atenciosamente|με εκτίμηση|с уважением|з повагою'
const SIGN_OFF_HINT_RE = new RegExp(SIGN_OFF, 'iu')
const SIGN_OFF_RE = new RegExp(String.raw`(?:${SIGN_OFF})[,.!]?[ \t]*$`, 'iu')

function addNameLists(text: string, found: readonly Candidate[], push: (start: number, end: number, kind: Kind, priority?: number) => void): void {
  if (!text.includes(', ')) return
  for (const m of text.matchAll(LIST_RE)) {
    // "Company: Lohse, Schlawitz und Moeller" is one firm, as its field says
    if (found.some((c) => c.label === 'organization' && c.priority >= PRIORITY.ORG && c.start <= m.index && m.index + m[0].length <= c.end)) continue
    const items: Array<[number, string]> = []
    for (const w of m[0].matchAll(/\p{Lu}[\p{L}'’-]+/gu)) items.push([m.index + w.index, w[0]])
    // the list's first word may open a sentence ("Kowalczyk, Nowak and …") or be a capitalised conjunction's neighbour
    let people = 0
    let other = false
    for (const [at, word] of items) {
      const lower = word.toLowerCase()
      if (CITIES.has(lower) || COUNTRIES.has(lower) || REGIONS.has(lower) || TOWNS.has(lower) || BRANDS.has(lower) || ORG_HEADS.has(lower) || BUSINESS_WORDS.has(word) || ((isCommonWord(lower) || STOPWORDS.has(lower)) && !isPersonWord(lower))) {
        other = true
        break
      }
      if (isPersonWord(lower) || found.some((c) => c.label === 'name' && c.start <= at && at < c.end)) people++
    }
    // "works at Smith, Johnson and Brown", a letterhead's line: three surnames named as a firm is one
    // organisation, known names or not
    // (after "at" or "for" only a list of cities or countries is no firm: "Hall, Martin and Goldner" is one)
    const firmCue = FIRM_CUE_BEFORE_RE.test(text.slice(Math.max(0, m.index - 30), m.index))
    const places = items.every(([, word]) => CITIES.has(word.toLowerCase()) || COUNTRIES.has(word.toLowerCase()) || REGIONS.has(word.toLowerCase()))
    if (items.length === 3 && !m[0].includes(', and') && ((firmCue && !places) || (!other && isLetterheadLine(text, m.index, m.index + m[0].length)))) {
      // above the tagger's reading of each surname as a person
      push(m.index, m.index + m[0].length, 'ORG', PRIORITY.PER + 1)
      continue
    }
    // a list of people: nothing in it is a place, a brand or an everyday word, and most of it are known names
    if (other || people * 2 < items.length) continue
    for (const [at, word] of items) push(at, at + word.length, 'PER')
  }
}

/** Capitalised words, then a company word ("Halvorsen Foundation", "Kovalainen Logistics"). */
const HEADED_RE = /(?<![\p{L}\p{N}])((?:\p{Lu}[\p{L}'’&-]*[ ]){1,3})(\p{Lu}\p{Ll}+)(?![\p{L}\p{N}])/gu
/** Capitalised words, then a legal form ("Co.", "Ltd", "GmbH", "AB"). */
const SUFFIXED_RE = /(?<![\p{L}\p{N}])((?:\p{Lu}[\p{L}'’&-]*[ ](?:(?:&|and|és|e|y|et|und|og|och|en|i|a|de|del|della|di|da|do|dos|das|du|des|la|le|van|von|der|den)[ ])?){0,2}\p{Lu}[\p{L}'’&-]*)(,?[ ])(\p{Lu}\p{L}*(?:\.\p{L}+)*\.?)(?![\p{L}\p{N}])/gu
/** Legal forms also written after a comma ("Acme, Inc."). */
const FORMS_AFTER_COMMA: ReadonlySet<string> = new Set(['inc', 'ltd', 'llc', 'corp', 'plc', 'gmbh', 'co', 'limited'])
/** Legal forms in the list that are as often a word of a sentence or of a name ("En", "As", "Og"). */
const NOT_LEGAL_FORMS: ReadonlySet<string> = new Set(['and', 'en', 'og', 'as', 'ba', 'ei', 'sem', 'partner', 'investment', 'group', 'gruppe', 'groep', 'grupa', 'brothers'])
/** An institution's word, "of", then its place or field ("University of Tartu", "Bank of Valletta"). */
const INSTITUTION_OF_RE = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+)[ ](?:of|de|di|do|da|der|des|du|van|för|for)[ ](?:the[ ])?(\p{Lu}[\p{L}'’-]+(?:[ ]\p{Lu}[\p{L}'’-]+){0,2})(?![\p{L}\p{N}])/gu

/**
 * An organisation named by its own word even where the tagger saw nothing: at least one word
 * before the company word must be nobody's everyday word ("Customer Service" is no company).
 */
function addNamedOrganisations(text: string, found: Candidate[]): void {
  const push = (start: number, end: number, kind: Kind) => found.push({ start, end, label: LABEL_OF[kind], priority: PRIORITY[kind] })
  addUnknownAfterOrgCue(text, found)
  for (const m of text.matchAll(HEADED_RE)) {
    if (!ORG_HEADS.has(m[2].toLowerCase())) continue
    const words = m[1].trim().split(' ')
    // "The" opening a sentence is not part of the name
    const skip = /^(?:The|A|An|Our|My|Your|Their)$/.test(words[0]) ? words[0].length + 1 : 0
    if (!hasOwnWord(words.slice(skip > 0 ? 1 : 0))) continue
    push(m.index + skip, m.index + m[0].length, 'ORG')
  }
  addLegalFormCompanies(text, found)
  addCompaniesBeforeWrittenForms(text, found)
  if (FORM_FIRST_HINT_RE.test(text)) addCompaniesAfterForms(text, found)
  if (EMPLOYER_HINT_RE.test(text)) addEmployers(text, found)
  if (RESIDENCE_HINT_RE.test(text)) addResidences(text, found)
  if (MOVE_HINT_RE.test(text)) addMoves(text, found)
  if (text.includes(' - ')) addDashedFirms(text, found)
  for (const m of text.matchAll(INSTITUTION_OF_RE)) {
    if (!INSTITUTION_WORDS.has(m[1].toLowerCase()) && !ORG_HEADS.has(m[1].toLowerCase())) continue
    push(m.index, m.index + m[0].length, 'ORG')
  }
  // "Industrias Ramírez", "Grupo Hernández y Soto": a trade or company word, then surnames; above a
  // person's reading of the same words
  for (const m of text.matchAll(TRADE_FIRST_RE)) {
    const first = m[1].toLowerCase()
    if (!BUSINESS_WORDS.has(first) && !COMPANY_FIRST_WORDS.has(first)) continue
    const named = m[2].split(/[ ]+/).filter((w) => /^\p{Lu}/u.test(w))
    if (!named.every((w) => isSurname(w.toLowerCase()) || (!isCommonWord(w.toLowerCase()) && !STOPWORDS.has(w.toLowerCase())))) continue
    found.push({ start: m.index, end: m.index + m[0].length, label: 'organization', priority: PRIORITY.PER + 1 })
  }
}

/** "Hoshino Trading Co.", "Acme, Inc.", "Statoil ASA": capitalised words closed by a legal form. */
function addLegalFormCompanies(text: string, found: Candidate[]): void {
  const re = SUFFIXED_RE
  re.lastIndex = 0
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const formAt = m.index + m[1].length + m[2].length
    // the word taken for a form may open the next company ("Håland, Statoil ASA"): look again from it
    if (!isLegalForm(m[3], m[2])) {
      re.lastIndex = formAt
      continue
    }
    const words = m[1].split(' ')
    const skip = /^(?:The|A|An|Our|My|Your|Their|Hi|Hello|Hey|Dear|Thanks)$/.test(words[0]) ? words[0].length + 1 : 0
    if (!hasOwnWord(words.slice(skip > 0 ? 1 : 0)) || isKnownPlace(words.slice(skip > 0 ? 1 : 0))) continue
    const [start, end] = [m.index + skip, m.index + m[0].length]
    // the tagger's reading of a longer name around it stands ("Farkas és Társa Kft.")
    if (found.some((c) => c.label === 'organization' && c.start <= start && end <= c.end && c.end - c.start > end - start)) continue
    // a legal form outweighs a person's reading of the words before it ("Rossi SpA")
    found.push({ start, end, label: 'organization', priority: PRIORITY.PER + 1 })
  }
}

/** Up to two particles before a name's word ("van den Pol", "de Corte"). */
const PARTICLES_BEFORE = String.raw`(?:(?:van|von|de|der|den|di|da|del|della|dos|das|do|du|des|la|le|ter|ten)[ ]){0,2}`
/** A word of a company's name: capitalised, maybe hyphenated ("Di Gaetano-Catanzaro"), maybe after particles ("van den Pol"). */
const COMPANY_ITEM = String.raw`${PARTICLES_BEFORE}\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*`
/** "and" between the names of a company, in the languages met most. */
const CONJUNCTION = String.raw`(?:&|and|und|e|y|et|a|i|og|och|en|és|ja|u|и)`
/** What joins the words of a company's name: a space, a spaced dash, a comma, "and" in some language. */
const COMPANY_JOIN = String.raw`(?:[ ]|[ ]-[ ]|,[ ]|[ ]${CONJUNCTION}[ ])`
const CONJUNCTION_JOIN_RE = new RegExp(String.raw`^[ ]${CONJUNCTION}[ ]$`, 'u')
/** Up to six name words, then a legal form as companies write it ("Šeda a Zezula s.r.o.", "Lo Piccolo, Mele e Trombetta s.r.l."). */
const BEFORE_WRITTEN_FORM_RE = new RegExp(String.raw`(?<![\p{L}\p{N}])(${COMPANY_ITEM}(?:${COMPANY_JOIN}${COMPANY_ITEM}){0,5})(,?[ ])(?:${LEGAL_FORM_SOURCE})(?![\p{L}\p{N}])`, 'gu')
const COMPANY_ITEM_RE = new RegExp(COMPANY_ITEM, 'gu')
const LEADING_NOT_NAME_RE = /^(?:The|A|An|Our|My|Your|Their|Hi|Hello|Hey|Dear|Thanks|Company|Firma|Empresa)$/

/**
 * Name words closed by a legal form written as companies write it, lower case and dots included,
 * are one company above any person's or place's reading of its words. A list before it with
 * commas is the company's only when "and" closes it ("Deckow, Kemmer and Conn Ltd") or when it
 * is only surnames ("Lindström, Arvidsson Kommanditbolag"); otherwise the company starts after
 * the last comma ("Thanks, Nowak GmbH").
 */
function addCompaniesBeforeWrittenForms(text: string, found: Candidate[]): void {
  for (const m of text.matchAll(BEFORE_WRITTEN_FORM_RE)) {
    const items: Array<{ start: number; end: number; gapBefore: string }> = []
    for (const w of m[1].matchAll(COMPANY_ITEM_RE)) {
      const start = m.index + w.index
      const previous = items[items.length - 1]
      items.push({ start, end: start + w[0].length, gapBefore: previous ? text.slice(previous.end, start) : '' })
    }
    const word = (k: number) => text.slice(items[k].start, items[k].end)
    const lastComma = items.findLastIndex((item) => item.gapBefore.includes(','))
    let first = 0
    if (lastComma > 0 && !items.slice(lastComma + 1).some((item) => CONJUNCTION_JOIN_RE.test(item.gapBefore))) {
      const onlySurnames = items.every((_, k) => /^\p{Lu}[\p{L}'’-]+$/u.test(word(k)) && (isSurname(word(k).toLowerCase()) || !isCommonWord(word(k).toLowerCase())))
      if (!onlySurnames) first = lastComma
    }
    // "a" is "and" in Czech but "to" in Italian ("Pagamento a Conti e figli"): a joint only between surnames
    for (let k = first + 1; k < items.length; k++) {
      if (items[k].gapBefore === ' a ' && !(isSurname(word(k - 1).toLowerCase()) && isSurname(word(k).toLowerCase()))) first = k
    }
    // a sentence's or a greeting's first word is no part of the name ("Yesterday Pech a.s. wrote")
    while (first < items.length - 1 && items[first + 1].gapBefore === ' ') {
      const lower = word(first).toLowerCase()
      if (!LEADING_NOT_NAME_RE.test(word(first)) && !((isCommonWord(lower) || STOPWORDS.has(lower)) && !isSurname(lower))) break
      first++
    }
    const kept = items.slice(first).map((_, k) => word(first + k))
    if (!hasOwnWord(kept) || isKnownPlace(kept)) continue
    found.push({ start: items[first].start, end: m.index + m[0].length, label: 'organization', priority: PRIORITY.PER + 1 })
  }
}

/**
 * Legal forms written before the name, in the languages that do so: Russian and Ukrainian "ООО",
 * "ТОВ", Azerbaijani "MMC", Vietnamese "Cty TNHH", Lithuanian "UAB", Latvian "SIA"; and the Chinese
 * and Japanese forms glued to the name ("株式会社…", "…有限公司").
 */
const FORMS_FIRST = ['ООО', 'ОАО', 'ЗАО', 'ПАО', 'АО', 'ТОВ', 'ПрАТ', 'ПАТ', 'ПТ', 'ТОО', 'ФОП', 'ЧП', 'MMC', 'ASC', 'QSC', 'Công ty TNHH', 'Công ty', 'Cty TNHH', 'Cty', 'UAB', 'SIA', 'Bezp.Org.', 'Biedrība']
// every Japanese and Chinese form of HAN_COMPANY_RE ends in 会社 or 公司
const FORM_FIRST_HINT_RE = new RegExp(`${alternation(FORMS_FIRST)}|会社|公司`, 'u')
const FORM_FIRST_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${alternation(FORMS_FIRST)})[ ]["«„“]?\p{Lu}[\p{L}\p{N}'’&-]*(?:[ ](?:\p{Lu}[\p{L}\p{N}'’&-]*|un|i|и|і|va|và|ve))*(?:[ ](?:grupa|holdings|partneri))?["»“”]?(?![\p{L}\p{N}])`,
  'gu',
)
const HAN_COMPANY_RE = /(?:株式会社|合名会社|合資会社|合同会社|有限会社)\p{Script=Han}[\p{Script=Han}\p{Script=Katakana}ー]{1,14}|\p{Script=Han}[\p{Script=Han}\p{Script=Katakana}ー（）()]{1,20}?(?:株式会社|合名会社|合資会社|合同会社|有限会社|股份有限公司|有限责任公司|有限責任公司|有限公司|集团公司|公司)/gu

const HAN_FUNCTION_CHARS = '我你他她们們在是的到从從给給向和与與为為对對于於把被由'

function addCompaniesAfterForms(text: string, found: Candidate[]): void {
  for (const re of [FORM_FIRST_RE, HAN_COMPANY_RE]) {
    for (const m of text.matchAll(re)) {
      // the form and its name's words, without quotes closing the name, nor the sentence's words
      // glued before a Chinese name ("我在…公司": "I at …")
      let [start, end] = [m.index, m.index + m[0].length]
      while (/["»“”]/.test(text[end - 1])) end--
      while (end - start > 4 && HAN_FUNCTION_CHARS.includes(text[start])) start++
      found.push({ start, end, label: 'organization', priority: PRIORITY.PER + 1 })
    }
  }
}

/** Where someone says whom they work for; alone, a cheap first test of a text. */
const EMPLOYER_CUE = String.raw`work(?:s|ed|ing)?[ ](?:for|at)|employed[ ](?:by|at)|arbeite[ ](?:bei|für)|travaille[ ](?:chez|pour)|trabajo[ ](?:en|para)|lavoro[ ](?:per|presso)|werk[ ]bij|trabalho[ ](?:na|no|para)`
const EMPLOYER_HINT_RE = new RegExp(EMPLOYER_CUE, 'u')
const FIRM_WORD = String.raw`(?:\p{Lu}[\p{L}'’]+(?:-\p{Lu}[\p{L}'’]+)?|${UNCASED_WORD})`
/**
 * "I work for Diedrich-Viellehner", "works at Mathieu et Duval", "employed by Ochoa Olivárez y Lira
 * Quiñones": after someone says whom they work for, double-barrelled surnames, or names joined by
 * "and", are the firm's name.
 */
const EMPLOYER_RE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${EMPLOYER_CUE})[ ](${FIRM_WORD}(?:[ ]${FIRM_WORD})?(?:[ ](?:and|&|et|und|y|e|og|och|en|i)[ ]${FIRM_WORD}(?:[ ]${FIRM_WORD})?)?)(?![ ]?\p{Lu}|[\p{L}\p{N}-])`,
  'gu',
)

/** A letter with a case; Georgian's count as uncased, as in text-lines.ts UNCASED_WORD. */
const CASED_LETTER_RE = /(?!\p{Script=Georgian})[\p{Lu}\p{Ll}]/u

function addEmployers(text: string, found: Candidate[]): void {
  for (const m of text.matchAll(EMPLOYER_RE)) {
    const name = m[1]
    const sides = name.split(/[ ](?:and|&|et|und|y|e|og|och|en|i)[ ]/)
    const doubleBarrelled = sides.length === 1 && /^\p{Lu}[\p{L}'’]+-\p{Lu}/u.test(name)
    // words of a script without capitals after "works for" in English are the firm's name, whatever it is
    const uncased = !CASED_LETTER_RE.test(name)
    if (sides.length === 1 && !doubleBarrelled && !uncased) continue
    // "Google and Apple" are two companies the lists know, not one firm
    if (sides.every((side) => BRANDS.has(side.toLowerCase()))) continue
    // "I work for John and Mary": two given names are people
    if (sides.length === 2 && sides.every((side) => side.split(' ').every((w) => isFirstName(w.toLowerCase()) && !isSurname(w.toLowerCase())))) continue
    const words = sides.flatMap((side) => side.split(/[ -]/))
    // a town as a whole side is a place ("for Berlin and Paris"); as one of a side's names, a surname ("Santiago Rosado")
    const isPlace = (w: string) => CITIES.has(w.toLowerCase()) || COUNTRIES.has(w.toLowerCase())
    if (sides.some((side) => isPlace(side) || (!/\s/.test(side) && side.split('-').some(isPlace)))) continue
    if (words.some((w) => (isCommonWord(w.toLowerCase()) || STOPWORDS.has(w.toLowerCase())) && !isPersonWord(w.toLowerCase()))) continue
    const start = m.index + m[0].length - name.length
    found.push({ start, end: start + name.length, label: 'organization', priority: PRIORITY.PER + 1 })
  }
}

/** Where someone says where they live; alone, a cheap first test of a text. */
const RESIDENCE_CUE = String.raw`(?:[Ll]ive[sd]?|[Ll]iving|[Rr]eside[sd]?|[Rr]esiding)[ ]in|(?:[Jj]'|[Jj]’)?habit(?:e|ons)[ ]à|[Vv]iv(?:o|e|imos)[ ]en|[Aa]bit(?:o|iamo)[ ]a|[Mm]or(?:o|amos)[ ]em|[Vv]iv(?:o|emos)[ ]em|[Ww]oon[ ]in|[Ww]ohne[ ]in|[Mm]ieszkam[ ]w`
const RESIDENCE_HINT_RE = new RegExp(RESIDENCE_CUE, 'u')
/**
 * "I have lived in Manly since May", "J'habite à Daverdisse", "Moro em Vicente de Nossa Senhora":
 * where someone says they live, the capitalised words after it are the place, whether or not a
 * list knows it, above a person's reading of them. Words without capitals are read apart from
 * capitalised ones, three at most (PLACE_NAME, which mixes them, would take "ชลบุรี Bangkok").
 */
const RESIDENCE_RE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:${RESIDENCE_CUE})[ ](\p{Lu}[\p{L}'’-]*(?:\.(?=[ ]\p{Lu}))?(?:[ ](?:\p{Lu}[\p{L}'’-]*(?:\.(?=[ ]\p{Lu}))?|(?:de|do|da|dos|das|del|di|am|an|der|sur|en|le|la|upon|on)(?=[ ]\p{Lu})))*|${UNCASED_WORD}(?:[ ]${UNCASED_WORD}){0,2})(?![\p{L}\p{N}'’])`,
  'gu',
)

/** A word of a place's name: capitalised, or of a script without capitals with its vowel signs ("ชลบุรี", "जनकपुर"). */
const PLACE_WORD = String.raw`(?:\p{Lu}[\p{L}'’\x60-]*|${UNCASED_WORD})`
/** A place's name: up to four such words, the scripts mixed. */
const PLACE_NAME = String.raw`${PLACE_WORD}(?:[ ]${PLACE_WORD}){0,3}`
/** "moved from Gbogbo to Ado", "relocating to ชลบุรี": where someone came from and went to. */
/** How someone says they moved; alone, a cheap first test of a text. */
const MOVE_CUE = String.raw`[Mm]ov(?:ed|ing)|[Rr]elocat(?:ed|ing)`
const MOVE_HINT_RE = new RegExp(MOVE_CUE)
const MOVED_RE = new RegExp(String.raw`(?:^|[^\p{L}])(?:${MOVE_CUE})(?:[ ]from[ ](${PLACE_NAME}))?[ ]to[ ](${PLACE_NAME})(?![\p{L}\p{N}'’])`, 'dgu')

function addMoves(text: string, found: Candidate[]): void {
  for (const m of text.matchAll(MOVED_RE)) {
    for (const group of [1, 2]) {
      const value = m[group]
      const at = m.indices?.[group]
      if (!value || !at) continue
      const words = value.split(' ').map((w) => w.toLowerCase())
      // "moved to Billing", "moved to the Premium plan": a team or a plan, not a place
      const known = CITIES.has(words.join(' ')) || COUNTRIES.has(words.join(' ')) || REGIONS.has(words.join(' '))
      if (!known && words.some((w) => isCommonWord(w) || STOPWORDS.has(w) || ORG_HEADS.has(w) || BUSINESS_WORDS.has(w))) continue
      found.push({ start: at[0], end: at[1], label: 'place', priority: PRIORITY.PER + 1 })
    }
  }
}

function addResidences(text: string, found: Candidate[]): void {
  for (const m of text.matchAll(RESIDENCE_RE)) {
    const words = m[1].split(' ')
    // "I live in Hilton Hotel": a company's word, or only stop words, are left to the lists; "Sarah's flat" is someone's home
    if (words.every((w) => STOPWORDS.has(w.toLowerCase())) || /['’]s$/.test(m[1]) || words.some((w) => ORG_HEADS.has(w.toLowerCase()) || BUSINESS_WORDS.has(w.toLowerCase()))) continue
    const start = m.index + m[0].length - m[1].length
    found.push({ start, end: start + m[1].length, label: 'place', priority: PRIORITY.PER + 1 })
  }
}

/** Two surnames joined by a spaced dash ("Mills - Wisozk", "van Vliet - de Corte", "Boyle - Trantow-Doyle"), no capitalised word on either side. */
const DASHED_FIRM_RE = new RegExp(String.raw`(?<![\p{L}\p{N}-]|\p{Lu}[\p{L}'’.]*[ ])(${PARTICLES_BEFORE}(\p{Lu}[\p{L}'’]+(?:-\p{Lu}[\p{L}'’]+)?))[ ]-[ ](${PARTICLES_BEFORE}(\p{Lu}[\p{L}'’]+(?:-\p{L}[\p{L}'’]+)?))(?![\p{L}\p{N}-]|[ ]\p{Lu})`, 'gu')

/** A surname, or a word no list knows, that is no place, brand or everyday word. */
function isFirmSurname(word: string): boolean {
  const lower = word.toLowerCase()
  if (CITIES.has(lower) || COUNTRIES.has(lower) || REGIONS.has(lower) || TOWNS.has(lower) || BRANDS.has(lower) || FIELD_KIND.has(lower)) return false
  if (isSurname(lower)) return true
  return !isFirstName(lower) && !isCommonWord(lower) && !STOPWORDS.has(lower)
}

/** Surnames joined by a spaced dash are how firms write their names; people join theirs without spaces. */
function addDashedFirms(text: string, found: Candidate[]): void {
  for (const m of text.matchAll(DASHED_FIRM_RE)) {
    // each side, or each half of a double-barrelled side ("Trantow-Doyle"), is a surname; after "at"
    // or "from" any surnames will do, even a town's ("works at Casper - Tillman"), but no other town ("from Berlin - Mitte")
    const firmCue = FIRM_CUE_BEFORE_RE.test(text.slice(Math.max(0, m.index - 30), m.index)) || isLetterheadLine(text, m.index, m.index + m[0].length)
    const bigPlace = (w: string) => CITIES.has(w.toLowerCase()) || COUNTRIES.has(w.toLowerCase()) || REGIONS.has(w.toLowerCase())
    const words = [m[2], m[4]].flatMap((side) => side.split('-'))
    if (firmCue ? words.some((w) => bigPlace(w) && !isSurname(w.toLowerCase())) : !words.every(isFirmSurname)) continue
    found.push({ start: m.index, end: m.index + m[0].length, label: 'organization', priority: PRIORITY.PER + 1 })
  }
}

/** The words name a known place: "Pretoria SA", "Cape Town, SA" are a town and its country's letters, no company. */
function isKnownPlace(words: readonly string[]): boolean {
  const place = words.join(' ').replace(/,$/, '').toLowerCase()
  return CITIES.has(place) || TOWNS.has(place) || COUNTRIES.has(place) || REGIONS.has(place)
}

/** Some word of a company's name is its own: no everyday word, stop word or company word ("Customer Service" is none). */
function hasOwnWord(words: readonly string[]): boolean {
  return words.some((w) => !isCommonWord(w.toLowerCase()) && !STOPWORDS.has(w.toLowerCase()) && !ORG_HEADS.has(w.toLowerCase()))
}

/** word, written after gap (" " or ", "), is a company's legal form. */
function isLegalForm(word: string, gap: string): boolean {
  const form = word.replace(/\.$/, '').toLowerCase()
  if (!ORG_SUFFIXES.has(form) || NOT_LEGAL_FORMS.has(form)) return false
  // "Co" and "ab" are words in Polish and German; "Co." and "AB" are a company's
  if (STOPWORDS.has(form) && !word.endsWith('.') && !/^\p{Lu}+$/u.test(word)) return false
  if (gap !== ' ' && !FORMS_AFTER_COMMA.has(form)) return false
  // "Leamington Spa" is a town; Italian companies write "SpA"
  return form !== 'spa' || /^S[pP][aA]$/.test(word)
}

/** A capitalised trade word, then one or two capitalised names, the second after "y", "e", "et" or "&". */
const TRADE_FIRST_RE = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+)[ ](\p{Lu}[\p{L}'’-]+(?:[ ](?:y|e|et|&)[ ]\p{Lu}[\p{L}'’-]+)?)(?![\p{L}\p{N}])/gu
/** Institution words that are companies' first words ("Grupo", "Empresa"); the rest name public bodies. */
const COMPANY_FIRST_WORDS: ReadonlySet<string> = new Set(['grupo', 'gruppo', 'groupe', 'gruppe', 'groep', 'empresa', 'compañía', 'companhia', 'compagnia', 'compagnie', 'sociedad', 'sociedade', 'società', 'société', 'spółka', 'společnost'])

/** Words a company's name follows ("an account with …", "my manager at …", "after joining …"). */
const ORG_CUE_RE = /(?<![\p{L}])(?:at|with|from|through|via|joined|joining|left|leaving|by|for|contacted|emailed|called|using|use|uses)[ ](\p{Lu}\p{Ll}{3,})(?![\p{L}\p{N}'’]|[ ]\p{Lu})/gu

/**
 * A single capitalised word after such a word, that no list knows (no everyday word, name, place
 * or brand), and that nothing else found: a company nobody has heard of ("joining Lumendal").
 */
function addUnknownAfterOrgCue(text: string, found: Candidate[]): void {
  for (const m of text.matchAll(ORG_CUE_RE)) {
    const word = m[1]
    const lower = word.toLowerCase()
    const start = m.index + m[0].length - word.length
    if (isCommonWord(lower) || STOPWORDS.has(lower) || isPersonWord(lower) || CITIES.has(lower) || COUNTRIES.has(lower) || REGIONS.has(lower) || TOWNS.has(lower) || BRANDS.has(lower) || FIELD_KIND.has(lower)) continue
    if (found.some((c) => c.start < start + word.length && start < c.end)) continue
    found.push({ start, end: start + word.length, label: 'organization', priority: 50 })
  }
}

/** What forms and tickets abbreviate: never a person, a company or a place of their own. */
const FORM_ABBREVIATIONS: ReadonlySet<string> = new Set(['DOB', 'D.O.B.', 'SSN', 'ID', 'IP', 'IBAN', 'BIC', 'SWIFT', 'VAT', 'NHS', 'BSN', 'PIN', 'OTP', 'PO', 'ETA', 'FAQ', 'URL', 'SMS', 'MFA', '2FA', 'KYC', 'TIN', 'NIN', 'NI'])

/** A speaker's label opening a line, maybe after a time ("[10:42] Xochitl:", "Oyelaran:"). */
const SPEAKER_LABEL_RE = /^[ \t]*(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]+)?(\p{Lu}[\p{L}'’-]+(?:[ ]\p{Lu}[\p{L}'’-]+){0,2}):[ \t]/u

/**
 * In a conversation (two or more lines open with a speaker's label), a label that is no role
 * ("Agent", "Customer", "Bot") and no field ("Subject", "Name") is a person.
 */
function addSpeakers(text: string, lines: readonly Line[], push: (start: number, end: number, kind: Kind) => void): void {
  const labels: Array<[number, string]> = []
  for (const line of lines) {
    const m = SPEAKER_LABEL_RE.exec(text.slice(line.start, Math.min(line.end, line.start + 60)))
    if (m) labels.push([line.start + m[0].indexOf(m[1]), m[1]])
  }
  if (labels.length < 2) return
  // a conversation, not a header block ("Von:", "Gesendet:", "Betreff:"): a role speaks, or someone speaks twice
  const seen = new Set<string>()
  let conversation = false
  for (const [, label] of labels) {
    const lower = label.toLowerCase()
    if (ROLE_WORDS.has(lower) || seen.has(lower)) conversation = true
    seen.add(lower)
  }
  if (!conversation) return
  for (const [at, label] of labels) {
    const lower = label.toLowerCase()
    if (label.length < 3 || ROLE_WORDS.has(lower) || FIELD_KIND.has(lower) || /^[\p{Lu} -]+$/u.test(label)) continue
    const known = (w: string) => isCommonWord(w) || STOPWORDS.has(w) || FIELD_LABEL_WORDS.has(w)
    if (lower.split(/[ -]/).some((w) => known(w) && !FIRST_NAMES.has(w))) continue
    push(at, at + label.length, 'PER')
  }
}
/** Who speaks in a support conversation besides people. */

/** Someone saying who they are: "my name is Sofia", "I'm Kenji Watanabe", "you're speaking with Ines", "this is Odin van der Velde". */
const SELF_INTRO_RE = /(?<![\p{L}])(?:([Mm]y (?:sur|last |first |family |given |full )?name is|[Mm]y (?:sur)?name's|[Nn]ame is)|I am|I'm|I’m|[Tt]his is|[Yy]ou're speaking (?:to|with)|[Yy]ou are speaking (?:to|with))[ \t]+(\p{Lu}[\p{L}'’-]+(?:[ ](?:(?:van|von|de|der|den|ter|ten|da|di|dos|du|del|della|la|le)[ ]){0,2}\p{Lu}[\p{L}'’-]+){0,3})/gu

/** The same before a name in Chinese, Japanese or Korean characters, which have no capitals ("Hi, I'm 莉子", "my surname is 古賀"). */
const CJK_SELF_INTRO_RE = /(?<![\p{L}])(?:[Mm]y (?:sur|last |first |family |given |full )?name is|I am|I'm|I’m|[Tt]his is|[Ii]t's|[Ii]t’s|[Ii]ts|[Ii]t is)[ \t]+([\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}ー]{1,4}(?:[ ][\p{Script=Han}\p{Script=Hangul}]{1,3})?)(?![\p{L}\p{N}])/gu

/** What opens a letter: the greetings, and openers that in lower case are everyday words ("cara", "beste", "good morning"). */
const SALUTATION_OPENERS = [...GREETINGS, 'Good morning', 'Good afternoon', 'Good evening', 'Liebes', 'Sehr geehrte', 'Sehr geehrter', 'Sehr geehrtes', 'Estimado', 'Estimada', 'Gentile', 'Caro', 'Cara', 'Prezado', 'Prezada', 'Beste', 'Kære', 'Szanowny', 'Szanowna', 'Draga', 'Dragi', 'Sayın']
/** Titles after a greeting, with those that are initials or words elsewhere: French "M.", Turkish "Bay", Romanian "Dl", "Dna". */
const SALUTATION_TITLES = alternation([...TITLES, 'M', 'Bay', 'Bayan', 'Dl', 'Dna'])
/** A letter's salutation on a line of its own, up to its comma: "Dear Dolly Maggio,", "Hi Guy Meunier,", "Sehr geehrte Frau Brandt,". */
const SALUTATION_LINE_RE = new RegExp(
  String.raw`(?:^|\n)[ \t]*(?:${alternation(SALUTATION_OPENERS)})[ \t]+(?:(?:${SALUTATION_TITLES})\.?[ ]+)*((?:\p{Lu}[\p{L}'’-]*|${UNCASED_WORD})(?:[ ](?:\p{Lu}[\p{L}'’-]*|${UNCASED_WORD}|van|von|de|der|den|da|di|del|dos|du|le|la|bin)){0,3})[ \t]*(?:,|!|\n|$)`,
  'dgu',
)
/** An opener of a salutation before a space, anywhere: a cheap first test of a text. */
const SALUTATION_HINT_RE = new RegExp(String.raw`(?:${alternation(SALUTATION_OPENERS)})[ \t]`)

/**
 * The person a letter greets is every capitalised word of the salutation's line, everyday words
 * among them ("Dear Dolly Maggio,", "Dear Guy Meunier,"); a role or a team greeted stays ("Dear
 * Customer,", "Hi Support team,").
 */
function addSalutations(text: string, found: Candidate[]): void {
  for (const m of text.matchAll(SALUTATION_LINE_RE)) {
    const at = m.indices?.[1]
    if (!at) continue
    const words = m[1].split(' ').map((w) => w.toLowerCase())
    if (words.some((w) => ROLE_WORDS.has(w) || FIELD_KIND.has(w) || ((isCommonWord(w) || STOPWORDS.has(w)) && !isPersonWord(w)))) continue
    found.push({ start: at[0], end: at[1], label: 'name', priority: PRIORITY.PER })
  }
}

/** Verbs that say a person did something, right after the name that opens a sentence ("Grace lives in …", "Marko said …"). */
const PERSON_VERBS = 'lives|lived|works|worked|said|says|called|calls|phoned|emailed|wrote|writes|asked|asks|wants|wanted|paid|ordered|bought|joined|left|moved|told|tells|mentioned|reported|complained|will pick|picked|signed|booked|returned|visited'
/** Such a verb, or a verb's helper ("is", "will"), after a word; alone, a cheap first test of a text. */
const VERB_AFTER_NAME = String.raw`[ ](?:(${PERSON_VERBS})|is|was|has|had|will|can|could|would)(?![\p{L}])`
const VERB_AFTER_NAME_RE = new RegExp(VERB_AFTER_NAME, 'u')
const NAME_OPENING_SENTENCE_RE = new RegExp(String.raw`(?:^|[.!?][ ]+|\n[ \t]*)(\p{Lu}\p{Ll}+|${UNCASED_WORD})${VERB_AFTER_NAME}`, 'dgu')

/**
 * A given name alone opening a sentence, before a verb of what people do ("Grace lives in
 * Carlton", "Marko said"): a person, though a sentence's first word is capitalised anyway. A name
 * that is also an everyday word needs such a verb ("Summer is here" stays); a word in a script
 * without capitals before an English verb is a name.
 */
function addNamesOpeningSentences(text: string, found: Candidate[]): void {
  for (const m of text.matchAll(NAME_OPENING_SENTENCE_RE)) {
    const word = m[1]
    const lower = word.toLowerCase()
    const uncased = !/\p{Lu}/u.test(word[0])
    if (uncased ? !m[2] : !isFirstName(lower) || STOPWORDS.has(lower) || FIELD_KIND.has(lower) || ((isCommonWord(lower) || CITIES.has(lower)) && !m[2])) continue
    const at = m.indices?.[1]
    if (at) found.push({ start: at[0], end: at[1], label: 'name', priority: PRIORITY.PER })
  }
}

/** After "my name is" any name-shaped words; after "I'm" or "this is" only a known given name or surname ("This is Amazon" stays). */
function addSelfIntroductions(text: string, found: Candidate[]): void {
  if (/[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/.test(text)) {
    for (const m of text.matchAll(CJK_SELF_INTRO_RE)) {
      const start = m.index + m[0].length - m[1].length
      found.push({ start, end: start + m[1].length, label: 'name', priority: PRIORITY.PER })
    }
  }
  for (const m of text.matchAll(SELF_INTRO_RE)) {
    const value = m[2]
    if (!looksLikeName(value, 'PER')) continue
    if (!m[1] && !value.split(' ').some((w) => isPersonWord(w.toLowerCase()))) continue
    const start = m.index + m[0].length - value.length
    found.push({ start, end: start + value.length, label: 'name', priority: PRIORITY.PER })
  }
}

/**
 * The same in lower case ("hi my name is dana whitfield", "can i speak to john"): after "my name is"
 * the first word is a name unless it is an everyday word no list holds; after the weaker leads it
 * must be a listed name and no everyday word. Up to two more words join while they are no everyday word.
 */
const LOWER_INTRO_RE = /(?<![\p{L}])(?:(my (?:sur|last |first |family |given |full )?name is|my (?:sur)?name's|name is|call me)|i am|i'm|i’m|im|this is|it's|you're speaking (?:to|with)|speak (?:to|with)|talk to|ask for|regards,?|thanks,?|cheers,?)[ \t]+(\p{Ll}[\p{Ll}'’-]+(?:[ ]\p{Ll}[\p{Ll}'’-]+){0,2})/giu

const listedName = (w: string) => isPersonWord(w) && !isCommonWord(w) && !STOPWORDS.has(w)

function addLowerCaseIntroductions(text: string, found: Candidate[]): void {
  // a text with its names capitalised has them read by the rules above
  if (!/\b(?:name|call|am|i'm|i’m|im|this|it's|speaking|speak|talk|ask|regards|thanks|cheers)\b/i.test(text)) return
  for (const m of text.matchAll(LOWER_INTRO_RE)) {
    const words = m[2].split(' ')
    let taken = 0
    for (const w of words) {
      const everyday = isCommonWord(w) || STOPWORDS.has(w)
      // the first word after "my name is" may be any name; after the weaker leads a listed one; a
      // surname after it any word that is no everyday word ("dana whitfield", "anna kowalska")
      // (the given-name lists hold "the" and "my": an everyday English word is never taken first)
      const ok = taken === 0 ? (m[1] ? !isCommonWord(w) : listedName(w)) : (!everyday || isSurname(w)) && !STOPWORDS.has(w) && w.length > 2
      if (!ok || FIELD_LABEL_WORDS.has(w) || ROLE_WORDS.has(w)) break
      taken++
    }
    if (taken === 0) continue
    const start = m.index + m[0].length - m[2].length
    const end = start + words.slice(0, taken).join(' ').length
    found.push({ start, end, label: 'name', priority: PRIORITY.PER })
  }
}

/** "van der", "de la", "von", "el"… right before a surname, after a title or opening a line or a list. */
const PARTICLES_BEFORE_RE = new RegExp(
  String.raw`(?:^|\n|[ ,;(]|(?<title>\b(?:${alternation(TITLES)})\.?[ ]))(?<particles>(?:[Vv]an|[Vv]on|[Dd]e|[Dd]er|[Dd]en|[Dd]el|[Dd]ella|[Dd]i|[Dd]a|[Dd]u|[Dd]es|[Ll]a|[Ll]e|[Tt]er|[Tt]en|[Zz]u|[Dd]os|[Dd]as|[Dd]o|[Aa]l|[Ee]l|bin|ibn)(?:[ ](?:van|von|de|der|den|del|della|di|da|du|des|la|le|ter|ten|zu))*)[ ]$`,
)

/**
 * A surname with its particles is one name: "van der Merwe, Pieter" and "Ms van den Berg" keep
 * nothing of the name behind; after a title the words are a person whatever the tagger made of them.
 */
function withSurnameParticles(text: string, found: Candidate[]): void {
  for (const c of [...found]) {
    if (c.label !== 'name' && c.label !== 'organization' && c.label !== 'place') continue
    const m = PARTICLES_BEFORE_RE.exec(text.slice(Math.max(0, c.start - 40), c.start))
    if (!m?.groups) continue
    // "van der", "von", "ter" come before surnames only; "de", "la", "el" before towns too ("de Bilt", "El Paso")
    if (c.label !== 'name' && !m.groups.title && !/^(?:van|von|ter|ten|zu)\b/i.test(m.groups.particles)) continue
    const start = c.start - m.groups.particles.length - 1
    found.push({ start, end: c.end, label: 'name', priority: PRIORITY.PER })
  }
}
