import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { anonymise, detect } from '~/anonymiser'

// Texts are assembled from pieces a real conversation is made of (people, numbers, addresses,
// field labels, speaker labels, punctuation, line breaks, filler) in any order and quantity.
const PEOPLE = ['Dana Whitfield', 'Zsófia Kertész', 'Björn Åkesson', 'Nguyen Thi Lan', "Siobhán O'Neill", 'Jean-Baptiste Morel', 'Kwame Mensah', 'Aiko', 'ziggy']
const DATA = [
  'dana@example.org', '+44 7700 900461', '06 12 34 56 78', '4539 1488 0343 6467', 'NL91 ABNA 0417 1643 00', '203.0.113.47', 'order 55501234',
  'https://shop.example.com/x', '@nova_support', 'Lindenstraße 17\n50674 Köln', '14 Rowan Street, Leeds LS6 2QT', 'ul. Floriańska 14/7\n31-019 Kraków',
]
const LABELS = ['Name: ', 'Address: ', 'Phone: ', 'Email: ', 'Subject: ', 'Order: ', 'Agent: ', 'Customer: ', '\n', '\n\n', ', ', '. ', ' — ', '!', ' (', ') ']
const FILLER = ['Hi', 'thanks for your help', 'my parcel never arrived', 'Monday works', 'The Premium plan', 'I was charged twice', 'from', 'at', 'please call', 'Kind regards']
const piece = fc.oneof(fc.constantFrom(...PEOPLE), fc.constantFrom(...DATA), fc.constantFrom(...LABELS), fc.constantFrom(...FILLER), fc.string({ maxLength: 6 }))
const text = fc.array(piece, { minLength: 1, maxLength: 24 }).map((parts) => parts.join(' '))
const RUNS = { numRuns: 150 }

describe('anonymise: properties over assembled conversations', () => {
  it('keeps every character outside a span, and offsets point into the input', () => {
    fc.assert(
      fc.property(text, (input) => {
        const { text: output, spans } = anonymise(input)
        let rebuilt = ''
        let cursor = 0
        for (const span of spans) {
          expect(span.start).toBeGreaterThanOrEqual(cursor)
          expect(span.end).toBeGreaterThan(span.start)
          expect(span.end).toBeLessThanOrEqual(input.length)
          rebuilt += input.slice(cursor, span.start) + span.replacement
          cursor = span.end
        }
        rebuilt += input.slice(cursor)
        expect(rebuilt).toBe(output)
      }),
      RUNS,
    )
  })

  it('never lets spans overlap, and keeps line breaks and punctuation outside them', () => {
    fc.assert(
      fc.property(text, (input) => {
        const { text: output, spans } = anonymise(input)
        for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end)
        // replacements hold no line break, so the output has the input's lines outside spans
        const brokenInside = spans.reduce((n, s) => n + (input.slice(s.start, s.end).match(/\n/g)?.length ?? 0), 0)
        expect(output.split('\n').length).toBe(input.split('\n').length - brokenInside)
        for (const span of spans) expect(span.replacement).not.toContain('\n')
      }),
      RUNS,
    )
  })

  it('finds nothing new when it looks at its own output again', () => {
    fc.assert(
      fc.property(text, (input) => {
        const first = anonymise(input)
        const second = { spans: detect(first.text) }
        // where the first pass wrote a replacement, the output differs from the input: a second
        // finding must lie inside one of those replacements, never in text the first pass kept
        const replacedRanges: Array<[number, number]> = []
        let shift = 0
        for (const span of first.spans) {
          const start = span.start + shift
          replacedRanges.push([start, start + span.replacement.length])
          shift += span.replacement.length - (span.end - span.start)
        }
        for (const span of second.spans) {
          const inside = replacedRanges.some(([s, e]) => span.start < e && s < span.end)
          expect(inside, `new finding ${JSON.stringify(first.text.slice(span.start, span.end))}`).toBe(true)
        }
      }),
      RUNS,
    )
  })

  it('never hands out the name of someone in the organization, and the agent stays "Agent"', () => {
    const organization = ['Alex Morgan', 'Sam Ellis', 'Jordan Hartley', 'Robin Okafor']
    fc.assert(
      fc.property(text, (input) => {
        const { spans } = anonymise(`Agent: Hello, my name is Tom.\n${input}`, { reservedNames: organization })
        const words = new Set(organization.join(' ').toLowerCase().split(' '))
        for (const span of spans) {
          for (const word of span.replacement.toLowerCase().split(/[^\p{L}]+/u)) expect(words.has(word), span.replacement).toBe(false)
        }
        expect(spans.find((s) => s.start === 'Agent: Hello, my name is '.length)?.replacement).toBe('Agent')
      }),
      RUNS,
    )
  })

  it('replaces a whole entity or nothing, and never a field label', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PEOPLE.filter((p) => p.includes(' '))), fc.constantFrom('Name: ', 'Customer: ', 'Contact: ', 'From: '), (person, label) => {
        const input = `${label}${person}\nSubject: Refund\nThanks, ${person}`
        const { text: output, spans } = anonymise(input)
        expect(output.startsWith(label)).toBe(true)
        expect(output).toContain('\nSubject: Refund\n')
        for (const span of spans.filter((s) => s.label === 'name')) {
          const value = input.slice(span.start, span.end)
          // never half a name: the span holds the whole person or a whole word of it
          expect(person.includes(value)).toBe(true)
          expect(value === person || person.split(' ').includes(value)).toBe(true)
        }
        for (const word of person.split(' ')) expect(output).not.toContain(word)
      }),
      { numRuns: 40 },
    )
  })
})
