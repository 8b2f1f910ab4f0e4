// The import pipeline between "what the importer gave us" and "an anonymised scenario document".
// Everything here runs in memory on one request: the raw text, and the mapping from original
// values to pseudonyms, are never stored, logged or put in an error message.
import { isPiiLabel, type PiiLabel } from '~/anonymiser/types'
import { anonymiseOffThread } from '~/anonymiser/pool.server'
import type { Channel, Difficulty, Mood, Scenario, TeamTag } from './scenario-schema'
import {
  parseJsonLines,
  parseTranscript,
  roleOfLabel,
  speakersOf,
  withSpeakerRoles,
  type ParsedConversation,
  type RawTurn,
  type TurnRole,
} from './transcript'

export const IMPORT_FORMATS = ['text', 'jsonl', 'email'] as const
export type ImportFormat = (typeof IMPORT_FORMATS)[number]

/** What the importer gave us, as it round-trips through the page (never stored). */
export interface ImportSource {
  format: ImportFormat
  raw: string
  /** For an e-mail: the sender's display name. */
  sender?: string | null
}

/** The importer's corrections to the automatic detection. */
export interface ImportCorrections {
  /** False positives: these values stay as written everywhere. */
  ignore?: readonly string[]
  /** Missed values: each is replaced everywhere. */
  extra?: ReadonlyArray<{ text: string; label: PiiLabel }>
  /** Role chosen for each speaker, by index in order of first appearance. */
  roles?: ReadonlyMap<number, TurnRole>
  /** Names of the people in the importing organization: never handed out as pseudonyms. */
  reservedNames?: readonly string[]
}

/** A run of anonymised text: plain, or a replacement (with the label and the value it hides). */
export type Piece = { text: string } | { text: string; label: PiiLabel; original: string }

export interface PreviewTurn {
  role: TurnRole
  /** The speaker label after anonymisation ("Agent", "Alex Morgan", "Customer"), if any. */
  speaker: Piece[] | null
  pieces: Piece[]
}

export interface Replacement {
  original: string
  replacement: string
  label: PiiLabel
  count: number
}

export interface ConversationPreview {
  turns: PreviewTurn[]
  speakers: Array<{ label: string; role: TurnRole }>
  replacements: Replacement[]
  problems: string[]
  /** Internals for the details pass: the anonymised canonical text and the agent names. */
  anonymisedText: string
  agentNames: string[]
}

export const MAX_RAW_LENGTH = 200_000

export function parseSource(source: ImportSource): ParsedConversation {
  if (source.format === 'jsonl') return parseJsonLines(source.raw)
  if (source.format === 'email') {
    const text = source.raw.replace(/\r\n?/g, '\n').trim()
    const speaker = source.sender?.trim() || null
    return {
      turns: text ? [{ speaker, role: 'customer', text }] : [],
      problems: text ? [] : ['The e-mail has no text body.'],
    }
  }
  return parseTranscript(source.raw)
}

const piecesText = (pieces: readonly Piece[]) => pieces.map((piece) => piece.text).join('')
const isMark = (piece: Piece): piece is Extract<Piece, { label: PiiLabel }> => 'label' in piece

/** A speaker's name without a trailing "(billing)" and never a bare role word. */
function agentNamesOf(turns: readonly RawTurn[]): string[] {
  return speakersOf(turns)
    .filter((s) => s.role === 'agent' && !roleOfLabel(s.speaker))
    .map((s) => s.speaker.replace(/\s*\([^)]*\)\s*$/, '').trim())
    .filter(Boolean)
}

type Segment = { start: number; end: number }
type Span = { start: number; end: number; label: PiiLabel; replacement: string }

/**
 * Cuts the anonymised result back into the segments a canonical text was built from. A span that
 * runs past its segment's end still counts once, where it starts.
 */
function piecesFor(text: string, spans: readonly Span[], segment: Segment, replace: (span: Span, original: string) => string): Piece[] {
  const pieces: Piece[] = []
  let cursor = segment.start
  // spans are sorted and never overlap, so their ends are sorted too: start at the first one that
  // reaches into the segment instead of walking every span for every turn
  for (let i = firstEndingAfter(spans, segment.start); i < spans.length && spans[i].start < segment.end; i++) {
    const span = spans[i]
    if (span.start < segment.start) {
      cursor = Math.max(cursor, Math.min(span.end, segment.end))
      continue
    }
    if (span.start > cursor) pieces.push({ text: text.slice(cursor, span.start) })
    const original = text.slice(span.start, span.end)
    pieces.push({ text: replace(span, original), label: span.label, original })
    cursor = Math.min(span.end, segment.end)
  }
  if (cursor < segment.end) pieces.push({ text: text.slice(cursor, segment.end) })
  return pieces
}

