// Client-safe: a team's monthly meeting slot, kept as an iCalendar RRULE ("first Tuesday at 10:00"),
// and the form fields that build it.
export const ORDINALS = [
  { value: 1, label: 'First' },
  { value: 2, label: 'Second' },
  { value: 3, label: 'Third' },
  { value: 4, label: 'Fourth' },
  { value: -1, label: 'Last' },
] as const
export const WEEKDAYS = [
  { value: 'MO', label: 'Monday' },
  { value: 'TU', label: 'Tuesday' },
  { value: 'WE', label: 'Wednesday' },
  { value: 'TH', label: 'Thursday' },
  { value: 'FR', label: 'Friday' },
] as const
export type WeekdayCode = (typeof WEEKDAYS)[number]['value']

export interface SlotFields {
  ordinal: number
  weekday: WeekdayCode
  /** 'HH:MM', organization time */
  time: string
}

export const DEFAULT_SLOT: SlotFields = { ordinal: 1, weekday: 'TU', time: '10:00' }

export function slotToRrule({ ordinal, weekday, time }: SlotFields): string {
  const [hour, minute] = time.split(':').map(Number)
  const position = ordinal > 0 ? `+${ordinal}` : String(ordinal)
  return `FREQ=MONTHLY;BYDAY=${position}${weekday};BYHOUR=${hour};BYMINUTE=${minute};BYSECOND=0`
}

/** The fields of a rule this module wrote; null for anything else. */
export function rruleToSlot(rrule: string): SlotFields | null {
  const parts = Object.fromEntries(rrule.split(';').map((p) => p.split('=') as [string, string]))
  const day = /^([+-]?\d)(MO|TU|WE|TH|FR)$/.exec(parts.BYDAY ?? '')
  if (parts.FREQ !== 'MONTHLY' || !day) return null
  const hour = Number(parts.BYHOUR ?? 0)
  const minute = Number(parts.BYMINUTE ?? 0)
  return {
    ordinal: Number(day[1]),
    weekday: day[2] as WeekdayCode,
    time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`,
  }
}

export function describeSlot(rrule: string): string {
  const slot = rruleToSlot(rrule)
  if (!slot) return rrule
  const ordinal = ORDINALS.find((o) => o.value === slot.ordinal)?.label ?? ''
  const weekday = WEEKDAYS.find((w) => w.value === slot.weekday)?.label ?? slot.weekday
  return `${ordinal} ${weekday} of the month, ${slot.time}`
}
