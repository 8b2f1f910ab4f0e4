/**
 * Word lists built from maintained packages (see training/build-gazetteer.ts). Lookups are by the
 * lower-case word; a hit is a feature for the tagger, never a decision on its own.
 */
import data from './gazetteer.json'

export const FIRST_NAMES: ReadonlySet<string> = new Set(data.firstNames)
export const SURNAMES: ReadonlySet<string> = new Set(data.surnames)
export const STREET_WORDS: ReadonlySet<string> = new Set(data.streetWords)
export const CITY_WORDS: ReadonlySet<string> = new Set(data.cityWords)
export const CITIES: ReadonlySet<string> = new Set(data.cities)
/**
 * GeoNames towns of 10,000 people or more that CITIES lacks, none an everyday word or given name:
 * read only by the place rules after the tagger, and only after a word that comes before a place.
 */
export const TOWNS: ReadonlySet<string> = new Set(data.towns)
/** Common given names that no list knows as anything else ("Isaiah", "Miranda"). */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(data.givenNames)
/** Chinese, Japanese and Korean given names and surnames, in their own scripts ("太郎", "佐藤", "민준", "김"). */
export const CJK_GIVEN_NAMES: ReadonlySet<string> = new Set(data.cjkGivenNames)
export const CJK_SURNAMES: ReadonlySet<string> = new Set(data.cjkSurnames)
/** Given names and surnames, word by word, in other scripts without capitals (Arabic, Hebrew, Thai, Devanagari, Georgian…). */
export const UNCASED_GIVEN_NAMES: ReadonlySet<string> = new Set(data.uncasedGivenNames)
export const UNCASED_SURNAMES: ReadonlySet<string> = new Set(data.uncasedSurnames)
/** Towns named like a common given name ("Norman", "Madison", "Mary"). */
export const GIVEN_NAME_TOWNS: ReadonlySet<string> = new Set(data.givenNameTowns)
export const COUNTRIES: ReadonlySet<string> = new Set(data.countries)
/** States, provinces and counties ("Texas", "Bavaria", "Kent"). */
export const REGIONS: ReadonlySet<string> = new Set(data.regions)
/** States that only the long name lists call given names ("Kansas", "Utah"): read as the state. */
export const STATES_IN_NAME_LISTS: ReadonlySet<string> = new Set(data.statesInNameLists)
/** Country names in scripts other than Latin, Greek and Cyrillic: read only on an address block's last line. */
export const COUNTRIES_IN_OTHER_SCRIPTS: ReadonlySet<string> = new Set(data.countriesInOtherScripts)
export const ORG_SUFFIXES: ReadonlySet<string> = new Set(data.orgSuffixes)
/** One-word brand names (companies, services, platforms). */
export const BRANDS: ReadonlySet<string> = new Set(data.brands)
const COMMON: ReadonlySet<string> = new Set(data.common)
/** Function words of about 50 languages ("und", "który", "questo"): many are also names somewhere. */
export const STOPWORDS: ReadonlySet<string> = new Set(data.stopwords)
/** What forms and headers call their fields, in many languages ("Poruka", "Kundenservice", "Codice"). */
export const FIELD_LABEL_WORDS: ReadonlySet<string> = new Set(data.fieldLabels)
/** Trade words of many languages that begin or end a company's name ("Elektro", "Trattoria", "Hotel"). */
export const BUSINESS_WORDS: ReadonlySet<string> = new Set(data.businessWords)
/** First words of institutions in many languages ("Banco", "Universität", "Junta"): the name is an organisation. */
export const INSTITUTION_WORDS: ReadonlySet<string> = new Set(data.institutionWords)
/** Function words of languages that capitalise every noun (German): two in a text mean capitals are no sign of a name. */
export const NOUN_CAPITALISING_WORDS: ReadonlySet<string> = new Set(data.nounCapitalising)
/** The kind a field's value has, by its whole label in lower case ("ciudad" → place). */
export const FIELD_KIND: ReadonlyMap<string, 'PER' | 'LOC' | 'ORG'> = new Map([
  ...data.personFields.map((l) => [l, 'PER'] as const),
  ...data.placeFields.map((l) => [l, 'LOC'] as const),
  ...data.companyFields.map((l) => [l, 'ORG'] as const),
])

/** Currencies named after an amount ("20000 Euro", "500 Rand"): some are towns' names too. */
export const CURRENCY_WORDS: ReadonlySet<string> = new Set(['euro', 'euros', 'eur', 'dollar', 'dollars', 'pound', 'pounds', 'rand', 'real', 'reais', 'peso', 'pesos', 'franc', 'francs', 'krona', 'kronor', 'krone', 'kroner', 'zloty', 'złoty', 'forint', 'lira', 'lei', 'yen', 'yuan', 'rupee', 'rupees', 'dinar', 'dirham', 'shekel', 'won', 'baht', 'ringgit', 'lev', 'kuna', 'hryvnia', 'rubel', 'ruble', 'rubles'])

/** Words that end an organisation's name ("Blue Heron Outfitters", "Glenview Dental Surgery"). */
export const ORG_HEADS: ReadonlySet<string> = new Set(
  ('logistics bank banking telecom energy insurance airways airlines dental solutions systems foods media motors pharma travel hotels hotel ' +
    'consulting labs lab studio studios outfitters bakery clinic realty freight analytics games fitness books services service management ' +
    'advisors advisers associates surgery legal law trust partners group holdings capital print printing property properties pharmacy ' +
    'electrical plumbing garage academy school college university council agency ventures technologies technology software networks ' +
    'communications mobile broadband finance financial credit lending mortgages estates builders construction engineering transport ' +
    'couriers express retail stores store supermarket market markets shop boutique cafe café restaurant brasserie trattoria kitchen ' +
    'brewery vineyards farms dairy foundation charity institute hospital healthcare health care cleaning interiors design designs ' +
    'marketing digital records publishing press news radio tv accountants accountancy solicitors architects vets veterinary opticians')
    .split(' '),
)

/** isCommonWord's answers for words not in the lexicon as written, by the word. */
const notListed = new Map<string, boolean>()

/** Everyday English word (in the lexicon as something other than a name), singular or plural. */
export function isCommonWord(lower: string): boolean {
  if (COMMON.has(lower)) return true
  // the other words (names, numbers, codes) come back again and again: their answer is kept
  let known = notListed.get(lower)
  if (known === undefined) {
    known = isInflectedCommonWord(lower)
    if (notListed.size >= 50_000) notListed.clear()
    notListed.set(lower, known)
  }
  return known
}

/** isCommonWord for a word the lexicon lacks as written: a contraction or a plural of one it holds. */
function isInflectedCommonWord(lower: string): boolean {
  // contractions: "can't", "it's", "we're", "i've"
  const stem = lower.replace(/(?:n['’]t|['’](?:s|re|ve|ll|d|m))$/, '')
  if (stem !== lower) return stem === 'i' || stem === 'ca' || stem === 'wo' || COMMON.has(stem)
  if (lower.length > 3 && lower.endsWith('s')) {
    if (COMMON.has(lower.slice(0, -1))) return true
    if (lower.endsWith('ies') && COMMON.has(`${lower.slice(0, -3)}y`)) return true
    // "-es" only after the endings English pluralises that way ("boxes", "churches"): "James" is no "jam"
    if (lower.endsWith('es') && /(?:s|x|z|ch|sh|o)es$/.test(lower) && COMMON.has(lower.slice(0, -2))) return true
  }
  return false
}