/** Index of the first span ending after offset (spans sorted, not overlapping). */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let low = 0
  let high = spans.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (spans[middle].end <= offset) low = middle + 1
    else high = middle
  }
  return low
}

function collectReplacements(pieceLists: ReadonlyArray<readonly Piece[]>): Replacement[] {
  const byValue = new Map<string, Replacement>()
  for (const pieces of pieceLists) {
    for (const piece of pieces) {
      if (!isMark(piece)) continue
      const key = `${piece.label}\u0000${piece.original.toLowerCase()}`
      const known = byValue.get(key)
      if (known) known.count += 1
      else byValue.set(key, { original: piece.original, replacement: piece.text, label: piece.label, count: 1 })
    }
  }
  return [...byValue.values()]
}

/** Lets other requests in between the steps of a long import: each step is linear, but not short. */
export const letOtherRequestsIn = () => new Promise<void>((resolve) => setImmediate(resolve))

/**
 * Parses and anonymises a conversation. The text given to the anonymiser is the whole
 * conversation with its speaker labels ("Dana: …"), so a person keeps one pseudonym throughout.
 */
export async function anonymiseConversation(source: ImportSource, corrections: ImportCorrections = {}): Promise<ConversationPreview> {
  const parsed = parseSource(source)
  const turns = withSpeakerRoles(parsed.turns, corrections.roles ?? new Map())
  const agentNames = agentNamesOf(turns)
  await letOtherRequestsIn()

  let canonical = ''
  const segments = turns.map((turn) => {
    let speaker: Segment | null = null
    if (turn.speaker) {
      speaker = { start: canonical.length, end: canonical.length + turn.speaker.length }
      canonical += `${turn.speaker}: `
    }
    const text = { start: canonical.length, end: canonical.length + turn.text.length }
    canonical += `${turn.text}\n\n`
    return { speaker, text }
  })

  // A speaker label that is not a role word is a person's name, even one the detectors miss.
  const ignored = new Set((corrections.ignore ?? []).map((value) => value.trim().toLowerCase()))
  const speakerNames = speakersOf(turns)
    .filter((s) => !roleOfLabel(s.speaker))
    .map((s) => ({ text: s.speaker.replace(/\s*\([^)]*\)\s*$/, '').trim(), label: 'name' as const }))
    .filter((s) => s.text.length > 1 && !ignored.has(s.text.toLowerCase()))
  const result = await anonymiseOffThread(canonical, {
    agentNames,
    reservedNames: corrections.reservedNames,
    ignore: corrections.ignore ?? [],
    extraSpans: [...speakerNames, ...(corrections.extra ?? []).filter((e) => e.text.trim() && isPiiLabel(e.label))],
  })
  const keep = (span: Span) => span.replacement

  const previewTurns: PreviewTurn[] = turns.map((turn, index) => ({
    role: turn.role,
    speaker: segments[index].speaker ? piecesFor(canonical, result.spans, segments[index].speaker!, keep) : null,
    pieces: piecesFor(canonical, result.spans, segments[index].text, keep),
  }))
  await letOtherRequestsIn()
  const speakers = speakersOf(turns).map((s) => {
    const turnIndex = turns.findIndex((t) => t.speaker === s.speaker)
    const pieces = previewTurns[turnIndex]?.speaker
    return { label: pieces ? piecesText(pieces) : s.speaker, role: s.role }
  })
  return {
    turns: previewTurns,
    speakers,
    replacements: collectReplacements(previewTurns.flatMap((t) => [t.speaker ?? [], t.pieces])),
    problems: parsed.problems,
    anonymisedText: result.text,
    agentNames,
  }
}

/** Characters of conversation the preview highlights piece by piece; the rest is shown as plain text. */
export const HIGHLIGHTED_PREVIEW_CHARS = 20_000

