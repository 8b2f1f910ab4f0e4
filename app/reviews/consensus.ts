// Client-safe and pure: how a reply's reviews become one score, how close each reviewer was, and
// when the reviewers disagree too much for the score to stand without a manager looking at it.

export type Levels = Record<string, number>

export interface CriterionWeight {
  id: string
  weight: number
}

export interface WeightedReview {
  scores: Levels
  /** 1 for a reviewer without enough history; see `reviewerWeight`. */
  weight: number
  /** A manager's deciding review on a flagged reply: its levels settle the consensus. */
  deciding?: boolean
}

/**
 * Weighted median. With equal weights it is the ordinary median (the mean of the two middle values
 * for an even count); with weights, the value where half the total weight lies on each side.
 */
export function weightedMedian(values: ReadonlyArray<{ value: number; weight: number }>): number {
  const items = values.filter((item) => item.weight > 0).sort((a, b) => a.value - b.value)
  if (items.length === 0) throw new Error('weightedMedian needs at least one positive weight')
  const total = items.reduce((sum, item) => sum + item.weight, 0)
  const half = total / 2
  let cumulative = 0
  for (let i = 0; i < items.length; i++) {
    cumulative += items[i].weight
    if (Math.abs(cumulative - half) < 1e-9 && i + 1 < items.length) return (items[i].value + items[i + 1].value) / 2
    if (cumulative > half) return items[i].value
  }
  return items[items.length - 1].value
}

/**
 * How much a reviewer's levels count in a consensus: 1 until `after` of their reviews have been
 * compared with consensus, then 0.5 + quality (0.5 for a reviewer who is always far off, 1.5 for
 * one who always matches), so history moves the median without letting anyone dictate it.
 */
export function reviewerWeight(quality: { quality: number; reviewsCounted: number } | null | undefined, after: number) {
  if (!quality || quality.reviewsCounted < after) return 1
  return 0.5 + Math.min(1, Math.max(0, quality.quality))
}

/** 0–100: the rubric-weighted mean of (level − 1) / 3 × 100 over the criteria. */
export function overallScore(criteria: ReadonlyArray<CriterionWeight>, levels: Levels): number {
  let sum = 0
  let weights = 0
  for (const criterion of criteria) {
    const level = levels[criterion.id]
    if (typeof level !== 'number') continue
    sum += criterion.weight * (((level - 1) / 3) * 100)
    weights += criterion.weight
  }
  if (weights === 0) throw new Error('overallScore needs at least one scored criterion')
  return Math.round((sum / weights) * 10) / 10
}

/** Consensus per criterion (weighted median, or the deciding review's levels) and the overall score. */
export function consensus(criteria: ReadonlyArray<CriterionWeight>, reviews: ReadonlyArray<WeightedReview>) {
  if (reviews.length === 0) throw new Error('consensus needs at least one review')
  const deciding = reviews.find((review) => review.deciding)
  const criterionScores: Levels = {}
  for (const criterion of criteria) {
    if (deciding && typeof deciding.scores[criterion.id] === 'number') {
      criterionScores[criterion.id] = deciding.scores[criterion.id]
      continue
    }
    const values = reviews
      .filter((review) => !review.deciding && typeof review.scores[criterion.id] === 'number')
      .map((review) => ({ value: review.scores[criterion.id], weight: review.weight }))
    if (values.length) criterionScores[criterion.id] = weightedMedian(values)
  }
  return { criterionScores, score: overallScore(criteria, criterionScores) }
}

/**
 * How close one review is to consensus, 0–1 (in the spirit of Moodle's grading evaluation):
 * 1 − mean absolute distance in levels / 3. Identical levels give 1, the far end of the scale 0.
 */
export function closeness(criteria: ReadonlyArray<CriterionWeight>, scores: Levels, agreed: Levels): number {
  const distances = criteria
    .filter((criterion) => typeof scores[criterion.id] === 'number' && typeof agreed[criterion.id] === 'number')
    .map((criterion) => Math.abs(scores[criterion.id] - agreed[criterion.id]))
  if (distances.length === 0) return 1
  const mean = distances.reduce((sum, d) => sum + d, 0) / distances.length
  return Math.max(0, 1 - mean / 3)
}

/** A running mean of closeness: the reviewer's quality after one more counted review. */
export function nextQuality(previous: { quality: number; reviewsCounted: number } | null | undefined, latest: number) {
  const n = previous?.reviewsCounted ?? 0
  const quality = previous ? (previous.quality * n + latest) / (n + 1) : latest
  return { quality, reviewsCounted: n + 1 }
}

/** Wide disagreement: some criterion's levels span 2 or more, or overall scores spread widely. */
export const DISAGREEMENT_SPAN = 2
export const DISAGREEMENT_STDDEV = 20

export function disagreement(criteria: ReadonlyArray<CriterionWeight>, reviews: ReadonlyArray<{ scores: Levels }>) {
  const reasons: string[] = []
  if (reviews.length < 2) return { flagged: false, reasons }
  for (const criterion of criteria) {
    const levels = reviews.map((review) => review.scores[criterion.id]).filter((l): l is number => typeof l === 'number')
    if (levels.length < 2) continue
    const span = Math.max(...levels) - Math.min(...levels)
    if (span >= DISAGREEMENT_SPAN) reasons.push(`${criterion.id}: levels ${Math.min(...levels)} to ${Math.max(...levels)}`)
  }
  const overall = reviews.map((review) => overallScore(criteria, review.scores))
  const mean = overall.reduce((sum, s) => sum + s, 0) / overall.length
  const sd = Math.sqrt(overall.reduce((sum, s) => sum + (s - mean) ** 2, 0) / overall.length)
  if (sd >= DISAGREEMENT_STDDEV) reasons.push(`overall scores spread (standard deviation ${sd.toFixed(0)})`)
  return { flagged: reasons.length > 0, reasons }
}
