// Client-safe arithmetic of a blind group calibration: per criterion, how the votes spread over the
// four levels, their median and the share within one level of it. Works on anonymous level maps only.

export const MIN_VOTES_TO_REVEAL = 3

export interface CriterionSpread {
  criterionId: string
  /** Votes at levels 1–4 (index 0 is level 1). */
  distribution: [number, number, number, number]
  median: number | null
  /** Share (0–1) of votes within one level of the median: 1 means the room agrees. */
  spread: number | null
}

export function median(values: number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function spreadOf(criterionIds: string[], votes: Record<string, number>[]): CriterionSpread[] {
  return criterionIds.map((criterionId) => {
    const levels = votes.map((v) => v[criterionId]).filter((l): l is number => Number.isInteger(l) && l >= 1 && l <= 4)
    const distribution: [number, number, number, number] = [0, 0, 0, 0]
    for (const level of levels) distribution[level - 1]++
    const m = median(levels)
    const spread = m === null ? null : levels.filter((l) => Math.abs(l - m) <= 1).length / levels.length
    return { criterionId, distribution, median: m, spread }
  })
}

/** The room's overall agreement: the mean of the per-criterion shares. */
export function overallSpread(spreads: CriterionSpread[]): number | null {
  const values = spreads.map((s) => s.spread).filter((s): s is number => s !== null)
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null
}