export interface PreviewExcerpt {
  /** The first turns, with every replacement as its own piece. */
  turns: PreviewTurn[]
  /** The turns after those, anonymised, as one plain text ("Speaker: text", a blank line between). */
  rest: { turns: number; text: string } | null
}

/**
 * The part of a long conversation that the page highlights. Rendering every replacement of a
 * 200,000-character import as its own element takes the server's thread for most of a second,
 * so past the first HIGHLIGHTED_PREVIEW_CHARS the text is sent as one string.
 */
export function previewExcerpt(turns: readonly PreviewTurn[], maxChars = HIGHLIGHTED_PREVIEW_CHARS): PreviewExcerpt {
  let chars = 0
  let shown = 0
  while (shown < turns.length && (shown === 0 || chars < maxChars)) chars += piecesText(turns[shown++].pieces).length
  if (shown === turns.length) return { turns: [...turns], rest: null }
  const rest = turns.slice(shown).map((turn) => (turn.speaker ? `${piecesText(turn.speaker)}: ` : '') + piecesText(turn.pieces))
  return { turns: turns.slice(0, shown), rest: { turns: rest.length, text: rest.join('\n\n') } }
}

/** What the importer writes about the scenario (free text may hold personal data too). */
export interface ImportDetails {
  title: string
  summary: string
  subject: string
  channel: Channel
  mood: Mood
  difficulty: Difficulty
  teams: TeamTag[]
  customerName: string
  persona: string
  context: string[]
  prompt: string
}

const DETAIL_TEXT_FIELDS = ['title', 'summary', 'subject', 'customerName', 'persona', 'prompt'] as const
type DetailTextField = (typeof DETAIL_TEXT_FIELDS)[number]

export interface AnonymisedDetails {
  values: Record<DetailTextField, string> & { context: string[] }
  pieces: Record<DetailTextField, Piece[]> & { context: Piece[][] }
  replacements: Replacement[]
}

/**
 * Anonymises the importer's own text with the conversation's replacements: an original value from
 * the conversation gets the same pseudonym here, pseudonyms already shown stay as they are, and
 * personal data that appears only here is replaced too.
 */
