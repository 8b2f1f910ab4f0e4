// Turning what an importer pastes or uploads into conversation turns. Pure: no I/O, no logging,
// because the input is raw personal data (it is anonymised right after, in memory).

export type TurnRole = 'customer' | 'agent' | 'note'

/** One turn of a raw conversation. `speaker` is the label as written ("Dana", "Customer"). */
export interface RawTurn {
  speaker: string | null
  role: TurnRole
  text: string
}

export interface ParsedConversation {
  turns: RawTurn[]
  /** Problems worth telling the importer (never containing the raw text itself). */
  problems: string[]
}

const ROLE_WORDS: Record<string, TurnRole> = {
  customer: 'customer',
  client: 'customer',
  caller: 'customer',
  user: 'customer',
  visitor: 'customer',
  guest: 'customer',
  buyer: 'customer',
  me: 'customer',
  agent: 'agent',
  support: 'agent',
  rep: 'agent',
  representative: 'agent',
  advisor: 'agent',
  adviser: 'agent',
  assistant: 'agent',
  staff: 'agent',
  operator: 'agent',
  bot: 'agent',
  you: 'agent',
  us: 'agent',
  note: 'note',
  system: 'note',
  action: 'note',
  internal: 'note',
}

// Words that often start a line inside a message ("Order: 123") and are not speakers.
const NOT_SPEAKERS = new Set([
  'subject', 'order', 'order id', 'order number', 'email', 'e-mail', 'phone', 'tel', 'mobile', 'address',
  'card', 'iban', 'account', 'account number', 'ticket', 'reference', 'ref', 'date', 'time', 'ps', 'p.s',
  're', 'fwd', 'fw', 'from', 'to', 'cc', 'bcc', 'sent', 'message', 'form', 'organisation', 'organization',
  'company', 'name', 'postcode', 'zip', 'website', 'url', 'http', 'https', 'username', 'password', 'note to self',
  'tracking', 'invoice', 'amount', 'total', 'price', 'plan', 'warning', 'error', 'update', 'edit',
])

const normaliseLabel = (label: string) => label.trim().toLowerCase().replace(/\s+/g, ' ')

/** The role a speaker label names on its own ("Customer", "Agent (billing)", "Support team"), if any. */
export function roleOfLabel(label: string): TurnRole | null {
  const value = normaliseLabel(label)
  if (ROLE_WORDS[value]) return ROLE_WORDS[value]
  if (/\((agent|support|staff|rep)\)$/.test(value) || /^(agent|support|rep)\b/.test(value)) return 'agent'
  if (/\(customer\)$/.test(value) || /^customer\b/.test(value)) return 'customer'
  return null
}

// "Dana", "Dana Whitfield", "Rosa L.", "Jean-Luc", "O'Brien", "Agent (billing)": short, capitalised.
const NAME_LIKE =
  /^[\p{Lu}][\p{L}'’.-]*(?:\s+(?:[\p{Lu}][\p{L}'’.-]*|van|von|de|da|del|der|di|du|le|la|bin|al|ten|ter)){0,3}(?:\s*\([^)]{1,30}\))?$/u

function isSpeakerLabel(label: string): boolean {
  const value = normaliseLabel(label)
  if (!value || value.length > 40 || NOT_SPEAKERS.has(value)) return false
  if (roleOfLabel(label)) return true
  return NAME_LIKE.test(label.trim())
}

// Optional "[10:02]" or "10:02" or "10:02 PM -" before the speaker.
const SPEAKER_LINE = /^\s*(?:\[[^\]\n]{1,30}\]\s*|\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?\s*[-–]?\s*)?([^:\n]{1,40}?)\s*:(?!\/)[ \t]*(.*)$/iu

/** Line endings as one "\n" (forms send "\r\n"). */
export function normaliseNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

/**
 * A pasted transcript: lines like "Customer: …", "Agent: …" or "Dana: …" start a turn; other
 * lines continue the turn before. Text with no speaker at all is one message from the customer.
 */
export function parseTranscript(input: string): ParsedConversation {
  const text = normaliseNewlines(input)
  const turns: Array<{ speaker: string | null; lines: string[] }> = []
  for (const line of text.split('\n')) {
    const match = SPEAKER_LINE.exec(line)
    if (match && isSpeakerLabel(match[1])) {
      turns.push({ speaker: match[1].trim(), lines: [match[2] ?? ''] })
    } else if (turns.length === 0) {
      turns.push({ speaker: null, lines: [line] })
    } else {
      turns[turns.length - 1].lines.push(line)
    }
  }
  const raw = turns
    .map((turn) => ({ speaker: turn.speaker, text: turn.lines.join('\n').trim() }))
    .filter((turn) => turn.text.length > 0)
  return { turns: assignRoles(raw), problems: raw.length === 0 ? ['There is no text to import.'] : [] }
}

