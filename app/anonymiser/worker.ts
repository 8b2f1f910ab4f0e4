/**
 * The anonymiser in a worker thread (piscina calls the default export): one text for an import,
 * or a batch of JSON Lines for the CLI. Bundled to build/anonymiser/worker.js by build.mjs; the
 * CLI also imports it in its own thread for an input too small to be worth starting workers.
 */
import { setPriority } from 'node:os'
import { isMainThread, workerData } from 'node:worker_threads'
import { anonymise, type AnonymiseOptions, type AnonymiseResult } from './anonymise'
import { anonymiseJsonlBatch, type JsonlBatch, type JsonlBatchResult } from './jsonl'

/** Set by the app's pool: its workers share the machine with the thread serving requests. */
export interface AnonymiserWorkerData {
  yieldToRequests?: boolean
}

// On Linux a thread's nice value is its own: in the app a worker yields the CPU to the thread
// serving requests whenever both want it. The CLI's workers keep normal priority (nothing to yield to).
if (!isMainThread && (workerData as AnonymiserWorkerData | undefined)?.yieldToRequests) {
  try {
    setPriority(15)
  } catch {
    // not permitted here: run at normal priority
  }
}

export type AnonymiseTask = { text: string; options?: AnonymiseOptions } | { jsonl: JsonlBatch }

export default function run(task: AnonymiseTask): AnonymiseResult | JsonlBatchResult {
  if ('jsonl' in task) return anonymiseJsonlBatch(task.jsonl)
  return anonymise(task.text, task.options)
}
