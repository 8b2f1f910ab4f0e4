/**
 * Names, organisations and places: the `compromise` NLP library (runs locally, no model download)
 * combined with conversational cues ("my name is …", "Hi …,", "Thanks, …", "Mr …", speaker
 * prefixes) and a list of common first names. Offsets are into the whole text.
 */
import nlp from 'compromise'
import { AMBIGUOUS_FIRST_NAMES, FIRST_NAMES } from './first-names'
import { PLACE_NAMES } from './place-names'
import { AMBIGUOUS_ORGANISATIONS, ORGANISATION_NAMES } from './organisation-names'
import { SURNAMES } from './surnames'
import { lineEndWithin, lineStartWithin } from './text-lines'
import { isCommonWord, lexicon, NAMEISH_TAGS } from './lexicon'

export { isCommonWord }
import type { Candidate, PiiLabel } from './pii-types'

export const ENTITY_PRIORITY = {
  orgKnown: 59,
  orgSuffix: 60,
  nameCue: 58,
  orgCue: 56,
  nameList: 54,
  nameNlp: 52,
  orgNlp: 50,
  placeCue: 48,
  placeNlp: 46,
} as const

const FIRST_NAME_SET: ReadonlySet<string> = new Set(FIRST_NAMES)

/** Capitalised words that start sentences or address groups but are never a person's name. */
const NOT_NAME_WORDS: ReadonlySet<string> = new Set(
  `i i'm im i've i'd i'll the a an and or but if so hi hello hey dear thanks thank thx ty you your yours team all everyone
  everybody there support customer customers agent agents service services sir madam madame ma'am guys folks again much
  for from at in on with to please sorry ok okay yes no yeah yep nope good great fine morning afternoon evening night day
  today tomorrow yesterday monday tuesday wednesday thursday friday saturday sunday january february march july september
  october november december here speaking just only me my we our us it its it's is was this that these those not also
  regards best kind warm cheers sincerely bye goodbye welcome hope hopefully unfortunately however also then when where
  what why how who which while after before since until because as of by about any some many more most other another
  such same new old first last next final re fw fwd subject cc bcc date sent note update urgent important asap fyi btw
  order orders account accounts ticket case refund return payment invoice delivery shipping email e-mail phone address
  name username password login user admin system bot assistant manager supervisor rep representative advisor adviser
  operator staff member members client clients company inc ltd llc plc corp premium pro plus basic standard gold silver
  bronze platinum free trial plan plans app apps website site web online mobile desktop help helpdesk faq chat live
  happy sad angry frustrated disappointed glad pleased excited worried concerned confused ah oh um uh wow hmm lol omg
  well anyway ps p.s mr mrs ms miss mx dr prof professor sir dame lady lord mister doctor christmas easter thanksgiving
  wifi internet bluetooth usb hdmi pdf tv ceo cfo cto hr it vip id pin otp sms ai api url ip gps uk us usa eu
  checkout homepage inbox signup sign-up satnav sat-nav heaps loads lots tons`.split(/\s+/).filter(Boolean),
)

/** Words that end an organisation's name ("… Ltd", "… Bank"); the name before them is capitalised. */
const ORG_SUFFIXES =
  'Inc|Inc\\.|Incorporated|AB|Oy|ApS|SpA|S\\.p\\.A\\.|Srl|S\\.r\\.l\\.|Pte Ltd|Sdn Bhd|KG|Ltd|Ltd\\.|Limited|LLC|L\\.L\\.C\\.|LLP|PLC|plc|GmbH|AG|S\\.A\\.|SA|SAS|SARL|BV|B\\.V\\.|NV|N\\.V\\.|Pty Ltd|Pty|Co\\.|Corp|Corp\\.|Corporation|Company|Group|Holdings|Bank|Insurance|Assurance|Technologies|Technology|Solutions|Systems|Labs|Laboratories|Logistics|Partners|Associates|Consulting|Consultants|Foundation|University|College|Hospital|Clinic|Airlines|Airways|Air|Telecom|Telecoms|Communications|Energy|Power|Motors|Foods|Media|Studios|Studio|Industries|Enterprises|Trust|Agency|Ventures|Capital|Bakery|Café|Cafe|Hotel|Hotels|Restaurant|School|Academy|Pharmacy|Dental|Realty|Properties|Brewing|Brewery|Coffee|Roasters|Software|Networks|Wireless|Electric|Electronics|Utilities|Healthcare|Credit Union|Building Society|Council|Marketing|Design|Digital|Analytics|Robotics|Manufacturing|Freight|Shipping|Transport|Travel|Tours|Finance|Financial|Bikes|Cycles|Outfitters|Supplies|Supply|Games|Interactive|Printing|Press|Publishing|Books|Fitness|Gym|Salon|Spa|Florist|Garage|Motors|Autos|Law|Legal|Accountants|Architects|Builders|Construction|Plumbing|Roofing|Cleaning|Catering|Events|Rentals|Records|Productions|Pictures|Farms|Vineyards|Winery|Distillery|Telecommunications|Broadband|Mobile|Lettings|Estates|Estate Agents|Housing|Hospitality|Pharma|Pharmaceuticals|Biotech|Therapeutics|Medical|Vets|Veterinary|Kitchens|Furniture|Interiors|Apparel|Clothing|Boutique|Jewellers|Jewelers|Opticians|Optical|Insurers|Brokers|Mortgages|Lending|Payments|Organics|Naturals|Brands|Goods|Wholesale|Traders|Trading|Imports|Distribution|Distributors|Outlet|Works|Workshop|Collective|Co-op|Cooperative|Association|Institute|Federation|Network|Factory|Mills|Centre|Center|Homes|Gallery|Galleries|Kitchen|Bistro|Pizzeria|Deli|Nursery|Nurseries|Garden Centre|Surgery|Practice|Chambers|Solicitors|Barristers|Auctions|Removals|Couriers|Express|Cars|Taxis|Coaches|Leisure|Club|Clubs|Services'

