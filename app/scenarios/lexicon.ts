/**
 * compromise's lexicon (bundled with the package, ~25,000 words): tells an everyday word
 * ("crystal", "rose", "services") from a word it does not know or knows only as a name ("Okonkwo").
 */
import nlp from 'compromise'

export const lexicon: Readonly<Record<string, string | string[]>> =
  (nlp as unknown as { world: () => { model: { one: { lexicon: Record<string, string | string[]> } } } }).world().model.one.lexicon

export const NAMEISH_TAGS = /^(?:FirstName|LastName|MaleName|FemaleName|Person|ProperNoun|Place|City|Country|Region|Organization|Honorific)$/

/** Is this lower-case word in the lexicon as something other than a name or place? */
export function isCommonWord(lower: string): boolean {
  let entry = lexicon[lower]
  // the lexicon holds singular forms: "services" → "service", "companies" → "company"
  if (entry === undefined && lower.length > 3 && lower.endsWith('s')) {
    entry = lexicon[lower.slice(0, -1)] ?? (lower.endsWith('ies') ? lexicon[`${lower.slice(0, -3)}y`] : undefined) ?? (lower.endsWith('es') ? lexicon[lower.slice(0, -2)] : undefined)
  }
  if (entry === undefined) return false
  const tags = Array.isArray(entry) ? entry : [entry]
  return !tags.some((t) => NAMEISH_TAGS.test(t))
}
