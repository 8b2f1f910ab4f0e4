/**
 * The anonymiser: text in, spans out. Pure (no database, no scenarios, no I/O), used by the import
 * (in a worker pool, see app/scenarios/anonymise-pool.server.ts) and by the batch CLI (cli.ts).
 */
export { anonymise, detect, type AnonymiseOptions, type AnonymiseResult, type ExtraSpan, type ReplacedSpan } from './anonymise'
export { PII_LABELS, isPiiLabel, type PiiLabel, type Span } from './types'
