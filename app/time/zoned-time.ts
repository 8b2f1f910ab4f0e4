// Dates as people read them: in their organization's time zone (organizations.time_zone), and
// relative where that helps ("due in 2 days", "3 hours ago"). Client-safe (luxon only).
//
//   formatDate(date, zone)            "Mon 30 Nov 2026"
//   formatDateTime(date, zone)        "Mon 30 Nov 2026, 14:05"
//   formatTime(date, zone)            "14:05"
//   formatMonth(date, zone)           "November 2026"
//   formatRelative(date, now)         "in 2 days" / "3 hours ago" / "just now"
//   formatDue(due, now)               "due in 2 days" / "overdue by 3 hours"
//   zonedLocalToUtc('2026-03-29', '09:00', 'Europe/London')  → the UTC instant (DST-correct)
//   isValidTimeZone(zone), timeZoneOptions()
import { DateTime, IANAZone } from 'luxon'

const LOCALE = 'en-GB'

type DateInput = Date | string | number

function inZone(date: DateInput, zone: string) {
  const js = date instanceof Date ? date : new Date(date)
  return DateTime.fromJSDate(js, { zone: isValidTimeZone(zone) ? zone : 'UTC' }).setLocale(LOCALE)
}

// luxon answers by building an Intl.DateTimeFormat each time, and pages ask for every date they
// show: remember the answers (bounded, since a zone can come from a form).
const zoneValidity = new Map<string, boolean>()

export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone.length === 0) return false
  let valid = zoneValidity.get(zone)
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone)
    if (zoneValidity.size >= 1_000) zoneValidity.clear()
    zoneValidity.set(zone, valid)
  }
  return valid
}

export function formatDate(date: DateInput, zone: string): string {
  return inZone(date, zone).toFormat('ccc d LLL yyyy')
}

export function formatDateTime(date: DateInput, zone: string): string {
  return inZone(date, zone).toFormat('ccc d LLL yyyy, HH:mm')
}

export function formatTime(date: DateInput, zone: string): string {
  return inZone(date, zone).toFormat('HH:mm')
}

export function formatMonth(date: DateInput, zone: string): string {
  return inZone(date, zone).toFormat('LLLL yyyy')
}

/** ISO date (yyyy-mm-dd) of the instant in the zone, e.g. for a date input's value. */
export function isoDateInZone(date: DateInput, zone: string): string {
  return inZone(date, zone).toISODate() ?? ''
}

const UNITS = [
  ['year', 365 * 24 * 3600e3],
  ['month', 30 * 24 * 3600e3],
  ['week', 7 * 24 * 3600e3],
  ['day', 24 * 3600e3],
  ['hour', 3600e3],
  ['minute', 60e3],
] as const

/** The largest whole unit between two instants: { amount: 2, unit: 'day', future: true }. */
function relativeParts(date: DateInput, now: DateInput) {
  const diff = new Date(date).getTime() - new Date(now).getTime()
  const abs = Math.abs(diff)
  for (const [unit, ms] of UNITS) {
    if (abs >= ms) return { amount: Math.floor(abs / ms), unit, future: diff > 0 }
  }
  return null
}

function plural(amount: number, unit: string) {
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`
}

/** "in 2 days", "3 hours ago", "just now" (under a minute either way). */
export function formatRelative(date: DateInput, now: DateInput = new Date()): string {
  const parts = relativeParts(date, now)
  if (!parts) return 'just now'
  const span = plural(parts.amount, parts.unit)
  return parts.future ? `in ${span}` : `${span} ago`
}

/** "due in 2 days", "due now", "overdue by 3 hours". */
export function formatDue(due: DateInput, now: DateInput = new Date()): string {
  const parts = relativeParts(due, now)
  if (!parts) return 'due now'
  const span = plural(parts.amount, parts.unit)
  return parts.future ? `due in ${span}` : `overdue by ${span}`
}

/**
 * The UTC instant of a wall-clock date and time in a zone. In a spring-forward gap the time moves
 * forward by the gap (02:30 on the day clocks skip to 03:00 becomes 03:30); in the autumn overlap
 * the earlier of the two instants is taken.
 */
export function zonedLocalToUtc(isoDate: string, time: string, zone: string): Date {
  if (!isValidTimeZone(zone)) throw new RangeError(`unknown time zone ${zone}`)
  const local = DateTime.fromISO(`${isoDate}T${time}`, { zone })
  if (!local.isValid) throw new RangeError(`not a date and time: ${isoDate} ${time}`)
  const earliest = local.getPossibleOffsets().reduce((a, b) => (b.toMillis() < a.toMillis() ? b : a), local)
  return earliest.toJSDate()
}

/** Every IANA zone the runtime knows, for a select. */
export function timeZoneOptions(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] }
  const zones = intl.supportedValuesOf?.('timeZone') ?? []
  return zones.includes('UTC') ? zones : ['UTC', ...zones]
}
