/**
 * Postal addresses as people write them outside the UK and the US: a block of short lines (or one
 * line of comma-separated parts) holding a street with its number, maybe a flat, a postcode in its
 * national format (often with a country prefix: "LV-1009", "D-10115", "NL 1012 AB") and a town.
 *
 *   Hauptstraße 12          ul. Marszałkowska 5/7 m. 3      Rua Augusta 123, 2º Esq
 *   3. OG links             00-624 Warszawa                 1100-053 Lisboa
 *   D-10115 Berlin
 *
 * Each part is read on its own (street → address, flat → address, postcode → postcode, town →
 * place) and a part only counts when its neighbours make the block an address: a postcode-shaped
 * number beside a capitalised word is a postcode only next to a street or in a line that is nothing
 * else. Only lines holding a digit are looked at first, so text without addresses costs little.
 */
import { DEGREE_TITLES, TITLES, titleOpeningRe, UNCASED_WORD } from './text-lines'
import { CITIES, COUNTRIES, COUNTRIES_IN_OTHER_SCRIPTS, FIELD_KIND, FIELD_LABEL_WORDS, isCommonWord, REGIONS, STOPWORDS } from './gazetteer'
import { isFirstName } from './cues'
import type { PiiLabel } from './types'

type Push = (start: number, end: number, label: PiiLabel, priority: number) => void
export interface BlockPriorities {
  address: number
  postcode: number
  place: number
}

/** Words that make a run of words a street, in many languages (lower case, matched as whole words or word endings). */
const STREET_WORDS =
  'street st str road rd avenue ave av avda avd lane ln drive dr boulevard blvd bd bld way court ct place pl plaza terrace close crescent square sq highway hwy parkway pkwy circle trail row mews grove gardens walk parade quay wharf embankment esplanade promenade alley ring ' +
  'rue chemin allée allee impasse quai cours route voie sentier passage faubourg rond-point ' +
  'calle carrer carrera camino paseo passeig ronda travesía travesia avenida avinguda plaça praza callejón calzada carretera ' +
  'cerrada privada retorno andador circuito prolongación prolongacion arrabal glorieta pasaje urbanización urbanizacion cuesta lugar eje barrio bajada subida paraje rambla vereda ' +
  'küçəsi küç prospekti döngəsi şossesi sahəsi ko‘chasi ko\'chasi kochasi daxasi mavzesi qishlog‘i qishlog\'i shoh ' +
  'via viale corso piazza piazzale largo vicolo contrada strada borgo lungomare ' +
  'rua travessa praça praca estrada alameda rodovia ' +
  'ul ulica ulicy al aleja aleje os osiedle plac pl skwer szosa rondo bulwar bulw wybrzeże wyb pasaż zaułek droga trakt ' +
  'ulice nám náměstí třída trieda námestie ' +
  'utca út tér körút köz sétány liget fasor rakpart körtér ' +
  'strada str bulevardul bd calea aleea șoseaua soseaua piața intrarea splaiul drumul ' +
  'iela prospekts gatvė gatve prospektas tänav tn mnt maantee puiestee ' +
  'gata gatan vägen väg gränd torget gate veien vei vej gade allé alle plads stræde katu tie kuja polku väylä ' +
  'straat laan weg plein gracht kade dijk singel steeg hof ' +
  'straße strasse gasse platz allee damm ufer chaussee zeile ' +
  'odos οδός οδος λεωφόρος λεωφ πλατεία ' +
  'улица ул проспект пр пр-т переулок пер шоссе бульвар площадь набережная наб тупик аллея проезд вулиця вул провулок майдан ' +
  'jalan jl jln soi thanon đường duong phố pho ' +
  'caddesi cadde cad sokak sokağı sokagi sok sk bulvarı bulvari blv mahallesi mah ' +
  'شارع طريق'
const STREET_WORD_SET: ReadonlySet<string> = new Set(STREET_WORDS.split(' '))
/** Glued endings: "Hauptstraße", "Lindenweg", "Storgatan", "Mannerheimintie", "Keizersgracht". */
const STREET_ENDING_RE = /(?:straße|strasse|str\.|gasse|weg|platz|allee|ring|damm|ufer|steig|pfad|gatan|vägen|gränd|gata|gaten|veien|vegen|vej|gade|stræde|straat|laan|gracht|plein|kade|dijk|singel|katu|tie|kuja|polku|utca|útja|iela|gatvė|tänav|street|road)$/iu
/** A house number: "12", "12a", "5/7", "221B", "12-14", "12 bis", "3-12-5" (block, lot and house). */
const HOUSE_NUMBER = String.raw`(?:s\/n\.?|\d{1,5}(?:[ ]?[A-Za-z](?![\p{L}])(?:[ ]\d{1,3}(?![\d]))?)?(?:[\/-]\d{1,4}[A-Za-z]?)?(?:-\d{1,4})?(?:[ ](?:bis|ter|I{1,3}|IV))?)`
/** A building's or a stair's word before its letter ("Scala B", "Bâtiment B", "Blok 4"). */
const BUILDING_WORD = '[Ss]cala|[Bb]âtiment|[Bb]atiment|[Bb]uilding|[Bb]ldg|[Bb]lock|[Ee]scalera|[Hh]aus|[Gg]ebäude|[Tt]orre|[Ee]dificio|[Bb]loc|[Bb]lok|[Pp]ortal|[Ee]ntrada'
/** Flats written without a digit: "Oppgang A", "R/C", "Bajo Izda.", "Scala B". */
const FLAT_WITHOUT_DIGIT_RE = new RegExp(String.raw`^(?:[Oo]ppgang|R\/C|Bajo|Entresuelo|Ático|Atico|${BUILDING_WORD})(?![\p{L}])`, 'u')
/** A flat or floor after the number: "m. 3", "lok. 5", "2º Esq", "piso 4", "Apt 5B", "/ 3", "Top 7", "bus 2", "4. tv" (Danish), "3 hoog" (Dutch). */
const UNIT_WORDS = 'm. lok. leil. hus apt. apartment app. flat unit suite piso planta puerta pta. esc. bus bte top stiege tür whg. wohnung etg. lgh int. interno scala sc. dpto. depto. dept. apto. of. ap. kv. кв. daire kat zimmer piano casa sala bloco'
/** Each flat word, lower case or capitalised, its dot optional ("apt", "Apt.", "Zimmer"). */
const UNIT_WORD = UNIT_WORDS.split(' ')
  .sort((a, b) => b.length - a.length)
  .map((w) => `[${w[0].toUpperCase()}${w[0]}]${w.slice(1).replace(/\.$/, '\\.?')}`)
  .join('|')