const ORG_SUFFIX_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])((?:(?:[\p{Lu}\p{N}][\p{L}\p{N}&'’.-]*|&|and|of|de|du|van|the)[ \t]+){0,4}?[\p{Lu}][\p{L}\p{N}&'’.-]*)[ \t]+(?:${ORG_SUFFIXES})(?![\p{L}\p{N}])`,
  'gu',
)
const ORG_OF_RE = /(?<![\p{L}])(?:Bank|University|College|Museum|Church|Council|Institute|Society|Department|Ministry|Royal Bank|Bank) of (?:the )?[\p{Lu}][\p{L}'’-]*(?: [\p{Lu}][\p{L}'’-]*){0,2}/gu
const ORG_CUE_RE =
  /\b(?:work(?:s|ed|ing)? (?:at|for)|employed (?:at|by)|employer is|i'?m with|i am with|we'?re with|we are with|calling from|writing from|contacting you from|on behalf of|customer of|client of|member of|switched (?:to|from)|moved (?:over )?(?:to|from)|bank(?:s|ed)? with|insured with|supplier is|provider is|subscribed to|signed up (?:to|with)|account with|contract with|owner of|founder of|ceo of|(?:manager|director|ceo|cto|cfo|coo|founder|co-founder|owner|partner|engineer|developer|designer|analyst|consultant|accountant|nurse|teacher|lecturer|student|intern|officer|lead|specialist|administrator|coordinator|assistant|buyer|recruiter|employee|head of [a-z]+) at|(?:someone|somebody|engineer|technician|courier|driver|rep|representative|agent|guy|man|woman|lady|people|team|staff|advisor|adviser|consultant|contractor|installer|surveyor|inspector|salesman|saleswoman|salesperson) (?:from|at|with)|thank you for contacting|thanks for contacting|thank you for calling|thanks for calling|welcome to|you've reached|you have reached|ordered from|bought from|purchased from|shop at|shopped at|charged by|billed by|invoice from|letter from|email from|calls? from|contacted by|delivered by|shipped by|(?:my|our|the) (?:bank|insurer|insurance company|provider|supplier|employer|broker|lender|energy supplier|energy company|carrier|courier|isp|broadband provider|mobile provider|network|agency|accountants?|solicitors?|landlord)(?:,| is| was| are)?|(?:bank|insurer|provider|supplier|employer)(?: is|:))\s+(?:the\s+)?/gi
const PLACE_CUE_RE =
  /\b(?:live in|living in|lives in|lived in|based in|located in|moved to|moving to|relocated to|relocating to|near|from the|i'?m in|we'?re in|office in|offices in|store in|shop in|branch in|warehouse in|depot in|hotel in|flat in|house in|home in|flight to|flying to|flew to|travelling to|traveling to|trip to|visiting|stationed in|born in|grew up in|headquartered in|depot at)\s+/gi

const TITLE_RE = /\b(?:mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|lady|lord|mister|madam|madame|mme|mlle|herr|frau|señor|señora|sr|sra|dra)\.?\s+/gi
const STRONG_NAME_CUE_RE =
  /\b(?:my name is|my name's|my names|name is|names are|full name is|full name|name:|first name is|first name:|last name is|last name:|surname is|surname:|i am called|call me|cardholder name:?|account holder:?|account name(?: is|:)?|name on (?:the|my) (?:account|card|booking|order|reservation|ticket|policy)(?: is|:)|payee(?: name)?:|beneficiary(?: name)?:|name on the (?:account|card) is|contact:|contact name:?|bill to:|ship to:|deliver to:|recipient:|booked under|under the name(?: of)?|in the name of|registered to|addressed to|signed,?|for the attention of)\s*[:-]?\s*/gi
const WEAK_NAME_CUE_RE =
  /\b(?:this is|it's|its|it is|i'm|i am|im|speaking with|speak with|speak to|spoke to|spoke with|talked to|talked with|talking to|chatting with|chatted with|ask for|asked for|attn:?|attention:?|cc:?|colleague|manager|supervisor|husband|wife|partner|fiancée?|son|daughter|mother|father|mum|mom|dad|brother|sister|friend|boss|neighbou?r|landlord|landlady|tenant|technician|engineer|courier|driver|nurse|doctor|teacher|agent|advisor|adviser|rep|representative|named|called|with|from|to|and|by|for|let|tell|ask|thank|ping|email|emailed|call|called|text|texted|asked|told|met|cc'd|copying|copied)\s+/gi
const GREETING_RE = /(?:^|[\s(])(?:thank you so much|thank you very much|thanks very much|thanks so much|thanks a lot|thanks again|good morning|good afternoon|good evening|thank you|thank u|love you|miss you|goodbye|congrats|morning|evening|afternoon|welcome|thanks|cheers|hello|hiya|sorry|dear|okay|tysm|hey|thx|bye|hi|yo|ty|ok)[ \t]*,?[ \t]+/gi
const SIGN_OFF_RE =
  /(?:^|[\s.!])(?:thanks|thank you|many thanks|thanks again|cheers|regards|best|best wishes|kind regards|warm regards|warmest regards|all the best|sincerely|yours sincerely|yours faithfully|yours truly|yours|take care|talk soon|ta|thx|love|respectfully|speak soon|with thanks|gratefully)[ \t]*[,.!-]?[ \t]*(?:\r?\n[ \t]*|[ \t]+)/gi
const SPEAKER_RE =
  /^[ \t]*(?:\[[^\]\n]{1,25}\][ \t]*|\(?\d{1,2}:\d{2}(?::\d{2})?(?:[ \t]*[AaPp][Mm])?\)?[ \t]*[-–]?[ \t]*)?([\p{L}][\p{L}'’.-]*(?:[ \t]+[\p{L}][\p{L}'’.-]*){0,2})[ \t]*(?:\(([^)\n]{1,30})\)|[ \t][-–][ \t]([\p{L} ]{2,25}))?[ \t]*:(?!\/)/gmu
const AGENT_ROLE_RE = /^(?:agent|support|support agent|rep|representative|advisor|adviser|operator|assistant|staff|csr|associate|specialist|service|customer service|customer support|helpdesk|help desk|care|team|moderator|admin|technician|engineer|concierge)\b/i
const ROLE_WORDS: ReadonlySet<string> = new Set(
  'agent customer client user support system bot me you note subject from to re date sent cc bcc order address name phone email username caller visitor guest host admin moderator assistant operator representative rep advisor adviser staff manager supervisor team service action info warning error question answer reply response summary update status reason issue problem details'.split(' '),
)
const FROM_HEADER_RE = /^[ \t]*(?:from|to|cc|reply-to)[ \t]*:[ \t]*/gim
const ASKED_FOR_NAME_RE = /\b(?:your|the|full|first|last) (?:full )?name\b|\bwho am i (?:speaking|talking|chatting) (?:to|with)\b|\bwho(?:'s| is) (?:this|speaking|calling)\b|\bcan i (?:get|have|take) (?:a|your) name\b|\bwhat(?:'s| is) your name\b|\bname (?:on|for) the (?:account|order|booking|card)\b/i

/** A capitalised word or one of the NLP's name tags. */
interface Token {
  start: number
  end: number
  text: string
  lower: string
  capitalised: boolean
}

const TOKEN_RE = /[\p{L}][\p{L}\p{M}'’-]*/gu
/** Sticky twin of TOKEN_RE for reading one token at a position (never shares lastIndex with a matchAll). */
const TOKEN_AT_RE = /[\p{L}][\p{L}\p{M}'’-]*/uy
const NAME_PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'bin', 'ibn', 'al', 'el', 'ter', 'ten', 'dos', 'das', 'ap', 'ab', 'ní', 'nic', 'uí', 'bint', 'binti', 'zu', 'af', 'dei', 'degli', 'y'])

function tokenAt(text: string, pos: number): Token | null {
  TOKEN_AT_RE.lastIndex = pos
  const m = TOKEN_AT_RE.exec(text)
  if (!m) return null
  let value = m[0]
  // possessives and trailing hyphens are not part of the name
  value = value.replace(/(?:['’]s|['’-]+)$/u, '')
  if (!value) return null
  return {
    start: pos,
    end: pos + value.length,
    text: value,
    lower: value.toLowerCase(),
    capitalised: /^\p{Lu}/u.test(value) && !(value.length > 1 && value === value.toUpperCase() && !isKnownFirstName(value.toLowerCase())),
  }
}

/** Compromise's tags for each term, keyed by the term's start offset in the whole text. */
type TagIndex = Map<number, ReadonlySet<string>>

interface NlpSpans {
  tags: TagIndex
  people: Array<[number, number]>
  orgs: Array<[number, number]>
  places: Array<[number, number]>
}

const CHUNK_SIZE = 2000

/** A piece of the original text inside the text given to the NLP. */
interface Segment {
  inChunk: number
  inText: number
  length: number
}

interface Chunk {
  text: string
  segments: Segment[]
}

const SENTENCE_END_RE = /\n|(?<![.!?])[.!?]+(?=\s)/g
const CAPITALISED_RE = /\p{Lu}[\p{L}'’-]*/gu

/**
 * Does this sentence hold a word the NLP could take for a name, organisation or place? Sentences
 * made only of everyday words ("The delivery was late.") are skipped: tagging is the slow part.
 */
function worthTagging(sentence: string): boolean {
  const body = sentence.replace(/^\s*(?:\[[^\]]{0,25}\]\s*)?(?:[\p{L} ]{1,25}:\s+)?/u, '')
  const offset = sentence.length - body.length
  let skipUntil = -1
  for (const m of sentence.matchAll(CAPITALISED_RE)) {
    if (m.index < offset || m.index < skipUntil) continue
    const word = m[0].replace(/['’]s$/, '').toLowerCase()
    const first = /^[\s"'“‘(]*$/.test(sentence.slice(offset, m.index))
    if (word === 'i' || /^i['’]/.test(word) || NOT_NAME_WORDS.has(word)) continue
    // a listed first name and the surname after it are found without the NLP ("Priya Raman")
    if (isKnownFirstName(word) && !AMBIGUOUS_FIRST_NAMES.has(word)) {
      const surname = /^[ \t]\p{Lu}[\p{L}'’-]*/u.exec(sentence.slice(m.index + m[0].length))
      skipUntil = m.index + m[0].length + (surname ? surname[0].length : 0)
      continue
    }
    if (!first || !isCommonWord(word)) return true
  }
  return false
}

/** The sentences worth tagging, packed (with a line break between them) into chunks for the NLP. */
function chunksOf(text: string): Chunk[] {
  const selected: Array<[number, number]> = []
  let start = 0
  const consider = (end: number) => {
    if (end > start && worthTagging(text.slice(start, end))) {
      const last = selected[selected.length - 1]
      // neighbouring sentences stay together so the NLP sees their context
      if (last && last[1] === start) last[1] = end
      else selected.push([start, end])
    }
    start = end
  }
  for (const m of text.matchAll(SENTENCE_END_RE)) consider(m.index + m[0].length)
  consider(text.length)

  const chunks: Chunk[] = []
  let current: Chunk = { text: '', segments: [] }
  const flush = () => {
    if (current.segments.length) chunks.push(current)
    current = { text: '', segments: [] }
  }
  for (const [from, to] of selected) {
    for (let pos = from; pos < to; pos += CHUNK_SIZE) {
      const piece = text.slice(pos, Math.min(to, pos + CHUNK_SIZE))
      if (current.text.length + piece.length > CHUNK_SIZE) flush()
      if (current.text) current.text += '\n'
      current.segments.push({ inChunk: current.text.length, inText: pos, length: piece.length })
      current.text += piece
    }
  }
  flush()
  return chunks
}

function toTextOffset(chunk: Chunk, offset: number): number {
  for (const seg of chunk.segments) {
    if (offset >= seg.inChunk && offset <= seg.inChunk + seg.length) return seg.inText + (offset - seg.inChunk)
  }
  return -1
}

interface NlpTerm {
  tags?: string[] | Set<string>
  offset?: { start: number; length: number }
}
interface NlpMatchJson {
  terms?: NlpTerm[]
}

function spansFromMatches(json: NlpMatchJson[], chunk: Chunk, skipHonorifics: boolean): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const match of json) {
    let terms = match.terms ?? []
    if (skipHonorifics) terms = terms.filter((t) => !(Array.isArray(t.tags) ? t.tags : [...(t.tags ?? [])]).includes('Honorific'))
    const first = terms[0]?.offset
    const last = terms[terms.length - 1]?.offset
    if (!first || !last) continue
    const start = toTextOffset(chunk, first.start)
    const end = toTextOffset(chunk, last.start + last.length)
    if (start >= 0 && end > start) out.push([start, end])
  }
  return out
}

function runNlp(text: string): NlpSpans {
  const result: NlpSpans = { tags: new Map(), people: [], orgs: [], places: [] }
  for (const chunk of chunksOf(text)) {
    const doc = nlp(chunk.text)
    doc.compute('offset')
    for (const sentence of doc.docs as unknown as Array<Array<{ tags: Set<string>; offset: { start: number } }>>) {
      for (const term of sentence) {
        const at = toTextOffset(chunk, term.offset.start)
        if (at >= 0) result.tags.set(at, term.tags)
      }
    }
    result.people.push(...spansFromMatches(doc.people().json({ offset: true }) as NlpMatchJson[], chunk, true))
    result.orgs.push(...spansFromMatches(doc.organizations().json({ offset: true }) as NlpMatchJson[], chunk, false))
    result.places.push(...spansFromMatches(doc.places().json({ offset: true }) as NlpMatchJson[], chunk, false))
  }
  return result
}

const FIRST_NAME_TAGS = /^(?:FirstName|MaleName|FemaleName)$/
const SURNAME_SET: ReadonlySet<string> = new Set(SURNAMES)

/** Lower case without diacritics: "garcía" → "garcia", "łukasz" stays (ł is a letter of its own). */
function withoutAccents(lower: string): string {
  return /[^\x00-\x7f]/.test(lower) ? lower.normalize('NFD').replace(/\p{M}/gu, '') : lower
}

/** A family name from our list ("nguyen", "garcía-lópez" counts by its parts). */
export function isKnownSurname(lower: string): boolean {
  const plain = withoutAccents(lower).replace(/['’]/g, "'")
  if (SURNAME_SET.has(plain)) return true
  if (plain.includes('-')) return plain.split('-').every((part) => part.length > 1 && (SURNAME_SET.has(part) || FIRST_NAME_SET.has(part)))
  return false
}

/**
 * Our list of first names, plus the ~3,000 first names in compromise's lexicon that are only names
 * (not "chase", "grant" or "mark", which the lexicon also knows as verbs or nouns).
 */
export function isKnownFirstName(lower: string): boolean {
  if (FIRST_NAME_SET.has(lower)) return true
  // "siobhán", "josé", "zoë": the lists are written without accents
  const plain = withoutAccents(lower)
  if (plain !== lower && FIRST_NAME_SET.has(plain)) return true
  const entry = lexicon[lower]
  if (entry === undefined) return false
  const tags = Array.isArray(entry) ? entry : [entry]
  return tags.some((t) => FIRST_NAME_TAGS.test(t)) && tags.every((t) => NAMEISH_TAGS.test(t))
}

interface Context {
  text: string
  nlp: NlpSpans
  out: Candidate[]
}

function tagsOf(ctx: Context, token: Token): ReadonlySet<string> {
  return ctx.nlp.tags.get(token.start) ?? new Set<string>()
}

const WORD_TAGS = ['Adjective', 'Verb', 'Adverb', 'Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Value', 'Gerund', 'Modal', 'Copula', 'QuestionWord', 'Expression', 'Negative']

/**
 * An everyday word: in the lexicon, or tagged by the NLP as anything but a noun ("National" is an
 * adjective, "Gutted" a verb). The lexicon alone misses many words ("insurance", "national").
 */
function wordish(ctx: Context, token: Token): boolean {
  if (isCommonWord(token.lower)) return true
  const tags = tagsOf(ctx, token)
  return WORD_TAGS.some((t) => tags.has(t))
}

function hasPersonTag(tags: ReadonlySet<string>): boolean {
  return tags.has('Person') || tags.has('FirstName') || tags.has('LastName')
}

/** Could this token be part of a person's name given what we know about it? */
function nameLike(ctx: Context, token: Token, allowLower: boolean): boolean {
  if (NOT_NAME_WORDS.has(token.lower)) return false
  if (!token.capitalised && !allowLower) return false
  if (token.text.length < 2 && !/^\p{Lu}\.?$/u.test(token.text)) return false
  const tags = tagsOf(ctx, token)
  if (tags.has('Date') || tags.has('Month') || tags.has('WeekDay') || tags.has('Pronoun')) return false
  if (!token.capitalised && isCommonWord(token.lower) && !isKnownFirstName(token.lower)) return false
  return true
}

/** "dana", "kev": a lower-case word that can only be a first name (chat is often typed in lower case). */
function lowerCaseFirstName(token: Token): boolean {
  return !token.capitalised && isKnownFirstName(token.lower) && !AMBIGUOUS_FIRST_NAMES.has(token.lower) && !isCommonWord(token.lower) && !NOT_NAME_WORDS.has(token.lower)
}

/** A strong candidate for a first name without any cue. */
function firstNameEvidence(ctx: Context, token: Token): boolean {
  if (!token.capitalised || NOT_NAME_WORDS.has(token.lower)) return false
  if (isKnownFirstName(token.lower) && !AMBIGUOUS_FIRST_NAMES.has(token.lower)) return true
  const tags = tagsOf(ctx, token)
  return tags.has('FirstName') && !isCommonWord(token.lower)
}

/**
 * Reads a run of name tokens starting at pos ("Dana", "Dana Whitfield", "Jan van der Berg").
 * Returns [start, end] or null.
 */
function nameRun(ctx: Context, pos: number, allowLower: boolean, maxTokens = 3): [number, number] | null {
  const { text } = ctx
  let i = pos
  let end = -1
  let count = 0
  while (count < maxTokens) {
    const token = tokenAt(text, i)
    if (!token) break
    const particle = NAME_PARTICLES.has(token.lower) && count > 0
    if (!particle && !nameLike(ctx, token, allowLower)) break
    if (!particle) {
      count++
      end = token.end
    }
    // an initial with a full stop: "J. Smith"
    const initialDot = /^\p{Lu}$/u.test(token.text) && text[token.end] === '.' && text[token.end + 1] === ' '
    if (initialDot) end = token.end + 1
    const after = initialDot ? token.end + 1 : token.end
    // the next token must follow after exactly one space (no line break, no punctuation)
    const gap = /^[ \t]/.exec(text.slice(after, after + 1))
    if (!gap || text.slice(after, after + 2) === '  ') break
    i = after + 1
    // lower-case runs stop at a lower-case word that is a common word ("dana and", "joyce wu here")
    const next = tokenAt(text, i)
    if (!next) break
    // a particle ("van", "ap", "de") may join two capitalised parts: "Rhys ap Iorwerth", "Jan van Dijk"
    const joins = NAME_PARTICLES.has(next.lower) && /^[ \t]\p{Lu}/u.test(text.slice(next.end, next.end + 2))
    if (!next.capitalised && !joins && (!allowLower || isCommonWord(next.lower) || NOT_NAME_WORDS.has(next.lower))) break
  }
  return end > pos ? [pos, end] : null
}

function pushName(ctx: Context, range: [number, number] | null, priority: number, role?: 'agent'): void {
  if (!range) return
  ctx.out.push({ start: range[0], end: range[1], label: 'name', priority, ...(role ? { role } : {}) })
}

function lineEndOf(text: string, index: number): number {
  return lineEndWithin(text, index)
}

/** The speaker of the line at index, if the line starts with "Agent:" or "Dana (customer):". */
function speakerRoleOf(text: string, index: number): 'agent' | 'other' | null {
  const start = lineStartWithin(text, index)
  if (start < 0) return null
  const line = text.slice(start, lineEndWithin(text, start, 80))
  const m = /^[ \t]*(?:\[[^\]]{1,25}\][ \t]*)?([\p{L} ]{1,30}?)[ \t]*(?:\(([^)]{1,30})\))?[ \t]*:/u.exec(line)
  if (!m) return null
  if (AGENT_ROLE_RE.test(m[1].trim()) || (m[2] && AGENT_ROLE_RE.test(m[2].trim()))) return 'agent'
  return 'other'
}

function detectNameCues(ctx: Context, agentTokens: ReadonlySet<string>): void {
  const { text } = ctx

  for (const m of text.matchAll(STRONG_NAME_CUE_RE)) {
    const pos = m.index + m[0].length
    const run = nameRun(ctx, pos, true)
    if (!run) continue
    const role = selfIntroRole(text, m.index, m[0])
    pushName(ctx, run, ENTITY_PRIORITY.nameCue, role)
  }

  for (const m of text.matchAll(WEAK_NAME_CUE_RE)) {
    const pos = m.index + m[0].length
    const first = tokenAt(text, pos)
    if (!first) continue
    if (!first.capitalised) {
      // "hey its jess again", "im darius": lower case only for a listed first name
      if (/^(?:this is|it's|its|it is|i'm|i am|im)\s+$/i.test(m[0]) && lowerCaseFirstName(first)) {
        pushName(ctx, nameRun(ctx, pos, true, 2), ENTITY_PRIORITY.nameCue, selfIntroRole(text, m.index, m[0]))
      } else if (lowerCaseUnknownName(ctx, first, m[0])) {
        // "hi this is mbali, …", "its ruairidh here": a word no dictionary knows, introduced as a name
        pushName(ctx, [first.start, first.end], ENTITY_PRIORITY.nameList, selfIntroRole(text, m.index, m[0]))
      }
      continue
    }
    const run = nameRun(ctx, pos, false)
    if (!run) continue
    const multi = text.slice(run[0], run[1]).includes(' ')
    const tags = tagsOf(ctx, first)
    const cue = m[0].trim().toLowerCase()
    const introduction = /^(?:this is|it's|it is|i'm|i am|im)$/.test(cue)
    const connective = /^(?:with|from|to|and|by|for|let|tell|thank|ping|email|emailed|call|called|text|texted|asked|told|met|named|ask)$/.test(cue)
    const after = text.slice(run[1], run[1] + 12)
    // "Tell Faisal …": after a verb that takes a person, a capitalised word the lexicon does not know is a name
    const unknownWord = lexicon[first.lower] === undefined && !wordish(ctx, first) && !tags.has('Place') && !tags.has('Organization') && !isKnownOrganisationWord(first.text)
    const personVerb = /^(?:tell|let|thank|ping|email|emailed|call|called|text|texted|asked|told|met|named|ask)$/.test(cue)
    const evidence =
      (personVerb && unknownWord) ||
      firstNameEvidence(ctx, first) ||
      (hasPersonTag(tags) && !isCommonWord(first.lower)) ||
      (multi && !isCommonWord(first.lower)) ||
      (!connective && !isCommonWord(first.lower) && (introduction ? /^(?:\s+(?:from|at|here|speaking|with|and|calling|writing|again)\b|[,.!]|\s*$)/.test(after) : true))
    if (!evidence) continue
    if (connective && !firstNameEvidence(ctx, first) && !(hasPersonTag(tags) && !isCommonWord(first.lower)) && !(personVerb && unknownWord)) continue
    // "Agent: you're chatting with Rosalind" — the agent introducing themselves
    const youreWith = /\b(?:you'?re|you are|you'?ve been)\s+(?:now\s+)?(?:chatting|speaking|talking|connected|through)\s*(?:with|to)?\s*$/i.test(text.slice(Math.max(0, m.index - 30), pos))
    const role = introduction || youreWith ? selfIntroRole(text, m.index, 'this is') : undefined
    pushName(ctx, run, introduction ? ENTITY_PRIORITY.nameCue : ENTITY_PRIORITY.nameList, role)
  }

  // "Hi Dana," / "Thanks Tom!" — the person addressed
  for (const m of text.matchAll(GREETING_RE)) {
    const pos = m.index + m[0].length
    const first = tokenAt(text, pos)
    if (!first) continue
    const allowLower = isKnownFirstName(first.lower) && !AMBIGUOUS_FIRST_NAMES.has(first.lower)
    const run = nameRun(ctx, pos, allowLower, 2)
    if (!run) continue
    const after = text.slice(run[1], run[1] + 3)
    const listed = allowLower || firstNameEvidence(ctx, first)
    // "Thanks Ndirangu you've been great": the person addressed, then the rest of the sentence
    const addressed = /^[ \t]+(?:you|for (?:your|the|all|this|that|sorting|helping|getting)|so much|very much|again|x+)\b/i.test(text.slice(run[1], run[1] + 20)) && !wordish(ctx, first)
    if (!listed && !addressed && !/^(?:\s*[,!.:;?)\-–—]|\s*$|\s*\n|\s+(?:and|&)\s)/.test(after)) continue
    if (!first.capitalised && !allowLower) continue
    if (isCommonWord(first.lower) && !firstNameEvidence(ctx, first) && !hasPersonTag(tagsOf(ctx, first))) continue
    pushName(ctx, run, ENTITY_PRIORITY.nameCue)
  }

  // "Thanks for the help Yusra, you're a star": the person thanked at the end of the clause
  for (const m of text.matchAll(/\b(?:thanks|thank you|thank u|cheers)[ \t]+(?:so much[ \t]+|again[ \t]+)?for[ \t]+(?:(?:the|your|all|all the|all your|such)[ \t]+)?(?:quick[ \t]+|kind[ \t]+)?(?:help|patience|time|support|assistance|advice|reply|response|update|info|information|call|chat|sorting (?:that|this|it)(?: out)?|fixing (?:that|this|it)|understanding)[ \t]+(?:today[ \t]+|earlier[ \t]+|again[ \t]+)?(?=\p{Lu})/giu)) {
    const pos = m.index + m[0].length
    const first = tokenAt(text, pos)
    if (!first) continue
    const run = nameRun(ctx, pos, false, 2)
    if (!run || !/^(?:[ \t]*[,.!:)]|[ \t]*$|[ \t]*\n)/.test(text.slice(run[1], run[1] + 3))) continue
    if (!firstNameEvidence(ctx, first) && !personish(ctx, first)) continue
    pushName(ctx, run, ENTITY_PRIORITY.nameCue)
  }

  // "Thanks,\nDana Whitfield" / "Cheers, Tom" — the writer's own name, at the end of a line
  for (const m of text.matchAll(SIGN_OFF_RE)) {
    const pos = m.index + m[0].length
    const run = nameRun(ctx, pos, false, 3)
    if (!run) continue
    const rest = text.slice(run[1], lineEndOf(text, run[1]))
    if (!/^\s*[.!]?\s*$/.test(rest) && !/^\s*[,(|–—-]/.test(rest)) continue
    const first = tokenAt(text, pos)
    if (first && isCommonWord(first.lower) && !firstNameEvidence(ctx, first)) continue
    const role = speakerRoleOf(text, m.index) === 'agent' ? 'agent' : undefined
    pushName(ctx, run, ENTITY_PRIORITY.nameCue, role)
  }

  // "… thats me, kev" — a listed first name after a comma at the very end of a message line
  for (const m of text.matchAll(/,[ \t]*(?=\p{L}[\p{L}'’-]*[ \t]*[.!]?[ \t]*(?:\n|$))/gu)) {
    const pos = m.index + m[0].length
    const first = tokenAt(text, pos)
    if (!first) continue
    if (lowerCaseFirstName(first) || firstNameEvidence(ctx, first)) pushName(ctx, [first.start, first.end], ENTITY_PRIORITY.nameList)
  }

  // agents on social media sign with initials or a first name: "…we'll look into it. ^MK", "-Ben", "*JD"
  for (const m of text.matchAll(/(?:^|\s)[\^*~][ \t]?(\p{Lu}{2,3}|\p{Lu}\p{Ll}+)[ \t]*$/gmu)) {
    const start = m.index + m[0].indexOf(m[1], m[0].search(/[\^*~]/))
    pushName(ctx, [start, start + m[1].length], ENTITY_PRIORITY.nameCue, 'agent')
  }
  for (const m of text.matchAll(/(?:^|\s)[-–—][ \t]?(\p{Lu}{2,3})[ \t]*$/gmu)) {
    const start = m.index + m[0].lastIndexOf(m[1])
    pushName(ctx, [start, start + m[1].length], ENTITY_PRIORITY.nameCue, 'agent')
  }

  // "— Dana" signature at the end of a line
  for (const m of text.matchAll(/(?:^|\s)[-–—~][ \t]?(?=\p{Lu})/gmu)) {
    const pos = m.index + m[0].length
    const run = nameRun(ctx, pos, false, 2)
    if (!run) continue
    if (!/^\s*$/.test(text.slice(run[1], lineEndOf(text, run[1])))) continue
    const first = tokenAt(text, pos)
    if (first && (firstNameEvidence(ctx, first) || hasPersonTag(tagsOf(ctx, first)))) pushName(ctx, run, ENTITY_PRIORITY.nameCue)
  }

  // Mr Okafor, Dr Helen Brooks
  for (const m of text.matchAll(TITLE_RE)) {
    const pos = m.index + m[0].length
    const first = tokenAt(text, pos)
    if (!first) continue
    // "mrs. patel": in lower-case chat a title still announces a surname
    if (!first.capitalised) {
      if (/^\p{Ll}/u.test(m[0]) && !isCommonWord(first.lower) && !NOT_NAME_WORDS.has(first.lower) && first.text.length > 2) pushName(ctx, [first.start, first.end], ENTITY_PRIORITY.nameList)
      continue
    }
    // "Dr" is also "Drive" and "St" is "Street": a title is followed by the name, not a number
    if (/^dr\.?\s+$/i.test(m[0]) && /\d\s*$/.test(text.slice(Math.max(0, m.index - 12), m.index))) continue
    pushName(ctx, nameRun(ctx, pos, false, 2), ENTITY_PRIORITY.nameCue)
  }

  // speaker prefixes: "Dana Whitfield: …", "Tom (Agent): …", "[10:02] Priya: …"
  for (const m of text.matchAll(SPEAKER_RE)) {
    const who = m[1]
    const whoStart = m.index + m[0].indexOf(who)
    const firstWord = who.split(/\s+/)[0].toLowerCase()
    if (ROLE_WORDS.has(firstWord) || NOT_NAME_WORDS.has(firstWord)) continue
    const run = nameRun(ctx, whoStart, false, 3)
    if (!run || run[1] !== whoStart + who.trimEnd().length) continue
    const first = tokenAt(text, whoStart)
    if (!first) continue
    const multi = who.trim().includes(' ')
    const tags = tagsOf(ctx, first)
    if (!(firstNameEvidence(ctx, first) || hasPersonTag(tags) || (multi && !isCommonWord(first.lower)))) continue
    // "National Insurance:", "Delivery Address:" — a form's field label, not a speaker
    if (!firstNameEvidence(ctx, first) && !hasPersonTag(tags) && wordish(ctx, first)) continue
    const roleText = (m[2] ?? m[3] ?? '').trim()
    const role = roleText && AGENT_ROLE_RE.test(roleText) ? 'agent' : agentTokens.has(first.lower) ? 'agent' : undefined
    pushName(ctx, run, ENTITY_PRIORITY.nameCue, role)
  }

  // e-mail headers: "From: Dana Whitfield <dana@…>"
  for (const m of text.matchAll(FROM_HEADER_RE)) {
    const pos = m.index + m[0].length
    pushName(ctx, nameRun(ctx, pos, false, 3), ENTITY_PRIORITY.nameCue)
  }

  // "Benedikt from your team emailed me", "Ruth in accounts"
  for (const m of text.matchAll(/(?<![\p{L}])(\p{Lu}[\p{Ll}'’-]+)[ \t]+(?:from|in|at|on)[ \t]+(?:(?:your|the|our)[ \t]+(?:team|company|office|support|billing|accounts|sales|shop|store|branch|warehouse|call centre|call center|helpdesk|help desk|department|customer service|returns|complaints)|(?:accounts|billing|payroll|returns|complaints|customer services|dispatch|reception|tech support|it support)(?=[ \t]*[,.;!?)]|[ \t]+(?:said|says|told|is|was|will|has|who|and)\b))/gu)) {
    const token = tokenAt(text, m.index)
    if (!token || NOT_NAME_WORDS.has(token.lower) || isCommonWord(token.lower)) continue
    const tags = tagsOf(ctx, token)
    if (tags.has('Place') || tags.has('Organization')) continue
    pushName(ctx, [token.start, token.end], ENTITY_PRIORITY.nameList)
  }

  // "my supervisor, Delroy, said …", "The technician, Bongani, left": a role, a comma, then the person
  for (const m of text.matchAll(APPOSITION_RE)) {
    const pos = m.index + m[0].length
    const first = tokenAt(text, pos)
    if (!first || !first.capitalised || NOT_NAME_WORDS.has(first.lower)) continue
    const run = nameRun(ctx, pos, false, 3)
    if (!run) continue
    if (!/^(?:[ \t]*[,.;!?)]|[ \t]*$|[ \t]*\n|[ \t]+(?:who|from|at|in|on|said|says|told|is|was|has|had|will|would|did|does|promised|called|emailed|rang|left)\b)/.test(text.slice(run[1], run[1] + 12))) continue
    if (!firstNameEvidence(ctx, first) && !personish(ctx, first)) continue
    pushName(ctx, run, ENTITY_PRIORITY.nameList)
  }

  // "Zoltavia was so helpful", "Okello told me …": a word no dictionary knows, doing what people do
  for (const m of text.matchAll(PERSON_VERB_RE)) {
    const first = tokenAt(text, m.index)
    if (!first || !personish(ctx, first)) continue
    const words = m[1].split(/[ \t]+/)
    let end = first.end
    if (words.length > 1) {
      const second = tokenAt(text, first.end + 1)
      if (second && (personish(ctx, second) || isKnownSurname(second.lower))) end = second.end
    }
    pushName(ctx, [first.start, end], ENTITY_PRIORITY.nameList)
  }

  // "Dana here," at the start of a line
  for (const m of text.matchAll(/(?:^|[.!?,][ \t]+)(?:[\p{L} ]{1,20}:[ \t]*)?(?:(?:hi|hello|hey|morning|evening)[,!]?[ \t]+)?(?=\p{L})/gimu)) {
    const pos = m.index + m[0].length
    const first = tokenAt(text, pos)
    if (!first) continue
    const lower = lowerCaseFirstName(first)
    const run = nameRun(ctx, pos, lower, 2)
    if (!run || !/^[ \t]+(?:here|speaking)\b/i.test(text.slice(run[1], run[1] + 10))) continue
    if (!first.capitalised && !lower) continue
    if (isCommonWord(first.lower)) continue
    pushName(ctx, run, ENTITY_PRIORITY.nameCue, selfIntroRole(text, m.index, ''))
  }
}

const APPOSITION_RE =
  /\b(?:supervisor|manager|colleague|technician|engineer|driver|courier|agent|advisor|adviser|rep|representative|husband|wife|partner|son|daughter|mother|father|mum|mom|dad|brother|sister|friend|boss|neighbou?r|landlord|landlady|tenant|nurse|doctor|teacher|assistant|accountant|lawyer|solicitor|caseworker|consultant|installer|plumber|electrician|surveyor|inspector|fitter|team lead(?:er)?|line manager|account manager|director|owner|carer|grandson|granddaughter|grandmother|grandfather|nan|gran|uncle|aunt|aunty|auntie|cousin|niece|nephew|flatmate|roommate|housemate|fiancée?|girlfriend|boyfriend|stepson|stepdaughter|colleague of mine|guy|lady|man|woman|chap|bloke|gentleman)[ \t]*,[ \t]+(?=\p{Lu})/giu
const PERSON_VERB_RE =
  /(?<![\p{L}\p{N}@#_.\/-])(\p{Lu}[\p{Ll}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}'’-]+)?)[ \t]+(?:said|says|told (?:me|us|my)|promised|mentioned|explained|assured (?:me|us)|reckoned|insisted|swore|hung up|was (?:so|very|really|super|extremely|incredibly|absolutely|quite|really really) (?:helpful|kind|rude|lovely|nice|patient|friendly|unhelpful|dismissive|polite|professional|great|brilliant|amazing|understanding)|has been (?:so|very|really|super|incredibly|extremely) (?:helpful|kind|rude|lovely|nice|patient|great|understanding)|(?:emailed|called|phoned|rang|texted|messaged|contacted) (?:me|us|my|back)|asked (?:me|us|for my)|helped (?:me|us)|sorted (?:it|this|me|everything)|is (?:off|on leave|on holiday|away|out of (?:the )?office)|left (?:without|early|me)|never (?:called|rang|replied|emailed|got back|came))\b/gu

/** A capitalised word that is nothing else we know: not a word, place, company, month or title. */
function personish(ctx: Context, token: Token): boolean {
  if (!token.capitalised || NOT_NAME_WORDS.has(token.lower) || token.text.length < 2) return false
  if (isKnownFirstName(token.lower)) return !AMBIGUOUS_FIRST_NAMES.has(token.lower) || hasPersonTag(tagsOf(ctx, token))
  const tags = tagsOf(ctx, token)
  if (tags.has('Place') || tags.has('Organization') || tags.has('Date') || tags.has('Month') || tags.has('WeekDay')) return false
  if (wordish(ctx, token) || isKnownOrganisationWord(token.text) || PLACES_BY_FIRST_WORD.has(token.lower) || SOFTWARE_NAMES.has(token.lower)) return false
  return true
}

/** Apps, assistants and sites that "say" things: "Gmail says the email bounced". */
const SOFTWARE_NAMES = new Set(
  'gmail hotmail outlook yahoo chrome safari firefox edge opera siri alexa cortana bixby trustpilot excel powerpoint onedrive sharepoint icloud itunes whatsapp messenger wordpress windows macos ios android linux ubuntu paypal google youtube spotify netflix kindle fitbit waze citymapper trainline'.split(' '),
)

/** Ways an introduced word is not a name: "i'm gutted", "its sooo slow", "this is ridiculous". */
function lowerCaseUnknownName(ctx: Context, token: Token, cue: string): boolean {
  if (token.capitalised || token.text.length < 3 || token.text.length > 14 || NOT_NAME_WORDS.has(token.lower)) return false
  if (lexicon[token.lower] !== undefined || wordish(ctx, token) || /(.)\1\1/.test(token.lower)) return false
  if (/(?:ed|ing|ly|ful|less|ous|ive|able|ible|ish|est|ness|ment|tion|sion)$/.test(token.lower) || !/^\p{Ll}+$/u.test(token.text)) return false
  const after = ctx.text.slice(token.end, token.end + 24)
  // "this is mbali," / "its ruairidh here" — only "this is"/"it's" (not "i'm", which takes adjectives) may stand before a comma
  const here = /^[ \t]+(?:here|speaking|again|from|calling|writing|messaging)\b/i.test(after)
  // "i'm livid here" — after "i'm" an unknown word is more often a feeling than a name
  if (!/^(?:this is|it's|its|it is)\s+$/i.test(cue)) return false
  return here || /^[ \t]*(?:[,.!]|$|\n)/.test(after)
}

/** A self-introduction on an agent's line ("Agent: Hi, I'm Tom") introduces the agent. */
function selfIntroRole(text: string, cueIndex: number, cue: string): 'agent' | undefined {
  const selfIntro = cue === '' || /\b(?:my name|name is|name's|i'm|i am|im|this is|it's|it is|call me)\b/i.test(cue)
  if (!selfIntro) return undefined
  return speakerRoleOf(text, cueIndex) === 'agent' ? 'agent' : undefined
}

function detectNameList(ctx: Context): void {
  const { text } = ctx
  for (const m of text.matchAll(TOKEN_RE)) {
    const token = tokenAt(text, m.index)
    if (!token) continue
    // chat typed in lower case: "me and ellie both got charged" — only names that are not words
    if (!token.capitalised) {
      const around = text.slice(Math.max(0, token.start - 1), token.start) + text.slice(token.end, token.end + 1)
      if (lowerCaseFirstName(token) && FIRST_NAME_SET.has(token.lower) && token.text.length > 2 && !/[_@.\/\d-]/.test(around)) pushName(ctx, [token.start, token.end], ENTITY_PRIORITY.nameNlp - 2)
      continue
    }
    const tags = tagsOf(ctx, token)
    const known = isKnownFirstName(token.lower)
    const ambiguous = AMBIGUOUS_FIRST_NAMES.has(token.lower)
    const nlpFirst = tags.has('FirstName') && !isCommonWord(token.lower)
    if (!known && !nlpFirst) continue
    if (NOT_NAME_WORDS.has(token.lower) || monthWithDay(text, token)) continue
    const run = nameRun(ctx, token.start, false, 3)
    if (!run) continue
    const multi = run[1] > token.end
    if (ambiguous && !multi && !(tags.has('Person') && !tags.has('Place')) && !midSentenceName(ctx, token)) continue
    if (ambiguous && !multi && followedByCommonNoun(ctx, token)) continue
    if (ambiguous && multi) {
      // "Will Smith" yes, "Will Power" no: the second word must not be a common word
      const second = tokenAt(text, token.end + 1)
      if (!second || isCommonWord(second.lower)) continue
    }
    pushName(ctx, run, ENTITY_PRIORITY.nameList)
  }
}

/** The token just before pos, when one space separates them ("Ji-woo" before "Park"). */
function tokenBefore(text: string, pos: number): Token | null {
  const m = /(?<![\p{L}\p{M}'’-])([\p{L}][\p{L}\p{M}'’-]*) $/u.exec(text.slice(Math.max(0, pos - 40), pos))
  if (!m) return null
  const token = tokenAt(text, pos - 1 - m[1].length)
  return token && token.end === pos - 1 ? token : null
}

/** A capitalised word that may be a given name next to a family name. */
function givenNameLike(ctx: Context, token: Token, strict: boolean): boolean {
  if (!token.capitalised || NOT_NAME_WORDS.has(token.lower)) return false
  const tags = tagsOf(ctx, token)
  if (tags.has('Place') || tags.has('Organization') || tags.has('Date') || tags.has('Month') || tags.has('WeekDay')) return false
  if (isKnownFirstName(token.lower)) return !strict || !AMBIGUOUS_FIRST_NAMES.has(token.lower)
  return !strict && !isCommonWord(token.lower) && !isKnownOrganisationWord(token.text)
}

/**
 * "Ji-woo Park", "Marta García-López", "Nguyen Thi Mai": a listed family name next to another
 * name-like word. A family name that is also a word ("Park", "Hill") needs a listed given name.
 */
function detectSurnamePairs(ctx: Context): void {
  const { text } = ctx
  for (const m of text.matchAll(TOKEN_RE)) {
    if (!/^\p{Lu}/u.test(m[0])) continue
    const token = tokenAt(text, m.index)
    if (!token || !token.capitalised || NOT_NAME_WORDS.has(token.lower) || !isKnownSurname(token.lower)) continue
    const everyday = isCommonWord(token.lower)
    const prev = tokenBefore(text, token.start)
    if (prev && givenNameLike(ctx, prev, everyday)) {
      const first = tokenBefore(text, prev.start)
      const start = first && isKnownFirstName(first.lower) && first.capitalised && !AMBIGUOUS_FIRST_NAMES.has(first.lower) ? first.start : prev.start
      pushName(ctx, [start, token.end], ENTITY_PRIORITY.nameList)
      continue
    }
    if (everyday || lexicon[token.lower] !== undefined) continue
    // family name first: "Nguyen Thi Mai", "Kim Ji-woo"
    const next = text[token.end] === ' ' ? tokenAt(text, token.end + 1) : null
    if (!next || !givenNameLike(ctx, next, false)) continue
    const run = nameRun(ctx, token.start, false, 3)
    if (run && run[1] > token.end) pushName(ctx, run, ENTITY_PRIORITY.nameList)
  }
}

const MONTH_NAMES = new Set(['may', 'june', 'april', 'august', 'jan', 'march'])

/** "1 June", "June 3rd": a month with a day next to it is a date, not a person. */
function monthWithDay(text: string, token: Token): boolean {
  if (!MONTH_NAMES.has(token.lower)) return false
  return /\d(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?$/i.test(text.slice(Math.max(0, token.start - 8), token.start)) || /^[ \t]+\d/.test(text.slice(token.end, token.end + 3))
}
const NOT_PEOPLE_AMBIGUOUS = new Set(['alexa', 'max', 'chase', 'phoenix', 'austin', 'dallas', 'sydney', 'georgia', 'virginia', 'victoria', 'jordan', 'chelsea', 'charlotte', 'florence', 'madison', 'destiny', 'harmony', 'sky', 'art', 'norm', 'will', 'summer', 'autumn', 'guy', 'rich', 'hope', 'page', 'drew', 'grant', 'mark', 'bill', 'pat', 'rob', 'sue', 'frank', 'jack', 'sandy', 'don', 'lee', 'ray', 'miles', 'wade', 'parker', 'hunter', 'pearl', 'penny', 'joy', 'faith', 'patience', 'kay', 'jan', 'herb', 'reg', 'nat', 'del', 'sal', 'si', 'mo'])

/** "…your membership level Crystal?": a capitalised first name in the middle of a lower-case sentence. */
function midSentenceName(ctx: Context, token: Token): boolean {
  if (MONTH_NAMES.has(token.lower) || NOT_PEOPLE_AMBIGUOUS.has(token.lower)) return false
  const tags = tagsOf(ctx, token)
  if (tags.has('Place') || tags.has('Organization') || tags.has('Date')) return false
  const before = ctx.text.slice(Math.max(0, token.start - 20), token.start)
  if (!/[a-z][a-z,]*[ \t]+$/.test(before)) return false
  const after = ctx.text.slice(token.end, token.end + 3)
  return /^(?:[?!.,;:)]|\s*$|\s+[a-z])/.test(after)
}

/** "Grace period", "Rose gold": an ambiguous name followed by a lower-case noun is that noun phrase. */
function followedByCommonNoun(ctx: Context, token: Token): boolean {
  const next = tokenAt(ctx.text, token.end + 1)
  if (!next || next.capitalised || ctx.text[token.end] !== ' ') return false
  const tags = tagsOf(ctx, next)
  return tags.has('Noun') && !tags.has('Pronoun') && !tags.has('Verb')
}

/** A message that is nothing but a name ("Crystal Minh"), or the answer to "may I have your name?". */
function detectNameLines(ctx: Context): void {
  const { text } = ctx
  let lineStart = 0
  let previous = ''
  while (lineStart <= text.length) {
    // walking forward line by line: the true line end (linear overall)
    const newline = text.indexOf('\n', lineStart)
    const lineEnd = newline === -1 ? text.length : newline
    const line = text.slice(lineStart, lineEnd)
    const m = /^([ \t]*(?:[A-Za-z]{2,12}[ \t]*:[ \t]*)?)([\p{L}][\p{L}'’.-]*(?:[ \t]+[\p{L}][\p{L}'’.-]*){0,3})[ \t]*[.!]?[ \t]*$/u.exec(line)
    if (m) {
      const pos = lineStart + m[1].length
      const first = tokenAt(text, pos)
      const asked = ASKED_FOR_NAME_RE.test(previous)
      if (first && !NOT_NAME_WORDS.has(first.lower)) {
        const words = m[2].trim().split(/\s+/)
        const tags = tagsOf(ctx, first)
        const listed = isKnownFirstName(first.lower)
        const plausible =
          (asked && words.length <= 4 && !isCommonWord(first.lower)) ||
          (words.length >= 2 && words.length <= 3 && (listed || hasPersonTag(tags)) && words.every((w) => !NOT_NAME_WORDS.has(w.toLowerCase()))) ||
          (words.length === 1 && listed && !AMBIGUOUS_FIRST_NAMES.has(first.lower) && first.capitalised)
        if (plausible) {
          const run = nameRun(ctx, pos, true, 4)
          if (run) pushName(ctx, run, ENTITY_PRIORITY.nameCue)
        }
      }
    }
    // a signature line made of an initial and a surname: "E. Tadesse", "J Smith"
    const initial = /^[ \t]*(\p{Lu}\.?(?:[ \t]?\p{Lu}\.)?[ \t]+\p{Lu}\p{Ll}[\p{L}'’-]+)[ \t]*$/u.exec(line)
    if (initial) {
      const start = lineStart + line.indexOf(initial[1])
      const surname = initial[1].split(/\s+/).pop() as string
      if (!isCommonWord(surname.toLowerCase()) && !NOT_NAME_WORDS.has(surname.toLowerCase())) pushName(ctx, [start, start + initial[1].length], ENTITY_PRIORITY.nameCue)
    }
    if (line.trim()) previous = line
    lineStart = lineEnd + 1
  }
}

function detectNlpPeople(ctx: Context): void {
  const { text } = ctx
  for (const [start, end] of ctx.nlp.people) {
    const first = tokenAt(text, start)
    if (!first || monthWithDay(text, first)) continue
    const run = nameRun(ctx, start, false, 4)
    if (!run) continue
    const value = text.slice(run[0], Math.min(run[1], end))
    if (!value) continue
    const tokens = value.split(/\s+/)
    // a lone common word that compromise took for a person ("Will", "Chase") needs more evidence
    if (tokens.length === 1 && isCommonWord(first.lower) && !isKnownFirstName(first.lower)) continue
    if (tokens.length === 1 && AMBIGUOUS_FIRST_NAMES.has(first.lower) && !hasPersonTag(tagsOf(ctx, first))) continue
    if (tokens.length === 1 && AMBIGUOUS_FIRST_NAMES.has(first.lower) && followedByCommonNoun(ctx, first)) continue
    pushName(ctx, [run[0], run[0] + value.length], ENTITY_PRIORITY.nameNlp)
  }
}

/** A run of capitalised words for an organisation or place ("Brightwater Logistics", "New York"). */
function capitalisedRun(text: string, pos: number, maxTokens = 4, place = false): [number, number] | null {
  let i = pos
  let end = -1
  let count = 0
  while (count < maxTokens) {
    const token = tokenAt(text, i)
    if (!token) break
    const joiner = (token.lower === 'of' || token.lower === 'the' || token.lower === 'de') && count > 0
    if (!joiner) {
      if (!token.capitalised && !/^\p{Lu}/u.test(token.text)) break
      if (NOT_NAME_WORDS.has(token.lower) && count === 0 && !(place && /^(?:new|north|south|east|west|saint|st|san|santa|los|las|le|la)$/.test(token.lower))) break
      count++
      end = token.end
    }
    const rest = text.slice(token.end, token.end + 3)
    const amp = /^ & /.exec(rest)
    if (amp) {
      i = token.end + 3
      continue
    }
    if (!/^ \S/.test(rest)) break
    i = token.end + 1
  }
  return end > pos ? [pos, end] : null
}

/** "Kavya Iyer", "Imogen Achebe": a listed given name followed by capitalised words that are not a company's. */
function looksLikePersonRun(ctx: Context, run: [number, number]): boolean {
  const value = ctx.text.slice(run[0], run[1])
  const words = value.split(/\s+/)
  if (words.length < 2 || words.length > 3) return false
  const first = tokenAt(ctx.text, run[0])
  if (!first || !isKnownFirstName(first.lower) || AMBIGUOUS_FIRST_NAMES.has(first.lower)) return false
  const last = words[words.length - 1]
  if (new RegExp(`^(?:${ORG_SUFFIXES})$`).test(last) || isKnownOrganisationWord(last)) return false
  return words.slice(1).every((w) => isKnownSurname(w.toLowerCase()) || !isCommonWord(w.toLowerCase()))
}

/** Words that look like organisations but are departments, payment brands or technical acronyms. */
const NOT_ORGANISATIONS: ReadonlySet<string> = new Set(
  `billing, sales, accounts, finance, marketing, operations, ops, returns, dispatch, logistics, warehouse, it, hr, legal,
  compliance, security, engineering, tech support, customer service, customer support, customer care, care team, helpdesk,
  help desk, front desk, reception, payroll, procurement, purchasing, facilities, admin, management, the team, visa,
  mastercard, master card, amex, american express, maestro, apple pay, google pay, samsung pay, credit, debit, vpn, isp,
  dns, ssl, tls, sim, esim, pin, otp, 2fa, mfa, sso, crm, erp, pos, atm, gps, sms, mms, ssd, hdd, ram, cpu, gpu, os, ios,
  pc, mac, tv, dvd, nfc, qr, faq, kyc, vat, gst, pdf, csv, url, www, html, ceo, cfo, cto, coo, nhs, irs, hmrc, dvla,
  bluetooth, wifi, wi-fi, usb, hdmi, lte, 4g, 5g, national insurance, social security, wan, lan, cvv, cvc, cv2, bsn, iban,
  bic, swift, sort code, ssn, sin, dob, eta, rma, po, ups store`
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean),
)

function notAnOrganisation(text: string, start: number, end: number, company = false): boolean {
  const value = text.slice(start, end).toLowerCase().replace(/[.,]+$/, '')
  if (NOT_ORGANISATIONS.has(value)) return true
  const nextWord = /^[ \t]+([\p{L}]+)/u.exec(text.slice(end, end + 20))?.[1]?.toLowerCase()
  if (nextWord && NOT_ORGANISATIONS.has(`${value} ${nextWord}`)) return true
  // a company's card is still the company ("my Monzo card"); a scheme's is not ("Visa card")
  if (company) return false
  // "NHS number", "Visa card": the name of a scheme, not a company being talked about
  return /^[ \t]+(?:number|no\.?|card|account number)\b/i.test(text.slice(end, end + 16))
}

/** Known company names by their first word, longest first. */
const ORGS_BY_FIRST_WORD = new Map<string, string[]>()
const ONE_WORD_ORGS = new Set<string>()
for (const name of ORGANISATION_NAMES) {
  const first = tokenAt(name, 0)
  if (!first) continue
  const list = ORGS_BY_FIRST_WORD.get(first.lower) ?? []
  list.push(name)
  list.sort((a, b) => b.length - a.length)
  ORGS_BY_FIRST_WORD.set(first.lower, list)
  if (!/\s/.test(name)) ONE_WORD_ORGS.add(name)
}

/** Is this word, as written, one of the companies we know ("Monzo", "HSBC")? */
function isKnownOrganisationWord(word: string): boolean {
  return ONE_WORD_ORGS.has(word)
}

const ORG_CONTEXT_BEFORE_RE =
  /\b(?:my|our|his|her|their|from|at|with|via|through|using|called|emailed|contacted|rang|phoned|switched to|switching to|moved to|moving to|joined|left|bank(?:s|ed)? with|ordered from|bought from|paid (?:via|with|through|by)|charged by|billed by|customer of|account with|signed up (?:to|with|for)|insured with)[ \t]+(?:the[ \t]+)?$/i
const ORG_CONTEXT_AFTER_RE =
  /^(?:['’]s)?[ \t]+(?:account|accounts|card|credit card|debit card|app|order|orders|store|stores|shop|branch|bank|customer service|customer support|support|helpline|delivery|driver|courier|broadband|mobile|contract|bill|engineer|refund|statement|gift card|voucher|subscription|membership|rewards|points|website|site|says|said|won't|wont|will not|charged|sent|refused|declined|told|cancelled|canceled|refunded|emailed|texted|called|keeps|kept|lost|delivered|took|has|have|had)\b/i

/**
 * Companies from our list (organisation-names.ts). A name that is also a word, a place or a
 * product ("Sky", "Next", "Halifax") needs a hint around it: "my Sky account", "switched to Three",
 * "Halifax has sent the funds".
 */
function detectKnownOrganisations(ctx: Context): void {
  const { text, out } = ctx
  for (const m of text.matchAll(TOKEN_RE)) {
    const token = tokenAt(text, m.index)
    if (!token) continue
    const names = ORGS_BY_FIRST_WORD.get(token.lower)
    if (!names) continue
    for (const name of names) {
      const written = text.slice(token.start, token.start + name.length)
      const exact = written === name
      const lower = written === written.toLowerCase() && written.toLowerCase() === name.toLowerCase()
      const ambiguous = AMBIGUOUS_ORGANISATIONS.has(name.toLowerCase())
      if (!exact && !(lower && !ambiguous && name.length >= 5 && /\p{Ll}/u.test(name))) continue
      const end = token.start + name.length
      if (/^[\p{L}\p{N}]/u.test(text.slice(end, end + 1)) || /^[.-][\p{L}\p{N}]/u.test(text.slice(end, end + 2))) continue
      if (text[token.start - 1] === '@' || text[token.start - 1] === '.' || text[token.start - 1] === '/') continue
      if (notAnOrganisation(text, token.start, end, true)) break
      if (ambiguous) {
        // "my Samsung Galaxy", "Google Pixel": the maker of a product
        if (/^[ \t]+\p{Lu}/u.test(text.slice(end, end + 3))) break
        const before = text.slice(Math.max(0, token.start - 30), token.start)
        const after = text.slice(end, end + 30)
        if (!ORG_CONTEXT_BEFORE_RE.test(before) && !ORG_CONTEXT_AFTER_RE.test(after)) break
        // "Chase is my son": a first name before a verb is a person
        if (!ORG_CONTEXT_BEFORE_RE.test(before) && isKnownFirstName(token.lower)) break
      }
      out.push({ start: token.start, end, label: 'organization', priority: ENTITY_PRIORITY.orgKnown })
      break
    }
  }
}

/** Product names that look like companies before "account" or "app": "my Kindle account", "the Android app". */
const PRODUCT_WORDS = new Set('android ios iphone ipad ipod kindle alexa echo chromebook macbook imac windows linux galaxy pixel surface firestick roku fire switch airpods watch prime premium plus pro basic gold silver bronze platinum family business student'.split(' '))

/** "my Revolut card", "our Xero account", "the Bloomfield app": an unknown capitalised word before a product of a company. */
function detectOrganisationsBeforeProducts(ctx: Context): void {
  const { text, out } = ctx
  const re = /\b(?:my|our|your|his|her|their|the|a|an)[ \t]+(\p{Lu}[\p{L}\p{N}&'’.-]*(?:[ \t]+\p{Lu}[\p{L}\p{N}&'’.-]*)?)[ \t]+(?:account|bank account|savings account|current account|card|credit card|debit card|app|online banking|mortgage|loan|policy|subscription|membership|contract|broadband|router|statement|rewards|gift card|voucher|store card|loyalty card|customer service|customer support|helpline|rep|engineer|courier|driver|delivery driver)\b/gu
  for (const m of text.matchAll(re)) {
    const start = m.index + m[0].indexOf(m[1])
    const end = start + m[1].length
    const words = m[1].split(/[ \t]+/)
    const first = words[0].toLowerCase()
    if (words.some((w) => PRODUCT_WORDS.has(w.toLowerCase()) || NOT_NAME_WORDS.has(w.toLowerCase()))) continue
    if (words.every((w) => isCommonWord(w.toLowerCase().replace(/['’]s$/, '')))) continue
    if (isKnownFirstName(first) && words.length === 1) continue
    const isPlace = ctx.nlp.places.some(([s, e]) => s <= start && e >= end) || PLACES_BY_FIRST_WORD.has(first)
    if (isPlace || notAnOrganisation(text, start, end, true)) continue
    out.push({ start, end, label: 'organization', priority: ENTITY_PRIORITY.orgCue })
  }
}

const COMMERCE_BEFORE_RE =
  /\b(?:bought|buy|ordered|order|orders|purchased|purchase|got|received|refund|refunded|refunds|delivery|delivered|parcel|package|letter|e-?mail|emails|invoice|invoices|charge|charged|charges|bill|billed|quote|text|texts|message|offer|voucher|tickets?|shop|shopped|shopping|paid|pay|stayed|booked|booking|subscription|membership|account|loan|mortgage|card|statement|contract|engineer|technician|courier|driver|rep|salesman|someone|somebody|letters|calls?|called)\b[^.!?\n]{0,20}$/i

/**
 * "a refund from Tillyard", "I bought it at Halverson's": after "from"/"at", a capitalised word that
 * is not a word, a person's name, a place or a product is most often a company. Weak: any other
 * finding (a place, a name) wins.
 */
function detectOrganisationsAfterAtFrom(ctx: Context): void {
  const { text, out } = ctx
  for (const m of text.matchAll(/(?<![\p{L}])(?:from|at)[ \t]+(?=\p{Lu})/gu)) {
    // something bought, billed or sent: "a refund from X", "bought it at X" (not "the flight from Gatwick")
    if (!COMMERCE_BEFORE_RE.test(text.slice(Math.max(0, m.index - 30), m.index))) continue
    const pos = m.index + m[0].length
    const first = tokenAt(text, pos)
    if (!first || !personish(ctx, first) || isKnownFirstName(first.lower) || isKnownSurname(first.lower) || SOFTWARE_NAMES.has(first.lower)) continue
    const run = capitalisedRun(text, pos, 3)
    if (!run) continue
    if (/^[ \t]*\d/.test(text.slice(run[1], run[1] + 3))) continue
    if (ctx.nlp.places.some(([s, e]) => s < run[1] && run[0] < e) || notAnOrganisation(text, run[0], run[1])) continue
    out.push({ start: run[0], end: run[1], label: 'organization', priority: ENTITY_PRIORITY.placeNlp - 1 })
  }
}

function detectOrganisations(ctx: Context): void {
  const { text, out } = ctx
  detectKnownOrganisations(ctx)
  detectOrganisationsBeforeProducts(ctx)
  detectOrganisationsAfterAtFrom(ctx)
  for (const m of text.matchAll(ORG_SUFFIX_RE)) {
    let start = m.index
    let value = m[0]
    const lead = /^(?:(?:the|and|of|de|du|van|we'?re|we are|we|i'?m|i|you'?re|they'?re|it'?s|its|my|your|our|their|his|her|a|an|this|that|at|with|from|for|to|by)\s+)+/i.exec(value)
    if (lead) {
      start += lead[0].length
      value = value.slice(lead[0].length)
    }
    const firstWord = value.split(/\s+/)[0].toLowerCase()
    if (NOT_NAME_WORDS.has(firstWord) && !/\s\S+\s/.test(value)) continue
    // "3 Willow Bank", "12 Mill Park": a house number makes it a street
    if (/^\d/.test(value) || /\d[ \t]*,?[ \t]*$/.test(text.slice(Math.max(0, start - 6), start))) continue
    if (/^(?:my|your|our|their|his|her|a|an|this|that|new|old)$/i.test(firstWord)) continue
    // "Bramblewood Interiors Ltd": a legal form after the first suffix belongs to the name
    const legal = /^,?[ \t]+(?:Ltd\.?|Limited|Inc\.?|LLC|LLP|PLC|plc|GmbH|AG|AB|BV|NV|Pty|Co\.|Corp\.?|SA|S\.A\.)(?![\p{L}])/u.exec(text.slice(start + value.length, start + value.length + 12))
    if (legal) value += legal[0]
    if (notAnOrganisation(text, start, start + value.length)) continue
    // "Location Services", "Payment Solutions": a generic suffix after everyday words is a label, not a company
    const words = value.split(/\s+/)
    const suffix = words[words.length - 1]
    const prefix = words.slice(0, -1).filter((w) => /^\p{Lu}/u.test(w))
    const strongSuffix = /^(?:Inc\.?|Incorporated|AB|Oy|ApS|SpA|S\.p\.A\.|Srl|S\.r\.l\.|Bhd|KG|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|PLC|plc|GmbH|AG|S\.A\.|SA|SAS|SARL|BV|B\.V\.|NV|N\.V\.|Pty|Co\.|Corp\.?|Corporation)$/.test(suffix)
    const distinctive = prefix.some((w) => !isCommonWord(w.toLowerCase().replace(/['’]s$/, ''))) || prefix.length >= 2 || value.includes('&')
    if (!strongSuffix && !distinctive) continue
    // "Leamington Spa", "Chelmsford Park": a town's name before a generic word is a place
    if (!strongSuffix && prefix.length === 1 && PLACES_BY_FIRST_WORD.has(prefix[0].toLowerCase()) && /^(?:Spa|Park|Centre|Center|Airport|Station|Hospital|College|University|Council)$/.test(suffix)) continue
    out.push({ start, end: start + value.length, label: 'organization', priority: ENTITY_PRIORITY.orgSuffix })
  }
  for (const m of text.matchAll(ORG_OF_RE)) out.push({ start: m.index, end: m.index + m[0].length, label: 'organization', priority: ENTITY_PRIORITY.orgSuffix })
  for (const m of text.matchAll(ORG_CUE_RE)) {
    const pos = m.index + m[0].length
    const run = capitalisedRun(text, pos)
    if (!run) continue
    const first = tokenAt(text, pos)
    if (!first || NOT_NAME_WORDS.has(first.lower)) continue
    // "on behalf of Kavya Iyer", "my solicitor, Imogen Achebe": a person, not a company
    if (looksLikePersonRun(ctx, run)) continue
    const isPlace = ctx.nlp.places.some(([s, e]) => s <= run[0] && e >= run[1])
    if (notAnOrganisation(text, run[0], run[1])) continue
    out.push({ start: run[0], end: run[1], label: isPlace ? 'place' : 'organization', priority: ENTITY_PRIORITY.orgCue })
    // "switched from Barclays to Monzo", "we use Xero and Stripe"
    const more = /^[ \t]*(?:,|and|or|to|&)[ \t]+(?:then[ \t]+)?(?=\p{Lu})/u.exec(text.slice(run[1], run[1] + 12))
    if (more) {
      const next = capitalisedRun(text, run[1] + more[0].length)
      const nextFirst = next && tokenAt(text, next[0])
      if (next && nextFirst && !NOT_NAME_WORDS.has(nextFirst.lower) && !notAnOrganisation(text, next[0], next[1])) {
        const nextIsPlace = ctx.nlp.places.some(([s, e]) => s <= next[0] && e >= next[1])
        out.push({ start: next[0], end: next[1], label: nextIsPlace ? 'place' : 'organization', priority: ENTITY_PRIORITY.orgCue })
      }
    }
  }
  for (const [start, end] of ctx.nlp.orgs) {
    const run = capitalisedRun(text, start)
    if (!run) continue
    const value = text.slice(start, Math.min(end, run[1]))
    if (!value || NOT_NAME_WORDS.has(value.toLowerCase())) continue
    if (notAnOrganisation(text, start, start + value.length)) continue
    // "WAN", "CVV", "BSN": short capitals are technical terms unless we know the company
    if (/^[A-Z0-9&]{2,4}$/.test(value) && !isKnownOrganisationWord(value)) continue
    // "Samsung Galaxy", "Microsoft Teams", "Google Chrome": the brand of a product, not a party to the conversation
    if (/^[ \t]+\p{Lu}/u.test(text.slice(start + value.length, start + value.length + 3))) continue
    // "Location Services": everyday words with capitals are a menu item, not a company
    if (value.split(/\s+/).every((w) => isCommonWord(w.toLowerCase()))) continue
    out.push({ start, end: start + value.length, label: 'organization', priority: ENTITY_PRIORITY.orgNlp })
  }
}

function detectPlaces(ctx: Context): void {
  const { text, out } = ctx
  for (const m of text.matchAll(PLACE_CUE_RE)) {
    const pos = m.index + m[0].length
    const run = capitalisedRun(text, pos, 3)
    if (!run) continue
    const first = tokenAt(text, pos)
    if (!first || NOT_NAME_WORDS.has(first.lower) || isCommonWord(first.lower)) continue
    out.push({ start: run[0], end: run[1], label: 'place', priority: ENTITY_PRIORITY.placeCue })
  }
  for (const [start, end] of ctx.nlp.places) {
    // "Ottawa, Canada" is two places
    let pos = start
    while (pos < end) {
      const run = capitalisedRun(text, pos, 4, true)
      if (!run) break
      const value = text.slice(pos, Math.min(end, run[1]))
      if (value && !NOT_NAME_WORDS.has(value.toLowerCase())) out.push({ start: pos, end: pos + value.length, label: 'place', priority: ENTITY_PRIORITY.placeNlp })
      const comma = /^,[ \t]*/.exec(text.slice(run[1], end))
      if (!comma) break
      pos = run[1] + comma[0].length
    }
  }
  detectGazetteerPlaces(ctx)
}

/** Towns the NLP does not know, from our list (see place-names.ts). */
const PLACES_BY_FIRST_WORD = new Map<string, string[][]>()
for (const name of PLACE_NAMES) {
  const words = name.split(' ')
  const list = PLACES_BY_FIRST_WORD.get(words[0]) ?? []
  list.push(words)
  list.sort((a, b) => b.length - a.length)
  PLACES_BY_FIRST_WORD.set(words[0], list)
}
const PLACE_PREPOSITION_RE = /\b(?:in|from|near|to|at|of|outside|around|visiting|via|into|towards)[ \t]+$/i

function detectGazetteerPlaces(ctx: Context): void {
  const { text, out } = ctx
  for (const m of text.matchAll(TOKEN_RE)) {
    const first = tokenAt(text, m.index)
    if (!first || !first.capitalised) continue
    const candidates = PLACES_BY_FIRST_WORD.get(first.lower)
    if (!candidates) continue
    for (const words of candidates) {
      let end = first.end
      let ok = true
      for (const word of words.slice(1)) {
        const next = tokenAt(text, end + 1)
        if (text[end] !== ' ' || !next || !next.capitalised || next.lower !== word) {
          ok = false
          break
        }
        end = next.end
      }
      if (!ok) continue
      // "Bath", "Reading", "Preston": everyday words and surnames need "in/from/near …" before them
      const single = words.length === 1
      const ambiguous = single && (isCommonWord(first.lower) || isKnownFirstName(first.lower) || lexiconHas(first.lower, 'LastName'))
      if (ambiguous && !PLACE_PREPOSITION_RE.test(text.slice(Math.max(0, first.start - 12), first.start))) break
      out.push({ start: first.start, end, label: 'place', priority: ENTITY_PRIORITY.placeNlp })
      break
    }
  }
}

function lexiconHas(lower: string, tag: string): boolean {
  const entry = lexicon[lower]
  return entry !== undefined && (Array.isArray(entry) ? entry.includes(tag) : entry === tag)
}

/** A name that the "Name from Company" phrasing introduces: "Dana from Northwind Bank". */
function detectFromAfterNames(ctx: Context): void {
  const { text, out } = ctx
  const names = out.filter((c) => c.label === 'name')
  for (const name of names) {
    const m = /^[ \t]+(?:from|at|with)[ \t]+(?:the[ \t]+)?/i.exec(text.slice(name.end, name.end + 12))
    if (!m) continue
    const pos = name.end + m[0].length
    const run = capitalisedRun(text, pos)
    if (!run) continue
    const first = tokenAt(text, pos)
    if (!first || NOT_NAME_WORDS.has(first.lower)) continue
    const isPlace = ctx.nlp.places.some(([s, e]) => s <= run[0] && e >= run[1])
    if (notAnOrganisation(text, run[0], run[1])) continue
    out.push({ start: run[0], end: run[1], label: isPlace ? 'place' : 'organization', priority: ENTITY_PRIORITY.orgCue })
  }
}

export interface EntityOptions {
  /** Lower-cased name tokens of the agent(s), from the `agentNames` option. */
  agentTokens: ReadonlySet<string>
}

export function detectEntities(text: string, options: EntityOptions): Candidate[] {
  const ctx: Context = { text, nlp: runNlp(text), out: [] }
  detectNameCues(ctx, options.agentTokens)
  detectNameList(ctx)
  detectNameLines(ctx)
  detectNlpPeople(ctx)
  detectSurnamePairs(ctx)
  detectFromAfterNames(ctx)
  detectOrganisations(ctx)
  detectPlaces(ctx)
  return ctx.out
}

export type { PiiLabel }
