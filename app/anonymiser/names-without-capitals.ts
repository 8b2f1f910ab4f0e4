/**
 * Names in scripts without capitals, which the tagger cannot read: they have no capital to tell a
 * name from a word, and Chinese and Japanese put no space between words, so a name is found by its
 * listed parts instead.
 *
 * Chinese, Japanese and Korean: a run of Han characters made of a listed surname and a listed given
 * name ("李伟", "山田翔太"), or a Hangul word that starts with them ("김민준님이"), is a person. Given-
 * name lists are short, so where the run is plainly set apart as a name, a listed surname is
 * enough: a space between surname and given name ("山田 太郎"), an honorific after it ("佐藤花子さん"),
 * or text around it in another script ("Please call 王芳"). Inside Chinese, Japanese or Korean prose
 * both parts must be listed, which keeps ordinary words out ("이메일" starts like the surname 이, but
 * "메일" is nobody's given name). Companies go by their legal form ("株式会社", "有限公司", "주식회사"),
 * and among words of another script towns by their ending ("大阪市", "강릉시").
 *
 * Arabic, Hebrew, Persian, Thai, Devanagari, Georgian and other scripts that separate words: a
 * listed given name next to a listed surname ("خلود بودوارة", "מנשה ישראלי"), or either alone in
 * text written in another script ("Thanks, جابر"), or a given name after "my name is" ("اسمي محمد").
 */
import { CJK_GIVEN_NAMES, CJK_SURNAMES, UNCASED_GIVEN_NAMES, UNCASED_SURNAMES } from './gazetteer'
import type { Candidate } from './types'

/** Any letter of these scripts: most texts have none and skip the rest. */
const WITHOUT_CAPITALS_RE = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Georgian}\p{Script=Thaana}]/u
/** A word of the scripts that separate words with spaces. */
const UNCASED_WORD_RE = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Georgian}\p{Script=Thaana}\u200c]{2,}/gu
/** Letters of all these scripts and kana: where they are most of a text's letters, it is written in one. */
const UNCASED_LETTER_RE = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Georgian}\p{Script=Thaana}]/gu
/** A run of Han characters, optionally split once by a space ("山田 太郎"), standing alone. */
const HAN_NAME_RE = /(?<![\p{Script=Han}\p{N}])\p{Script=Han}{1,3}(?:[ \u3000]?\p{Script=Han}{1,3})?(?![\p{Script=Han}\p{N}])/gu
/** A town or district by its ending, standing alone: "大阪市", "渋谷区", "南田中村", "강릉시", "송파구"; not a surname before its given name ("下村 理恵"). */
const CJK_PLACE_RE = /(?<![\p{Script=Han}\p{N}])\p{Script=Han}{1,5}(?:市|区|區|県|縣|町|村|郡|省|州)(?![\p{Script=Han}\p{N}]|[ \u3000]\p{Script=Han})|(?<!\p{Script=Hangul})\p{Script=Hangul}{2,4}(?:시|군|구)(?!\p{Script=Hangul})/gu
/** A Hangul word: a surname, a given name and perhaps an honorific or a particle after it. */
const HANGUL_WORD_RE = /(?<!\p{Script=Hangul})\p{Script=Hangul}{2,7}(?!\p{Script=Hangul})/gu
const HANGUL_GIVEN_THEN_SURNAME_RE = /(?<!\p{Script=Hangul})(\p{Script=Hangul}{1,2})[ ](\p{Script=Hangul})(?!\p{Script=Hangul})/gu
/** What may follow a Korean name in the same word: an honorific ("님", "씨") and a particle ("이", "께서"). */
const KOREAN_NAME_TAIL_RE = /^(?:고객님|선생님|님|씨)?(?:이|가|은|는|을|를|의|에게|께|께서|과|와|도|만)?$/u

/** Japanese honorifics after a name ("さん", "様", "先生"). */
const HONORIFIC_AFTER_RE = /^(?:さん|さま|様|氏|先生|くん|君|ちゃん|殿)/u

/**
 * The length of the name at the start of value: a listed surname, an optional space, then a given
 * name (listed, or any one to three characters when anyGiven) followed by a rest that tail accepts;
 * -1 when there is none.
 */
function nameLength(value: string, anyGiven: boolean, tail: (rest: string) => boolean): number {
  for (const surnameLength of [1, 2]) {
    if (!CJK_SURNAMES.has(value.slice(0, surnameLength))) continue
    const afterSurname = value.slice(surnameLength).replace(/^[ \u3000]/, '')
    const gap = value.length - surnameLength - afterSurname.length
    for (let givenLength = Math.min(3, afterSurname.length); givenLength >= 1; givenLength--) {
      const given = afterSurname.slice(0, givenLength)
      if ((anyGiven || CJK_GIVEN_NAMES.has(given)) && !/[ \u3000]/.test(given) && tail(afterSurname.slice(givenLength))) return surnameLength + gap + givenLength
    }
  }
  return -1
}

