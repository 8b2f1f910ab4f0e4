/**
 * The anonymiser in a worker thread (piscina calls the default export): one text, or a batch of
 * texts for the CLI. Bundled to build/anonymiser/worker.js by build.mjs.
 */
import { setPriority } from 'node:os'
import { anonymise, type AnonymiseOptions, type AnonymiseResult } from './anonymise'

// On Linux a thread's nice value is its own: this worker yields the CPU to the thread serving
// requests whenever both want it (elsewhere the call may be refused, which changes nothing).
try {
  setPriority(15)
} catch {
  // not permitted here: run at normal priority
}

export type AnonymiseTask = { text: string; options?: AnonymiseOptions } | { batch: Array<{ text: string; options?: AnonymiseOptions }> }

export default function run(task: AnonymiseTask): AnonymiseResult | AnonymiseResult[] {
  if ('batch' in task) return task.batch.map((item) => anonymise(item.text, item.options))
  return anonymise(task.text, task.options)
}
