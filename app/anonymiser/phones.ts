/**
 * Phone numbers, validated by libphonenumber-js (full metadata) instead of hand-written formats.
 * A number with +country is checked as written; a national one ("06 12 34 56 78", "030 1234567")
 * is checked against the countries the conversation hints at (other numbers' +codes, e-mail and
 * web domains, country names) and then a fixed list of common ones.
 */
import { getCountries, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'
import { PRIORITY } from './patterns'
import { lineAfter, lineBefore, previousLine } from './text-lines'
import type { Candidate } from './types'

// Japanese, Chinese and Korean write numbers straight after and before words ("電話は090-1234-5678です"):
// their letters do not glue a number to a word
const CANDIDATE_RE = /(?<![\p{N}+\/.,_-]|(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])\p{L})(?:\+|00)?\(?\d[\d().\/ \t-]{3,22}\d(?:,?[ \t]?(?:ext\.?|x|extension|poste)[ \t]?\d{1,5})?(?![\p{N}\/_]|(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])\p{L}|[.,-]\d)/giu
/** A sum of money after the number ("1 234 567 HUF", "12 500 €", "3 400 kr"): no phone. */
const CURRENCY_AFTER_RE = /^[ \t]?(?:€|\$|£|¥|₹|₽|zł|kr\b|kč\b|ft\b|lei\b|eur\b|usd\b|gbp\b|chf\b|huf\b|pln\b|czk\b|sek\b|nok\b|dkk\b|ron\b|try\b|euros?\b|dollars?\b|pounds?\b)/i
const CUE_RE = /\b(?:phone|phones|call|called|calling|ring|mobile|cell|tel|telephone|landline|number|text|sms|whatsapp|reach (?:me|us)|contact|fax|dial|on|at|t|m|p|tél|telefon|handy|móvil|teléfono|telefono|cellulare|numéro|nummer|puhelin|numer|número|numero|llamar(?:me|nos)?|llámame|llame|chiamar(?:mi|ci)?|chiamami|ligar|liga|ligue|bellen|bel|joindre|appeler|appelez|appelle[rz]?|anrufen|zadzwonić|dzwonić)\b[^\n]{0,12}$/i
const NOT_PHONE_CUE_RE = /\b(?:order|account|acct|invoice|ticket|case|ref|reference|tracking|booking|confirmation|customer|member|policy|serial|id|no\.?|#|iban|sort code|routing|postcode|zip|card|amount|total|€|£|\$)[^\n]{0,6}$/i
const DATE_LIKE_RE = /^(?:\d{4}[.\/-]\d{1,2}[.\/-]\d{1,2}|\d{1,2}[.\/-]\d{1,2}[.\/-]\d{2,4})$/
const FALLBACK: CountryCode[] = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'NL', 'BE', 'CH', 'AT', 'IE', 'PT', 'SE', 'NO', 'DK', 'FI', 'PL', 'CZ', 'SK', 'HU', 'RO', 'GR', 'TR', 'AU', 'NZ', 'CA', 'IN', 'ZA', 'NG', 'BR', 'MX', 'AR', 'JP', 'SG']
const TLD_COUNTRY: Record<string, CountryCode> = {
  uk: 'GB', de: 'DE', fr: 'FR', es: 'ES', it: 'IT', nl: 'NL', be: 'BE', ch: 'CH', at: 'AT', ie: 'IE', pt: 'PT', se: 'SE', no: 'NO', dk: 'DK', fi: 'FI', pl: 'PL', cz: 'CZ', sk: 'SK', hu: 'HU', ro: 'RO', gr: 'GR', tr: 'TR', au: 'AU', nz: 'NZ', ca: 'CA', in: 'IN', za: 'ZA', ng: 'NG', br: 'BR', mx: 'MX', ar: 'AR', jp: 'JP', sg: 'SG',
}
const COUNTRY_WORDS: Record<string, CountryCode> = {
  uk: 'GB', britain: 'GB', england: 'GB', london: 'GB', germany: 'DE', deutschland: 'DE', berlin: 'DE', france: 'FR', paris: 'FR', spain: 'ES', españa: 'ES', italy: 'IT', italia: 'IT', netherlands: 'NL', holland: 'NL', belgium: 'BE', switzerland: 'CH', schweiz: 'CH', austria: 'AT', österreich: 'AT', ireland: 'IE', dublin: 'IE', portugal: 'PT', sweden: 'SE', sverige: 'SE', norway: 'NO', norge: 'NO', denmark: 'DK', danmark: 'DK', finland: 'FI', suomi: 'FI', poland: 'PL', polska: 'PL', czech: 'CZ', česko: 'CZ', slovakia: 'SK', hungary: 'HU', magyarország: 'HU', romania: 'RO', românia: 'RO', greece: 'GR', turkey: 'TR', türkiye: 'TR', australia: 'AU', zealand: 'NZ', canada: 'CA', india: 'IN', africa: 'ZA', nigeria: 'NG', brazil: 'BR', brasil: 'BR', mexico: 'MX', méxico: 'MX', argentina: 'AR', japan: 'JP', singapore: 'SG',
}

