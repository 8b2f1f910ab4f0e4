// `npm run -s anonymise -- --jsonl`: runs the bundled CLI, building it first when it is missing
// or older than its sources (a fresh clone, or after an edit).
import { buildAnonymiser, defaultOutdir, isStale } from './build.mjs'

if (isStale()) await buildAnonymiser()
await import(new URL(`file://${defaultOutdir}/cli.js`).href)