/**
 * JSON Lines: one message per line, `{"role"?, "author"?, "text"}` or ABCD's `{"speaker", "text"}`
 * ("action" lines become notes). A bad line is reported by number and skipped.
 */
export function parseJsonLines(input: string): ParsedConversation {
  const problems: string[] = []
  const raw: Array<{ speaker: string | null; text: string; role?: TurnRole }> = []
  normaliseNewlines(input)
    .split('\n')
    .forEach((line, index) => {
      if (!line.trim()) return
      let value: unknown
      try {
        value = JSON.parse(line)
      } catch {
        // JSON.parse's own message quotes the line; the line may be personal data, so say less.
        problems.push(`Line ${index + 1} is not valid JSON and was skipped.`)
        return
      }
      if (!value || typeof value !== 'object' || typeof (value as { text?: unknown }).text !== 'string') {
        problems.push(`Line ${index + 1} has no "text" and was skipped.`)
        return
      }
      const record = value as { text: string; role?: unknown; author?: unknown; speaker?: unknown; name?: unknown }
      const text = record.text.trim()
      if (!text) return
      const author = [record.author, record.name].find((v): v is string => typeof v === 'string' && v.trim() !== '')
      const roleLabel = [record.role, record.speaker].find((v): v is string => typeof v === 'string' && v.trim() !== '')
      const role = roleLabel ? roleOfLabel(roleLabel) : null
      const speaker = author?.trim() ?? (roleLabel && !role ? roleLabel.trim() : roleLabel?.trim() ?? null)
      raw.push({ speaker, text, role: role ?? undefined })
    })
  if (raw.length === 0 && problems.length === 0) problems.push('There is no text to import.')
  return { turns: assignRoles(raw), problems }
}

const AGENT_OPENERS =
  /\b(thanks? (you )?for (contacting|reaching out|getting in touch|calling|waiting)|how (can|may) i help|my name is \p{L}+ and i|this is \p{L}+ from|i(?:'| a)m \p{L}+ from)\b/iu

/**
 * Roles for speakers that are names: role words decide when present; otherwise a speaker who
 * opens like an agent is the agent, and the first other named speaker is the customer.
 */
function assignRoles(turns: Array<{ speaker: string | null; text: string; role?: TurnRole }>): RawTurn[] {
  const roles = new Map<string, TurnRole>()
  for (const turn of turns) {
    if (!turn.speaker) continue
    const key = normaliseLabel(turn.speaker)
    const known = turn.role ?? roleOfLabel(turn.speaker)
    if (known && !roles.has(key)) roles.set(key, known)
  }
  const named = [...new Set(turns.filter((t) => t.speaker && !roles.has(normaliseLabel(t.speaker))).map((t) => normaliseLabel(t.speaker!)))]
  const hasCustomer = () => [...roles.values()].includes('customer')
  for (const key of named) {
    const opensLikeAgent = turns.some((t) => t.speaker && normaliseLabel(t.speaker) === key && AGENT_OPENERS.test(t.text))
    if (opensLikeAgent) roles.set(key, 'agent')
  }
  for (const key of named) {
    if (roles.has(key)) continue
    roles.set(key, hasCustomer() ? 'agent' : 'customer')
  }
  return turns.map((turn) => ({
    speaker: turn.speaker,
    text: turn.text,
    role: turn.speaker ? (turn.role ?? roles.get(normaliseLabel(turn.speaker)) ?? 'customer') : (turn.role ?? 'customer'),
  }))
}

/** Distinct speakers in order of first appearance, with the role each was given. */
export function speakersOf(turns: readonly RawTurn[]): Array<{ speaker: string; role: TurnRole }> {
  const seen = new Map<string, { speaker: string; role: TurnRole }>()
  for (const turn of turns) {
    if (!turn.speaker) continue
    const key = normaliseLabel(turn.speaker)
    if (!seen.has(key)) seen.set(key, { speaker: turn.speaker, role: turn.role })
  }
  return [...seen.values()]
}

/** Applies the importer's role choices (by speaker index, in order of first appearance). */
export function withSpeakerRoles(turns: readonly RawTurn[], roles: ReadonlyMap<number, TurnRole>): RawTurn[] {
  const index = new Map(speakersOf(turns).map((s, i) => [normaliseLabel(s.speaker), i]))
  return turns.map((turn) => {
    if (!turn.speaker) return turn
    const chosen = roles.get(index.get(normaliseLabel(turn.speaker)) ?? -1)
    return chosen ? { ...turn, role: chosen } : turn
  })
}
