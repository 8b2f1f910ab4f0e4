import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DATE_PATTERNS, matchesNearDigits } from '~/anonymiser/patterns'

// Words dates are made of, with the separators around them (spaces, no-break spaces, line breaks)
const WORDS = ['12', '3.', 'März', 'March', 'of', 'de', 'marzo', '2024', 'Tuesday,', 'tue', 'may', 'May', '5', '12/03/2024', '2024-03-12', '1.2.10', 'v',
  'hello', 'the', '12th', 'sept.', 'º', '3rd', '(', ')', '2024.', '05-06-07', 'ab12', 'jan', '1999', 'é', '31', '-', '/', '.', 'version']
const SEPARATORS = [' ', '', '  ', '\n', ', ', '\u00a0', '\t']
const text = fc
  .array(fc.tuple(fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 4 })), fc.constantFrom(...SEPARATORS)), { maxLength: 30 })
  .map((parts) => parts.map(([word, separator]) => word + separator).join(''))

describe('reading only near digits', () => {
  for (const [name, re] of Object.entries(DATE_PATTERNS)) {
    it(`finds exactly the ${name} date matches a full scan finds`, () => {
      fc.assert(
        fc.property(text, (input) => {
          const everywhere = [...input.matchAll(re)].map((m) => ({ index: m.index, value: m[0] }))
          expect(matchesNearDigits(re, input, 3)).toEqual(everywhere)
        }),
        { numRuns: 2000 },
      )
    })
  }
})
