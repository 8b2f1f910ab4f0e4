/**
 * Logins made of a person's name found in the same text ("ticket opened by mkowalczyk (Marta
 * Kowalczyk)", "anna.nowak77"): a word written in lower case that is the name's initial or given
 * name joined to its surname, in either order, is that person's username. A login that holds a
 * real surname must not stay once the name itself is replaced.
 */
import { withoutAccents } from './tagger'
import type { Candidate } from './types'

/** A bare word of lower-case letters, digits and . _ -, not part of an e-mail, a link or a longer code. */
const LOGIN_RE = /(?<![\p{L}\p{N}@._\/-])\p{Ll}[\p{Ll}\p{N}._-]{3,39}(?![\p{L}\p{N}@_\/-]|\.\p{L})/gu

/** The ways a login is built from a given name and a surname. */
function loginForms(given: string, surname: string): string[] {
  const g = given[0]
  const forms = [g + surname, given + surname, surname + g, surname + given]
  for (const joint of ['.', '_', '-']) forms.push(given + joint + surname, g + joint + surname, surname + joint + given)
  // "mkowalczyk" is at least five letters: shorter forms ("alee") are too often ordinary words
  return forms.filter((f) => f.replace(/[._-]/g, '').length >= 5)
}

export function loginsOfNames(text: string, found: readonly Candidate[], priority: number): Candidate[] {
  const forms = new Set<string>()
  for (const c of found) {
    if (c.label !== 'name') continue
    const words = withoutAccents(text.slice(c.start, c.end).toLowerCase()).split(/[\s,]+/).filter((w) => /^\p{L}[\p{L}'’-]*$/u.test(w))
    if (words.length < 2 || words[words.length - 1].length < 3) continue
    const surname = words[words.length - 1].replace(/['’-]/g, '')
    for (const form of loginForms(words[0].replace(/['’-]/g, ''), surname)) forms.add(form)
  }
  if (forms.size === 0) return []
  const taken = new Uint8Array(text.length + 1)
  for (const c of found) taken.fill(1, c.start, c.end)
  const logins: Candidate[] = []
  for (const m of text.matchAll(LOGIN_RE)) {
    // "mkowalczyk77": digits after the name are part of the login
    const bare = withoutAccents(m[0]).replace(/\d+$/, '')
    if (!forms.has(bare) || taken.subarray(m.index, m.index + m[0].length).some((cell) => cell === 1)) continue
    logins.push({ start: m.index, end: m.index + m[0].length, label: 'username', priority })
  }
  return logins
}
