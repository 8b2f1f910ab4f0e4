import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anchorsIn, matchesAtLineStarts, matchesNear, READ_AT_LINE_STARTS, READ_NEAR } from '~/anonymiser/patterns'
import { BRANDS, CITY_WORDS, COUNTRIES, FIRST_NAMES, ORG_SUFFIXES, STREET_WORDS, SURNAMES } from '~/anonymiser/gazetteer'
import { Collisions } from '~/anonymiser/pseudonyms'
import { tokenize, tokenizeByPattern } from '~/anonymiser/tagger'

// Pieces of what these patterns find (dates, codes, cards, postcodes, streets, handles, e-mails),
// broken into words and joined again in any order with the separators of real text
const WORDS = [
  '12', '3.', 'März', 'March', 'of', 'de', 'marzo', '2024', 'Tuesday,', 'tue', 'may', 'May', '5', '12/03/2024', '2024-03-12', '1.2.10', 'v', '12th', 'sept.', 'º',
  '4539', '1488', '0343', '6467', '4539-1488-0343-6467', '123-45-6789', '123', '45', '6789', 'AB', 'QQ', '12', '34', '56', 'C', 'GB', '987', '6543', '21',
  'ORD-55501', 'INV#1234', 'AB-123456', '1Z999AA10123456784', '#12345', '55501234', 'W123456789', 'HFX9920117', 'abc123def', 'x7',
  '@nova_support', 'dana@example.org', 'a@b.co', 'shop.example.com/x', 'www.example.co.uk', 'e.g.com', '203.0.113.47', 'bluebird1977', 'DarkKnight99', 'jsmith_ops', '_',
  'Flat', 'Apt', '#4,', '14', 'Rowan', 'Street', 'St.', 'Road', 'North', 'P.', 'O.', 'Box', 'PO', 'Post', 'Office', 'Lindenstraße', '17', 'Damrak', '1,', '1012', 'LG',
  'Amsterdam', '10115', 'Berlin', 'D02', 'X285', 'LS6', '2QT', 'SW1A', '1AA', 'GIR', '0AA', 'K1A', '0B1', 'OR', 'NY', '97205', '10001-1234', 'Leeds',
  'the', 'and', 'hello', '(', ')', '-', '/', '.', ',', ':', 'é', 'Ä',
  'order', 'number', 'No.', 'no', 'num', 'nr', '#', 'id', 'ID', 'ref', 'is', 'was', '=', '-', 'is:', '#4471', 'number:', 'membership',
]
const SEPARATORS = [' ', '', '  ', '\n', ', ', '\u00a0', '\t', '. ']
const text = fc
  .array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), fc.constantFrom(...SEPARATORS)), { maxLength: 30 })
  .map((parts) => parts.map(([word, separator]) => word + separator).join(''))

describe('patterns read only near their anchors', () => {
  for (const { name, re, reach, anchors } of READ_NEAR) {
    it(`finds exactly what a full scan finds: ${name}`, () => {
      fc.assert(
        fc.property(text, (input) => {
          const everywhere = [...input.matchAll(re)].map((m) => [m.index, m[0], ...m.slice(1)])
          const near = matchesNear(re, input, reach, anchorsIn(input, anchors)).map((m) => [m.index, m[0], ...m.slice(1)])
          expect(near).toEqual(everywhere)
        }),
        { numRuns: 1500 },
      )
    })
  }
})

// the same pieces with every line break the /m flag knows, and lines that are one handle
const lines = fc
  .array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS, 'user:', 'Customer:', 'aphoenix939', 'petal.wren', ' ') }, { weight: 1, arbitrary: fc.string({ maxLength: 4 }) }), fc.constantFrom(...SEPARATORS, '\r\n', '\r', '\u2028', '\u2029', '\n', '!\n')), { maxLength: 20 })
  .map((parts) => parts.map(([word, separator]) => word + separator).join(''))

describe('patterns read only at line starts', () => {
  for (const { name, re } of READ_AT_LINE_STARTS) {
    it(`finds exactly what a /gm scan finds: ${name}`, () => {
      const everywhere = new RegExp(re.source, 'gm')
      fc.assert(
        fc.property(lines, (input) => {
          const full = [...input.matchAll(everywhere)].map((m) => [m.index, ...m])
          const atStarts = matchesAtLineStarts(re, input).map((m) => [m.index, ...m])
          expect(atStarts).toEqual(full)
        }),
        { numRuns: 3000 },
      )
    })
  }
})

describe('the tokenizer', () => {
  const PIECES = ['Dana', "O'Neill", 'O’Neill', 'Jean-Baptiste', 'e.g.', 'v1.2.10', 'Zsófia', 'Björn', 'naïve', '東京', '😀', '𝒜bc', 'a\u0301', "it's", '--', "'", '.', '-a', 'a-', 'x', '42', '\ud800', '\udc00']
  const SPACES = [' ', '', '\n', '\t', '\u00a0', '\u2003', '\u3000', ', ']
  const text = fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 5, unit: 'binary' })), fc.constantFrom(...SPACES)), { maxLength: 20 })
    .map((parts) => parts.map(([piece, space]) => piece + space).join(''))
  it('finds the same tokens as its pattern', () => {
    fc.assert(
      fc.property(text, (input) => {
        expect(tokenize(input)).toEqual(tokenizeByPattern(input))
      }),
      { numRuns: 3000 },
    )
  })
})

describe('the word lists', () => {
  // the tagger shares one set of facts between ASCII words that differ only in their digits
  // ("ORD-55501", "ORD-77302"), which holds only while no list but the everyday words has a digit
  it('hold no word with a digit, except everyday words', () => {
    for (const list of [FIRST_NAMES, SURNAMES, STREET_WORDS, CITY_WORDS, COUNTRIES, ORG_SUFFIXES, BRANDS]) {
      expect([...list].filter((word) => /\p{N}/u.test(word))).toEqual([])
    }
  })
})

describe('collisions of invented values with the text', () => {
  // what "a word of the text" means: a whole run of letters and digits, as a set of all of them would say
  const reference = (text: string, reserved: string[], candidate: string) => {
    const words = new Set([...(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []), ...(reserved.join(' ').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])])
    return candidate
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .some((w) => w.length > 1 && words.has(w) && !/^\d+$/.test(w) && w !== 'co')
  }
  const PIECES = ['Alex', 'alex', 'Alexander', 'malex', 'Morgan', 'Kestrel Group', 'kestrel', 'co', '2', 'Sam', 'sam_user', 'é', '😀', '\ud83d', 'x1', 'Ellis.']
  const piece = fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 3, unit: 'binary' }))
  const text = fc.array(fc.tuple(piece, fc.constantFrom(' ', '', '-', '\n', "'")), { maxLength: 12 }).map((parts) => parts.map(([p, s]) => p + s).join(''))
  it('finds a collision exactly when a set of the text words would', () => {
    fc.assert(
      fc.property(text, fc.array(fc.constantFrom('Alex Morgan', 'Sam', ''), { maxLength: 2 }), fc.constantFrom('Alex', 'Morgan', 'Kestrel Group', 'Sam 2', 'Ellis', 'Bramblewood & Co'), (input, reserved, candidate) => {
        expect(new Collisions(input, reserved).forbidden(candidate)).toBe(reference(input, reserved, candidate))
      }),
      { numRuns: 3000 },
    )
  })
})
