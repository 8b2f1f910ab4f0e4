// Pure: who should get which drill reminder now. The job feeds it the assignments that still need
// doing and the reminders already delivered; it answers what to deliver. Nothing is e-mailed in
// quiet hours (20:00–08:00 organization time): the reminder simply waits for the morning run.
import { DateTime } from 'luxon'
import type { AssignmentStatus } from './status'

const HOUR = 60 * 60 * 1000

export const DUE_SOON_BEFORE = 48 * HOUR
/** "Overdue" goes once, this long after the due time… */
export const OVERDUE_AFTER = 3 * HOUR
/** …and not at all once the drill is this stale (a job that was down for weeks does not spam). */
export const OVERDUE_UNTIL = 7 * 24 * HOUR
export const QUIET_FROM_HOUR = 20
export const QUIET_UNTIL_HOUR = 8

export type ReminderKind = 'assigned' | 'due-soon' | 'overdue'

export interface ReminderCandidate {
  cycleId: string
  drillId: string
  userId: string
  title: string
  opensAt: Date
  /** The person's due time (extension included). */
  dueAt: Date
  status: AssignmentStatus
}

export interface Reminder {
  kind: ReminderKind
  cycleId: string
  drillId: string
  userId: string
  title: string
  /** The due time the reminder is about (for 'assigned', the cycle's opening): part of its once-only key. */
  keyTime: Date
  dueAt: Date
  email: boolean
}

export const reminderKey = (r: { cycleId: string; userId: string; kind: string; keyTime: Date }) =>
  `${r.cycleId}|${r.userId}|${r.kind}|${r.keyTime.toISOString()}`

export function inQuietHours(now: Date, zone: string): boolean {
  const hour = DateTime.fromJSDate(now, { zone }).hour
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR
}

/** The next 08:00 organization time at or after `now`. */
export function nextMorning(now: Date, zone: string): Date {
  const local = DateTime.fromJSDate(now, { zone })
  const morning = local.set({ hour: QUIET_UNTIL_HOUR, minute: 0, second: 0, millisecond: 0 })
  return (morning >= local ? morning : morning.plus({ days: 1 })).toJSDate()
}

const open = (status: AssignmentStatus) => status === 'not-started' || status === 'in-progress'

export interface ReminderInput {
  now: Date
  zone: string
  candidates: ReminderCandidate[]
  /** Keys (reminderKey) of reminders already delivered. */
  sent: ReadonlySet<string>
  /** Whether this person wants drill reminders by e-mail (in-app always). */
  wantsEmail: (userId: string) => boolean
}

/** The reminders to deliver now: at most one per person and cycle per run, the most pressing. */
export function remindersDue({ now, zone, candidates, sent, wantsEmail }: ReminderInput): Reminder[] {
  if (inQuietHours(now, zone)) return []
  const out: Reminder[] = []
  for (const c of candidates) {
    if (c.opensAt > now) continue
    const base = { cycleId: c.cycleId, drillId: c.drillId, userId: c.userId, title: c.title, dueAt: c.dueAt, email: wantsEmail(c.userId) }
    const until = c.dueAt.getTime() - now.getTime()
    const pick = (kind: ReminderKind, keyTime: Date) => {
      const reminder = { ...base, kind, keyTime }
      return sent.has(reminderKey(reminder)) ? null : reminder
    }
    let reminder: Reminder | null = null
    if (c.status === 'overdue') {
      const late = -until
      if (late >= OVERDUE_AFTER && late < OVERDUE_UNTIL) reminder = pick('overdue', c.dueAt)
    } else if (open(c.status)) {
      if (until <= DUE_SOON_BEFORE) reminder = pick('due-soon', c.dueAt)
      // "Due soon" says it all; the assignment notice only goes when the due time is further away.
      else reminder = pick('assigned', c.opensAt)
    }
    if (reminder) out.push(reminder)
  }
  return out
}

export interface Digest {
  userId: string
  /** The Monday of the week (organization time), YYYY-MM-DD: the digest's once-only key. */
  weekOf: string
  items: { drillId: string; title: string; dueAt: Date }[]
  email: boolean
}

/** The Monday digest: from 08:00 on Monday, each person's drills due that week, once per week. */
export function digestsDue(input: Omit<ReminderInput, 'sent'> & { sent: ReadonlySet<string> }): Digest[] {
  const { now, zone, candidates, sent, wantsEmail } = input
  const local = DateTime.fromJSDate(now, { zone })
  if (local.weekday !== 1 || inQuietHours(now, zone)) return []
  const weekOf = local.toISODate()!
  const weekEnd = local.startOf('day').plus({ days: 7 }).toJSDate()
  const byPerson = new Map<string, Digest>()
  for (const c of candidates) {
    if (!open(c.status) || c.opensAt > now || c.dueAt >= weekEnd) continue
    if (sent.has(`${c.userId}|${weekOf}`)) continue
    const digest = byPerson.get(c.userId) ?? { userId: c.userId, weekOf, items: [], email: wantsEmail(c.userId) }
    digest.items.push({ drillId: c.drillId, title: c.title, dueAt: c.dueAt })
    byPerson.set(c.userId, digest)
  }
  for (const digest of byPerson.values()) digest.items.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
  return [...byPerson.values()]
}
