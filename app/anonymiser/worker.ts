/**
 * The anonymiser in a worker thread (piscina calls the default export): one text, or a batch of
 * texts for the CLI. Bundled to build/anonymiser/worker.js by build.mjs.
 */
import { anonymise, type AnonymiseOptions, type AnonymiseResult } from './anonymise'

export type AnonymiseTask = { text: string; options?: AnonymiseOptions } | { batch: Array<{ text: string; options?: AnonymiseOptions }> }

export default function run(task: AnonymiseTask): AnonymiseResult | AnonymiseResult[] {
  if ('batch' in task) return task.batch.map((item) => anonymise(item.text, item.options))
  return anonymise(task.text, task.options)
}