const UNIT = String.raw`(?:(?:${UNIT_WORD}|D:)[ ]?:?[ ]?\d{1,4}[A-Za-z]?|\d{1,2}\.[ ]?em\.?(?:[ ]\d{1,3}\.?[ ]?ajtó)?|[Oo]ppgang [A-Z]|R\/C(?:[ ](?:Esq|Dto|Dt|Dir)\.?)?|\d{1,2}[ ]?(?:Esq|Dto|Dt|Dir)\.?|(?:Bajo|Entresuelo|Ático|Atico)(?:[ ](?:Izda|Dcha|Izq|Der)\.?)?|\d{1,2}\.[ ]?(?:tv|th|mf)\.?|st\.[ ]?(?:tv|th|mf)\.?|\d{1,2}[ ](?:hoog|hg)(?:[ ](?:achter|voor))?|\d{1,2}[ºª°][ ]?(?:esq\.?|dto\.?|dta\.?|izq\.?|dcha\.?|d\.?|e\.?|[A-Z])?|\d{1,2}\.?[ ](?:OG|EG|DG|étage|etage|piso|andar|floor)(?:[ ](?:links|rechts|mitte|esq\.?|dto\.?))?|\d{1,2}e[ ]verdieping|\d{1,2}(?:e|er|ème)[ ]étage|(?:${BUILDING_WORD})\.?[ ][A-Z0-9]{1,3}(?![\p{L}\p{N}])|\d{1,4}-uy|\d{1,2}(?:ος|ης)(?![\p{L}]))`

