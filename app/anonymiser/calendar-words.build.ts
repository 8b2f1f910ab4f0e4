/**
 * Writes calendar-words.json: the month and weekday names (lower case) of the languages below, from
 * the runtime's calendar data (Intl, CLDR), for dates.ts. Run after changing the list:
 *   npx tsx app/anonymiser/calendar-words.build.ts
 */
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Languages whose month and weekday names are known (where customers write from). */
const LOCALES = [
  'en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'sv', 'nb', 'nn', 'da', 'fi', 'is', 'pl', 'cs', 'sk', 'hu', 'ro', 'bg', 'hr', 'sl', 'sr-Latn', 'sr',
  'bs', 'mk', 'lt', 'lv', 'et', 'el', 'tr', 'ru', 'uk', 'be', 'ca', 'eu', 'gl', 'ga', 'cy', 'sq', 'mt', 'lb', 'id', 'ms', 'tl', 'sw', 'af', 'vi',
  'az', 'ka', 'hy', 'kk', 'uz', 'fil', 'zu',
]
const WORD_SPLIT = /[^\p{L}\p{M}]+/u

const months = new Set<string>()
const weekdays = new Set<string>()
for (const locale of LOCALES) {
  const formats = [
    new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }),
    new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }),
    // the form used with a day ("14. března", "14 stycznia") differs in many languages
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }),
    new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' }),
  ]
  for (const format of formats) {
    const perMonth: string[][] = []
    for (let month = 0; month < 12; month++) {
      const text = format.format(new Date(Date.UTC(2024, month, 14, 12))).toLowerCase()
      perMonth.push(text.split(WORD_SPLIT).filter((t) => t.length >= 3))
    }
    // words every month shares ("de", "thg") are connectors, not month names
    const shared = perMonth.reduce((a, b) => a.filter((t) => b.includes(t)))
    for (const words of perMonth) for (const t of words) if (!shared.includes(t)) months.add(t)
  }
  for (const style of ['long', 'short'] as const) {
    const format = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: 'UTC' })
    // 2024-03-11 was a Monday
    for (let day = 11; day < 18; day++) {
      const name = format.format(new Date(Date.UTC(2024, 2, day, 12))).toLowerCase()
      // "Is-Sibt" whole and in its parts
      if (!/\s/.test(name)) weekdays.add(name.replace(/\.$/, ''))
      for (const t of name.split(WORD_SPLIT)) if (t.length >= 2) weekdays.add(t)
    }
  }
}
const out = fileURLToPath(new URL('./calendar-words.json', import.meta.url))
writeFileSync(out, JSON.stringify({ locales: LOCALES, months: [...months].sort(), weekdays: [...weekdays].sort() }) + '\n')
console.log(`${months.size} month words, ${weekdays.size} weekday words → ${out}`)
