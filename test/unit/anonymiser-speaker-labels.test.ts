// "Agent" is a role, never personal data. Once an agent's own name became "Agent" in the output,
// a later look read "I am Agent" as a name and spread a pseudonym over every "Agent:" speaker label
// (34 of 129 conversations below lost their labels).
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { anonymise } from '~/anonymiser'

const messages = readFileSync(path.resolve(import.meta.dirname, '../fixtures/anonymiser/labelled.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => (JSON.parse(line) as { text: string }).text.replace(/\n+/g, ' '))

/** The labelled messages as six-line conversations, Customer and Agent taking turns. */
const conversations: string[] = []
for (let i = 0; i + 6 <= Math.min(messages.length, 6 * 40); i += 6) {
  conversations.push(messages.slice(i, i + 6).map((message, k) => `${k % 2 ? 'Agent' : 'Customer'}: ${message}`).join('\n'))
}

describe('speaker labels', () => {
  it('keeps every "Agent:" and "Customer:" label of conversations dense with personal data', () => {
    expect(conversations.length).toBeGreaterThan(30)
    for (const text of conversations) {
      const labels = (t: string) => t.split('\n').map((line) => line.slice(0, line.indexOf(':') + 1))
      expect(labels(anonymise(text).text)).toEqual(labels(text))
    }
  })
})
