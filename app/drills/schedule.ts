// Pure and client-safe: when a drill's cycles open and fall due. Recurrence is an RRULE (rrule)
// read in the organization's time zone: occurrences are computed as wall-clock times, then placed
// in the zone with luxon, so "Monday 09:00" stays 09:00 across a daylight-saving change.
import { DateTime } from 'luxon'
import * as rrulePackage from 'rrule'

// rrule ships CommonJS: under Node's ESM loader its exports sit on `default`.
const { RRule } = (rrulePackage as unknown as { default?: typeof rrulePackage }).default ?? rrulePackage

export type RecurrenceChoice = 'none' | 'weekly' | 'monthly'

export interface CycleTimes {
  sequence: number
  opensAt: Date
  dueAt: Date
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const
const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const ORDINALS = ['first', 'second', 'third', 'fourth']

/** A wall-clock date and time ("2026-12-04", "17:00") in `zone` as an instant; null when not a real time. */
export function zonedInstant(date: string, time: string, zone: string): Date | null {
  const local = DateTime.fromISO(`${date}T${time}`, { zone })
  return local.isValid ? local.toJSDate() : null
}

/** The wall-clock date and time of an instant in `zone`, for form fields. */
export function wallClock(instant: Date, zone: string) {
  const local = DateTime.fromJSDate(instant, { zone })
  return { date: local.toISODate()!, time: local.toFormat('HH:mm') }
}

/**
 * The RRULE for a recurrence chosen on the form, anchored on the first opening (in `zone`):
 * weekly on its weekday, or monthly on the same nth weekday ("first Monday"; the last one when it is a fifth).
 */
export function recurrenceRule(choice: RecurrenceChoice, firstOpening: Date, zone: string): string | null {
  if (choice === 'none') return null
  const local = DateTime.fromJSDate(firstOpening, { zone })
  const weekday = WEEKDAYS[local.weekday - 1]
  if (choice === 'weekly') return `FREQ=WEEKLY;BYDAY=${weekday}`
  const nth = Math.ceil(local.day / 7)
  return `FREQ=MONTHLY;BYDAY=${nth > 4 ? -1 : nth}${weekday}`
}

/** "Every Monday", "Every month on the first Monday", or null for a one-off drill. */
export function describeRecurrence(rule: string | null): string | null {
  if (!rule) return null
  const byDay = /BYDAY=([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)/.exec(rule)
  if (!byDay) return 'Recurring'
  const day = WEEKDAY_NAMES[WEEKDAYS.indexOf(byDay[2] as (typeof WEEKDAYS)[number])]
  if (rule.includes('FREQ=WEEKLY')) return `Every ${day}`
  const n = Number(byDay[1] ?? 1)
  return `Every month on the ${n < 0 ? 'last' : ORDINALS[n - 1]} ${day}`
}

/** Whether a stored or submitted rule is one we schedule: weekly or monthly, parseable. */
export function isSupportedRule(rule: string): boolean {
  try {
    const options = RRule.parseString(rule)
    return options.freq === RRule.WEEKLY || options.freq === RRule.MONTHLY
  } catch {
    return false
  }
}

// Wall-clock times travel through rrule as "floating" UTC dates: their UTC fields are the local fields.
const floating = (local: DateTime) => new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute))
const fromFloating = (date: Date, zone: string) =>
  DateTime.fromObject(
    { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: date.getUTCHours(), minute: date.getUTCMinutes() },
    { zone },
  )

interface DrillTiming {
  opensAt: Date
  dueAt: Date
  recurrence: string | null
}

/**
 * The drill's cycles from the first up to those opening at or before `until` (at most `limit`).
 * Each cycle is due the same number of calendar days after its opening as the first, at the same
 * wall-clock time: "opens Monday 09:00, due Friday 17:00" every week, whatever the clocks do.
 */
export function cyclesUntil(drill: DrillTiming, zone: string, until: Date, limit = 500): CycleTimes[] {
  const first = { sequence: 1, opensAt: drill.opensAt, dueAt: drill.dueAt }
  if (!drill.recurrence) return drill.opensAt <= until ? [first] : []
  const opening = DateTime.fromJSDate(drill.opensAt, { zone })
  const due = DateTime.fromJSDate(drill.dueAt, { zone })
  const dayOffset = Math.round(due.startOf('day').diff(opening.startOf('day'), 'days').days)
  const rule = new RRule({ ...RRule.parseString(drill.recurrence), dtstart: floating(opening) })
  const untilFloating = floating(DateTime.fromJSDate(until, { zone }))
  const cycles: CycleTimes[] = []
  rule.all((date, index) => {
    if (date > untilFloating || index >= limit) return false
    const opens = fromFloating(date, zone)
    const dueLocal = opens.startOf('day').plus({ days: dayOffset }).set({ hour: due.hour, minute: due.minute })
    cycles.push({ sequence: index + 1, opensAt: opens.toJSDate(), dueAt: dueLocal.toJSDate() })
    return true
  })
  // The first occurrence is the drill's own opening (the rule is anchored on it); keep its exact instants.
  if (cycles[0] && cycles[0].opensAt.getTime() === drill.opensAt.getTime()) cycles[0] = first
  return cycles
}

/** The latest cycle that has opened by `now`, or null when the drill has not opened yet. */
export function latestCycle(drill: DrillTiming, zone: string, now: Date): CycleTimes | null {
  const cycles = cyclesUntil(drill, zone, now)
  return cycles.at(-1) ?? null
}

/** The next cycle to open after `after`, for "next cycle opens …" on the drill page. */
export function nextCycleAfter(drill: DrillTiming, zone: string, after: Date): CycleTimes | null {
  if (!drill.recurrence) return drill.opensAt > after ? { sequence: 1, opensAt: drill.opensAt, dueAt: drill.dueAt } : null
  const horizon = DateTime.fromJSDate(after).plus({ days: 400 }).toJSDate()
  return cyclesUntil(drill, zone, horizon).find((cycle) => cycle.opensAt > after) ?? null
}
