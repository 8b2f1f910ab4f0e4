/**
 * The command line's JSON Lines contract, one batch of input lines at a time: each line is read,
 * anonymised and written back as one output line. Runs inside the CLI's worker threads, so the
 * thread that reads stdin only splits and forwards lines and writes the results.
 */
import { anonymise, type AnonymiseOptions } from './anonymise'

export interface JsonlBatch {
  /** Non-blank input lines, as read. */
  lines: string[]
  /** `--agent` names given on the command line, added to each line's own. */
  agentNames: string[]
}

export interface JsonlBatchResult {
  /** One output line per good input line, in input order, each ending with "\n". */
  out: string
  /** How many lines made it into out. */
  done: number
  /** Lines skipped, by index into the batch's lines, with what was wrong (never their content). */
  bad: Array<{ index: number; reason: string }>
}

type Parsed = { ok: true; id: unknown; text: string; options: AnonymiseOptions } | { ok: false; reason: string }

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined
}

function parseLine(line: string, agentNames: readonly string[]): Parsed {
  let value: unknown
  try {
    value = JSON.parse(line)
  } catch {
    // the parser's message quotes the line, which may hold personal data: say only what is wrong
    return { ok: false, reason: 'not valid JSON' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, reason: 'not a JSON object' }
  const record = value as Record<string, unknown>
  if (!('text' in record)) return { ok: false, reason: 'missing "text"' }
  if (typeof record.text !== 'string') return { ok: false, reason: '"text" is not a string' }
  const options = { agentNames: [...agentNames, ...(stringArray(record.agentNames) ?? [])], ignore: stringArray(record.ignore) }
  return { ok: true, id: record.id ?? null, text: record.text, options }
}

export function anonymiseJsonlBatch({ lines, agentNames }: JsonlBatch): JsonlBatchResult {
  const out: string[] = []
  const bad: JsonlBatchResult['bad'] = []
  for (const [index, line] of lines.entries()) {
    const parsed = parseLine(line, agentNames)
    if (!parsed.ok) {
      bad.push({ index, reason: parsed.reason })
      continue
    }
    const { text, spans } = anonymise(parsed.text, parsed.options)
    out.push(`${JSON.stringify({ id: parsed.id, text, spans })}\n`)
  }
  return { out: out.join(''), done: out.length, bad }
}
