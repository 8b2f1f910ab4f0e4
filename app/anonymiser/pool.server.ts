/**
 * Anonymising off the request thread: a piscina pool of worker threads with a size limit, a queue
 * limit and a time limit, so one large import never holds up anybody else's request.
 *
 * The worker is the bundled build/anonymiser/worker.js, found from the project root (not from this
 * module, which lives inside the server bundle). Outside production, or when it is missing or
 * older than its sources, it is bundled on first use into a temporary folder.
 */
import { mkdtempSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Piscina } from 'piscina'
import type { AnonymiseOptions, AnonymiseResult } from './anonymise'
import { buildAnonymiser, defaultOutdir, isStale } from './build.mjs'
import type { AnonymiserWorkerData } from './worker'

/** Most characters one call may anonymise (the import form allows 200,000 plus its own details). */
export const MAX_ANONYMISE_CHARS = 450_000
/** A call that takes longer is stopped (its worker is replaced). */
export const ANONYMISE_TIME_LIMIT_MS = 20_000
/** Calls waiting beyond this are refused at once rather than queued for minutes. */
const MAX_QUEUE = 8

export type AnonymiserLimit = 'too-large' | 'too-slow' | 'busy'

/** The HTTP status for a refusal: the request was too large, or the service cannot take it now. */
export const LIMIT_STATUS: Record<AnonymiserLimit, 413 | 503> = { 'too-large': 413, 'too-slow': 503, busy: 503 }

/** A limit was hit; `message` is safe to show to the person importing. */
export class AnonymiserLimitError extends Error {
  readonly status: 413 | 503

  constructor(readonly limit: AnonymiserLimit) {
    super(
      limit === 'too-large'
        ? 'That conversation is too long to anonymise at once; import a shorter part.'
        : limit === 'too-slow'
          ? 'Anonymising that conversation took too long; import a shorter part.'
          : 'The anonymiser is busy with other imports; try again in a minute.',
    )
    this.name = 'AnonymiserLimitError'
    this.status = LIMIT_STATUS[limit]
  }
}

let pool: Piscina | null = null
let starting: Promise<Piscina> | null = null

async function workerFile(): Promise<string> {
  if (process.env.NODE_ENV === 'production' && !isStale(defaultOutdir)) return join(defaultOutdir, 'worker.js')
  const outdir = await buildAnonymiser(mkdtempSync(join(tmpdir(), 'rapport-anonymiser-')))
  return join(outdir, 'worker.js')
}

function getPool(): Promise<Piscina> {
  if (pool) return Promise.resolve(pool)
  starting ??= workerFile().then((file) => {
    // one core stays free for requests
    const threads = Math.max(1, availableParallelism() - 1)
    const workerData: AnonymiserWorkerData = { yieldToRequests: true }
    pool = new Piscina({ filename: pathToFileURL(file).href, workerData, minThreads: 1, maxThreads: threads, maxQueue: MAX_QUEUE, idleTimeout: 60_000 })
    return pool
  })
  return starting
}

/** Starts the workers ahead of the first import (the first one loads the gazetteers). */
export function warmAnonymiser(): void {
  void getPool().catch(() => undefined)
}

export async function anonymiseOffThread(text: string, options?: AnonymiseOptions): Promise<AnonymiseResult> {
  if (text.length > MAX_ANONYMISE_CHARS) throw new AnonymiserLimitError('too-large')
  const workers = await getPool()
  if (workers.queueSize >= MAX_QUEUE) throw new AnonymiserLimitError('busy')
  const signal = AbortSignal.timeout(ANONYMISE_TIME_LIMIT_MS)
  try {
    return (await workers.run({ text, options }, { signal })) as AnonymiseResult
  } catch (error) {
    if (signal.aborted) throw new AnonymiserLimitError('too-slow')
    if (error instanceof Error && /queue is at limit/i.test(error.message)) throw new AnonymiserLimitError('busy')
    throw error
  }
}

/** For a clean shutdown and for tests. */
export async function closeAnonymiser(): Promise<void> {
  const current = pool
  pool = null
  starting = null
  await current?.destroy()
}