const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*|(?:${STREET_WORDS.replace(/[.]/g, '\\.').split(' ').sort((a, b) => b.length - a.length).join('|')})\.?(?![\p{L}])|\d{1,3}(?:st|nd|rd|th|\.)|(?:de|del|della|delle|dei|degli|dello|di|da|do|dos|das|du|des|la|le|les|el|los|las|van|von|der|den|am|an|im|in|zum|zur|auf|of|the|and|y|e|i|und|ta|tal|ul\.?|al\.?|os\.?|pl\.?|ulica|aleja|rue|chemin|avenue|boulevard|allée|impasse|quai|place|route|calle|carrer|avenida|avinguda|paseo|passeig|plaza|plaça|via|viale|corso|piazza|largo|rua|travessa|praça|estrada|strada|calea|odos|jalan|soi)|\p{Ll}+(?:straße|strasse|gasse|weg|platz|allee|gatan|vägen|vej|gade|straat|laan|katu|tie|utca|iela|tänav))`
/** "Adama Asnyka 1", "ul. Marszałkowska 5/7 m. 3", "Rua Augusta 123, 2º Esq", "Calle Mayor, 5". */
const NAME_THEN_NUMBER_RE = new RegExp(String.raw`^(${NAME_WORD}(?:[ ]${NAME_WORD}){0,5}),?[ ](?:nº[ ]?|[Nn]o[.:]?[ ]?|nr\.?[ ]?|n\.?[ ]?|č\.?[ ]?|#)?${HOUSE_NUMBER}(?:,?[ ]${UNIT}(?:,?[ ]${UNIT})?)?$`, 'u')
/** A street's name alone, without a number ("Via dei Gondi"): it counts only with a street word. */
const STREET_NAME_ONLY_RE = new RegExp(String.raw`^${NAME_WORD}(?:[ ]${NAME_WORD}){1,5}$`, 'u')
/** "12 rue de la Paix", "221B Baker Street", "5 Avenue Anatole France", "12, Odos Ermou". */
const NUMBER_THEN_NAME_RE = new RegExp(String.raw`^${HOUSE_NUMBER},?[ ](${NAME_WORD}(?:[ ]${NAME_WORD}){0,5})(?:,?[ ]${UNIT})?$`, 'u')
/** A part that is only a flat or a floor ("3. OG links", "m. 3", "Apt 4B", "2º Esq."). */
const UNIT_ONLY_RE = new RegExp(String.raw`^(?:${UNIT}|(?:flat|apartment|apt\.?|unit|suite|wohnung|whg\.?|lgh|étage|etage|piso|andar|floor|level|block|blk|building|bldg|tower|room|stock|kat|m\.)[ ]?\d{1,4}[A-Za-z]?\.?|\d{1,2}\.?[ ](?:stock|étage|etage|floor|kat|krs\.?|kerros|sal|våning|etasje|sal\.?))\.?$`, 'iu')

/**
 * Postcodes of many countries, with an optional country prefix ("D-10115", "LV-1009", "NL 1012 AB",
 * "CH-8001", "〒730-0846"). Order matters: longer shapes first.
 */
const POSTCODE = String.raw`(?:〒[ ]?)?(?:[A-Z]{2}-\d{3,4}-\d{4}|[A-Z]{2}[ -]\d{4}[ ]?[A-Z]{2}(?![\p{L}])|\d{4}[ ]?[A-Z]{2}(?![\p{L}])|(?:[A-Z]{1,2})-?(?=\d{4,5}(?![\d-]))\d{4,5}|\d{5}-\d{4}|\d{5}-\d{3}|\d{4}-\d{3}|\d{3}-\d{4}|\d{2}-\d{3}|\d{3}[ ]\d{2}|\d{4}[ ]?[A-Z]{2}(?![\p{L}])|[A-Z]\d{4}[A-Z]{3}|\d{4,7}|[A-Z]{1,2}\d[A-Z\d]?[ ]\d[A-Z]{2}|[A-Z]\d[\dW][ ][A-Z\d]{4}(?![\p{L}\p{N}])|[A-Z]\d[A-Z][ ]?\d[A-Z]\d|\d{3})`
/** A town's name: capitalised words, not an all-capitals region code ("NSW", "VIC"). */
/** A capitalised word, or a word of a script without capitals with its vowel signs ("কসবা", "ধরান"). */
const TOWN_WORD = String.raw`(?:\p{Lu}(?:[\p{Ll}'’.-][\p{L}'’.-]*)?|${UNCASED_WORD})`
const TOWN = String.raw`${TOWN_WORD}(?:[ -](?:(?:de|del|la|le|les|am|an|im|der|sur|sous|en|upon|on|of|di|da|do|dos|das|ob|nad|pod|bei)[ -])?${TOWN_WORD}){0,3}`
/** "00-624 Warszawa", "D-10115 Berlin", "1100-053 Lisboa", "1012 AB Amsterdam", "75001 Paris Cedex 01". */
const CODE_THEN_TOWN_RE = new RegExp(String.raw`^(${POSTCODE})[ ]+(${TOWN})(?:[ ][A-Z]{2})?(?:[ ](?:Cedex|CEDEX)(?:[ ]\d{1,2})?)?$`, 'u')
/** "Malé 20237", "Reykjavík 101", "Athens 105 63", "Dublin D02 X285", "Lisboa, 1100-053" (comma split already). */
const TOWN_THEN_CODE_RE = new RegExp(String.raw`^(${TOWN})(?:[ ]([A-Z]{2,3}))?[ ]+(${POSTCODE})$`, 'u')
const CODE_ONLY_RE = new RegExp(String.raw`^(${POSTCODE})$`, 'u')
/** A town, maybe with its region's code ("Belo Horizonte - MG", "Roma RM"). */
const TOWN_ONLY_RE = new RegExp(String.raw`^(${TOWN})(?:[ ]-?[ ]?[A-Z]{2})?$`, 'u')
/** Said before an address ("Address:", "Adresse :", "ship to", "I live at"): a block may start here. */
const ADDRESS_CUE_RE = /(?:address|addr|adresse|adres|adresa|adress|anschrift|dirección|direccion|indirizzo|endereço|endereco|osoite|cím|lakcím|διεύθυνση|адрес|ship(?:ping)? to|deliver(?:y)? to|send (?:it|them|this|the \w+) to|post (?:it|them) to|live at|living at|moved to|lives at|located at|wohne in|wohnhaft|domicilio|residenza|vivo en|mieszkam|bor på|asun)\b[^\n]{0,12}$/iu

const CUE_HINT_RE = /address|adress|adres|ship|deliver|send|anschrift|direcci|indirizzo|endere|osoite|διεύθυνση|адрес/i
/** An address cue ending its line: the block starts on the next line. */
const CUE_HINT_GLOBAL_RE = new RegExp(CUE_HINT_RE.source, 'gi')

interface Part {
  start: number
  end: number
  value: string
  kind: 'street' | 'unit' | 'codeTown' | 'townCode' | 'code' | 'town' | 'region' | 'other'
  match?: RegExpExecArray
}

/** More of the US Postal Service's street suffixes ("Horacio Groves", "Hagenes Landing"): as often plain words, so only capitalised after a capitalised name. */
export const MORE_STREET_SUFFIXES: ReadonlySet<string> = new Set(
  ('annex arcade bayou beach bend bluff bluffs bottom branch bridge brook brooks burg burgs bypass camp canyon cape centers circles cliff cliffs club commons corner corners course courts cove coves creek crest crossing crossroad curve dale dam divide drives estates expressway extension extensions falls ferry flat flats ford fords forest forge forges fork forks fort freeway glen glens greens groves harbor harbors haven highway hills inlet island islands isle junction junctions key keys knoll knolls lake lakes land landing light lights loaf lock locks manors mission motorway mount mountain mountains neck orchard oval overpass parks parkways pass passage pines plain plains point points port ports prairie radial ramp ranch rapid rapids rest ridges river roads route run shoal shoals shore shores skyway spring springs spur spurs squares station stravenue stream streets summit throughway trace track trafficway trailer tunnel turnpike underpass union unions valley valleys viaduct views village villages ville walks wall ways well wells').split(' '),
)
function hasStreetWord(words: string): boolean {
  const list = words.split(/[ ,]+/)
  for (const [i, raw] of list.entries()) {
    const w = raw.toLowerCase().replace(/\.$/, '')
    // "St. John's" is a saint's town, "Main St." a street
    if (i === 0 && w === 'st') continue
    if (STREET_WORD_SET.has(w) || STREET_ENDING_RE.test(raw)) return true
    // "Horacio Groves", not "1000 Islands" or the town "Palm Springs"
    if (i > 0 && MORE_STREET_SUFFIXES.has(w) && /^\p{Lu}/u.test(raw) && /^\p{Lu}/u.test(list[i - 1]) && !CITIES.has(words.replace(/^[\d ,]+/, '').toLowerCase())) return true
  }
  return false
}

/**
 * A street named without a number has its street word first or last ("Calle Mayor", "Abbey
 * Road"): in "Gilberto Carrera Frías" the word in the middle is a surname.
 */
function streetWordAtEdge(value: string): boolean {
  const words = value.split(/[ ,]+/).filter(Boolean)
  const isStreetWord = (w: string) => STREET_WORD_SET.has(w.toLowerCase().replace(/\.$/, '')) || STREET_ENDING_RE.test(w)
  return words.length > 0 && (isStreetWord(words[0]) || isStreetWord(words[words.length - 1]) || MORE_STREET_SUFFIXES.has(words[words.length - 1].toLowerCase()))
}

function isCountryOrRegion(value: string): boolean {
  const lower = value.toLowerCase()
  return COUNTRIES.has(lower) || REGIONS.has(lower) || COUNTRIES_IN_OTHER_SCRIPTS.has(lower)
}

/** The country alone on the line after an address that ends its own line ("…市\nルーマニア", "…구\nYemen"). */
function pushCountryLineAfter(text: string, end: number, push: Push, priority: BlockPriorities): void {
  // (bounded looks: a text of one long line costs no more per address)
  const rest = text.slice(end, end + 20)
  const nl = rest.indexOf('\n')
  if (nl < 0 || rest.slice(0, nl).trim() !== '') return
  const from = end + nl + 1
  const next = text.slice(from, from + 61)
  const lineEnd = next.indexOf('\n')
  if (lineEnd < 0 && from + next.length < text.length) return
  const line = lineEnd < 0 ? next : next.slice(0, lineEnd)
  const value = line.trim()
  if (!value || !isCountryOrRegion(value)) return
  const start = from + line.indexOf(value)
  push(start, start + value.length, 'place', priority.place)
}

function isNamePlace(value: string): boolean {
  const lower = value.toLowerCase()
  // a field's label ("Postleitzahl 10115", "CP 28013") is no town
  if (FIELD_LABEL_WORDS.has(lower) || FIELD_KIND.has(lower)) return false
  return CITIES.has(lower) || (!COUNTRIES.has(lower) && !REGIONS.has(lower) && !isCommonWord(lower))
}

/**
 * The name beside a postcode ("20121 Milano", "01310-100 São Paulo"): a town even where the name
 * is also its province's or state's, and where the town list has only its English name.
 */
function isPostcodeTown(value: string): boolean {
  const lower = value.toLowerCase()
  // a country is no postcode's town, but a city state is ("Singapore 560123")
  if (FIELD_LABEL_WORDS.has(lower) || FIELD_KIND.has(lower) || (COUNTRIES.has(lower) && !CITIES.has(lower))) return false
  return CITIES.has(lower) || REGIONS.has(lower) || !isCommonWord(lower)
}

/** A street in Arabic script: "شارع" (street) or "طريق" (road), then one to five words and maybe a number. */
const ARABIC_STREET_RE = /^(?:شارع|طريق)[ ][\p{Script=Arabic}]+(?:[ ][\p{Script=Arabic}]+){0,4}(?:[ ]\d{1,5})?$/u

/** What one comma-separated part of a line is. */
const PARTICLES = new Set('de del della delle di da do dos das du des la le les el los las van von der den am an im in zum zur auf of the and y e i und ta tal'.split(' '))

/** Every word before the first number is capitalised, a street word or a particle ("ul. Nowy Świat 5"). */
function namesBeforeNumber(value: string): boolean {
  const words = value.split(' ')
  let k = 0
  for (; k < words.length && !/^(?:\d|(?:[Nn][or]|nº)[.:]?\d)/.test(words[k]); k++) {
    const w = words[k].replace(/[.,]$/, '')
    if (!/^\p{Lu}/u.test(w) && !/^\d{1,3}(?:st|nd|rd|th)$/.test(w) && !STREET_WORD_SET.has(w.toLowerCase()) && !PARTICLES.has(w.toLowerCase()) && !STREET_ENDING_RE.test(w)) return false
  }
  return k > 0 && k < words.length
}

/** value.split(' ').length > n, without making the words. */
function wordsOver(value: string, n: number): boolean {
  let spaces = 0
  for (let i = value.indexOf(' '); i >= 0; i = value.indexOf(' ', i + 1)) if (++spaces >= n) return true
  return false
}

function classify(value: string, start: number): Part {
  const part: Part = { start, end: start + value.length, value, kind: 'other' }
  if (value.length < 2 || value.length > 60) return part
  // a street's other name in brackets ("4 Sam Nujoma Avenue (Kaiser Wilhelm St)"): read without it, replaced with it
  if (value.includes('(')) {
    const core = value.replace(/[ ]?\([^()\n]{1,40}\)/g, '')
    if (core !== value && classify(core, start).kind === 'street') part.kind = 'street'
    return part
  }
  let m: RegExpExecArray | null
  // cheap rejections first: a clause of many words, or one opening with an everyday lower-case word
  if (wordsOver(value, 8)) return part
  // a country or a region, in any case ("Norway", "mazowieckie", "Île-de-France"): a place only inside an address block
  if (!/\d/.test(value) && isCountryOrRegion(value)) {
    part.kind = 'region'
    // "the Netherlands": the article is not the name
    const article = /^the /i.exec(value)?.[0].length ?? 0
    part.start += article
    part.value = value.slice(article)
    return part
  }
  // "г. Москва", "пос. Рощино": a Russian town after its kind's abbreviation; the name is the place
  const russianTown = /^(?:г|гор|пос|пгт|с|дер)\.[ ]?(\p{Lu}[\p{L}-]+(?:[ ]\p{Lu}[\p{L}-]+)?)$/u.exec(value)
  if (russianTown) {
    part.kind = 'town'
    part.start = start + value.length - russianTown[1].length
    part.value = russianTown[1]
    return part
  }
  const first = /^[\p{Ll}][\p{L}]*/u.exec(value)?.[0]
  if (first && !STREET_WORD_SET.has(first) && !/^(?:unit|flat|apt|apartment|suite|piso|planta|m|lok|app|whg|wohnung|lgh|kv|кв|ap|apto|dpto|depto|dept|etg|bus|bte|top|tür|int|interno|scala|sc|of|floor|level|block|blk|building|bldg|tower|room)$/.test(first)) {
    // only "ul." style abbreviations and street words may open a part in lower case
    return part
  }
  // "شارع سفيان", "شارع النزهة 12": Arabic has no capitals, the street word opens the name
  if (ARABIC_STREET_RE.test(value)) {
    part.kind = 'street'
    return part
  }
  // flats written without a digit ("Oppgang A", "R/C", "Bajo Izda.") and a Spanish street without a number ("… s/n")
  if (!/\d/.test(value) && FLAT_WITHOUT_DIGIT_RE.test(value) && UNIT_ONLY_RE.test(value)) {
    part.kind = 'unit'
    return part
  }
  if (/[ ]s\/n\.?$/.test(value) && (m = NAME_THEN_NUMBER_RE.exec(value))) {
    part.kind = 'street'
    part.match = m
    return part
  }
  if (/\d/.test(value)) {
    // what each shape needs, checked cheaply before its pattern runs
    const codeFirst = /^(?:〒|\d|[A-Z]{1,2}-?\d|[A-Z]{2} \d)/.test(value)
    const nameFirst = namesBeforeNumber(value)
    if (!codeFirst && !nameFirst && !/[\dA-Z]$/.test(value) && !/^\p{L}/u.test(value)) return part
    // "1100-053 Lisboa" is a postcode and a town, "12 rue de la Paix" a street
    // three digits before one town's name ("100 Tórshavn", "504 Tegucigalpa") are a postcode too
    if (codeFirst && (m = CODE_THEN_TOWN_RE.exec(value)) && !hasStreetWord(m[2]) && (!/^\d{1,3}[ ]/.test(value) || (/^\d{3}[ ]/.test(value) && /^\p{Lu}\p{Ll}+$/u.test(m[2])))) {
      part.kind = 'codeTown'
      part.match = m
      return part
    }
    if (UNIT_ONLY_RE.test(value)) {
      part.kind = 'unit'
      return part
    }
    // "3144 SH" alone on its line is a Dutch postcode, not a house number and a street
    if (/^\d{4}[ ]?[A-Z]{2}$/.test(value) && (m = CODE_ONLY_RE.exec(value))) {
      part.kind = 'code'
      return part
    }
    if ((nameFirst && (m = NAME_THEN_NUMBER_RE.exec(value))) || (/^\d/.test(value) && (m = NUMBER_THEN_NAME_RE.exec(value)))) {
      const streetWord = hasStreetWord(value)
      // "Dublin 2" is a postal district; "Bondi 2026" a town and a postcode, not a house number
      const district = /^(\p{Lu}\p{Ll}+)[ ]\d{1,2}$/u.exec(value)
      if (!streetWord && district && CITIES.has(district[1].toLowerCase())) {
        part.kind = 'town'
        return part
      }
      // "Maseru 100", "Thimphu 810", "Tokyo 150-0002": a known town and a postcode-shaped number
      // ("Miami Gardens 76474": a town named with a street's word, before a five-digit code)
      const townCode = /^(\p{Lu}[\p{L}'’-]+(?:[ ]\p{Lu}[\p{L}'’-]+){0,2})[ ](\d{3,6}|\d{3}-\d{4}|\d{5}-\d{3,4}|\d{4}-\d{3}|\d{2}-\d{3})$/u.exec(value)
      if (townCode && (!streetWord || /^\d{5}/.test(townCode[2])) && CITIES.has(townCode[1].toLowerCase()) && (m = TOWN_THEN_CODE_RE.exec(value))) {
        part.kind = 'townCode'
        part.match = m
        return part
      }
      if (streetWord || !/(?:^|[ ])\d{4,}$/.test(value)) {
        part.kind = 'street'
        part.match = m ?? undefined
        return part
      }
    }
    if (codeFirst && (m = CODE_THEN_TOWN_RE.exec(value))) {
      part.kind = 'codeTown'
      part.match = m
      return part
    }
    if (/^\p{Lu}/u.test(value) && (m = TOWN_THEN_CODE_RE.exec(value))) {
      part.kind = 'townCode'
      part.match = m
      return part
    }
    if (codeFirst && (m = CODE_ONLY_RE.exec(value))) {
      part.kind = 'code'
      return part
    }
    return part
  }
  // "Route de la Résistance", "Abu Al Wafa Al Dajani Street": more words or particles than a town's name
  if (!TOWN_ONLY_RE.test(value) && STREET_NAME_ONLY_RE.test(value) && hasStreetWord(value)) {
    part.kind = 'street'
    return part
  }
  if ((m = TOWN_ONLY_RE.exec(value))) {
    part.kind = hasStreetWord(value) ? 'street' : 'town'
    if (part.kind === 'town') {
      part.end = start + m[1].length
      part.value = m[1]
    }
  }
  return part
}

