/**
 * Dates in the languages customers write in: "14. März 2024", "14 de marzo de 2024", "sobota
 * 12. května 2018", "2024 m. kovo 14 d.", "2024. március 14.", "2024年3月14日", "2024년 3월 14일",
 * "14. 3. 2024", "Tuesday, March 3rd". Month and weekday names come from the runtime's own
 * calendar data (Intl, CLDR), written to calendar-words.json by calendar-words.build.ts: a new
 * language is one entry in its list.
 *
 * Scanning starts at each run of digits and looks a few words either side with sticky patterns;
 * a word is a month only if it is in the calendar vocabulary. A month name that is also an English
 * word ("set", "out", "ago", "mar") needs a year ("5 out of 10" is no date).
 */
import { isCommonWord, STOPWORDS } from './gazetteer'
import type { PiiLabel } from './types'

type Push = (start: number, end: number, label: PiiLabel, priority: number) => void

import calendar from './calendar-words.json'

const months: ReadonlySet<string> = new Set(calendar.months)
const weekdays: ReadonlySet<string> = new Set(calendar.weekdays)

const isMonth = (word: string) => months.has(word.toLowerCase().replace(/\.$/, ''))
// two-letter abbreviations ("to", "ma", "di") are everyday words elsewhere: only longer names extend a date
const isWeekday = (word: string) => word.replace(/[.,]$/, '').length >= 3 && weekdays.has(word.toLowerCase().replace(/[.,]$/, ''))

const L = String.raw`[\p{L}\p{M}]`
const WORD = String.raw`${L}[\p{L}\p{M}'’-]{1,18}\.?`
const YEAR_TAIL = String.raw`(?:[ \t]?(?:г\.|р\.|m\.|r\.|roku|godine|года|року|år|yil|yılı|evvel)|\.(?=[ \t]*[,;]|[ \t]+\p{Ll}))?`
const CONNECTOR = String.raw`(?:de|del|of|ta[’']|di|van|the)`

/** 14 March 2024, 14. März, 14 de marzo de 2024, 9 d’octubre del 2015, 12 ta’ Frar 2019. */
const DAY_MONTH_RE = new RegExp(
  String.raw`(\d{1,2})(?:st|nd|rd|th|ste|de|ème|er|e|º|ª|-?го|\.)?(?:[ \t]+|-(?=\p{L}))(?:${CONNECTOR}[ \t]+)?(?:d[’'][ \t]?)?(${WORD})(?:,?[ \t]+(?:${CONNECTOR}[ \t]+)?(\d{4})(?!\d)${YEAR_TAIL})?`,
  'uy',
)
const DAY_YEAR_RE = /(\d{1,2})(?:st|nd|rd|th|\.)?(?![\d:.,]\d)(?:,?[ \t]+(\d{4})(?!\d))?/uy
/** 2024 m. kovo 14 d., 2024. március 14., 2024. gada 14. marts. */
const YEAR_FIRST_RE = new RegExp(
  String.raw`(\d{4})(?:\.|[ \t]?m\.)?[ \t]+(?:gada[ \t]+(\d{1,2})\.[ \t]+(${WORD})|(${WORD})[ \t]+(\d{1,2})(?:\.|[ \t]?d\.)?)(?![\p{L}\p{N}])`,
  'uy',
)
const YEAR_MONTH_DAY_RE = /\d{4}-([\p{L}\p{M}]{3,12})-(\d{1,2})(?![\p{L}\p{N}])/uy
/** Numeric dates the older patterns leave: 14. 3. 2024, 2024. 3. 14., CJK and Korean, 14 tháng 3, 2024. */
const NUMERIC_RES = [
  /(?:[0-2]?\d|3[01])\.[ \t](?:0?[1-9]|1[0-2])\.[ \t](?:\d{4}|\d{2})(?:\.(?=[ \t]*[,;]|[ \t]+\p{Ll}))?(?![\p{N}])/uy,
  /\d{4}\.[ \t]?(?:0?[1-9]|1[0-2])\.[ \t]?(?:[0-2]?\d|3[01])\.?(?![\p{N}])/uy,
  /(?:\d{4}[ \t]?年[ \t]?)?(?:0?[1-9]|1[0-2])[ \t]?月[ \t]?(?:[0-2]?\d|3[01])[ \t]?日(?:[ \t]?(?:[日月火水木金土]曜日?|星期[一二三四五六日天]|周[一二三四五六日]|[（(][日月火水木金土一二三四五六][）)]))?/uy,
  /(?:\d{4}년[ \t]?)?(?:0?[1-9]|1[0-2])월[ \t]?(?:[0-2]?\d|3[01])일(?:[ \t]?[월화수목금토일]요일|[ \t]?\([월화수목금토일]\))?/uy,
  /(?:[0-2]?\d|3[01])[ \t]+(?:tháng|thg)[ \t]+(?:1[0-2]|0?[1-9])(?!\d)(?:,?[ \t]+\d{4})?/uy,
  // 20.09.23: two-digit day and month (a version number is rarely zero-padded like this)
  /(?:0[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])\.\d{2}(?![\p{N}.])/uy,
]

