// The arithmetic of the customer-centricity index (CCI), client-safe and free of the database:
// the domain module feeds it rollup sums, the pages and the CSV format what it returns.

export interface CciThresholds {
  /** Fewer reviewed replies than this in a team-month → "not enough data". */
  minReplies: number
  /** Fewer distinct people behind those replies → "not enough data" (one person's scores never show as a team's). */
  minPeople: number
  /** A scenario needs this many reviewed replies org-wide before it can be listed among the hardest. */
  minScenarioReplies: number
}

export const DEFAULT_THRESHOLDS: CciThresholds = { minReplies: 5, minPeople: 3, minScenarioReplies: 10 }

/** Sums kept per team and month in team_month_rollups. */
export interface MonthSums {
  reviewedReplies: number
  scoreSum: number
  scoreSquaresSum: number
  reviewsGiven: number
  repliers: number
  reviewers: number
}

export const EMPTY_SUMS: MonthSums = {
  reviewedReplies: 0,
  scoreSum: 0,
  scoreSquaresSum: 0,
  reviewsGiven: 0,
  repliers: 0,
  reviewers: 0,
}

export type NotEnoughReason = 'no-replies' | 'too-few-replies' | 'too-few-people'

/** A CCI figure. `value`, `low` and `high` are null whenever `reason` is set: the number never leaves the domain. */
export interface Cci {
  value: number | null
  low: number | null
  high: number | null
  reason: NotEnoughReason | null
  /** Reviewed replies behind the figure (its n). */
  replies: number
  /** Distinct people who wrote those replies. */
  people: number
  /** Team members who reviewed someone's reply that month. */
  reviewers: number
}

export const mean = (sum: number, n: number) => (n > 0 ? sum / n : null)

/** Sample standard deviation from a sum and a sum of squares (0 when n < 2). */
export function standardDeviation(sum: number, sumOfSquares: number, n: number) {
  if (n < 2) return 0
  const m = sum / n
  // Rounding can push a zero variance slightly below zero.
  return Math.sqrt(Math.max(0, (sumOfSquares - n * m * m) / (n - 1)))
}

const clamp = (value: number, low = 0, high = 100) => Math.min(high, Math.max(low, value))

/** mean ± 1.96·sd/√n, clamped to 0–100: a simple 95% band around the mean. */
export function confidenceBand(m: number, sd: number, n: number): [number, number] {
  const half = n > 0 ? (1.96 * sd) / Math.sqrt(n) : 0
  return [clamp(m - half), clamp(m + half)]
}

export function notEnoughReason(sums: Pick<MonthSums, 'reviewedReplies' | 'repliers'>, t: CciThresholds): NotEnoughReason | null {
  if (sums.reviewedReplies === 0) return 'no-replies'
  if (sums.reviewedReplies < t.minReplies) return 'too-few-replies'
  if (sums.repliers < t.minPeople) return 'too-few-people'
  return null
}

export function cciOf(sums: MonthSums, t: CciThresholds = DEFAULT_THRESHOLDS): Cci {
  const n = sums.reviewedReplies
  const base = { replies: n, people: sums.repliers, reviewers: sums.reviewers }
  const reason = notEnoughReason(sums, t)
  if (reason) return { value: null, low: null, high: null, reason, ...base }
  const m = clamp(sums.scoreSum / n)
  const [low, high] = confidenceBand(m, standardDeviation(sums.scoreSum, sums.scoreSquaresSum, n), n)
  return { value: m, low, high, reason: null, ...base }
}

/** Change in points since the previous month, only when both months have a figure. */
export function changeSince(current: Cci, previous: Cci | undefined): number | null {
  if (current.value === null || !previous || previous.value === null) return null
  return current.value - previous.value
}

/** Share (0–1) of a team's active members who practised; the people who practised count even if they left since. */
export function participation(practised: number, activeMembers: number): number | null {
  const members = Math.max(practised, activeMembers)
  return members > 0 ? practised / members : null
}

/** A mean rubric level (1–4) on the 0–100 scale of the CCI. */
export const levelToScore = (level: number) => clamp(((level - 1) / 3) * 100)

/** Per-criterion figure: null unless the team-month itself has a figure and the criterion has enough replies. */
export function criterionScore(levelSum: number, replies: number, teamMonth: Cci, t: CciThresholds = DEFAULT_THRESHOLDS) {
  if (teamMonth.value === null || replies < t.minReplies) return null
  return levelToScore(levelSum / replies)
}

// ───────────── months (UTC, 'YYYY-MM-01') ─────────────

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/

export function monthOf(date: Date): string {
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-01`
}

export function addMonths(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number)
  return monthOf(new Date(Date.UTC(y, m - 1 + delta, 1)))
}

/** `count` months ending with `last`, oldest first. */
export function monthsEnding(last: string, count = 12): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1))
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const MONTH_LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export const shortMonth = (month: string) => MONTH_NAMES[Number(month.slice(5, 7)) - 1]
export const monthLabel = (month: string) => `${MONTH_LONG[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`
/** 'YYYY-MM' as used in URLs (?month=2025-03). */
export const monthParam = (month: string) => month.slice(0, 7)

// ───────────── wording ─────────────

export const REASON_TEXT: Record<NotEnoughReason, string> = {
  'no-replies': 'No reviewed replies',
  'too-few-replies': 'Not enough data',
  'too-few-people': 'Not enough data',
}

export function reasonDetail(cci: Pick<Cci, 'reason' | 'replies'>, t: CciThresholds) {
  switch (cci.reason) {
    case 'no-replies':
      return 'Nobody in this team had a reply reviewed this month.'
    case 'too-few-replies':
      return `${cci.replies} reviewed ${cci.replies === 1 ? 'reply' : 'replies'}; a figure needs at least ${t.minReplies}.`
    case 'too-few-people':
      return `Fewer than ${t.minPeople} people practised, so a figure could point at one person.`
    default:
      return ''
  }
}

export const formatScore = (value: number | null) => (value === null ? '–' : value.toFixed(0))
export const formatChange = (value: number | null) =>
  value === null ? '–' : `${value > 0 ? '+' : value < 0 ? '−' : '±'}${Math.abs(value).toFixed(1)}`
export const formatShare = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`)

/** Drills done on time as a share, or "no drill due" when nobody was expected to do one that month. */
export const formatDrillsOnTime = (drills: { due: number; share: number | null } | null) =>
  drills === null ? '–' : drills.due > 0 && drills.share !== null ? formatShare(drills.share) : 'no drill due'

const SHORT_CRITERION: Record<string, string> = {
  empathy: 'Empathy',
  warmth: 'Warmth',
  ownership: 'Ownership',
  'next-step': 'Next step',
  context: 'Context',
}
/** A column-sized name for a rubric criterion. */
export const shortCriterion = (criterion: { id: string; name: string }) => SHORT_CRITERION[criterion.id] ?? criterion.name
