import { describe, expect, it } from 'vitest'
import { digestsDue, inQuietHours, nextMorning, remindersDue, type ReminderCandidate } from '~/drills/reminders'
import { cyclesUntil, describeRecurrence, nextCycleAfter, recurrenceRule, zonedInstant } from '~/drills/schedule'
import { assignmentState, completionShare, funnelOf } from '~/drills/status'

const BERLIN = 'Europe/Berlin'
const HOUR = 60 * 60 * 1000

describe('recurrence → cycles', () => {
  it('keeps Monday 09:00 → Friday 17:00 in Berlin wall-clock time across the October DST change', () => {
    // Monday 19 October 2026; clocks go back on Sunday 25 October.
    const opensAt = zonedInstant('2026-10-19', '09:00', BERLIN)!
    const dueAt = zonedInstant('2026-10-23', '17:00', BERLIN)!
    const recurrence = recurrenceRule('weekly', opensAt, BERLIN)
    expect(recurrence).toBe('FREQ=WEEKLY;BYDAY=MO')
    const cycles = cyclesUntil({ opensAt, dueAt, recurrence }, BERLIN, new Date('2026-11-03T00:00:00Z'))
    expect(cycles.map((c) => c.opensAt.toISOString())).toEqual([
      '2026-10-19T07:00:00.000Z', // CEST, UTC+2
      '2026-10-26T08:00:00.000Z', // CET, UTC+1
      '2026-11-02T08:00:00.000Z',
    ])
    expect(cycles.map((c) => c.dueAt.toISOString())).toEqual(['2026-10-23T15:00:00.000Z', '2026-10-30T16:00:00.000Z', '2026-11-06T16:00:00.000Z'])
    expect(cycles.map((c) => c.sequence)).toEqual([1, 2, 3])
  })

  it('repeats monthly on the first Monday, across the March DST change', () => {
    const opensAt = zonedInstant('2027-02-01', '09:00', BERLIN)!
    const dueAt = zonedInstant('2027-02-05', '17:00', BERLIN)!
    const recurrence = recurrenceRule('monthly', opensAt, BERLIN)
    expect(recurrence).toBe('FREQ=MONTHLY;BYDAY=1MO')
    expect(describeRecurrence(recurrence)).toBe('Every month on the first Monday')
    const cycles = cyclesUntil({ opensAt, dueAt, recurrence }, BERLIN, new Date('2027-05-01T00:00:00Z'))
    expect(cycles.map((c) => c.opensAt.toISOString())).toEqual([
      '2027-02-01T08:00:00.000Z',
      '2027-03-01T08:00:00.000Z',
      '2027-04-05T07:00:00.000Z', // after 28 March: summer time
    ])
    expect(cycles[2].dueAt.toISOString()).toBe('2027-04-09T15:00:00.000Z')
    expect(nextCycleAfter({ opensAt, dueAt, recurrence }, BERLIN, new Date('2027-04-06T00:00:00Z'))?.opensAt.toISOString()).toBe(
      '2027-05-03T07:00:00.000Z',
    )
  })

  it('takes the last weekday of the month when the opening is a fifth one', () => {
    const opensAt = zonedInstant('2026-11-30', '09:00', 'UTC')!
    expect(recurrenceRule('monthly', opensAt, 'UTC')).toBe('FREQ=MONTHLY;BYDAY=-1MO')
    expect(describeRecurrence('FREQ=MONTHLY;BYDAY=-1MO')).toBe('Every month on the last Monday')
  })

  it('gives a one-off drill one cycle once it opens, none before', () => {
    const drill = { opensAt: new Date('2026-12-01T09:00:00Z'), dueAt: new Date('2026-12-04T17:00:00Z'), recurrence: null }
    expect(cyclesUntil(drill, 'UTC', new Date('2026-11-30T00:00:00Z'))).toEqual([])
    expect(cyclesUntil(drill, 'UTC', new Date('2026-12-02T00:00:00Z'))).toEqual([{ sequence: 1, ...drill, recurrence: undefined }].map(({ recurrence: _, ...c }) => c))
  })

  it('refuses a wall-clock time that does not exist', () => {
    expect(zonedInstant('2026-02-30', '09:00', BERLIN)).toBeNull()
  })
})

