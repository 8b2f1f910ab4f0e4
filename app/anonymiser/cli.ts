/**
 * Batch anonymiser for exported transcripts: JSON Lines in, JSON Lines out.
 *
 *   npm run -s anonymise -- --jsonl < conversations.jsonl > anonymised.jsonl
 *
 * Streams line by line (large files are fine) and spreads batches of lines over worker threads,
 * writing results in input order. Runs bundled (build.mjs), never through a TypeScript loader.
 * See --help for the formats and exit codes.
 * Never prints an original value: error messages name the line, not its content.
 */
import { createReadStream, fstatSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { createInterface } from 'node:readline'
import { once } from 'node:events'
import cliProgress from 'cli-progress'
import { Piscina } from 'piscina'
import { anonymise, type AnonymiseOptions, type AnonymiseResult } from './anonymise'
import type { AnonymiseTask } from './worker'

/** A batch is sent to a worker once it holds this much text (or at the end of the input). */
const BATCH_CHARS = 48_000

const USAGE = `Usage: npm run -s anonymise -- --jsonl [--agent NAME]... < in.jsonl > out.jsonl
       (or: node build/anonymiser/cli.js --jsonl < in.jsonl, after npm run build)

Reads JSON Lines on stdin, one conversation or message per line:
  {"id": <any JSON value>, "text": "<the text>"}
  optional per line: "agentNames": ["Tom Reyes"]   names that become "Agent"
                     "ignore": ["Kindle"]           values to leave as they are

Writes one JSON line per input line to stdout, in the same order:
  {"id": <same id>, "text": "<anonymised text>",
   "spans": [{"start": 0, "end": 4, "label": "name", "replacement": "Alex"}, ...]}
start/end are offsets (UTF-16 code units, as in JavaScript) into the INPUT text. Labels: name,
email, phone, address, postcode, url, organization, account_number, username, card_number, iban,
ip_address, national_id, date_of_birth, place.

Options:
  --jsonl         JSON Lines mode (the default and only mode)
  --agent NAME    treat NAME as the agent in every conversation (repeatable)
  -h, --help      show this help

Blank lines are skipped. A line that is not valid JSON, or has no string "text", is reported on
stderr with its line number (never its content) and skipped; the rest is still processed.
A progress bar is drawn on stderr only when stderr is a terminal.

Exit codes: 0 every line was processed; 1 at least one line was bad (see stderr);
            2 wrong command-line arguments.
`

interface Args {
  agentNames: string[]
}

function parseArgs(argv: string[]): Args | 'help' | { error: string } {
  const args: Args = { agentNames: [] }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '-h' || arg === '--help') return 'help'
    else if (arg === '--jsonl') continue
    else if (arg === '--agent') {
      const name = argv[++i]
      if (!name) return { error: '--agent needs a name' }
      args.agentNames.push(name)
    } else if (arg.startsWith('--agent=')) args.agentNames.push(arg.slice('--agent='.length))
    else return { error: `unknown argument: ${arg}` }
  }
  return args
}

type Parsed = { ok: true; id: unknown; text: string; options: AnonymiseOptions } | { ok: false; reason: string }

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined
}

function parseLine(line: string, defaults: Args): Parsed {
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
  const agentNames = [...defaults.agentNames, ...(stringArray(record.agentNames) ?? [])]
  const ignore = stringArray(record.ignore)
  return { ok: true, id: record.id ?? null, text: record.text, options: { agentNames, ignore } }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2))
  if (args === 'help') {
    process.stdout.write(USAGE)
    return 0
  }
  if ('error' in args) {
    process.stderr.write(`anonymise: ${args.error}\n\n${USAGE}`)
    return 2
  }

  // a progress bar only for a person watching a terminal; its total is the input size when known
  let totalBytes = 0
  try {
    const stat = fstatSync(0)
    if (stat.isFile()) totalBytes = stat.size
  } catch {
    totalBytes = 0
  }
  const showBar = Boolean(process.stderr.isTTY)
  const bars = showBar
    ? new cliProgress.MultiBar(
        {
          stream: process.stderr,
          format: totalBytes > 0 ? 'anonymising [{bar}] {percentage}% | {lines} lines' : 'anonymising {lines} lines',
          hideCursor: true,
          clearOnComplete: false,
        },
        cliProgress.Presets.shades_classic,
      )
    : null
  const bar = bars?.create(totalBytes || 1, 0, { lines: 0 }) ?? null
  const report = (message: string) => {
    if (bars) bars.log(`${message}\n`)
    else process.stderr.write(`${message}\n`)
  }

  const input = totalBytes > 0 ? createReadStream('', { fd: 0, autoClose: false }) : process.stdin
  const lines = createInterface({ input, crlfDelay: Infinity })
  let lineNumber = 0
  let processed = 0
  let bad = 0
  let bytes = 0

  // Batches go to worker threads; their results are written strictly in input order.
  type Item = { id: unknown; text: string; options: AnonymiseOptions }
  const threads = Math.max(1, availableParallelism())
  let pool = null as Piscina | null
  const pending: Array<{ items: Item[]; result: Promise<AnonymiseResult[]>; bytes: number }> = []
  let batch: Item[] = []
  let batchChars = 0

  const writeHead = async () => {
    const head = pending.shift()
    if (!head) return
    const results = await head.result
    const out = head.items.map((item, i) => JSON.stringify({ id: item.id, text: results[i].text, spans: results[i].spans })).join('\n') + '\n'
    if (!process.stdout.write(out)) await once(process.stdout, 'drain')
    processed += head.items.length
    bar?.update(totalBytes > 0 ? Math.min(head.bytes, totalBytes) : processed, { lines: processed })
  }
  const dispatch = async (final: boolean) => {
    if (batch.length === 0) return
    const items = batch
    batch = []
    batchChars = 0
    // a small input is done here rather than paying for starting workers
    if (final && !pool) {
      pending.push({ items, result: Promise.resolve(items.map((item) => anonymise(item.text, item.options))), bytes })
      return
    }
    pool ??= new Piscina({ filename: new URL('./worker.js', import.meta.url).href, maxThreads: threads, minThreads: threads })
    const task: AnonymiseTask = { batch: items.map(({ text, options }) => ({ text, options })) }
    pending.push({ items, result: pool.run(task) as Promise<AnonymiseResult[]>, bytes })
    while (pending.length > threads * 2) await writeHead()
  }

  for await (const line of lines) {
    lineNumber++
    bytes += Buffer.byteLength(line, 'utf8') + 1
    if (!line.trim()) continue
    const parsed = parseLine(line, args)
    if (!parsed.ok) {
      bad++
      report(`anonymise: line ${lineNumber}: ${parsed.reason} — skipped`)
      continue
    }
    batch.push({ id: parsed.id, text: parsed.text, options: parsed.options })
    batchChars += parsed.text.length
    if (batchChars >= BATCH_CHARS) await dispatch(false)
  }
  await dispatch(true)
  while (pending.length > 0) await writeHead()
  await pool?.destroy()
  if (bar && totalBytes > 0) bar.update(totalBytes, { lines: processed })
  bars?.stop()
  if (bad > 0) process.stderr.write(`anonymise: ${processed} line(s) anonymised, ${bad} bad line(s) skipped\n`)
  return bad > 0 ? 1 : 0
}

main().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`anonymise: ${error instanceof Error ? error.message : String(error)}\n`)
    process.exitCode = 1
  },
)