export async function anonymiseDetails(
  preview: ConversationPreview,
  details: Pick<ImportDetails, DetailTextField | 'context'>,
  corrections: ImportCorrections = {},
): Promise<AnonymisedDetails> {
  const known = new Map<string, string>()
  for (const r of preview.replacements) known.set(r.original.toLowerCase(), r.replacement)
  const pseudonyms = [...new Set(preview.replacements.map((r) => r.replacement))]

  // the details alone: the conversation is anonymised already, and its words only need avoiding
  let text = ''
  const place = (value: string): Segment => {
    const segment = { start: text.length, end: text.length + value.length }
    text += `${value}\n\n`
    return segment
  }
  const fieldSegments = Object.fromEntries(DETAIL_TEXT_FIELDS.map((field) => [field, place(details[field])])) as Record<DetailTextField, Segment>
  const contextSegments = details.context.map(place)

  const detected = (
    await anonymiseOffThread(text, {
      agentNames: preview.agentNames,
      reservedNames: corrections.reservedNames,
      ignore: [...(corrections.ignore ?? []), ...pseudonyms],
      extraSpans: (corrections.extra ?? []).filter((e) => e.text.trim() && isPiiLabel(e.label)),
      alsoAvoid: preview.anonymisedText,
    })
  ).spans
  // Values found in the conversation are personal data here too, even where the detectors would
  // not see them on their own (a lone first name). Detected spans win: an e-mail stays one e-mail.
  const spans = withKnownValues(text, detected, preview.replacements)
  const sameAsConversation = (span: Span, original: string) => known.get(original.toLowerCase()) ?? span.replacement

  const fieldPieces = Object.fromEntries(
    DETAIL_TEXT_FIELDS.map((field) => [field, piecesFor(text, spans, fieldSegments[field], sameAsConversation)]),
  ) as Record<DetailTextField, Piece[]>
  const contextPieces = contextSegments.map((segment) => piecesFor(text, spans, segment, sameAsConversation))
  const values = Object.fromEntries(DETAIL_TEXT_FIELDS.map((field) => [field, piecesText(fieldPieces[field])])) as Record<DetailTextField, string>
  return {
    values: { ...values, context: contextPieces.map(piecesText) },
    pieces: { ...fieldPieces, context: contextPieces },
    replacements: collectReplacements([...Object.values(fieldPieces), ...contextPieces]),
  }
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Adds every occurrence of a known original value that no span covers yet. */
function withKnownValues(text: string, spans: readonly Span[], known: readonly Replacement[]): Span[] {
  const taken = new Uint8Array(text.length + 1)
  for (const span of spans) taken.fill(1, span.start, span.end)
  const added: Span[] = []
  // only the values that appear at all: a long conversation has thousands, the details a few lines
  const searched = text.toLowerCase()
  const values = known.filter((value) => value.original.trim().length >= 2 && searched.includes(value.original.toLowerCase()))
  values.sort((a, b) => b.original.length - a.original.length)
  for (const value of values) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(value.original)}(?![\\p{L}\\p{N}_])`, 'giu')
    for (const match of text.matchAll(re)) {
      const start = match.index
      const end = start + match[0].length
      if (taken.subarray(start, end).some((cell) => cell === 1)) continue
      taken.fill(1, start, end)
      added.push({ start, end, label: value.label, replacement: value.replacement })
    }
  }
  return [...spans, ...added].sort((a, b) => a.start - b.start)
}

/**
 * The customer's anonymised name when the speaker labels are only roles ("Customer:"): the first
 * person named in the customer's own messages ("I'm Dana Whitfield"), else the first one the
 * agent addresses ("Thanks, Dana").
 */
function customerNameInConversation(preview: ConversationPreview): string {
  for (const role of ['customer', 'agent'] as const) {
    for (const turn of preview.turns) {
      if (turn.role !== role) continue
      const named = turn.pieces.find((piece) => isMark(piece) && piece.label === 'name' && piece.text !== 'Agent')
      if (named) return named.text
    }
  }
  return ''
}

/** Short-form channels need a length limit on the reply (the schema insists). */
const REPLY_LIMITS: Partial<Record<Channel, number>> = { social: 280, sms: 320 }

/** The scenario document to store: built only from anonymised text. */
export function buildScenarioDocument(
  preview: ConversationPreview,
  details: ImportDetails,
  anonymised: AnonymisedDetails,
): Scenario {
  const v = anonymised.values
  const firstCustomer = preview.turns.find((t) => t.role === 'customer')
  const firstCustomerSpeaker = firstCustomer?.speaker ? piecesText(firstCustomer.speaker) : ''
  const customerName =
    v.customerName.trim() ||
    (firstCustomerSpeaker && !roleOfLabel(firstCustomerSpeaker) ? firstCustomerSpeaker : '') ||
    customerNameInConversation(preview) ||
    'The customer'
  const firstWords = firstCustomer ? piecesText(firstCustomer.pieces).replace(/\s+/g, ' ').trim() : ''
  const summary = v.summary.trim() || (firstWords.length > 160 ? `${firstWords.slice(0, 157).trimEnd()}…` : firstWords) || v.title.trim()

  const authorOf = (turn: PreviewTurn): string | undefined => {
    if (turn.role === 'note') return undefined
    const speaker = turn.speaker ? piecesText(turn.speaker).trim() : ''
    const generic = !speaker || roleOfLabel(speaker) !== null
    if (turn.role === 'customer') return generic ? customerName : speaker
    return generic ? 'Agent' : speaker
  }

  const maxLength = REPLY_LIMITS[details.channel]
  return {
    title: v.title.trim(),
    summary,
    channel: details.channel,
    ...(v.subject.trim() ? { subject: v.subject.trim() } : {}),
    difficulty: details.difficulty,
    teams: details.teams,
    tags: ['imported'],
    customer: {
      name: customerName,
      persona: v.persona.trim() || 'A customer from a real conversation, anonymised on import.',
      mood: details.mood,
    },
    context: v.context.map((line) => line.trim()).filter(Boolean),
    conversation: preview.turns
      .map((turn) => ({ role: turn.role, author: authorOf(turn), text: piecesText(turn.pieces).trim() }))
      .filter((turn) => turn.text.length > 0)
      .map((turn) => (turn.author ? turn : { role: turn.role, text: turn.text })),
    prompts: [
      {
        id: 'reply',
        kind: 'reply',
        text: v.prompt.trim() || `Write your reply to ${customerName}.`,
        ...(maxLength ? { maxLength } : {}),
      },
    ],
  }
}