describe('assignment state', () => {
  const due = new Date('2026-12-04T17:00:00Z')
  const now = new Date('2026-12-05T12:00:00Z')
  it('marks done after the due time as late, and not finishing as overdue', () => {
    expect(assignmentState({ dueAt: due, exempt: false, left: false, stepsDoneAt: [new Date('2026-12-04T16:00:00Z')] }, now).status).toBe('done')
    expect(assignmentState({ dueAt: due, exempt: false, left: false, stepsDoneAt: [new Date('2026-12-04T18:00:00Z')] }, now).status).toBe('late')
    expect(assignmentState({ dueAt: due, exempt: false, left: false, stepsDoneAt: [new Date('2026-12-04T10:00:00Z'), null] }, now).status).toBe('overdue')
    const before = new Date('2026-12-03T00:00:00Z')
    expect(assignmentState({ dueAt: due, exempt: false, left: false, stepsDoneAt: [new Date('2026-12-02T10:00:00Z'), null] }, before).status).toBe('in-progress')
  })
  it('leaves exempt people out of the completion figure', () => {
    const funnel = funnelOf(['done', 'late', 'overdue', 'exempt', 'left', 'not-started'])
    expect(funnel).toEqual({ assigned: 5, notStarted: 1, inProgress: 0, doneOnTime: 1, late: 1, overdue: 1, exempt: 1 })
    expect(completionShare(funnel)).toBe(0.5)
  })
})

describe('reminder rules', () => {
  const zone = BERLIN
  const dueAt = zonedInstant('2026-12-04', '17:00', zone)!
  const candidate = (over: Partial<ReminderCandidate> = {}): ReminderCandidate => ({
    cycleId: 'c1',
    drillId: 'd1',
    userId: 'u1',
    title: 'Refunds',
    opensAt: zonedInstant('2026-11-30', '09:00', zone)!,
    dueAt,
    status: 'not-started',
    ...over,
  })
  const run = (now: Date, candidates = [candidate()], sent = new Set<string>()) =>
    remindersDue({ now, zone, candidates, sent, wantsEmail: () => true })

  it('says "due soon" within 48 hours, "overdue" once a few hours after, nothing in between', () => {
    expect(run(zonedInstant('2026-12-02', '16:00', zone)!).map((r) => r.kind)).toEqual(['assigned'])
    expect(run(zonedInstant('2026-12-02', '18:00', zone)!).map((r) => r.kind)).toEqual(['due-soon'])
    expect(run(zonedInstant('2026-12-04', '18:00', zone)!, [candidate({ status: 'overdue' })])).toEqual([])
    // 20:00 would be three hours after, but that is quiet time: it waits for 08:00.
    expect(run(zonedInstant('2026-12-04', '20:30', zone)!, [candidate({ status: 'overdue' })])).toEqual([])
    expect(run(zonedInstant('2026-12-05', '08:00', zone)!, [candidate({ status: 'overdue' })]).map((r) => r.kind)).toEqual(['overdue'])
    expect(run(zonedInstant('2026-12-02', '18:00', zone)!, [candidate({ status: 'done' })])).toEqual([])
  })

  it('never repeats a (cycle, person, kind, due time), and a new due time re-arms', () => {
    const now = zonedInstant('2026-12-03', '10:00', zone)!
    const [first] = run(now)
    const sent = new Set([`${first.cycleId}|${first.userId}|${first.kind}|${first.keyTime.toISOString()}`])
    expect(run(now, [candidate()], sent)).toEqual([])
    const moved = zonedInstant('2026-12-04', '12:00', zone)!
    expect(run(now, [candidate({ dueAt: moved })], sent).map((r) => r.dueAt)).toEqual([moved])
  })

  it('keeps quiet from 20:00 to 08:00 organization time and knows the next morning', () => {
    expect(inQuietHours(zonedInstant('2026-12-03', '19:59', zone)!, zone)).toBe(false)
    expect(inQuietHours(zonedInstant('2026-12-03', '20:00', zone)!, zone)).toBe(true)
    expect(inQuietHours(zonedInstant('2026-12-04', '07:59', zone)!, zone)).toBe(true)
    expect(nextMorning(zonedInstant('2026-12-03', '22:00', zone)!, zone)).toEqual(zonedInstant('2026-12-04', '08:00', zone))
  })

  it('sends the Monday digest from 08:00 with what is due that week, once', () => {
    const monday = zonedInstant('2026-11-30', '08:05', zone)!
    const opensAt = zonedInstant('2026-11-27', '09:00', zone)!
    const later = candidate({ cycleId: 'c2', title: 'Next week', opensAt, dueAt: zonedInstant('2026-12-08', '17:00', zone)! })
    const input = { now: monday, zone, candidates: [candidate({ opensAt }), later], wantsEmail: () => false }
    const [digest] = digestsDue({ ...input, sent: new Set() })
    expect(digest).toMatchObject({ userId: 'u1', weekOf: '2026-11-30', email: false })
    expect(digest.items.map((i) => i.title)).toEqual(['Refunds'])
    expect(digestsDue({ ...input, sent: new Set(['u1|2026-11-30']) })).toEqual([])
    expect(digestsDue({ ...input, now: new Date(monday.getTime() - 2 * HOUR), sent: new Set() })).toEqual([])
    expect(digestsDue({ ...input, now: new Date(monday.getTime() + 24 * HOUR), sent: new Set() })).toEqual([])
  })
})
