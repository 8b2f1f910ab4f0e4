// Client-safe: whether an action item tied to a metric was met, computed from the team's figures for
// the month the meeting looked at (baseline) and the month after it (target month).

export type OutcomeState = 'met' | 'not-met' | 'not-enough-data' | 'pending'

export interface ActionOutcome {
  state: OutcomeState
  baseline: number | null
  latest: number | null
  change: number | null
  /** false while the target month is still running: the verdict may change. */
  final: boolean
}

export function actionOutcome(input: {
  targetChange: number
  baseline: number | null
  latest: number | null
  /** Whether the target month has started (any data can exist). */
  started: boolean
  final: boolean
}): ActionOutcome {
  const { targetChange, baseline, latest, started, final } = input
  if (!started) return { state: 'pending', baseline, latest: null, change: null, final: false }
  if (baseline === null || latest === null) return { state: 'not-enough-data', baseline, latest, change: null, final }
  const change = latest - baseline
  // A target of "−3" (fewer) is met by going down at least that far.
  const met = targetChange >= 0 ? change >= targetChange : change <= targetChange
  return { state: met ? 'met' : 'not-met', baseline, latest, change, final }
}

export const OUTCOME_TEXT: Record<OutcomeState, string> = {
  met: 'Met',
  'not-met': 'Not met',
  'not-enough-data': 'Not enough data',
  pending: 'Too early to tell',
}

export const STATUS_TEXT = { open: 'Open', done: 'Done', dropped: 'Dropped' } as const