/** A house number, a spaced dash and the district's name ("1578 - Bela Vista"), as Brazilian addresses write them. */
const NUMBER_THEN_DISTRICT_RE = /^(\d{1,5}[A-Za-z]?)[ ][-–][ ](\p{Lu}[\p{L}'’]*(?:[ ](?:\p{Lu}[\p{L}'’]*|de|do|da|dos|das)){0,3})$/u

/** A house number on its own ("5", "nº 12", "12/3", "7B"). */
const HOUSE_NUMBER_RE = /^(?:nº|n\.?º?|no\.?|nr\.?|#|д\.|дом)?[ ]?\d{1,5}[A-Za-zА-Яа-я]?(?:[\/-]\d{1,4}[A-Za-zА-Яа-я]?)?$/

const CLOSING_WORD_RE = /,?[ \t]+(?:please|pls|thanks|thank you|asap|today|tomorrow|now)[ \t]*[.!]?[ \t]*$/i

/** A house number and its flat ("492 кв. 947", "18 Puerta 624"): the rest of a street named before the comma. */
const NUMBER_THEN_UNIT_RE = new RegExp(String.raw`^\d{1,5}[A-Za-zА-Яа-я]?(?:[\/-]\d{1,4})?,?[ ]${UNIT}$`, 'u')

/** The comma-separated parts of the line [from, to), each trimmed, with a field label ("Adresse :") left out. */
function partsOf(text: string, from: number, to: number): Part[] {
  const parts: Part[] = []
  let district: RegExpExecArray | null
  let lineStart = from
  const label = /^[ \t]*[\p{L} ]{2,25}[ \t]*:[ \t]*/u.exec(text.slice(from, to))
  // "Bağdat Caddesi No: 12": a house number's "No:" is no field label
  if (label && !/\d/.test(label[0]) && !/(?:^|[ ])(?:no|nr|nro)[ \t]*:[ \t]*$/i.test(label[0])) {
    // a field of a person, a company, a phone or an e-mail is no part of an address ("Company: Boje Ltd" under it)
    const field = label[0].replace(/:[ \t]*$/, '').trim().toLowerCase()
    if (FIELD_KIND.get(field) === 'PER' || FIELD_KIND.get(field) === 'ORG' || /^(?:phone|tel|telephone|mobile|cell|fax|e-?mail|email address)$/.test(field)) return []
    lineStart = from + label[0].length
  }
  // "…, France please.": a word of politeness or time closing the line is not the country's
  const closing = CLOSING_WORD_RE.exec(text.slice(lineStart, to))
  if (closing) to -= closing[0].length
  let s = lineStart
  for (let i = lineStart; i <= to; i++) {
    if (i === to || text[i] === ',' || text[i] === ';') {
      let a = s
      let b = i
      while (a < b && /[\s]/.test(text[a])) a++
      while (b > a && /[\s.!?]/.test(text[b - 1]) && !/\b\p{L}\.$/u.test(text.slice(a, b))) b--
      if (b > a) {
        const part = classify(text.slice(a, b), a)
        const last = parts[parts.length - 1]
        // "Calle Mayor, 5": the number after the comma belongs to the street
        if (last?.kind === 'street' && !/\d/.test(last.value) && (HOUSE_NUMBER_RE.test(part.value) || NUMBER_THEN_UNIT_RE.test(part.value))) {
          last.end = part.end
          last.value = text.slice(last.start, last.end)
        } else if (last?.kind === 'street' && !/\d/.test(last.value) && (district = NUMBER_THEN_DISTRICT_RE.exec(part.value))) {
          // "Av. Paulista, 1578 - Bela Vista": the number is the street's, the district after the dash a place of its own
          last.end = part.start + district[1].length
          last.value = text.slice(last.start, last.end)
          const townStart = part.start + part.value.length - district[2].length
          parts.push({ start: townStart, end: part.end, value: district[2], kind: 'town' })
        } else if (last !== undefined && part.kind === 'street' && !/\d/.test(part.value) && HOUSE_NUMBER_RE.test(last.value)) {
          // "12, rue de la Paix": the number before the comma too
          last.kind = 'street'
          last.end = part.end
          last.value = text.slice(last.start, last.end)
        } else parts.push(part)
      }
      s = i + 1
    }
  }
  return parts
}

/**
 * A short line of address parts, or a sentence whose tail after an address cue is one ("Please
 * send it to Hauptstraße 12, 10115 Berlin"): the parts from that tail.
 */
function addressParts(text: string, lineStart: number, lineEnd: number): Part[] {
  // a block is read from each of its lines with a digit, and the second look at the output reads
  // the same lines again: a line's parts depend on that line alone, so they are kept by its text
  // (at offsets into the line)
  const line = text.slice(lineStart, lineEnd)
  let parts = partsByLine.get(line)
  if (parts === undefined) {
    parts = readParts(line, 0, line.length)
    if (partsByLine.size >= 20_000) partsByLine.clear()
    partsByLine.set(line, parts)
  }
  // copies: a block may set a part aside without changing what the next block reads
  return parts.map((p) => ({ ...p, start: p.start + lineStart, end: p.end + lineStart }))
}
const partsByLine = new Map<string, Part[]>()

function readParts(text: string, lineStart: number, lineEnd: number): Part[] {
  const line = text.slice(lineStart, lineEnd)
  if (line.length <= 90 && !(/[.!?]\s/.test(line) && /\p{Ll}{4}[.!?]\s+\p{Lu}/u.test(line))) {
    const parts = partsOf(text, lineStart, lineEnd)
    if (parts.some((p) => p.kind !== 'other')) {
      // a sentence with an address at its end: only what follows the cue
      if ((parts[0].kind === 'other' || parts[0].kind === 'street') && /\s/.test(parts[0].value)) {
        let best = -1
        for (const m of line.matchAll(ADDRESS_TAIL_CUE_RE)) {
          const at = m.index + m[0].length
          // "Calle de Alcalá 45": a street word before the cue makes it part of the street's name
          if (at < parts[0].end - lineStart && !hasStreetWord(line.slice(parts[0].start - lineStart, m.index + m[0].length - m[0].trimStart().length + 1))) best = at
        }
        if (best >= 0) {
          const rest = partsOf(text, lineStart + best, lineEnd)
          if (rest.some((p) => p.kind === 'street' || p.kind === 'codeTown')) return rest
        }
      }
      return parts
    }
    return []
  }
  // a longer sentence: the parts after an address cue, up to the end of the sentence
  // ("I live at Bank Gaborone, Queens Road, Gaborone, Botswana now.")
  if (line.length > 300) return []
  let from = -1
  for (const m of line.matchAll(INLINE_CUE_RE)) from = m.index + m[0].length
  if (from < 0) return []
  const stop = /[?!]|\.(?=\s+\p{Lu}|\s*$)/u.exec(line.slice(from))
  let to = stop ? from + stop.index : line.length
  // "…, 80658 Zamora was delivered": the sentence goes on in lower case after the postcode's town
  const lastComma = line.lastIndexOf(',', to - 1)
  if (lastComma >= from) {
    const goesOn = /^[ \t]*\d[^,]*?(?=[ \t]+\p{Ll}{3,}(?![\p{L}'’-]))/u.exec(line.slice(lastComma + 1, to))
    if (goesOn) to = lastComma + 1 + goesOn[0].length
  }
  const rest = partsOf(text, lineStart + from, lineStart + to)
  return rest.some((p) => p.kind === 'street' || p.kind === 'codeTown' || p.kind === 'townCode') ? rest : []
}

/** A cue before the address at the end of a short line ("… is Hauptstraße 12, 10115 Berlin"): one pattern, made once. */
const ADDRESS_TAIL_CUE_RE = /(?:^|[^\p{L}])(?:address(?: is)?|adresse|dirección|indirizzo|endereço|to|at|in|an|à|a|en|na|w|em|auf|der|die|la|el|il|de|is|ist|es|est|é|è|je|jest|är|er|on|osoitteessa|osoite|adres|adresa|adressen|bor i|wohne in|vivo en|moro n[ao]|abito in|woon op|mieszkam)[ \t]*:?[ \t]+(?=[\p{Lu}\d\p{Script=Arabic}]|(?:ul|al|os|pl|rue|calle|via|rua|str|ул|вул)\.?[ \t])/gu

const INLINE_CUE_RE = /(?:(?:parcel|package|shipment|delivery|letter|(?<!in[ \t])order|documents)[ \t](?:(?:was|were|is|is being|are)[ \t])?(?:(?:sent|shipped|delivered|posted|mailed|addressed|going)[ \t])?to|address(?: is)?|adresse|anschrift|dirección|direccion|indirizzo|endereço|adres|adresa|osoite|live at|living at|lives at|moved to|located at|send (?:it|them|this|that|the \w+) to|deliver(?:ed)? (?:it |them )?to|ship(?:ped)? (?:it |them )?to|post(?:ed)? (?:it|them) to|wohne in|vivo en|mieszkam (?:przy|na|w))[ \t]*:?[ \t]+/giu

/** A cheap look before INLINE_CUE_RE runs over the whole text. */
const INLINE_HINT_RE = /parcel|package|shipment|delivery|letter|order|documents|address|adress|adres|anschrift|direcci|indirizzo|endere|osoite|live|living|lives|moved|located|send|deliver|ship|post|wohne|vivo|mieszkam/i

function lineBounds(text: string, index: number): [number, number] {
  const start = text.lastIndexOf('\n', index - 1) + 1
  const nl = text.indexOf('\n', index)
  return [start, nl < 0 ? text.length : nl]
}

/**
 * Finds the address blocks around every line that holds a digit and pushes their parts. Lines
 * are short (≤ 90 characters): long lines are prose, read by the other detectors.
 */
export function detectAddressBlocks(text: string, push: Push, priority: BlockPriorities): void {
  if (CJK_HINT_RE.test(text)) detectCjkAddresses(text, push, priority)
  const seenLines = new Set<number>()
  // blocks without a digit ("Ship to\nRua Rio de Janeiro\nCentro"): the line after an address cue
  if (CUE_HINT_RE.test(text)) {
    for (const m of text.matchAll(CUE_HINT_GLOBAL_RE)) {
      // the cue ends its line ("Ship to", "My address is", "Delivery address:")
      const nl = text.indexOf('\n', m.index)
      if (nl < 0 || nl - m.index > 40) continue
      const cueLineStart = text.lastIndexOf('\n', m.index - 1) + 1
      if (!ADDRESS_CUE_RE.test(text.slice(Math.max(cueLineStart, nl - 60), nl).trimEnd())) continue
      const next = nl + 1 + (/^[ \t]*/.exec(text.slice(nl + 1, nl + 20))?.[0].length ?? 0)
      if (next >= text.length) continue
      let [ls, le] = lineBounds(text, next)
      // a building's or a shop's name first ("Betty's market", "CWE Hotel"): the block starts on the line after it
      if (le < text.length && le - ls <= 90 && addressParts(text, ls, le).length === 0) {
        const [ns, ne] = lineBounds(text, le + 1)
        // a line with a digit is read on its own below, as before
        if (ne - ns <= 90 && text.slice(ns, ne).trim() && !/\d/.test(text.slice(ns, ne)) && addressParts(text, ns, ne).length > 0) [ls, le] = [ns, ne]
      }
      if (seenLines.has(ls) || le - ls > 90) continue
      seenLines.add(ls)
      readBlock(text, ls, le, push, priority, seenLines, true)
    }
  }
  // a line without a digit holding an address after a cue in the sentence ("I live at Bank
  // Gaborone, Queens Road, Gaborone"): read like a line with a digit, where a street word must still make it a street
  if (INLINE_HINT_RE.test(text)) {
    for (const m of text.matchAll(INLINE_CUE_RE)) {
      const [ls, le] = lineBounds(text, m.index)
      if (seenLines.has(ls) || le - ls > 300 || /\d/.test(text.slice(ls, le))) continue
      seenLines.add(ls)
      readBlock(text, ls, le, push, priority, seenLines)
    }
  }
  // the next digit from a line's end, without copying the rest of the text for every line
  const digit = /\d/g
  for (let i = text.search(/\d/); i >= 0 && i < text.length; ) {
    const [ls, le] = lineBounds(text, i)
    digit.lastIndex = le
    i = digit.exec(text)?.index ?? -1
    if (seenLines.has(ls) || le - ls > 300) continue
    seenLines.add(ls)
    readBlock(text, ls, le, push, priority, seenLines)
  }
}

function readBlock(text: string, ls: number, le: number, push: Push, priority: BlockPriorities, seenLines: Set<number>, afterCue = false): void {
  const here = addressParts(text, ls, le)
  // a line with a digit starts a block only if a part of it is address-shaped (most chat lines are not)
  if (here.length === 0 || (!afterCue && !here.some((p) => p.kind !== 'other' && p.kind !== 'town'))) return
  // the block: up to three lines either side, each short and non-blank
  const lines: Array<{ start: number; end: number; parts: Part[] }> = [{ start: ls, end: le, parts: here }]
  for (let s = ls, n = 0; n < 3 && s > 0 && !afterCue; n++) {
    const [ps, pe] = lineBounds(text, s - 1)
    if (pe - ps > 90 || !text.slice(ps, pe).trim()) break
    const parts = addressParts(text, ps, pe)
    if (parts.length === 0) break
    lines.unshift({ start: ps, end: pe, parts })
    s = ps
  }
  for (let e = le, n = 0; n < 4 && e < text.length; n++) {
    const [ns, ne] = lineBounds(text, e + 1)
    if (ne - ns > 90 || !text.slice(ns, ne).trim()) break
    const parts = addressParts(text, ns, ne)
    if (parts.length === 0) break
    lines.push({ start: ns, end: ne, parts })
    seenLines.add(ns)
    e = ne
  }
  const all = lines.flatMap((l) => l.parts)
  const streets = all.filter((p) => p.kind === 'street' && /\d/.test(p.value) && (hasStreetWord(p.value) || p.value.split(' ').length >= 2))
  const codeTowns = all.filter((p) => (p.kind === 'codeTown' || p.kind === 'townCode') && isPostcodeTown(townOf(p)[2]))
  const cued = afterCue || ADDRESS_CUE_RE.test(text.slice(Math.max(0, lines[0].start - 60), lines[0].start).trimEnd()) || ADDRESS_CUE_RE.test(text.slice(Math.max(0, all[0].start - 40), all[0].start).trimEnd())
  const streetish = all.filter((p) => p.kind === 'street' && (/\d/.test(p.value) || hasStreetWord(p.value)))
  // a three-digit postcode ("Thimphu 810", "116 Muscat") only in a block that is surely an address
  const sure = cued || streetish.length > 0
  for (const p of all) if ((p.kind === 'codeTown' || p.kind === 'townCode') && /^\d{3}$/.test(townOf(p)[1]) && !sure) p.kind = 'other'
  // a street with a number and a postcode with a town, or either after an address cue, or a strong postcode line
  // (six digits only beside a town the lists know: "Singapore 560123", "Bengaluru 560038")
  const strongCode = codeTowns.some((p) => /[-\s]|^[A-Z]|^\d{5}$/.test(townOf(p)[1]) || (/^\d{6}$/.test(townOf(p)[1]) && CITIES.has(townOf(p)[2].toLowerCase())))
  // a country on the block's last line closes an address ("Perseverancia 209\nHavana\nCuba")
  const lastPart = lines[lines.length - 1].parts[0]
  const closedByCountry = lines.length > 1 && lines[lines.length - 1].parts.length === 1 && lastPart.kind === 'region' && COUNTRIES.has(lastPart.value.toLowerCase())
  const isAddress =
    (streets.length > 0 && (codeTowns.length > 0 || cued || closedByCountry || streets.some((p) => hasStreetWord(p.value)))) ||
    (codeTowns.length > 0 && (cued || strongCode || closedByCountry || streetish.length > 0)) ||
    (cued && streetish.length > 0)
  if (!isAddress) return
  const inBlock = new Set(all)
  for (const line of lines) {
    for (const [k, p] of line.parts.entries()) {
      if (!inBlock.has(p)) continue
      if (p.kind === 'street') {
        // a street with no number counts only beside a postcode line, a numbered street or after a cue
        if (!/\d/.test(p.value) && !(hasStreetWord(p.value) && streetWordAtEdge(p.value) && (codeTowns.length > 0 || streets.length > 0 || cued))) continue
        // "Frau Dr. Annegret Vogelsang": a titled addressee whose surname is also a street's name
        if (!/\d/.test(p.value) && ADDRESSEE_TITLE_RE.test(p.value)) continue
        push(p.start, p.end, 'address', priority.address)
      } else if (p.kind === 'unit' && (streets.length > 0 || k > 0)) push(p.start, p.end, 'address', priority.address)
      else if (p.kind === 'codeTown' || p.kind === 'townCode') {
        const [codeStart, code, town, townStart] = townOf(p)
        if (!isPostcodeTown(town)) continue
        push(codeStart, codeStart + code.length, 'postcode', priority.postcode)
        push(townStart, townStart + town.length, 'place', priority.place)
        // "Bondi NSW 2026", "20121 Milano MI": the state's or province's code is a place too
        const region = p.kind === 'townCode' ? (p.match as RegExpExecArray)[2] : undefined
        if (region) {
          const at = p.start + (p.match as RegExpExecArray)[0].indexOf(region, town.length)
          push(at, at + region.length, 'place', priority.place)
        }
        const provinceAfter = p.kind === 'codeTown' ? /^[ ][A-Z]{2}(?![\p{L}])/u.exec(text.slice(townStart + town.length, p.end)) : null
        if (provinceAfter) push(townStart + town.length + 1, townStart + town.length + 3, 'place', priority.place)
      } else if (p.kind === 'code' && (/^(?:[A-Z]{1,2}-?\d{4,5}|\d{2,5}[- ]\d{2,4}|\d{4,7})$/.test(p.value) || (/^\d{3}$/.test(p.value) && streetish.length > 0)) && (streetish.length > 0 || codeTowns.length > 0 || cued)) {
        push(p.start, p.end, 'postcode', priority.postcode)
      } else if (p.kind === 'region' && afterStreet(lines, line, k) && !/[!?]\s*$/.test(text.slice(line.start, line.end))) {
        // the region and the country that close a block ("Niedersachsen", "Polska")
        push(p.start, p.end, 'place', priority.place)
      } else if (p.kind === 'town' && (isNamePlace(p.value) || isCountryOrRegion(p.value))) {
        // a town: right after the street, or before a postcode in the same line ("Lisboa, 1100-053")
        const previous = k > 0 ? line.parts[k - 1] : lastPartBefore(lines, line)
        const nextPart = line.parts[k + 1]
        // a name between a flat and a street ("Flat 9, Alder House, 3 Station Approach") is a building
        const beforeUnit = previous?.kind === 'unit' ? line.parts[k - 2] : undefined
        // (on a line of its own after the flat's line, it is a building only when a street follows)
        const after = nextPart ?? lines[lines.indexOf(line) + 1]?.parts[0]
        if (nextPart?.kind === 'street' || (previous?.kind === 'unit' && beforeUnit?.kind !== 'street' && (k > 0 || after?.kind === 'street'))) continue
        // a line of its own below the street: a district or a town ("Bela Vista", "São Paulo - SP")
        // when a known town, or when a postcode, a region or a country still follows in the block
        // (a closing "Merci !" or a signature's name is neither)
        const ownLineBelow =
          line.parts.length === 1 &&
          previous !== undefined &&
          previous.kind !== 'other' &&
          !/[!?]\s*$/.test(text.slice(line.start, line.end)) &&
          afterStreet(lines, line, k) &&
          (CITIES.has(p.value.toLowerCase()) || lines.slice(lines.indexOf(line) + 1).some((l) => l.parts.some((q) => q.kind === 'code' || q.kind === 'codeTown' || q.kind === 'townCode' || q.kind === 'region')))
        // the block's last line after its postcode and town: the country, in a language the lists lack ("Makedonie")
        const countryLine =
          line === lines[lines.length - 1] &&
          line.parts.length === 1 &&
          (previous?.kind === 'codeTown' || previous?.kind === 'townCode') &&
          !/[!?.,:]\s*$/.test(text.slice(line.start, line.end)) &&
          !p.value.split(' ').every((w) => isFirstName(w.toLowerCase())) &&
          // "Obrigado", "Thanks a lot": a closing word is no country
          !p.value.split(' ').some((w) => w.length > 2 && (isCommonWord(w.toLowerCase()) || STOPWORDS.has(w.toLowerCase())))
        if ((previous?.kind === 'street' && streetish.includes(previous)) || previous?.kind === 'unit' || nextPart?.kind === 'code' || ownLineBelow || countryLine) {
          push(p.start, p.end, 'place', priority.place)
          // "São Paulo - SP", "Roma RM": the region's code after the town is a place too
          const tail = text.slice(p.end, line.end).trimEnd()
          if (/^[ ]-?[ ]?[A-Z]{2}$/.test(tail)) push(p.end + tail.length - 2, p.end + tail.length, 'place', priority.place)
        }
      }
    }
  }
}

/**
 * A person's title opening a line of an address block ("Herr", "Mrs", "Frau Dr."); not a degree's
 * alone: a line "Dr. Müller" the tagger misses stays masked as part of the address.
 */
const ADDRESSEE_TITLE_RE = titleOpeningRe(TITLES.filter((t) => !DEGREE_TITLES.has(t)))

const CJK_HINT_RE = /[都道府県市区町村省路街号番〒县시구군길로]/u
/** A building and its flat after a Japanese address ("パレス芝公園123", "亀井867号室"). */
const CJK_BUILDING = String.raw`(?:[ 　][\p{Script=Han}\p{Script=Katakana}ー]{1,12}[0-9０-９]{1,5}(?:号室)?(?![0-9０-９]))?`
const HAN = String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]`
/**
 * Japanese and Chinese addresses, written from the largest unit down without spaces:
 * "東京都千代田区丸の内1-9-1", "広島市中区舟入通り1丁目2番3号", "上海市浦东新区陆家嘴西路99号".
 * A run of place units ending in a block or house number; "〒730-0846" is a postcode.
 */
const CJK_ADDRESS_RE = new RegExp(
  String.raw`(?:${HAN}{1,8}?(?:都|道|府|県|省|市|区|區|町|村|郡|县|縣)){1,5}${HAN}{0,12}?[ 　]?[0-9０-９]{1,5}(?:(?:丁目|番地|番|号|號|-|－|‐|の)[0-9０-９]{0,5})*(?:号|號)?${CJK_BUILDING}`,
  'gu',
)
/** The block, lot and house of a Japanese address without its town: "9丁目7番6号", maybe with a building's flat. */
const CHOME_RE = new RegExp(String.raw`(?<![0-9０-９])[0-9０-９]{1,3}丁目[0-9０-９]{1,4}番(?:地)?(?:[0-9０-９]{1,4}号)?${CJK_BUILDING}`, 'gu')
/** A town or ward named alone ("東長沢市", "北海道札幌市中央区"): kanji ending in their units, three or more, no kanji around. */
const CJK_TOWN_RE = /(?<!\p{Script=Han})(?:\p{Script=Han}{2,3}(?:都|道|府|県))?(?:\p{Script=Han}{1,5}?(?:市|区|區|町|村|郡)){1,3}(?!\p{Script=Han})/gu
/** Kanji words that end like a town but are none ("大都市", "中心市", "商店街" is no town either). */
const NOT_CJK_TOWNS: ReadonlySet<string> = new Set(['大都市', '中心市', '政令市', '特別区', '市町村', '行政区', '選挙区', '住宅区'])
const CJK_LEAD_RE = /^(?:送到|寄到|寄往|发到|發到|送往|住在|位于|位於|地址是|地址|在|到|は|に|の)/u
const CJK_POSTCODE_RE = /〒[ ]?(\d{3}-\d{4})/gu
/** A postcode before a town written in Chinese, Japanese or Korean ("334-5863 智子区", "37619 용산시", "592807 诸州市"). */
const CODE_BEFORE_CJK_TOWN_RE = /(?<![\p{N}-])(\d{3}-\d{3,4}|\d{5,6})[ 　]+([\p{Script=Han}\p{Script=Hiragana}\p{Script=Hangul}]{1,8}(?:都|道|府|県|省|市|区|區|町|村|郡|县|縣|시|구|군|동|읍|면))(?![\p{L}])/gu
/** A Korean road and its number, the number before or after it ("1697 병목골8길 835호", "테헤란로 123"); "서울로" alone ("to Seoul") is none. */
const KOREAN_ROAD_RE = /(?<![\p{L}\p{N}])(?:\d{1,5}[ ][가-힣0-9]{1,12}(?:로|길)(?:[ ]\d{1,5}(?:-\d{1,4})?)?|[가-힣0-9]{1,12}(?:로|길)[ ]\d{1,5}(?:-\d{1,4})?)(?:[ ](?:아파트[ ])?\d{1,4}(?:동|호))*(?![\p{L}\p{N}])/gu
const HANGUL_RE = /[\uac00-\ud7af]/

function detectCjkAddresses(text: string, push: Push, priority: BlockPriorities): void {
  for (const m of text.matchAll(CODE_BEFORE_CJK_TOWN_RE)) {
    push(m.index, m.index + m[1].length, 'postcode', priority.postcode)
    push(m.index + m[0].length - m[2].length, m.index + m[0].length, 'place', priority.place)
    pushCountryLineAfter(text, m.index + m[0].length, push, priority)
  }
  if (HANGUL_RE.test(text)) for (const m of text.matchAll(KOREAN_ROAD_RE)) push(m.index, m.index + m[0].length, 'address', priority.address)
  for (const m of text.matchAll(CJK_POSTCODE_RE)) {
    const start = m.index + m[0].length - m[1].length
    push(start, start + m[1].length, 'postcode', priority.postcode)
  }
  for (const m of text.matchAll(CJK_ADDRESS_RE)) {
    // "送到上海市…" (send to …), "住在…" (living in …): the verb before the address is not part of it
    const lead = CJK_LEAD_RE.exec(m[0])?.[0].length ?? 0
    push(m.index + lead, m.index + m[0].length, 'address', priority.address)
    pushCountryLineAfter(text, m.index + m[0].length, push, priority)
  }
  for (const m of text.matchAll(CHOME_RE)) push(m.index, m.index + m[0].length, 'address', priority.address - 1)
  for (const m of text.matchAll(CJK_TOWN_RE)) if (m[0].length >= 3 && !NOT_CJK_TOWNS.has(m[0])) push(m.index, m.index + m[0].length, 'place', priority.place - 1)
}

/** Whether a street, a flat or a postcode comes before part k of this line in the block. */
function afterStreet(lines: ReadonlyArray<{ parts: Part[] }>, line: { parts: Part[] }, k: number): boolean {
  const i = lines.indexOf(line as (typeof lines)[number])
  const before = [...lines.slice(0, i).flatMap((l) => l.parts), ...line.parts.slice(0, k)]
  return before.some((p) => p.kind === 'street' || p.kind === 'unit' || p.kind === 'codeTown' || p.kind === 'townCode' || p.kind === 'code')
}

function lastPartBefore(lines: ReadonlyArray<{ parts: Part[] }>, line: { parts: Part[] }): Part | undefined {
  const i = lines.indexOf(line as (typeof lines)[number])
  return i > 0 ? lines[i - 1].parts[lines[i - 1].parts.length - 1] : undefined
}

/** [postcode start, postcode, town, town start] of a postcode-and-town part. */
function townOf(p: Part): [number, string, string, number] {
  const m = p.match as RegExpExecArray
  if (p.kind === 'codeTown') {
    const townStart = p.start + m[0].indexOf(m[2], m[1].length)
    const code = m[1].replace(/^〒[ ]?/, '')
    return [p.start + m[1].length - code.length, code, m[2], townStart]
  }
  const codeStart = p.start + m[0].lastIndexOf(m[3])
  return [codeStart, m[3], m[1], p.start]
}
