import { fileURLToPath } from 'node:url'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addMembership, createOrgWithPeople, createTeam, createUser } from '../../db/factories'
import { drillReminders, memberships, notifications, organizations, teamMonthDrillRollups, users } from '../../db/schema'
import type { Db } from '../../db/client.server'
import { openDueCycles, syncRunningCycles } from '~/drills/cycles.server'
import {
  createDrill,
  drillFormOptions,
  drillTable,
  extendDueTime,
  managedDrills,
  myDrill,
  myDrills,
  nudgeDrill,
  setExemption,
  updateDrill,
} from '~/drills/drills.server'
import type { DrillFormInput } from '~/drills/drill-form'
import { organizationTimeZone } from '~/drills/organization-zone.server'
import { drillSweepJob } from '~/drills/drill-jobs.server'
import { drillsDoneOnTime, rebuildDrillRollups } from '~/drills/rollups.server'
import { organizationCsv, teamCsv } from '~/insights/csv.server'
import { getOrganizationInsights, getTeamInsights } from '~/insights/insights.server'
import { wallClock, zonedInstant } from '~/drills/schedule'
import { startAttempt, submitReply } from '~/practice/practice.server'
import { REPLY_TEXT } from '../support/practice-fixtures'
import { startTestJobQueue } from '../support/job-queue'
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp-catcher'
import { createTestDatabase } from '../support/test-database'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR

let database: Awaited<ReturnType<typeof createTestDatabase>>
let db: Db
let a: Awaited<ReturnType<typeof createOrgWithPeople>>
let b: Awaited<ReturnType<typeof createOrgWithPeople>>
let zone: string

beforeAll(async () => {
  process.env.CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url))
  database = await createTestDatabase()
  db = database.db
  a = await createOrgWithPeople(db, 'Org A')
  b = await createOrgWithPeople(db, 'Org B')
  zone = await organizationTimeZone(db, a.org.id)
})

/** Form input for a drill opening at `opensAt` and due at `dueAt` (wall clock in the org's zone). */
function form(opensAt: Date, dueAt: Date, over: Partial<DrillFormInput> = {}): DrillFormInput {
  const opens = wallClock(opensAt, zone)
  const due = wallClock(dueAt, zone)
  return {
    title: 'Late delivery, warmly',
    note: 'Before Friday please.',
    steps: ['scenario:late-delivery-gift'],
    teamIds: [a.team.id],
    opensDate: opens.date,
    opensTime: opens.time,
    dueDate: due.date,
    dueTime: due.time,
    ...over,
  }
}

/** A minute-aligned "now" (forms carry minutes) a little in the future of the real clock. */
const minute = (at: number) => new Date(Math.floor(at / 60_000) * 60_000)

async function newMember(name: string, teamId = a.team.id, joinedTeamAt?: Date) {
  const user = await createUser(db, a.org.id, { name })
  await addMembership(db, { organizationId: a.org.id, userId: user.id, teamId })
  if (joinedTeamAt) await db.update(memberships).set({ createdAt: joinedTeamAt }).where(eq(memberships.userId, user.id))
  return user
}

async function reply(person: { id: string; organizationId: string; role: 'admin' | 'manager' | 'member' }, at: Date) {
  const attempt = await startAttempt(db, person, 'late-delivery-gift', at)
  const result = await submitReply(db, person, { slug: 'late-delivery-gift', attemptId: attempt.id, promptId: 'reply', text: REPLY_TEXT }, { now: at })
  if (!result.ok) throw new Error(result.error)
}

async function created(actor: typeof a.manager, input: DrillFormInput, now: Date) {
  const result = await createDrill(db, actor, input, now)
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.value
}

const statusOf = (table: Awaited<ReturnType<typeof drillTable>>, userId: string) => table.rows.find((r) => r.userId === userId)?.status

