import { describe, expect, it } from 'vitest'
import {
  addMonths,
  cciOf,
  changeSince,
  confidenceBand,
  criterionScore,
  DEFAULT_THRESHOLDS,
  levelToScore,
  mean,
  monthOf,
  monthsEnding,
  participation,
  standardDeviation,
  type MonthSums,
} from '~/insights/cci'

/** Rollup sums for a list of reply scores, as team_month_rollups keeps them. */
function sumsOf(scores: number[], people: number, extra: Partial<MonthSums> = {}): MonthSums {
  return {
    reviewedReplies: scores.length,
    scoreSum: scores.reduce((a, b) => a + b, 0),
    scoreSquaresSum: scores.reduce((a, b) => a + b * b, 0),
    reviewsGiven: 0,
    repliers: people,
    reviewers: 0,
    ...extra,
  }
}

describe('CCI arithmetic', () => {
  it('takes the mean and the sample standard deviation from sums', () => {
    expect(mean(210, 3)).toBe(70)
    expect(mean(0, 0)).toBeNull()
    expect(standardDeviation(210, 60 ** 2 + 70 ** 2 + 80 ** 2, 3)).toBeCloseTo(10, 10)
    expect(standardDeviation(70, 4900, 1)).toBe(0)
    // Identical scores: rounding must not produce NaN from a tiny negative variance.
    expect(standardDeviation(3 * 33.3, 3 * 33.3 * 33.3, 3)).toBeGreaterThanOrEqual(0)
  })

  it('puts a 95% band of mean ± 1.96·sd/√n around the mean, clamped to 0–100', () => {
    const [low, high] = confidenceBand(70, 10, 3)
    expect(low).toBeCloseTo(70 - (1.96 * 10) / Math.sqrt(3), 10)
    expect(high).toBeCloseTo(70 + (1.96 * 10) / Math.sqrt(3), 10)
    expect(confidenceBand(95, 20, 4)).toEqual([75.4, 100])
    expect(confidenceBand(3, 20, 4)[0]).toBe(0)
  })

  it('builds a figure with its n from a month of reviewed replies', () => {
    const scores = [50, 60, 70, 80, 90]
    const cci = cciOf(sumsOf(scores, 3, { reviewers: 4 }))
    const sd = Math.sqrt(scores.reduce((s, x) => s + (x - 70) ** 2, 0) / 4)
    expect(cci).toMatchObject({ value: 70, reason: null, replies: 5, people: 3, reviewers: 4 })
    expect(cci.low).toBeCloseTo(70 - (1.96 * sd) / Math.sqrt(5), 10)
    expect(cci.high).toBeCloseTo(70 + (1.96 * sd) / Math.sqrt(5), 10)
  })

  it('shows "not enough data" below 5 reviewed replies, and a number from 5', () => {
    const four = cciOf(sumsOf([60, 70, 80, 90], 3))
    expect(four).toMatchObject({ value: null, low: null, high: null, reason: 'too-few-replies', replies: 4 })
    const five = cciOf(sumsOf([60, 70, 80, 90, 100], 3))
    expect(five.value).toBe(80)
    expect(five.reason).toBeNull()
  })

  it('hides a figure that would stand for fewer than 3 people, and a month with no replies', () => {
    expect(cciOf(sumsOf([60, 70, 80, 90, 100, 50], 2))).toMatchObject({ value: null, reason: 'too-few-people' })
    expect(cciOf(sumsOf([], 0))).toMatchObject({ value: null, reason: 'no-replies' })
  })

  it('follows configured thresholds', () => {
    const t = { ...DEFAULT_THRESHOLDS, minReplies: 2, minPeople: 1 }
    expect(cciOf(sumsOf([40, 60], 1), t).value).toBe(50)
    expect(cciOf(sumsOf([40], 1), t).reason).toBe('too-few-replies')
  })

  it('reports change since last month only when both months have a figure', () => {
    const now = cciOf(sumsOf([70, 70, 80, 80, 90], 3))
    const before = cciOf(sumsOf([60, 60, 70, 70, 80], 3))
    expect(changeSince(now, before)).toBeCloseTo(10, 10)
    expect(changeSince(now, cciOf(sumsOf([60], 1)))).toBeNull()
    expect(changeSince(cciOf(sumsOf([60], 1)), before)).toBeNull()
    expect(changeSince(now, undefined)).toBeNull()
  })

  it('computes participation as the share of active members who practised', () => {
    expect(participation(3, 4)).toBe(0.75)
    expect(participation(0, 4)).toBe(0)
    // Someone who practised and left since still counts, and the share never passes 100%.
    expect(participation(5, 4)).toBe(1)
    expect(participation(0, 0)).toBeNull()
  })

  it('turns a criterion’s mean level (1–4) into 0–100, only beside a shown figure with enough replies', () => {
    expect(levelToScore(1)).toBe(0)
    expect(levelToScore(4)).toBe(100)
    expect(levelToScore(2.5)).toBe(50)
    const shown = cciOf(sumsOf([60, 70, 80, 90, 100], 3))
    expect(criterionScore(15, 5, shown)).toBeCloseTo(200 / 3, 10)
    expect(criterionScore(12, 4, shown)).toBeNull()
    expect(criterionScore(15, 5, cciOf(sumsOf([60, 70, 80, 90], 3)))).toBeNull()
  })
})

describe('months', () => {
  it('uses calendar months in UTC', () => {
    expect(monthOf(new Date('2025-01-31T23:30:00-02:00'))).toBe('2025-02-01')
    expect(monthOf(new Date('2025-03-01T00:00:00Z'))).toBe('2025-03-01')
    expect(addMonths('2025-01-01', -1)).toBe('2024-12-01')
    expect(addMonths('2024-11-01', 14)).toBe('2026-01-01')
  })

  it('lists twelve months ending with the chosen one, oldest first', () => {
    const months = monthsEnding('2025-03-01', 12)
    expect(months).toHaveLength(12)
    expect(months[0]).toBe('2024-04-01')
    expect(months[11]).toBe('2025-03-01')
  })
})