const VERSION_BEFORE_RE = /(?:version|ver\.?|v|build|firmware|release|update|app|ios|android|windows|macos|chrome|firefox|node|python)[ \t]*$/i

function at(re: RegExp, text: string, index: number): RegExpExecArray | null {
  re.lastIndex = index
  return re.exec(text)
}

/** A weekday right before start ("sobota ", "Tuesday, ", "Il-Ħamis, "): the new start. */
function weekdayBefore(text: string, start: number): number {
  const m = WEEKDAY_BEFORE_RE.exec(text.slice(Math.max(0, start - 24), start))
  if (!m || !isWeekday(m[1])) return start
  return start - m[0].length
}
const WEEKDAY_BEFORE_RE = /(?<![\p{L}\p{M}])([\p{L}\p{M}'’-]{2,18})\.?,?[ \t]+$/u
/** A weekday right after end (", trečiadienis", " Perşembe", ", csütörtök"): the new end. */
function weekdayAfter(text: string, end: number): number {
  const m = /^,?[ \t]+([\p{L}\p{M}'’-]{2,18})(?![\p{L}\p{N}])/u.exec(text.slice(end, end + 24))
  return m && isWeekday(m[1]) ? end + m[0].length : end
}

function dayOk(day: string): boolean {
  const n = Number(day)
  return n >= 1 && n <= 31
}

const MONTH_CHAR_RE = /[\p{L}\p{M}.'’-]/u

/** Words that put a year in time ("in 2004", "since 1999", "founded 1985", "the 1990s", "the year was 1998"), in the languages met most. */
const YEAR_CUE_RE = /(?:^|[^\p{L}])(?:in|since|from|until|till|by|during|before|after|between|around|circa|c\.|est\.|established|founded|born|of|the|year|year was|year is|im|seit|bis|vor|nach|ab|en|desde|hasta|depuis|dès|dal|dalla|nel|fino al|em|desde|sinds|tot|sedan|siden|vuonna|od|do|w|roku|v|ve)[ \t]+$/iu
/** The second year of a span: "2010 and 2015", "2010 to 2015", "2010–2015". */
const SECOND_YEAR_RE = /(?:19|20)\d{2}[ \t]*(?:and|to|until|till|bis|a|al|à|-|–)[ \t]*$/iu

/**
 * A year (1900–2099) placed in time by the word before it, and not a count ("2000 points"): the
 * word after it, if any, is a function word, a capitalised word or punctuation.
 */
function isYearInTime(text: string, i: number): boolean {
  const year = Number(text.slice(i, i + 4))
  if (year < 1900 || year > 2099 || /[\p{L}\p{N}€$£¥.,]/u.test(text[i - 1] ?? '') || /[\p{N}]/u.test(text[i + 4] ?? '')) return false
  const before = text.slice(Math.max(0, i - 24), i)
  if (!YEAR_CUE_RE.test(before) && !SECOND_YEAR_RE.test(before)) return false
  const next = /^(s?)(?:([ \t]+)(\p{L}+)|[ \t]*([.,]\d|%|€|\$|£))?/u.exec(text.slice(i + 4, i + 30))
  if (!next) return true
  if (next[4]) return false
  if (next[1] === 's' && !/^s(?![\p{L}])/u.test(text.slice(i + 4, i + 6))) return false
  const word = next[3]
  return word === undefined || /^\p{Lu}/u.test(word) || STOPWORDS.has(word.toLowerCase()) || ENGLISH_FUNCTION_WORDS.has(word.toLowerCase())
}
/** English function words the stop-word lists leave out (they tell other languages apart). */
const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'but', 'the', 'a', 'an', 'i', 'so', 'when', 'then', 'with', 'at', 'on', 'for', 'as', 'that', 'which', 'where', 'while'])

const MONTH_BEFORE_YEAR_RE = /(?<![\p{L}\p{M}])([\p{L}\p{M}]{3,12}\.?)(?:[ \t]+|-|\.[ \t]*)$/u
/**
 * A month named in any calendar language right before a year ("Сентябрь 2012", "сен. 2012",
 * "sep-2012", "kwiecień 2019"): where the month starts, or -1. A month that is also an everyday
 * word ("set", "mar") counts only with a capital.
 */
function monthBeforeYear(text: string, i: number): number {
  const year = Number(text.slice(i, i + 4))
  if (year < 1900 || year > 2099 || /[\p{N}]/u.test(text[i + 4] ?? '') || /[.,]\d/.test(text.slice(i + 4, i + 6))) return -1
  const m = MONTH_BEFORE_YEAR_RE.exec(text.slice(Math.max(0, i - 16), i))
  if (!m || !isMonth(m[1])) return -1
  const month = m[1].replace(/\.$/, '').toLowerCase()
  // "sep-2012" is joined like a date; "set 2012" apart is more often the verb
  if (isCommonWord(month) && !/^\p{Lu}/u.test(m[1]) && !/^[-.]$/.test(m[0].slice(m[1].length))) return -1
  return i - m[0].length
}

/** Every date found at a run of digits: [start, end). */
export function detectMultilingualDates(text: string, push: Push, priority: number): void {
  const runs = /\d+/g
  for (let r = runs.exec(text); r !== null; r = runs.exec(text)) {
    const i = r.index
    // the run's first digit only (a run inside a longer number was seen with it)
    if (i > 0 && /[\p{N}]/u.test(text[i - 1])) continue
    const run = r[0]
    let m: RegExpExecArray | null
    if (run.length <= 2) {
      if ((m = at(DAY_MONTH_RE, text, i)) && dayOk(m[1]) && isMonth(m[2]) && !/^\p{Lu}{2,}$/u.test(m[2])) {
        const month = m[2].replace(/\.$/, '')
        // a month that is also an English word needs a year; a lower-case "may" never counts here
        const plain = isCommonWord(month.toLowerCase()) || /^(?:may|march|mars|sun|mon|wed|sat)$/i.test(month)
        if (!plain || m[3]) {
          let end = i + m[0].length
          // "14 ta’ Frar" without its year: the full stop closing a sentence is not part of it
          if (!m[3] && text[end - 1] === '.' && !/\.$/.test(m[2])) end--
          else if (!m[3] && /\.$/.test(m[2]) && !/^\p{L}{2,5}\.$/u.test(m[2])) end--
          push(weekdayBefore(text, i), weekdayAfter(text, end), 'date', priority)
        }
      }
      // the month right before the digits ("März 14", "Mar. 3rd, 2024")
      let b = i
      while (b > 0 && (text[b - 1] === ' ' || text[b - 1] === '\t') && i - b < 3) b--
      // (a run glued to what precedes it has no month before it: no word to read)
      let w = b
      if (b < i) while (w > 0 && b - w < 20 && MONTH_CHAR_RE.test(text[w - 1])) w--
      const word = w < b ? text.slice(w, b) : ''
      if (word && isMonth(word) && (m = at(DAY_YEAR_RE, text, i)) && dayOk(m[1])) {
        const month = word.replace(/\.$/, '')
        const capital = /^\p{Lu}/u.test(word)
        // a lower-case month ("agosto 10, 2012") needs its year and must be no everyday word
        if (capital ? !isCommonWord(month.toLowerCase()) || m[2] || /^(?:May|March|June|July|August)$/.test(month) : m[2] && !isCommonWord(month.toLowerCase())) {
          // "on Tuesday, March 14.": after the day, a full stop without a year ends the sentence
          const end = i + m[0].length - (!m[2] && m[0].endsWith('.') ? 1 : 0)
          push(weekdayBefore(text, w), weekdayAfter(text, end), 'date', priority)
        }
      }
    }
    if (run.length === 4 && isYearInTime(text, i)) push(i, i + 4 + (text[i + 4] === 's' ? 1 : 0), 'date', priority)
    if (run.length === 4) {
      const start = monthBeforeYear(text, i)
      if (start >= 0) push(weekdayBefore(text, start), i + 4, 'date', priority)
    }
    // "2021-Jan-06": a year, a month's name and a day joined by dashes
    if (run.length === 4 && text[i + 4] === '-' && (m = at(YEAR_MONTH_DAY_RE, text, i)) && isMonth(m[1]) && dayOk(m[2])) push(i, i + m[0].length, 'date', priority)
    if (run.length === 4 && (m = at(YEAR_FIRST_RE, text, i))) {
      // groups: gada form → day 2, month 3; otherwise month 4, day 5
      const [month, day] = m[2] ? [m[3], m[2]] : [m[4], m[5]]
      if (isMonth(month) && dayOk(day)) push(i, weekdayAfter(text, i + m[0].length), 'date', priority)
    }
    // the numeric forms all go on with one of these after the run (checked first: it is cheaper)
    const after = text[i + run.length]
    if (after !== '.' && after !== '年' && after !== '月' && after !== '년' && after !== '월' && after !== ' ') continue
    // "version 10.11.12", "iOS 17.4.1": numbers with dots after a software word are versions
    if (/\d[.][ \t]?\d/.test(text.slice(i, i + 6)) && VERSION_BEFORE_RE.test(text.slice(Math.max(0, i - 20), i))) continue
    for (const re of NUMERIC_RES) {
      if ((m = at(re, text, i))) {
        push(weekdayBefore(text, i), i + m[0].length, 'date', priority)
        break
      }
    }
  }
}
