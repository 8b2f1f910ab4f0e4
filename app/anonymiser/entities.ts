/**
 * People, organisations, places, street lines and postcodes from the tagger's token tags, plus the
 * one thing a tagger cannot see: which person is the agent.
 */
import { isCommonWord } from './gazetteer'
import { loadWeights, tagTokens, tokenize, type Mask, type Tag, type Weights } from './tagger'
import trained from './tagger-weights.json'
import type { Candidate, PiiLabel } from './types'

const LABEL_OF: Record<string, PiiLabel> = { PER: 'name', ORG: 'organization', LOC: 'place', ADDR: 'address', POST: 'postcode' }
/** Below the validated patterns (an e-mail stays an e-mail), above cue-less guesses. */
const PRIORITY: Record<string, number> = { PER: 60, ORG: 55, LOC: 54, ADDR: 62, POST: 61 }

let weights: Weights | null = null
function tagger(): Weights {
  weights ??= loadWeights((trained as { features: Record<string, string> }).features)
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

/**
 * The shape every kind must have, whatever the tagger's neighbours suggested: a street line holds
 * a word and a number (or is a PO box), a postcode a digit or is short, a lone name is no everyday
 * lower-case word and no short acronym ("VAT", "IBAN").
 */
function plausible(kind: string, value: string, tokens: number): boolean {
  if (kind === 'ADDR') {
    if (!/\p{L}/u.test(value) || !/\p{N}/u.test(value) || tokens < 2) return false
    // a capitalised name ("Rowan Street", "Lindenstraße"), not just the pronoun "I"
    return value.split(/[^\p{L}]+/u).some((w) => /^\p{Lu}/u.test(w) && w !== 'I')
  }
  if (kind === 'POST') return /\p{N}/u.test(value) && value.length <= 12
  if (tokens === 1) {
    if (!/\p{Lu}|\p{N}/u.test(value) && isCommonWord(value)) return false
    if (kind === 'PER' && /^\p{Lu}{2,4}$/u.test(value)) return false
  }
  return true
}
const TITLE = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame|herr|frau|mme|mlle|sr|sra|srta)\.?$/i

/** Labels whose pattern findings the tagger sees as masks (addresses and postcodes are its own work). */
const MASKED: ReadonlySet<string> = new Set(['email', 'url', 'phone', 'card_number', 'iban', 'ip_address', 'national_id', 'account_number', 'username', 'date_of_birth'])
const PLACEHOLDER_RE = /\[(phone|card|iban|ip address|national id|date of birth|url)\]/g

/** Sorted, non-overlapping masks from the patterns' findings and from placeholders in the text. */
export function masksFor(text: string, found: readonly Candidate[]): Mask[] {
  const masks: Mask[] = found.filter((c) => MASKED.has(c.label)).map((c) => ({ start: c.start, end: c.end, label: c.label }))
  for (const m of text.matchAll(PLACEHOLDER_RE)) masks.push({ start: m.index, end: m.index + m[0].length, label: m[1] === 'card' ? 'card_number' : m[1].replace(/ /g, '_') })
  masks.sort((a, b) => a.start - b.start || b.end - a.end)
  const out: Mask[] = []
  for (const mask of masks) if (!out.length || mask.start >= out[out.length - 1].end) out.push(mask)
  return out
}

export function detectEntities(text: string, patternFindings: readonly Candidate[] = []): Candidate[] {
  const tokens = tokenize(text)
  const tags = tagTokens(text, tokens, tagger(), masksFor(text, patternFindings))
  const out: Candidate[] = []
  let open = null as { kind: string; from: number; to: number } | null
  const close = () => {
    if (!open) return
    // a span starts and ends on a word: never on punctuation, never on a title ("Mr Okonkwo" keeps its "Mr")
    while (open.to > open.from && !WORD.test(tokens[open.to].text)) open.to--
    while (open.from < open.to && (!WORD.test(tokens[open.from].text) || (open.kind === 'PER' && TITLE.test(tokens[open.from].text)))) open.from++
    if (!WORD.test(tokens[open.from].text)) {
      open = null
      return
    }
    const start = tokens[open.from].start
    const end = tokens[open.to].end
    const value = text.slice(start, end)
    if (plausible(open.kind, value, open.to - open.from + 1)) {
      const candidate: Candidate = { start, end, label: LABEL_OF[open.kind], priority: PRIORITY[open.kind] }
      if (open.kind === 'PER' && isAgent(text, start, end)) candidate.role = 'agent'
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
    const continues = tag.startsWith('I-') && open?.kind === kind && !text.slice(tokens[i - 1].end, tokens[i].start).includes('\n')
    if (continues && open) open.to = i
    else {
      close()
      open = { kind, from: i, to: i }
    }
  }
  close()
  return out
}
