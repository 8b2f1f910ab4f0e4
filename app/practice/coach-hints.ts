// Client-safe: coach hints are small, transparent text checks that run live in the reply box and
// once more on submit (stored on the reply). They only ever suggest: they never block a reply and
// never feed a score — people judge empathy, not the machine.

export type CoachHintId =
  | 'acknowledge'
  | 'thanks'
  | 'blame'
  | 'next-step'
  | 'known-info'
  | 'jargon'
  | 'shouting'

export interface CoachHint {
  id: CoachHintId
  title: string
  /** One sentence on why it matters to the customer. */
  why: string
  /** The words or sentence that triggered the hint, when there is one to point at. */
  evidence?: string[]
}

/** What the reply box knows about the situation: the scenario's facts and conversation. */
export interface HintContext {
  channel?: string
  customerName?: string
  context?: readonly string[]
  conversation?: ReadonlyArray<{ role: string; text: string }>
}

export const COACH_HINTS: Record<CoachHintId, { title: string; why: string }> = {
  acknowledge: {
    title: 'Acknowledge how they feel',
    why: 'A customer who feels heard can listen to the rest; name what happened to them before you fix it.',
  },
  thanks: {
    title: 'Say thank you',
    why: 'Thanking someone for their patience, their report or their loyalty tells them their effort was noticed.',
  },
  blame: {
    title: 'Blame or hiding behind policy',
    why: 'Phrases that point at the customer or at a rule close the conversation instead of owning the problem.',
  },
  'next-step': {
    title: 'Say what happens next, and when',
    why: 'Without a concrete next step and a time, the customer is left to wonder and to chase us.',
  },
  'known-info': {
    title: 'Asking for what we already know',
    why: 'Asking a customer to repeat details we hold makes them do our work and shows we did not read.',
  },
  jargon: {
    title: 'Jargon',
    why: 'Internal words make the customer translate; plain words sound like a person who cares.',
  },
  shouting: {
    title: 'Capitals or many exclamation marks',
    why: 'Capitals and stacked exclamation marks read as shouting or forced cheer, especially to someone upset.',
  },
}

const ACKNOWLEDGE = [
  /\bsorry\b/i,
  /\bapologi[sz]e/i,
  /\bI (completely |totally |really )?(understand|can see|can imagine|hear you|get it|know how)\b/i,
  /\bthat (must|sounds|would)\b/i,
  /\b(must|will) (have been|be) (so |really |very )?(frustrating|stressful|worrying|upsetting|awful|annoying|hard|difficult|disappointing)/i,
  /\bfrustrat/i,
  /\bworr(y|ied|ying)\b/i,
  /\bdisappoint/i,
  /\bupset/i,
  /\bstressful\b/i,
  /\bwhat a (pain|shame|mess|relief|week|day)\b/i,
  /\bthat'?s? (not ok|not okay|not good enough|not right|unacceptable|awful|terrible)\b/i,
  /\bwe (let you down|got (this|it) wrong|made a mistake|messed up)\b/i,
  /\byou'?re right\b/i,
  /\bcongratulations\b/i,
  /\b(great|lovely|wonderful|glad) to hear\b/i,
]

const THANKS = /\b(thank|thanks|thx|grateful|appreciate)/i