const COUNTRY_WORD_RE = new RegExp(`(?<!\\p{L})(?:${Object.keys(COUNTRY_WORDS).sort((a, b) => b.length - a.length).join('|')})(?!\\p{L})`, 'giu')

/** Countries the conversation itself points at, most specific first. */
export function countryHints(text: string): CountryCode[] {
  const hints = new Set<CountryCode>()
  for (const m of text.matchAll(/(?:^|[^\d])\+(\d{1,3})[ \t(.-]?\d/g)) {
    const country = countryOfCode(m[1])
    if (country) hints.add(country)
  }
  for (const m of text.matchAll(/\.(uk|de|fr|es|it|nl|be|ch|at|ie|pt|se|no|dk|fi|pl|cz|sk|hu|ro|gr|tr|au|nz|ca|in|za|ng|br|mx|ar|jp|sg)\b/gi)) hints.add(TLD_COUNTRY[m[1].toLowerCase()])
  // only the country words, each a whole run of letters: one search instead of a lookup per word
  for (const m of text.matchAll(COUNTRY_WORD_RE)) {
    const country = COUNTRY_WORDS[m[0].toLowerCase()]
    if (country) hints.add(country)
  }
  return [...hints]
}

/** The country a +code points at ('' for none), parsed once per code (a few hundred codes exist). */
function countryOfCode(code: string): CountryCode | '' {
  return remember(CODE_COUNTRY, code, 5_000, () => parsePhoneNumberFromString(`+${code}0000000000`.slice(0, 14))?.country ?? '')
}
const CODE_COUNTRY = new Map<string, CountryCode | ''>()

/** A number written with its +country code is of a possible length there: parsed once per number. */
function possibleInternational(value: string): boolean {
  return remember(POSSIBLE_INTERNATIONAL, value, 5_000, () => parsePhoneNumberFromString(value)?.isPossible() ?? false)
}
const POSSIBLE_INTERNATIONAL = new Map<string, boolean>()

/**
 * Valid in one of the countries; with a phone word nearby, a number of a possible length is enough
 * (examples and fictional ranges such as 07700 900xxx are not "valid" but are still phone numbers).
 */
function phoneIn(value: string, countries: readonly CountryCode[], cued: boolean): boolean {
  // the second look at an anonymised text meets the same numbers again: parse each once
  const key = `${value}\u0000${cued ? 1 : 0}\u0000${countries === FALLBACK ? '*' : countries.join(',')}`
  return remember(PHONE_IN, key, 5_000, () =>
    countries.some((country) => {
      const reading = readingOf(value, country)
      return reading.valid || (cued && reading.possible)
    }),
  )
}
const PHONE_IN = new Map<string, boolean>()

/**
 * A number read in one country's plan, kept: the hints and the fallback list share countries, and
 * the same number is met again under other hints (each parse costs as much as a line's detection).
 */
interface Reading {
  valid: boolean
  /** Of a possible length there (whether valid or not matters only when it is not valid). */
  possible: boolean
}
function readingOf(value: string, country: CountryCode): Reading {
  return remember(READINGS, `${value}\u0000${country}`, 20_000, () => {
    const parsed = parsePhoneNumberFromString(value, country)
    const valid = parsed?.isValid() ?? false
    return { valid, possible: valid || (parsed?.isPossible() ?? false) }
  })
}
const READINGS = new Map<string, Reading>()

/** A memo that forgets everything once it holds `limit` entries (long inputs would grow it forever). */
function remember<T>(memo: Map<string, T>, key: string, limit: number, compute: () => T): T {
  const known = memo.get(key)
  if (known !== undefined) return known
  const value = compute()
  if (memo.size >= limit) memo.clear()
  memo.set(key, value)
  return value
}

/** A form's phone field right before the number ("Phone:", "Tel.:", "Mobile number:", "Telefon:"). */
const PHONE_FIELD_RE = /(?:^|[ \t])(?:phone|mobile|cell|tel|telephone|landline|whatsapp|fax|handy|móvil|teléfono|telefone|telemóvel|telefono|cellulare|téléphone|portable|telefon|puhelin|mobil|komórka|tlf|tfn)\.?(?:[ \t](?:no\.?|number|nr\.?|nummer|número|numero))?[ \t]*:[ \t]*$/i
const STRONG_CUE_RE = /\b(?:phone|mobile|cell|tel|telephone|landline|whatsapp|call me|text me|ring me|reach me|my number|llamar(?:me|nos)|llámame|chiamar(?:mi|ci)|chiamami|me ligar|ligue|bellen|joindre|m'appeler|anrufen|rufen sie mich|zadzwonić|numer|número|numero|handy|móvil|teléfono|telefone|telemóvel|telefono|cellulare|numéro|portable|telefon|puhelin|mobil|komórka|tlf|tfn)\b[^\n\d]{0,14}$/i
/** Said right after the number: "555.1234 is my mobile". */
const AFTER_CUE_RE = /^[ \t]*(?:is|was|=|-)[ \t]+(?:my|our|his|her|their|the)[ \t]+(?:mobile|phone|number|cell|landline|telephone|whatsapp|home number|work number)\b/i
/** A line that is only a name: up to five capitalised words, or a name of Chinese, Japanese or Korean characters. */
const SIGNER_LINE_RE = /^[ \t]*(?:(?!(?:Order|Account|Invoice|Ticket|Case|Reference|Total|Amount|Tracking|Booking|Customer|Member|Policy|Card|Number|Phone|Tel|Fax|Mobile)\b)\p{Lu}[\p{L}'’.-]*(?:[ ](?:\p{Lu}[\p{L}'’.-]*|van|von|de|der|den|da|do|dos|di|del|la|le|bin|al)){0,4}|[\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}]{1,4}(?:[ ][\p{Script=Han}\p{Script=Hangul}\p{Script=Katakana}]{1,4})?)[ \t]*$/u
let ALL_COUNTRIES: CountryCode[] | null = null
/**
 * Valid (not merely possible) in some country's numbering plan, asked only of a number already
 * found invalid in `tried` (the hints and the fallback list): those are not parsed again, each
 * parse costing as much as the rest of a line's detection.
 */
