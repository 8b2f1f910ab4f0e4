/**
 * The anonymiser benchmarks' generated input, shared by anonymise-bench.ts (speed) and
 * anonymise-identity.ts (the output of a speed change stays byte-identical). Two kinds of text,
 * alternating "Customer:" and "Agent:" lines, numbers varied so no two lines are identical:
 *   dense   — the labelled messages (personal data in almost every line: the worst case);
 *   typical — the ABCD sample conversations (personal data in a few lines, like real chats).
 */
import { existsSync, readFileSync } from 'node:fs'

/** The labelled messages of test/fixtures/anonymiser/labelled.jsonl, each on one line. */
export function labelledMessages(root: string): string[] {
  return readFileSync(`${root}test/fixtures/anonymiser/labelled.jsonl`, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text.replace(/\n+/g, ' '))
}

/** The messages of the ABCD sample in sharedData, or null when it is not there. */
export function abcdMessages(sharedData: string): string[] | null {
  const file = `${sharedData}/abcd_sample.json`
  if (!existsSync(file)) return null
  return (JSON.parse(readFileSync(file, 'utf8')) as Array<{ original: Array<[string, string]> }>).flatMap((c) => c.original.map(([, text]) => text))
}

/** A conversation of about `words` words from the messages, digits varied line by line. */
export function buildTranscript(messages: readonly string[], words: number): string {
  const lines: string[] = []
  let count = 0
  for (let i = 0; count < words; i++) {
    const message = messages[(i * 7) % messages.length].replace(/\d/g, (d) => String((Number(d) + i) % 10))
    lines.push(`${i % 2 === 0 ? 'Customer' : 'Agent'}: ${message}`)
    count += message.split(/\s+/).length + 1
  }
  return lines.join('\n')
}

/** About `bytes` of JSON Lines, each a conversation of ~200 words. */
export function jsonl(messages: readonly string[], bytes: number): string {
  const lines: string[] = []
  let size = 0
  for (let i = 0; size < bytes; i++) {
    const text = buildTranscript(messages.slice((i * 11) % messages.length).concat(messages), 200)
    const line = JSON.stringify({ id: i, text })
    lines.push(line)
    size += line.length + 1
  }
  return lines.join('\n') + '\n'
}