describe('creating a drill', () => {
  it('assigns everyone in the team in one go and tells them', async () => {
    const now = minute(Date.now())
    const drill = await created(a.manager, form(now, new Date(now.getTime() + 3 * DAY)), now)
    const table = await drillTable(db, a.manager, drill.id, { now })
    expect(table.rows.map((r) => r.userId).sort()).toEqual([a.manager.id, a.member.id].sort())
    expect(table.funnel).toMatchObject({ assigned: 2, notStarted: 2 })
    const bell = await db.select().from(notifications).where(and(eq(notifications.userId, a.member.id), eq(notifications.kind, 'drill-assigned')))
    expect(bell.map((n) => n.href)).toContain(`/drills/${drill.id}`)
    expect((await myDrills(db, a.member, now)).due.map((d) => d.drillId)).toContain(drill.id)
  })

  it('refuses a past due time, an empty audience and a team the manager does not lead, keeping nothing', async () => {
    const now = minute(Date.now())
    const other = await createTeam(db, a.org.id, { name: 'Finance' })
    const past = await createDrill(db, a.manager, form(new Date(now.getTime() - 2 * HOUR), new Date(now.getTime() - HOUR)), now)
    expect(past).toMatchObject({ ok: false, errors: { dueDate: expect.stringMatching(/past/) } })
    const nobody = await createDrill(db, a.manager, form(now, new Date(now.getTime() + DAY), { teamIds: [] }), now)
    expect(nobody).toMatchObject({ ok: false, errors: { audience: expect.any(String) } })
    const notMine = await createDrill(db, a.manager, form(now, new Date(now.getTime() + DAY), { teamIds: [other.id] }), now)
    expect(notMine).toMatchObject({ ok: false, errors: { audience: 'You can assign drills only to your own teams.' } })
    // An admin assigns to any team.
    const byAdmin = await createDrill(db, a.admin, form(now, new Date(now.getTime() + DAY), { teamIds: [other.id] }), now)
    expect(byAdmin.ok).toBe(true)
  })

  it('lets no member assign drills', async () => {
    await expect(drillFormOptions(db, a.member)).rejects.toMatchObject({ status: 403 })
    const now = minute(Date.now())
    await expect(createDrill(db, a.member, form(now, new Date(now.getTime() + DAY)), now)).rejects.toMatchObject({ status: 403 })
  })
})

describe('completion', () => {
  it('counts only practice begun after the cycle opened, and marks done-after-due as late', async () => {
    const opensAt = minute(Date.now() + HOUR)
    const dueAt = new Date(opensAt.getTime() + 2 * DAY)
    const early = await newMember('Early Bird')
    const late = await newMember('Late Larry')
    const onTime = await newMember('On Time Olu')
    await reply(early, new Date(opensAt.getTime() - HOUR)) // before the drill opened: does not count
    const drill = await created(a.manager, form(opensAt, dueAt), new Date(opensAt.getTime() - 30 * 60_000))
    expect(await drillTable(db, a.manager, drill.id, { now: opensAt })).toMatchObject({ cycle: null, rows: [] })
    expect(await openDueCycles(db, opensAt)).toBeGreaterThanOrEqual(1)
    await reply(onTime, new Date(opensAt.getTime() + HOUR))
    await reply(late, new Date(dueAt.getTime() + HOUR))
    const after = new Date(dueAt.getTime() + 2 * HOUR)
    const table = await drillTable(db, a.manager, drill.id, { now: after })
    expect(statusOf(table, early.id)).toBe('overdue')
    expect(statusOf(table, onTime.id)).toBe('done')
    expect(statusOf(table, late.id)).toBe('late')
    expect(table.rows.find((r) => r.userId === late.id)?.steps[0].late).toBe(true)
  })
})

