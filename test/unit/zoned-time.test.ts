import { describe, expect, it } from 'vitest'
import {
  formatDate,
  formatDateTime,
  formatDue,
  formatRelative,
  isValidTimeZone,
  zonedLocalToUtc,
} from '~/time/zoned-time'

describe('times in the organization time zone', () => {
  it('formats one instant as each zone reads it', () => {
    const instant = new Date('2026-11-30T23:30:00Z')
    expect(formatDateTime(instant, 'UTC')).toBe('Mon 30 Nov 2026, 23:30')
    expect(formatDateTime(instant, 'Europe/Paris')).toBe('Tue 1 Dec 2026, 00:30')
    expect(formatDate(instant, 'America/New_York')).toBe('Mon 30 Nov 2026')
  })

  it('says relative times in words', () => {
    const now = new Date('2026-06-01T12:00:00Z')
    expect(formatDue(new Date('2026-06-03T12:00:00Z'), now)).toBe('due in 2 days')
    expect(formatDue(new Date('2026-06-01T09:00:00Z'), now)).toBe('overdue by 3 hours')
    expect(formatRelative(new Date('2026-06-01T09:00:00Z'), now)).toBe('3 hours ago')
    expect(formatRelative(new Date('2026-06-01T12:00:20Z'), now)).toBe('just now')
    expect(formatRelative(new Date('2026-06-02T12:00:00Z'), now)).toBe('in 1 day')
  })

  it('turns a local date and time into the right UTC instant across daylight saving changes', () => {
    expect(zonedLocalToUtc('2026-03-28', '09:00', 'Europe/London').toISOString()).toBe('2026-03-28T09:00:00.000Z')
    expect(zonedLocalToUtc('2026-03-30', '09:00', 'Europe/London').toISOString()).toBe('2026-03-30T08:00:00.000Z')
    // 01:30 does not exist in London on 29 March 2026: it moves forward by the hour skipped.
    expect(zonedLocalToUtc('2026-03-29', '01:30', 'Europe/London').toISOString()).toBe('2026-03-29T01:30:00.000Z')
    // 01:30 happens twice on 25 October 2026: the first one (still summer time) is taken.
    expect(zonedLocalToUtc('2026-10-25', '01:30', 'Europe/London').toISOString()).toBe('2026-10-25T00:30:00.000Z')
    expect(zonedLocalToUtc('2026-07-01', '17:00', 'America/New_York').toISOString()).toBe('2026-07-01T21:00:00.000Z')
    expect(() => zonedLocalToUtc('2026-07-01', '17:00', 'Mars/Olympus')).toThrow(RangeError)
    expect(() => zonedLocalToUtc('2026-02-30', '17:00', 'UTC')).toThrow(RangeError)
  })

  it('knows real zones from made-up ones', () => {
    expect(isValidTimeZone('Europe/London')).toBe(true)
    expect(isValidTimeZone('Europe/Londn')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })
})