function validSomewhere(value: string, tried: readonly CountryCode[]): boolean {
  return remember(VALID_SOMEWHERE, value, 5_000, () => {
    ALL_COUNTRIES ??= getCountries()
    const skip = new Set(tried)
    return ALL_COUNTRIES.some((country) => !skip.has(country) && readingOf(value, country).valid)
  })
}
const VALID_SOMEWHERE = new Map<string, boolean>()

export function detectPhones(text: string): Candidate[] {
  const out: Candidate[] = []
  let hints: CountryCode[] | null = null
  for (const m of text.matchAll(CANDIDATE_RE)) {
    let value = m[0].replace(/[ \t.(\/-]+$/, '')
    let start = m.index
    // an unopened ")" at the end, or an unclosed "(" at the start, belongs to the sentence
    if (value.endsWith(')') && !value.includes('(')) value = value.slice(0, -1)
    if (value.startsWith('(') && !value.includes(')')) {
      value = value.slice(1)
      start++
    }
    let main = value.replace(/,?[ \t]?(?:ext\.?|x|extension|poste)[ \t]?\d{1,5}$/i, '')
    // a phone number run into the next number ("+44 7700 900461 4539 1488…"): drop whole groups from the end
    while (main.replace(/\D/g, '').length > 15 && /[ \t]\d+$/.test(main)) main = main.replace(/[ \t]+\d+$/, '')
    if (main.length < value.length && !/,?[ \t]?(?:ext\.?|x|extension|poste)[ \t]?\d{1,5}$/i.test(value)) value = main
    const digits = main.replace(/\D/g, '')
    if (digits.length < 5 || digits.length > 15) continue
    if (CURRENCY_AFTER_RE.test(text.slice(start + value.length, start + value.length + 8))) continue
    // five or six digits are whole numbers only in small countries ("40123" on Ascension, "71 234" in the Cook Islands)
    const short = digits.length < 7
    if (DATE_LIKE_RE.test(main)) continue
    // a speaker label ("customer: ") says who speaks, not what the number is
    const lineStart = lineBefore(text, start, 40)
    // ("Phone:", "Tel.:" are fields: they say what it is)
    const before = PHONE_FIELD_RE.test(lineStart) ? lineStart : lineStart.replace(/^[ \t]*[\p{L} .'’()-]{1,30}:[ \t]*$/u, '')
    const context = `${previousLine(text, start).slice(-60)} ${before}`
    // "56292909 is my number, call me back": said after the number
    const namedAfter =
      AFTER_CUE_RE.test(text.slice(start + value.length, start + value.length + 40)) ||
      // a signature: the number alone on its line under a name ("Maja Justesen\n4242 3664")
      // (seven digits or more: "Deutschland\n80331" closes an address with its postcode)
      (digits.length >= 7 && /^[ \t]*$/.test(lineStart) && /^[ \t]*$/.test(lineAfter(text, start + value.length, 10)) && SIGNER_LINE_RE.test(previousLine(text, start)))
    const cued = CUE_RE.test(before) || /\b(?:phone|call|mobile|number|tel|ring|text)\b/i.test(context) || namedAfter
    if (NOT_PHONE_CUE_RE.test(before) && !CUE_RE.test(before)) continue
    // a phone word right before the number, or "… is my mobile" right after it
    const strong = STRONG_CUE_RE.test(before) || STRONG_CUE_RE.test(previousLine(text, start).slice(-30)) || namedAfter
    if (short) {
      // only asked for as a phone, undivided or grouped, and valid in some country's plan
      if (!strong || /^(?:\+|00)/.test(main) || !validSomewhere(main, [])) continue
      out.push({ start, end: start + value.length, label: 'phone', priority: PRIORITY.accountCued + 1 })
      continue
    }
    // "12.50" or "3,141592" is an amount; "041.2345678" after "call me on" is a number written with a dot
    if (/^\d+[.,]\d+$/.test(main) && !(cued && digits.length >= 8 && /^0/.test(main)) && !(strong && /^\d+\.\d+$/.test(main))) continue
    const international = /^(?:\+|00)/.test(main)
    const grouped = /[ \t().\/-]/.test(main)
    if (international) {
      // an explicit +country code is intent enough: a possible length for that country will do
      // with a phone word, a grouped number the plan no longer knows ("+52 1 55 …", Mexico's old mobile prefix) still is one
      if (!possibleInternational(main.replace(/^00/, '+')) && !(cued && grouped && digits.length >= 9)) continue
    } else {
      // undivided digits are usually order or account numbers: a leading 0 or a cue makes them a phone
      if (!grouped && !main.startsWith('0') && !cued) continue
      // "4471-2290": two short groups without a phone word are references or postcodes
      if (main.split(/[ \t().\/-]+/).filter(Boolean).length === 2 && digits.length <= 8 && !cued && !strong) continue
      hints ??= countryHints(text)
      // a phone word right before the number: valid anywhere will do ("Tel: 79 56 12 34" in Burundi)
      if (!phoneIn(main, hints, cued) && !phoneIn(main, FALLBACK, cued) && !(strong && validSomewhere(main, [...hints, ...FALLBACK]))) continue
    }
    // a number the phone plan accepts, asked for as a phone, beats a reference cue further back
    const askedForPhone = (namedAfter || /\b(?:phone|mobile|cell|tel|telephone|call|ring|whatsapp|landline)\b/i.test(context)) && !NOT_PHONE_CUE_RE.test(before)
    out.push({ start, end: start + value.length, label: 'phone', priority: askedForPhone ? PRIORITY.accountCued + 1 : PRIORITY.phone })
  }
  return out
}