describe('joiners, leavers, extensions and exemptions', () => {
  it('gives a joiner N days from joining, drops a leaver, and keeps exempt people out of the figure', async () => {
    const team = await createTeam(db, a.org.id, { name: 'Sales' })
    await addMembership(db, { organizationId: a.org.id, userId: a.manager.id, teamId: team.id, role: 'manager' })
    const opensAt = minute(Date.now() - HOUR)
    const dueAt = new Date(opensAt.getTime() + 2 * DAY)
    const stayer = await newMember('Stay Put', team.id, new Date(opensAt.getTime() - DAY))
    const leaver = await newMember('Off Soon', team.id, new Date(opensAt.getTime() - DAY))
    const excused = await newMember('On Leave', team.id, new Date(opensAt.getTime() - DAY))
    const drill = await created(a.manager, form(opensAt, dueAt, { teamIds: [team.id], joinerGraceDays: 5 }), opensAt)

    const joinedAt = new Date(opensAt.getTime() + DAY)
    const joiner = await newMember('New Nia', team.id, joinedAt)
    await db.delete(memberships).where(and(eq(memberships.userId, leaver.id), eq(memberships.teamId, team.id)))
    const now = new Date(opensAt.getTime() + DAY + HOUR)
    // Other drills of this organization may gain people too; this drill's rows are checked below.
    expect(await syncRunningCycles(db, now, a.org.id)).toMatchObject({ added: expect.any(Number), left: 1 })

    // The admin still sees the leaver (the manager no longer oversees them).
    const before = await drillTable(db, a.admin, drill.id, { now })
    expect(before.rows.find((r) => r.userId === joiner.id)).toMatchObject({ joinedAfterOpening: true, dueAt: new Date(joinedAt.getTime() + 5 * DAY) })
    expect(statusOf(before, leaver.id)).toBe('left')

    const cycleId = before.cycle!.id
    expect(await setExemption(db, a.manager, { drillId: drill.id, cycleId, userId: excused.id, reason: 'x' }, now)).toMatchObject({ ok: false })
    expect((await setExemption(db, a.manager, { drillId: drill.id, cycleId, userId: excused.id, reason: 'Parental leave' }, now)).ok).toBe(true)
    const extendTo = wallClock(new Date(dueAt.getTime() + 3 * DAY), zone)
    expect((await extendDueTime(db, a.manager, { drillId: drill.id, cycleId, userId: stayer.id, dueDate: extendTo.date, dueTime: extendTo.time })).ok).toBe(true)

    await reply(stayer, new Date(dueAt.getTime() + DAY)) // after the cycle's due time, before the extension
    const after = new Date(dueAt.getTime() + 2 * DAY)
    const table = await drillTable(db, a.manager, drill.id, { now: after })
    expect(statusOf(table, stayer.id)).toBe('done')
    expect(table.rows.find((r) => r.userId === stayer.id)?.extended).toBe(true)
    expect(statusOf(table, excused.id)).toBe('exempt')
    expect(statusOf(table, joiner.id)).toBe('not-started') // still inside their own five days
    // Manager (led since before), stayer, excused, joiner; the leaver is out.
    expect(table.funnel).toMatchObject({ assigned: 4, doneOnTime: 1, exempt: 1, overdue: 1, notStarted: 1 })

    const monthOf = (d: Date) => wallClock(d, zone).date.slice(0, 7)
    await rebuildDrillRollups(db, a.org.id, [monthOf(dueAt), monthOf(new Date(dueAt.getTime() + 5 * DAY))], after)
    const stayerMonth = await drillsDoneOnTime(db, a.org.id, team.id, monthOf(new Date(dueAt.getTime() + 3 * DAY)))
    expect(stayerMonth.doneOnTime).toBe(1)
    const rows = await db.select().from(teamMonthDrillRollups).where(eq(teamMonthDrillRollups.teamId, team.id))
    expect(rows.reduce((n, r) => n + r.assigned, 0)).toBe(4)
    expect(rows.reduce((n, r) => n + r.exempt, 0)).toBe(1)
  })

  it('never un-completes anyone when a step is removed', async () => {
    const now = minute(Date.now())
    const person = await newMember('Two Steps')
    const drill = await created(
      a.manager,
      form(now, new Date(now.getTime() + 3 * DAY), { personIds: [person.id], teamIds: [], steps: ['scenario:late-delivery-gift', 'lesson:mood-and-context'] }),
      now,
    )
    await reply(person, new Date(now.getTime() + HOUR))
    const later = new Date(now.getTime() + 2 * HOUR)
    expect(statusOf(await drillTable(db, a.manager, drill.id, { now: later }), person.id)).toBe('in-progress')
    const table = await drillTable(db, a.manager, drill.id, { now: later })
    const lesson = table.steps.find((s) => s.kind === 'lesson')!
    const due = wallClock(new Date(now.getTime() + 3 * DAY), zone)
    const edit = { title: 'Only the scenario', note: '', dueDate: due.date, dueTime: due.time, joinerGraceDays: 7 }
    expect((await updateDrill(db, a.manager, drill.id, { ...edit, removeStepIds: [lesson.id] }, later)).ok).toBe(true)
    expect(statusOf(await drillTable(db, a.manager, drill.id, { now: later }), person.id)).toBe('done')
    const scenarioStep = table.steps.find((s) => s.kind === 'scenario')!
    expect(await updateDrill(db, a.manager, drill.id, { ...edit, removeStepIds: [scenarioStep.id] }, later)).toMatchObject({ ok: false })
  })

  it('changes the audience and adds steps while a cycle runs: newcomers get the joiners’ days, people taken out leave, teams the manager does not lead stay', async () => {
    const opensAt = minute(Date.now() - HOUR)
    const dueAt = new Date(opensAt.getTime() + 2 * DAY)
    const finance = await createTeam(db, a.org.id, { name: 'Finance audience' })
    const accountant = await newMember('Ann Ledger', finance.id, new Date(opensAt.getTime() - DAY))
    const named = await newMember('Ned Named', a.team.id, new Date(opensAt.getTime() - DAY))
    // The admin assigns Support and Finance; the manager leads Support only.
    const drill = await created(a.admin, form(opensAt, dueAt, { teamIds: [a.team.id, finance.id], joinerGraceDays: 4 }), opensAt)
    await reply(a.member, new Date(opensAt.getTime() + 10 * 60_000))
    const now = minute(opensAt.getTime() + HOUR)
    const before = await drillTable(db, a.manager, drill.id, { now })
    expect(statusOf(before, a.member.id)).toBe('done')
    expect(before.formOptions.teams.map((t) => t.id)).not.toContain(finance.id)

    const due = wallClock(dueAt, zone)
    const edit = { title: 'Late delivery, warmly', note: '', dueDate: due.date, dueTime: due.time, joinerGraceDays: 4, editAudience: '1' as const }
    // Outside the manager's teams: refused, nothing changed.
    expect(await updateDrill(db, a.manager, drill.id, { ...edit, teamIds: [finance.id] }, now)).toMatchObject({
      ok: false,
      errors: { audience: 'You can assign drills only to your own teams.' },
    })
    // Support stays; Ned is left out; one more step is added.
    const result = await updateDrill(db, a.manager, drill.id, { ...edit, teamIds: [a.team.id], excludedIds: [named.id], addSteps: ['lesson:mood-and-context'] }, now)
    expect(result.ok).toBe(true)
    const after = await drillTable(db, a.admin, drill.id, { now })
    expect(after.steps.map((s) => s.kind)).toEqual(['scenario', 'lesson'])
    expect(statusOf(after, named.id)).toBe('left')
    // Finance was not the manager's to change: Ann is still in it.
    expect(after.audience.teamIds.sort()).toEqual([a.team.id, finance.id].sort())
    expect(statusOf(after, accountant.id)).toBe('not-started')
    // The new step is one more thing to do for the member who had finished.
    expect(statusOf(after, a.member.id)).toBe('in-progress')

    // After the due time the manager names Sal from another team of theirs, and takes Ned back.
    const sales = await createTeam(db, a.org.id, { name: 'Sales audience' })
    await addMembership(db, { organizationId: a.org.id, userId: a.manager.id, teamId: sales.id, role: 'manager' })
    const sal = await newMember('Sal Newcomer', sales.id, new Date(opensAt.getTime() - DAY))
    const late = minute(dueAt.getTime() + HOUR)
    expect((await updateDrill(db, a.manager, drill.id, { ...edit, teamIds: [a.team.id], personIds: [sal.id, named.id] }, late)).ok).toBe(true)
    const back = await drillTable(db, a.manager, drill.id, { now: late })
    expect(back.rows.find((r) => r.userId === sal.id)).toMatchObject({ joinedAfterOpening: true, dueAt: new Date(late.getTime() + 4 * DAY), status: 'not-started' })
    expect(statusOf(back, named.id)).toBe('overdue')
    expect(back.audience.excludedIds).not.toContain(named.id)
  })
})

