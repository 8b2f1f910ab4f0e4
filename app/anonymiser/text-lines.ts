/**
 * Line helpers for context cues. Every look-around is bounded, so a text that is one enormous
 * line (a pasted export without line breaks) costs linear time, not quadratic.
 */
const WINDOW = 400

/** Start of the line holding index, or -1 if it starts more than `max` characters back. */
export function lineStartWithin(text: string, index: number, max = WINDOW): number {
  const from = Math.max(0, index - max)
  const i = text.slice(from, index).lastIndexOf('\n')
  if (i >= 0) return from + i + 1
  return from === 0 ? 0 : -1
}

/** End of the line holding index (exclusive), or index + max if the line goes on further. */
export function lineEndWithin(text: string, index: number, max = WINDOW): number {
  const to = Math.min(text.length, index + max)
  const i = text.slice(index, to).indexOf('\n')
  return i >= 0 ? index + i : to
}

/** Up to `max` characters before index on the same line. */
export function lineBefore(text: string, index: number, max = 60): string {
  const start = lineStartWithin(text, index, max)
  return text.slice(start >= 0 ? start : Math.max(0, index - max), index)
}

/** Up to `max` characters after index on the same line. */
export function lineAfter(text: string, index: number, max = 40): string {
  return text.slice(index, lineEndWithin(text, index, max))
}

/** The previous non-blank line (a question such as "may I have your phone number?"), or ''. */
export function previousLine(text: string, index: number): string {
  let lineStart = lineStartWithin(text, index)
  for (let guard = 0; guard < 5 && lineStart > 0; guard++) {
    const prevStart = lineStartWithin(text, lineStart - 1)
    if (prevStart < 0) return ''
    const line = text.slice(prevStart, lineStart - 1)
    if (line.trim()) return line
    lineStart = prevStart
  }
  return ''
}

/** The roles that label a conversation's lines ("Customer:", "Agent:"): who speaks, never personal data. */
export const ROLE_WORDS: ReadonlySet<string> = new Set(['agent', 'support', 'customer', 'user', 'bot', 'chatbot', 'client', 'assistant', 'operator', 'advisor', 'adviser', 'rep', 'representative', 'me', 'system', 'staff', 'caller', 'guest', 'visitor', 'kunde', 'kundin', 'cliente', 'klant', 'asiakas', 'klient', 'utilisateur', 'usuario', 'utente'])

/** A role's speaker label opening a line ("Customer: "). */
const ROLE_LABEL_RE = /^[ \t]*(\p{L}{2,14})[ \t]*:[ \t]*/u

/** The text before a value on its line, without a role's speaker label ("Customer: " says who speaks, not what the value is). */
export function withoutRoleLabel(before: string): string {
  const label = ROLE_LABEL_RE.exec(before)
  return label && ROLE_WORDS.has(label[1].toLowerCase()) ? before.slice(label[0].length) : before
}

/** A word of a script without capitals (Devanagari, Thai, Han; Georgian writes lower case), with its vowel signs: a regex source. */
export const UNCASED_WORD = String.raw`[\p{Lo}\p{Script=Georgian}][\p{Lo}\p{M}\p{Script=Georgian}]*`

/**
 * Titles before a person's name, capitalised as written (a full stop may follow): the one list the
 * rules that read titles build on. A rule that leaves some out says which and why.
 */
export const TITLES: readonly string[] = ['Mr', 'Mrs', 'Ms', 'Miss', 'Mx', 'Dr', 'Prof', 'Herr', 'Herrn', 'Frau', 'Mme', 'Mlle', 'Sr', 'Sra', 'Srta', 'Sig', 'Sig.ra', 'Pan', 'Pani', 'Dott', 'Ing']
/** Titles of a degree or a profession, not of courtesy. */
export const DEGREE_TITLES: ReadonlySet<string> = new Set(['Dr', 'Prof', 'Dott', 'Ing'])
/** Titles that are other words in lower case ("pan", "sig", "ing"): no title where case is ignored. */
const TITLES_ONLY_CAPITALISED: ReadonlySet<string> = new Set(['Sig', 'Sig.ra', 'Pan', 'Pani', 'Dott', 'Ing'])
/** The titles read whatever their case, with the English honours before a given name ("Sir Alex", "Dame Judi"). */
export const TITLES_IN_ANY_CASE: readonly string[] = [...TITLES.filter((t) => !TITLES_ONLY_CAPITALISED.has(t)), 'Sir', 'Dame']

/** Greetings that open a letter and, in any case, come before a name ("Dear Ana,", "hi mario"). */
export const GREETINGS: readonly string[] = ['Dear', 'Hi', 'Hello', 'Hey', 'Bonjour', 'Hallo', 'Liebe', 'Lieber', 'Hola', 'Querido', 'Querida', 'Ciao', 'Olá', 'Hej', 'Merhaba']

/** Words as a regex alternation, matched literally ("Sig.ra"). */
export function alternation(words: Iterable<string>): string {
  return [...words].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')
}
/** One of the titles opening a value, then a space ("Frau Dr. Annegret Vogelsang"). */
export function titleOpeningRe(titles: Iterable<string>): RegExp {
  return new RegExp(String.raw`^(?:${alternation(titles)})\.?[ ]`, 'u')
}
