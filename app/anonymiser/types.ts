/** The kinds of personal data the anonymiser finds. These strings are part of the CLI output. */
export const PII_LABELS = [
  'name',
  'email',
  'phone',
  'address',
  'postcode',
  'url',
  'organization',
  'account_number',
  'username',
  'card_number',
  'iban',
  'ip_address',
  'national_id',
  'date_of_birth',
  'date',
  'place',
] as const

export type PiiLabel = (typeof PII_LABELS)[number]

export function isPiiLabel(value: unknown): value is PiiLabel {
  return typeof value === 'string' && (PII_LABELS as readonly string[]).includes(value)
}

export interface Span {
  start: number
  end: number
  label: PiiLabel
}

/** What kind of reference number an account_number span is; decides the invented replacement. */
export type ReferenceKind = 'order' | 'account' | 'ticket' | 'tracking' | 'reference'

/**
 * A detector's proposal. Higher priority wins an overlap (validated formats beat NLP guesses);
 * on a tie the longer span wins.
 */
export interface Candidate extends Span {
  priority: number
  /** account_number: which kind of reference; name: 'agent' when the person is the agent. */
  kind?: ReferenceKind
  role?: 'agent'
}