describe('drills done on time on the insights dashboard and in its CSV', () => {
  it('shows the team figure from the rollup, and "no drill due" (no share) for a team without one', async () => {
    const team = await createTeam(db, a.org.id, { name: 'Drill Insights' })
    const quiet = await createTeam(db, a.org.id, { name: 'Quiet Insights' })
    const opensAt = minute(Date.now() - HOUR)
    const dueAt = new Date(opensAt.getTime() + 2 * DAY)
    const onTime = await newMember('Prompt Pia', team.id, new Date(opensAt.getTime() - DAY))
    await newMember('Slow Sam', team.id, new Date(opensAt.getTime() - DAY))
    await newMember('Calm Cy', quiet.id, new Date(opensAt.getTime() - DAY))
    await created(a.admin, form(opensAt, dueAt, { teamIds: [team.id] }), opensAt)
    await reply(onTime, new Date(opensAt.getTime() + HOUR))
    const after = new Date(dueAt.getTime() + 2 * HOUR)
    const month = wallClock(dueAt, zone).date.slice(0, 7)
    await rebuildDrillRollups(db, a.org.id, [month], after)

    // The manager leads neither team: aggregate access still carries the figure, like participation.
    const insights = await getOrganizationInsights(db, a.manager, { month, now: after })
    const card = insights.teams.find((t) => t.id === team.id)!
    expect(card.access).toBe('aggregate')
    expect(card.drills).toEqual({ due: 2, doneOnTime: 1, share: 0.5 })
    expect(insights.teams.find((t) => t.id === quiet.id)!.drills).toEqual({ due: 0, doneOnTime: 0, share: null })

    const page = await getTeamInsights(db, a.admin, team.slug, { month, now: after })
    expect(page.team.drills).toEqual({ due: 2, doneOnTime: 1, share: 0.5 })
    expect(page.trend.at(-1)?.drills?.share).toBe(0.5)

    const cells = (csv: string, slug: string) => {
      const [header, ...lines] = csv.trim().split('\r\n').map((l) => l.split(','))
      const row = lines.find((l) => l[header.indexOf('team_slug')] === slug && l[header.indexOf('month')] === month)!
      return { due: row[header.indexOf('drills_due')], pct: row[header.indexOf('drills_on_time_pct')] }
    }
    const { csv } = await organizationCsv(db, a.manager, { month, now: after })
    expect(cells(csv, team.slug)).toEqual({ due: '2', pct: '50' })
    expect(cells(csv, quiet.slug)).toEqual({ due: '0', pct: '' })
    expect(cells((await teamCsv(db, a.admin, team.slug, { month, now: after })).csv, team.slug)).toEqual({ due: '2', pct: '50' })
  })
})