const BLAME: RegExp[] = [
  /\bas per (our|the|company) polic(y|ies)\b/i,
  /\b(per|under|due to|according to|in line with) (our|the|company) polic(y|ies)\b/i,
  /\bour polic(y|ies) (is|are|states?|says?|does not|doesn't)\b/i,
  /\byou should have\b/i,
  /\byou (should|ought to) (not )?have\b/i,
  /\byou (failed|forgot|neglected) to\b/i,
  /\bunfortunately,? there is nothing\b/i,
  /\bthere is nothing (we|I) can do\b/i,
  /\bnothing (we|I) can do\b/i,
  /\b(that|this) is not our (fault|responsibility|problem)\b/i,
  /\bnot our (fault|responsibility)\b/i,
  /\bout(side)?( of)? our control\b/i,
  /\bas (previously|already) (stated|mentioned|explained)\b/i,
  /\bas stated\b/i,
  /\bthe system (won'?t|does not|doesn't|can'?t|cannot) (allow|let)\b/i,
  /\bwe are unable to\b/i,
]

// A time frame: a day, a clock time, a span, or a date-ish word.
const TIME_FRAME = [
  /\b(today|tonight|tomorrow|this (morning|afternoon|evening|week)|next (week|month|working day|business day)|end of (the )?(day|week))\b/i,
  /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b/i,
  /\b(within|in|by|before|after|over) (the next )?(\d+|an?|one|two|three|four|five|six|ten|twenty|thirty|forty|a few|the next) ?(minutes?|mins?|hours?|hrs?|days?|working days?|business days?|weeks?)\b/i,
  /\b\d{1,2}[:.]\d{2}\b/,
  /\b\d{1,2} ?(am|pm)\b/i,
  /\b(noon|midday|midnight)\b/i,
  /\b(right now|straight away|immediately|already|just now|as we speak)\b/i,
  /\b(done|sorted|fixed|refunded|sent|booked|arranged|issued|cancelled|credited|switched|restored)\b/i,
  /\b\d{1,2}(st|nd|rd|th)\b/i,
  /\b(january|february|march|april|may|june|july|august|september|october|november|december)\b/i,
]

const JARGON: Array<[RegExp, string]> = [
  [/\bescalat(e|ed|ing|ion)\b/i, 'escalate'],
  [/\bticket( number)?\b/i, 'ticket'],
  [/\bcase (number|reference|id)\b/i, 'case number'],
  [/\bSLAs?\b/, 'SLA'],
  [/\bETA\b/, 'ETA'],
  [/\btier ?[123]\b/i, 'tier'],
  [/\bback-?end\b/i, 'back end'],
  [/\bkindly\b/i, 'kindly'],
  [/\brevert( back)?\b/i, 'revert'],
  [/\bleverage\b/i, 'leverage'],
  [/\bgoing forward\b/i, 'going forward'],
  [/\bat this (point in )?time\b/i, 'at this time'],
  [/\bRMA\b/, 'RMA'],
  [/\b(T&Cs|T's and C's)\b/i, 'T&Cs'],
  [/\bprocessed\b/i, 'processed'],
  [/\btechnical difficulties\b/i, 'technical difficulties'],
  [/\bper (the|your) (request|email|message)\b/i, 'per your request'],
  [/\bplease be advised\b/i, 'please be advised'],
  [/\bfor your convenience\b/i, 'for your convenience'],
  [/\bany inconvenience (this|that) may have caused\b/i, 'any inconvenience caused'],
  [/\bwe apologi[sz]e for any inconvenience\b/i, 'any inconvenience'],
  [/\bCRM\b/, 'CRM'],
]

// Acronyms that are ordinary words to customers, not shouting.
const ACRONYMS = new Set([
  'API', 'APIS', 'SMS', 'URL', 'PDF', 'FAQ', 'USA', 'UK', 'EU', 'IBAN', 'VAT', 'PIN', 'ID', 'OK', 'TV', 'PC',
  'CEO', 'CTO', 'CFO', 'HR', 'IT', 'GBP', 'USD', 'EUR', 'ASAP', 'JSON', 'HTTP', 'HTTPS', 'CSV', 'UTC', 'GMT',
  'BST', 'AM', 'PM', 'NHS', 'DM', 'DMS', 'IOS', 'ATM', 'SIM', 'ISA', 'MOT', 'RSVP', 'PS', 'INV',
])

type KnownKind = { id: string; label: string; known: RegExp[]; asked: RegExp }

const REQUEST = /\b(send|provide|confirm|give|share|tell|forward|reply with|let (me|us) know|what('s| is| was| are)|could you|can you|would you|please|need|verify)\b/i

const KNOWN_KINDS: KnownKind[] = [
  {
    id: 'order',
    label: 'order number',
    known: [/\border(ed)?\b/i, /#\s?\d{3,}/],
    asked: /\border (number|no\.?|id|reference|ref|details|#)/i,
  },
  {
    id: 'email',
    label: 'e-mail address',
    known: [/[\w.+-]+@[\w-]+\.[\w.]+/, /\be-?mail(ed|s)?\b/i],
    asked: /\b(your )?e-?mail( address)?\b/i,
  },
  {
    id: 'account',
    label: 'account details',
    known: [/\baccount\b/i, /\b(plan|subscription|customer (for|since))\b/i],
    asked: /\baccount (number|no\.?|id|details|name|email)\b/i,
  },
  {
    id: 'phone',
    label: 'phone number',
    known: [/\+?\d[\d\s-]{8,}\d/, /\b(phone|mobile|text(ed)?|called|rang)\b/i],
    asked: /\b(phone|mobile|contact) (number|no\.?)\b/i,
  },
  {
    id: 'reference',
    label: 'reference number',
    known: [/\b(INV|REF|ORD|TKT|CASE)-?\d{3,}\b/i, /\b(invoice|booking|reference|ticket)\b/i],
    asked: /\b(invoice|booking|reference|ticket|case) (number|no\.?|id|reference|ref)\b/i,
  },
  {
    id: 'name',
    label: 'name',
    known: [],
    asked: /\byour (full )?name\b/i,
  },
]

/** Sentences of a text, trimmed, keeping their end punctuation. Shared with the quote picker. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = []
  for (const paragraph of text.split(/\n+/)) {
    // A stop ends a sentence only before a space or the end, so "£4.50" and "10.30" stay whole.
    const parts = paragraph.match(/.*?[.!?]+["')\]’”]*(?=\s|$)|.+$/g) ?? []
    for (const part of parts) {
      const sentence = part.trim()
      if (sentence) sentences.push(sentence)
    }
  }
  return sentences
}

function found(patterns: RegExp[], text: string): string[] {
  const hits: string[] = []
  for (const pattern of patterns) {
    const match = text.match(pattern)
    if (match) hits.push(match[0])
  }
  return hits
}

function askedForKnown(text: string, hint: HintContext): string[] {
  const knownText = [...(hint.context ?? []), ...(hint.conversation ?? []).map((turn) => turn.text)].join('\n')
  const evidence: string[] = []
  for (const sentence of splitSentences(text)) {
    if (!REQUEST.test(sentence) && !sentence.endsWith('?')) continue
    for (const kind of KNOWN_KINDS) {
      if (!kind.asked.test(sentence)) continue
      const known =
        kind.id === 'name'
          ? Boolean(hint.customerName)
          : (kind.id === 'email' && hint.channel === 'email') ||
            (kind.id === 'phone' && (hint.channel === 'sms' || hint.channel === 'phone')) ||
            kind.known.some((pattern) => pattern.test(knownText))
      if (known) {
        evidence.push(sentence)
        break
      }
    }
  }
  return evidence
}

function shouting(text: string): string[] {
  const evidence: string[] = []
  const capsWords = (text.match(/\b[A-Z]{3,}\b/g) ?? []).filter((word) => !ACRONYMS.has(word))
  if (capsWords.length > 0) evidence.push(...new Set(capsWords))
  const stacked = text.match(/!{2,}/g)
  const exclamations = (text.match(/!/g) ?? []).length
  if (stacked) evidence.push(stacked[0])
  else if (exclamations >= 3) evidence.push(`${exclamations} exclamation marks`)
  return evidence
}

/**
 * The hints for a reply, in a stable order. An empty or whitespace-only text gets none: there is
 * nothing to coach yet.
 */
export function coachHints(text: string, hint: HintContext = {}): CoachHint[] {
  const body = text.trim()
  if (!body) return []
  const hints: CoachHint[] = []
  const add = (id: CoachHintId, evidence?: string[]) =>
    hints.push({ id, ...COACH_HINTS[id], ...(evidence && evidence.length ? { evidence } : {}) })

  if (!ACKNOWLEDGE.some((pattern) => pattern.test(body))) add('acknowledge')
  if (!THANKS.test(body)) add('thanks')
  const blame = found(BLAME, body)
  if (blame.length) add('blame', [...new Set(blame)])
  if (!TIME_FRAME.some((pattern) => pattern.test(body))) add('next-step')
  const asked = askedForKnown(body, hint)
  if (asked.length) add('known-info', asked)
  const jargon = JARGON.filter(([pattern]) => pattern.test(body)).map(([, word]) => word)
  if (jargon.length) add('jargon', jargon)
  const loud = shouting(body)
  if (loud.length) add('shouting', loud)
  return hints
}