/** Companies by their legal form: "株式会社田中", "田中商事株式会社", "华为技术有限公司", "주식회사 한빛", "(주)한빛". */
const CJK_COMPANY_RE = /(?:株式会社|有限会社|合同会社)[ \u3000]?[\p{Script=Han}\p{Script=Katakana}ー]{1,10}|[\p{Script=Han}\p{Script=Katakana}ー]{1,10}(?:株式会社|有限会社|合同会社|股份有限公司|有限公司|集团)|(?:주식회사|\(주\)|㈜)[ ]?\p{Script=Hangul}{1,8}?(?=(?:에서|에게|이|가|은|는|을|를|의|와|과|로|으로|도)?(?!\p{Script=Hangul}))|\p{Script=Hangul}{1,8}[ ]?(?:주식회사|\(주\)|㈜)/gu

/** Names (and Chinese, Japanese and Korean companies) in scripts without capitals that no span covers yet, added to found. */
export function addNamesWithoutCapitals(text: string, found: Candidate[], priority: number): void {
  if (!WITHOUT_CAPITALS_RE.test(text)) return
  const free = (start: number, end: number) => !found.some((c) => c.start < end && start < c.end)
  const push = (start: number, length: number) => {
    if (length > 0 && free(start, start + length)) found.push({ start, end: start + length, label: 'name', priority })
  }
  const letters = text.match(/\p{L}/gu)?.length ?? 0
  const otherScript = (text.match(UNCASED_LETTER_RE)?.length ?? 0) * 2 < letters
  for (const m of text.matchAll(CJK_COMPANY_RE)) if (free(m.index, m.index + m[0].length)) found.push({ start: m.index, end: m.index + m[0].length, label: 'organization', priority })
  // in another script's text only: inside Chinese or Japanese prose a run rarely stands alone
  if (otherScript) for (const m of text.matchAll(CJK_PLACE_RE)) if (free(m.index, m.index + m[0].length)) found.push({ start: m.index, end: m.index + m[0].length, label: 'place', priority })
  for (const m of text.matchAll(HAN_NAME_RE)) {
    const setApart = otherScript || /[ \u3000]/.test(m[0]) || HONORIFIC_AFTER_RE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3))
    const length = nameLength(m[0], setApart, (rest) => rest === '')
    // written in Western order among Latin words, given name first ("桜 橋本"), or a listed given name as a speaker's label ("瑛太: …")
    const [given, surname] = m[0].split(/[ \u3000]/)
    const westernOrder = otherScript && surname !== undefined && CJK_GIVEN_NAMES.has(given) && CJK_SURNAMES.has(surname)
    const speaker = surname === undefined && /^[:：]/.test(text.slice(m.index + m[0].length)) && (m.index === 0 || text[m.index - 1] === '\n') && CJK_GIVEN_NAMES.has(given)
    push(m.index, length > 0 ? length : westernOrder || speaker ? m[0].length : -1)
  }
  // "현아 황": a Korean given name, then a one-syllable surname, in Western order
  if (otherScript) for (const m of text.matchAll(HANGUL_GIVEN_THEN_SURNAME_RE)) if (CJK_GIVEN_NAMES.has(m[1]) && CJK_SURNAMES.has(m[2])) push(m.index, m[0].length)
  for (const m of text.matchAll(HANGUL_WORD_RE)) push(m.index, nameLength(m[0], otherScript, (rest) => KOREAN_NAME_TAIL_RE.test(rest)))
  addSpacedNames(text, otherScript, push)
}

/** "My name is", "I am" in these scripts ("اسمي محمد", "שמי דנה", "ชื่อ สมชาย"): a given name after one stands alone. */
const NAME_CUES: ReadonlySet<string> = new Set(['اسمي', 'أنا', 'انا', 'اسمم', 'من', 'שמי', 'אני', 'ชื่อ', 'ผม', 'ดิฉัน', 'नाम', 'हूँ', 'მქვია', 'მე'])

/** Given names and surnames of scripts that separate words: a pair, or one alone in another script's text. */
function addSpacedNames(text: string, otherScript: boolean, push: (start: number, length: number) => void): void {
  const words = [...text.matchAll(UNCASED_WORD_RE)]
  for (let i = 0; i < words.length; i++) {
    const word = words[i][0]
    const given = UNCASED_GIVEN_NAMES.has(word)
    const surname = UNCASED_SURNAMES.has(word)
    if (!given && !surname) continue
    const next = words[i + 1]
    const adjacent = next !== undefined && next.index === words[i].index + word.length + 1 && text[words[i].index + word.length] === ' '
    if (adjacent && ((given && (UNCASED_SURNAMES.has(next[0]) || UNCASED_GIVEN_NAMES.has(next[0]))) || (surname && UNCASED_GIVEN_NAMES.has(next[0])))) {
      push(words[i].index, next.index + next[0].length - words[i].index)
      i++
    } else if (otherScript || (given && i > 0 && NAME_CUES.has(words[i - 1][0]))) push(words[i].index, word.length)
  }
}