describe('reminders: the job, the outbox and a real SMTP server', () => {
  let jobs: Awaited<ReturnType<typeof startTestJobQueue>>
  let catcher: SmtpCatcher
  beforeAll(async () => {
    jobs = await startTestJobQueue(database)
    await jobs.schedule(drillSweepJob, '*/5 * * * *', {}, { timeZone: 'UTC' })
    catcher = await startSmtpCatcher()
    process.env.SMTP_URL = catcher.url
  })
  afterAll(async () => {
    delete process.env.SMTP_URL
    await catcher.stop()
  })

  const BERLIN = 'Europe/Berlin'
  const at = (date: string, time: string) => zonedInstant(date, time, BERLIN)!
  /** Runs the drill job as if the clock read `when` (twice, and twice at once), then sends what it queued. */
  async function sweepAt(when: Date) {
    await jobs.runScheduledNow('drills.sweep', { at: when })
    await jobs.runScheduledNow('drills.sweep', { at: when })
    await Promise.all([jobs.runScheduledNow('drills.sweep', { at: when }), jobs.runScheduledNow('drills.sweep', { at: when })])
    await jobs.runDue()
  }

  async function berlinOrg(name: string) {
    const org = await createOrgWithPeople(db, name)
    await db.update(organizations).set({ timeZone: BERLIN }).where(eq(organizations.id, org.org.id))
    return org
  }

  it('sends one e-mail however often the job runs, re-arms when the due time moves, and waits out quiet hours', async () => {
    const org = await berlinOrg('Org R')
    const member = (await db.select().from(users).where(eq(users.id, org.member.id)))[0]
    const mailFor = () => catcher.messages.filter((m) => m.to === member.email)
    // Tuesday 10:00, due Wednesday 17:00 Berlin time.
    const result = await createDrill(
      db,
      org.manager,
      { title: 'Refund call', steps: ['scenario:late-delivery-gift'], teamIds: [org.team.id], opensDate: '2027-03-02', opensTime: '10:00', dueDate: '2027-03-03', dueTime: '17:00' },
      at('2027-03-02', '10:00'),
    )
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    await sweepAt(at('2027-03-02', '11:00'))
    await catcher.waitFor((m) => m.to === member.email)
    expect(mailFor().map((m) => m.subject)).toEqual(['Due soon: Refund call · Org R'])
    expect(mailFor()[0].text).toContain('Wednesday 3 March at 17:00')
    expect(mailFor()[0].text).toMatch(new RegExp(`/drills/${result.value.id}`))

    // Moving the due time re-arms "due soon", once.
    const edit = { title: 'Refund call', note: '', dueDate: '2027-03-03', dueTime: '18:00', joinerGraceDays: 7 }
    expect((await updateDrill(db, org.manager, result.value.id, edit, at('2027-03-02', '12:00'))).ok).toBe(true)
    await sweepAt(at('2027-03-02', '12:05'))
    await catcher.waitFor((m) => m.to === member.email && m.text.includes('18:00'))
    expect(mailFor()).toHaveLength(2)
    const log = await db.select().from(drillReminders).where(eq(drillReminders.userId, org.member.id))
    expect(log.map((r) => r.kind)).toEqual(['due-soon', 'due-soon'])

    // Overdue a few hours after 18:00 is 21:00: quiet hours. Nothing until 08:00 the next morning.
    await sweepAt(at('2027-03-03', '21:30'))
    expect(mailFor()).toHaveLength(2)
    await sweepAt(at('2027-03-04', '08:00'))
    const overdue = await catcher.waitFor((m) => m.to === member.email && m.subject.startsWith('Overdue'))
    expect(overdue.subject).toBe('Overdue: Refund call · Org R')
    expect(mailFor()).toHaveLength(3)
    const bell = await db.select().from(notifications).where(eq(notifications.userId, org.member.id))
    expect(bell.map((n) => n.kind).sort()).toEqual(['drill-assigned', 'drill-due-soon', 'drill-due-soon', 'drill-overdue'])
  })

  it('respects a person who turned drill e-mails off (the bell still rings)', async () => {
    const org = await berlinOrg('Org Q')
    await db.update(users).set({ emailReminders: false }).where(eq(users.id, org.member.id))
    const member = (await db.select().from(users).where(eq(users.id, org.member.id)))[0]
    const manager = (await db.select().from(users).where(eq(users.id, org.manager.id)))[0]
    const result = await createDrill(
      db,
      org.manager,
      { title: 'Quiet please', steps: ['scenario:late-delivery-gift'], teamIds: [org.team.id], opensDate: '2027-03-09', opensTime: '10:00', dueDate: '2027-03-10', dueTime: '17:00' },
      at('2027-03-09', '10:00'),
    )
    expect(result.ok).toBe(true)
    await sweepAt(at('2027-03-09', '10:30'))
    await catcher.waitFor((m) => m.to === manager.email && m.subject.startsWith('Due soon: Quiet please'))
    expect(catcher.messages.filter((m) => m.to === member.email)).toEqual([])
    const bell = await db.select().from(notifications).where(and(eq(notifications.userId, org.member.id), eq(notifications.kind, 'drill-due-soon')))
    expect(bell).toHaveLength(1)
  })

  it('opens the next cycle of a monthly drill on schedule, once, with fresh assignments', async () => {
    const org = await berlinOrg('Org M')
    const result = await createDrill(
      db,
      org.manager,
      {
        title: 'Monthly check-in',
        steps: ['scenario:late-delivery-gift'],
        teamIds: [org.team.id],
        opensDate: '2027-02-01',
        opensTime: '09:00',
        dueDate: '2027-02-05',
        dueTime: '17:00',
        recurrence: 'monthly',
      },
      at('2027-02-01', '09:00'),
    )
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    await sweepAt(at('2027-03-01', '08:55'))
    expect((await drillTable(db, org.manager, result.value.id, { now: at('2027-03-01', '08:55') })).cycle?.sequence).toBe(1)
    await sweepAt(at('2027-03-01', '09:00'))
    const table = await drillTable(db, org.manager, result.value.id, { now: at('2027-03-01', '09:05') })
    expect(table.cycle).toMatchObject({ sequence: 2, opensAt: at('2027-03-01', '09:00'), dueAt: at('2027-03-05', '17:00') })
    expect(table.cycles).toHaveLength(2)
    expect(table.rows).toHaveLength(2)
    expect(table.funnel.notStarted).toBe(2)
  })
})

