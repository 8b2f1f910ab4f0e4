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
import type { Piscina } from 'piscina'
import type { JsonlBatch, JsonlBatchResult } from './jsonl'
import type { AnonymiseTask } from './worker'

/** A batch is sent to a worker once it holds this much text (or at the end of the input). */
const BATCH_CHARS = 64_000
/** Batches handed out ahead of the one being written, per worker: keeps every worker busy. */
const AHEAD_PER_THREAD = 3

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
ip_address, national_id, date_of_birth, date, place.

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
  // loaded only when used: a short run starts sooner without them
  const cliProgress = showBar ? (await import('cli-progress')).default : null
  const bars = cliProgress
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

  // Worker threads read, anonymise and write the lines of a batch; this thread only splits the
  // input into batches and writes their results strictly in input order.
  const workerUrl = new URL('./worker.js', import.meta.url).href
  const threads = Math.max(1, availableParallelism())
  let pool = null as Piscina | null
  const pending: Array<{ lineNumbers: number[]; result: Promise<JsonlBatchResult>; bytes: number }> = []
  let batch: string[] = []
  let batchLineNumbers: number[] = []
  let batchChars = 0

  const writeHead = async () => {
    const head = pending.shift()
    if (!head) return
    const result = await head.result
    for (const { index, reason } of result.bad) report(`anonymise: line ${head.lineNumbers[index]}: ${reason} — skipped`)
    bad += result.bad.length
    if (result.out && !process.stdout.write(result.out)) await once(process.stdout, 'drain')
    processed += result.done
    bar?.update(totalBytes > 0 ? Math.min(head.bytes, totalBytes) : processed, { lines: processed })
  }
  const dispatch = async (final: boolean) => {
    if (batch.length === 0) return
    const task: AnonymiseTask = { jsonl: { lines: batch, agentNames: args.agentNames } satisfies JsonlBatch }
    const lineNumbers = batchLineNumbers
    batch = []
    batchLineNumbers = []
    batchChars = 0
    // a small input is done in this thread rather than paying for starting workers
    if (final && !pool) {
      const { default: run } = (await import(workerUrl)) as { default: (task: AnonymiseTask) => JsonlBatchResult }
      pending.push({ lineNumbers, result: Promise.resolve(run(task)), bytes })
      return
    }
    if (!pool) {
      const { Piscina } = await import('piscina')
      pool = new Piscina({ filename: workerUrl, minThreads: threads, maxThreads: threads })
    }
    pending.push({ lineNumbers, result: pool.run(task) as Promise<JsonlBatchResult>, bytes })
    while (pending.length > threads * AHEAD_PER_THREAD) await writeHead()
  }

  for await (const line of lines) {
    lineNumber++
    if (bar) bytes += Buffer.byteLength(line, 'utf8') + 1
    if (!line.trim()) continue
    batch.push(line)
    batchLineNumbers.push(lineNumber)
    batchChars += line.length
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