describe('authorization of every drill function', () => {
  it('shows a drill to the managers of its people and admins only, and each person their own', async () => {
    const now = minute(Date.now())
    const drill = await created(a.manager, form(now, new Date(now.getTime() + 3 * DAY)), now)
    // A manager of another team in the same organization, and anyone in another organization.
    const outsider = await createUser(db, a.org.id, { role: 'manager', name: 'Other Manager' })
    const otherTeam = await createTeam(db, a.org.id, { name: 'Marketing' })
    await addMembership(db, { organizationId: a.org.id, userId: outsider.id, teamId: otherTeam.id, role: 'manager' })
    const table = await drillTable(db, a.admin, drill.id, { now })
    const cycleId = table.cycle!.id

    await expect(drillTable(db, a.member, drill.id, { now })).rejects.toMatchObject({ status: 403 })
    await expect(drillTable(db, outsider, drill.id, { now })).rejects.toMatchObject({ status: 403 })
    await expect(drillTable(db, b.admin, drill.id, { now })).rejects.toMatchObject({ status: 404 })
    await expect(drillTable(db, a.manager, 'not-a-uuid', { now })).rejects.toMatchObject({ status: 404 })
    expect((await managedDrills(db, outsider, now)).map((d) => d.id)).not.toContain(drill.id)
    expect((await managedDrills(db, a.member, now))).toEqual([])
    expect((await managedDrills(db, b.admin, now)).map((d) => d.id)).not.toContain(drill.id)
    expect((await managedDrills(db, a.admin, now)).map((d) => d.id)).toContain(drill.id)

    const input = { drillId: drill.id, cycleId, userId: a.member.id, reason: 'Off sick', dueDate: '2099-01-01', dueTime: '12:00' }
    await expect(setExemption(db, a.member, input, now)).rejects.toMatchObject({ status: 403 })
    await expect(setExemption(db, outsider, input, now)).rejects.toMatchObject({ status: 403 })
    await expect(setExemption(db, b.manager, input, now)).rejects.toMatchObject({ status: 404 })
    await expect(extendDueTime(db, a.member, input)).rejects.toMatchObject({ status: 403 })
    await expect(extendDueTime(db, outsider, input)).rejects.toMatchObject({ status: 403 })
    await expect(updateDrill(db, a.member, drill.id, { title: 'Mine now', dueDate: '2099-01-01', dueTime: '12:00' }, now)).rejects.toMatchObject({ status: 403 })
    await expect(updateDrill(db, outsider, drill.id, { title: 'Mine now', dueDate: '2099-01-01', dueTime: '12:00' }, now)).rejects.toMatchObject({ status: 403 })
    await expect(nudgeDrill(db, a.member, drill.id, now)).rejects.toMatchObject({ status: 403 })
    await expect(nudgeDrill(db, b.admin, drill.id, now)).rejects.toMatchObject({ status: 404 })

    // A person sees their own assignment, not other people's drills.
    expect(await myDrill(db, a.member, drill.id, now)).toMatchObject({ drill: { id: drill.id }, status: 'not-started' })
    expect(await myDrill(db, outsider, drill.id, now)).toBeNull()
    await expect(myDrill(db, b.member, drill.id, now)).rejects.toMatchObject({ status: 404 })
    expect((await myDrills(db, outsider, now)).due.map((d) => d.drillId)).not.toContain(drill.id)
  })

  it('lets a manager nudge once a day, only the people not done', async () => {
    const now = minute(Date.now())
    const drill = await created(a.manager, form(now, new Date(now.getTime() + 3 * DAY)), now)
    const first = await nudgeDrill(db, a.manager, drill.id, now)
    expect(first.ok && first.value).toEqual(expect.arrayContaining([a.manager.id, a.member.id]))
    expect(await nudgeDrill(db, a.admin, drill.id, new Date(now.getTime() + 60_000))).toMatchObject({ ok: false, errors: { nudge: expect.stringMatching(/already/) } })
    expect((await nudgeDrill(db, a.manager, drill.id, new Date(now.getTime() + DAY))).ok).toBe(true)
  })
})
