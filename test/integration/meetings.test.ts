import { count, eq } from 'drizzle-orm'
import { simpleParser } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database, Db } from '../../db/client.server'
import { addMembership, createOrganization, createTeam, createUser } from '../../db/factories'
import {
  actionItems,
  meetingCalibrationVotes,
  meetings,
  notifications,
  outboxMessages,
  replies,
  reviews,
  teamMonthCriterionRollups,
  teamMonthRollups,
  teamMonthScenarioRollups,
  type Meeting,
} from '../../db/schema'
import { installAllSchedules } from '~/jobs/all-jobs.server'
import { requireMeetingAccess } from '~/meetings/access.server'
import { carriedActions, createActionItem, myOpenActions, openActionsOfTeam, setActionStatus } from '~/meetings/action-items.server'
import { buildAgenda } from '~/meetings/agenda.server'
import { calibrationView, castVote, chooseCalibration, revealCalibration } from '~/meetings/calibration.server'
import { liveHub } from '~/meetings/live-hub.server'
import { endMeeting, goToStep, startMeeting, type LiveState } from '~/meetings/live.server'
import { meetingMarkdown } from '~/meetings/markdown'
import { delegateFacilitator, getMeetingPage, updatePlan } from '~/meetings/meetings.server'
import { offerReply, offeredReplies, withdrawReplyOffer } from '~/meetings/offers.server'
import { setTeamSlot } from '~/meetings/schedule.server'
import { closeLiveStreams } from '~/meetings/live-hub.server'
import { startTestJobQueue } from '../support/job-queue'
import { replyAs } from '../support/practice-fixtures'
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp-catcher'
import { createTestDatabase } from '../support/test-database'

// June 2030: the slot is the first Tuesday at 10:00 (Berlin), so June's meeting is on 4 June and July's on 2 July.
const NOW = new Date('2030-06-20T12:00:00Z')
const CRITERIA = ['empathy', 'warmth', 'ownership', 'next-step', 'context']

let database: Database
let db: Db
let catcher: SmtpCatcher
let jobs: Awaited<ReturnType<typeof startTestJobQueue>>
type Person = Awaited<ReturnType<typeof createUser>>
let org: { id: string }
let support: { id: string; slug: string }
let sales: { id: string }
let manager: Person, jordan: Person, maya: Person, tomas: Person, hana: Person, seller: Person, admin: Person, stranger: Person

/** Rollup rows for a team-month, as the insights domain keeps them: a mean score and a mean level per criterion. */
async function rollup(teamId: string, month: string, mean: number, levels: Record<string, number>, replies = 10) {
  await db.insert(teamMonthRollups).values({
    organizationId: org.id,
    teamId,
    month,
    reviewedReplies: replies,
    scoreSum: mean * replies,
    scoreSquaresSum: mean * mean * replies + 400,
    reviewsGiven: 30,
    repliers: 4,
    reviewers: 4,
  })
  await db.insert(teamMonthCriterionRollups).values(
    CRITERIA.map((criterionId) => ({
      organizationId: org.id,
      teamId,
      month,
      criterionId,
      scoreSum: (levels[criterionId] ?? 3) * replies,
      replies,
    })),
  )
}

async function meetingOf(month: string): Promise<Meeting> {
  const [row] = await db.select().from(meetings).where(eq(meetings.month, month))
  return row
}

beforeAll(async () => {
  database = await createTestDatabase()
  db = database.db
  catcher = await startSmtpCatcher()
  jobs = await startTestJobQueue(database)
  process.env.APP_URL = 'https://rapport.example.test'
  org = await createOrganization(db, { name: 'Meeting Org' })
  const { organizations } = await import('../../db/schema')
  await db.update(organizations).set({ timeZone: 'Europe/Berlin' }).where(eq(organizations.id, org.id))
  support = await createTeam(db, org.id, { name: 'Support', slug: 'support' })
  sales = await createTeam(db, org.id, { name: 'Sales', slug: 'sales' })
  const joinedAt = new Date('2029-01-01T00:00:00Z')
  manager = await createUser(db, org.id, { name: 'Priya Manager', role: 'manager', joinedAt })
  admin = await createUser(db, org.id, { name: 'Alex Admin', role: 'admin', joinedAt })
  jordan = await createUser(db, org.id, { name: 'Jordan Lee', joinedAt })
  maya = await createUser(db, org.id, { name: 'Maya Fischer', joinedAt })
  tomas = await createUser(db, org.id, { name: 'Tomás Ruiz', joinedAt })
  hana = await createUser(db, org.id, { name: 'Hana Sato', joinedAt })
  seller = await createUser(db, org.id, { name: 'Sam Seller', joinedAt })
  await addMembership(db, { organizationId: org.id, userId: manager.id, teamId: support.id, role: 'manager' })
  for (const person of [jordan, maya, tomas, hana])
    await addMembership(db, { organizationId: org.id, userId: person.id, teamId: support.id, role: 'member' })
  await addMembership(db, { organizationId: org.id, userId: seller.id, teamId: sales.id, role: 'member' })
  const other = await createOrganization(db, { name: 'Elsewhere' })
  stranger = await createUser(db, other.id, { name: 'Someone Else', role: 'admin', joinedAt })

  // April → May: ownership rises 10 points (level 2.5 → 2.8), the CCI 2 points (70 → 72).
  await rollup(support.id, '2030-04-01', 70, { empathy: 3, warmth: 3.1, ownership: 2.5, 'next-step': 2.4, context: 2.9 })
  await rollup(support.id, '2030-05-01', 72, { empathy: 3, warmth: 3.2, ownership: 2.8, 'next-step': 2.2, context: 2.9 })
  await db.insert(teamMonthScenarioRollups).values([
    { organizationId: org.id, teamId: support.id, month: '2030-05-01', scenarioSlug: 'refund-delayed-angry', replies: 4, scoreSum: 4 * 55 },
    { organizationId: org.id, teamId: support.id, month: '2030-05-01', scenarioSlug: 'late-delivery-gift', replies: 5, scoreSum: 5 * 80 },
    // Lower, but too few replies to be called the hardest.
    { organizationId: org.id, teamId: support.id, month: '2030-05-01', scenarioSlug: 'bounced-sales-email', replies: 1, scoreSum: 20 },
  ])
})

afterAll(async () => {
  await closeLiveStreams()
  await catcher.stop()
  delete process.env.SMTP_URL
})

describe('meetings', () => {
  it('the scheduled job creates each month’s meeting once and, three days before, notifies the team in the app and by e-mail with an .ics', async () => {
    process.env.SMTP_URL = catcher.url
    await installAllSchedules(jobs, db)
    await setTeamSlot(
      db,
      manager,
      support.id,
      { ordinal: 1, weekday: 'TU', time: '10:00', durationMinutes: 60 },
      new Date('2030-04-20T12:00:00Z'),
    )
    // The job runs hourly on every instance; running it twice for the same hour changes nothing.
    await jobs.runScheduledNow('meetings.schedule', { key: org.id, at: new Date('2030-05-25T12:05:00Z') })
    await jobs.runScheduledNow('meetings.schedule', { key: org.id, at: new Date('2030-05-25T12:05:00Z') })
    const june = await meetingOf('2030-06-01')
    expect(june.scheduledAt.toISOString()).toBe('2030-06-04T08:00:00.000Z') // 10:00 in Berlin (summer time)
    const months = await db.select({ month: meetings.month }).from(meetings).where(eq(meetings.teamId, support.id)).orderBy(meetings.month)
    // May's came with the slot; June's and July's are within the 40 days the job looks ahead. One each.
    expect(months.map((m) => m.month)).toEqual(['2030-05-01', '2030-06-01', '2030-07-01'])
    expect(june.notifiedAt).toBeNull()

    await jobs.runScheduledNow('meetings.schedule', { key: org.id, at: new Date('2030-06-01T12:05:00Z') })
    await jobs.runScheduledNow('meetings.schedule', { key: org.id, at: new Date('2030-06-01T13:05:00Z') })
    await jobs.runDue()
    const inApp = await db.select().from(notifications).where(eq(notifications.kind, 'meeting-upcoming'))
    expect(inApp.map((n) => n.userId).sort()).toEqual([manager.id, jordan.id, maya.id, tomas.id, hana.id].sort())
    const mail = await catcher.waitFor((m) => m.to.includes(jordan.email))
    expect(mail.subject).toContain('Support · June 2030 review meeting')
    const { attachments } = await simpleParser(mail.raw)
    expect(attachments.map((a) => [a.filename, a.contentType])).toEqual([['meeting.ics', 'text/calendar']])
    const ics = attachments[0].content.toString('utf8')
    expect(ics).toContain('BEGIN:VCALENDAR')
    expect(ics).toContain('DTSTART:20300604T080000Z') // 10:00 in Berlin
    const [{ mails }] = await db.select({ mails: count() }).from(outboxMessages).where(eq(outboxMessages.kind, 'meeting-upcoming'))
    expect(mails).toBe(5)
  })

  it('builds the agenda from the rollups: CCI with n and change, criteria, hardest scenario, and whether last month’s metric actions were met', async () => {
    const may = await meetingOf('2030-05-01')
    // May's meeting (looking at April) agreed two actions tied to metrics, and held.
    await db.update(meetings).set({ status: 'held', startedAt: may.scheduledAt, endedAt: may.scheduledAt }).where(eq(meetings.id, may.id))
    await db.insert(actionItems).values([
      {
        organizationId: org.id,
        teamId: support.id,
        meetingId: may.id,
        text: 'Own the fix',
        ownerId: jordan.id,
        dueOn: '2030-06-04',
        metric: 'ownership',
        targetChange: 5,
      },
      {
        organizationId: org.id,
        teamId: support.id,
        meetingId: may.id,
        text: 'Lift the CCI',
        ownerId: maya.id,
        dueOn: '2030-06-04',
        metric: 'cci',
        targetChange: 5,
      },
      {
        organizationId: org.id,
        teamId: support.id,
        meetingId: may.id,
        text: 'Rota for weekends',
        ownerId: hana.id,
        dueOn: '2030-06-04',
        status: 'done',
      },
    ])
    const june = await meetingOf('2030-06-01')
    const agenda = await buildAgenda(db, june, support.slug, NOW)
    expect(agenda.reviewMonth).toBe('2030-05-01')
    expect(agenda.cci.current.value).toBeCloseTo(72)
    expect(agenda.cci.current.replies).toBe(10)
    expect(agenda.cci.change).toBeCloseTo(2)
    expect(agenda.criteria.mostImproved?.id).toBe('ownership')
    expect(agenda.criteria.mostImproved?.change).toBeCloseTo(10)
    expect(agenda.criteria.weakest?.id).toBe('next-step')
    expect(agenda.hardestScenario?.slug).toBe('refund-delayed-angry')
    expect(agenda.participation.drills).toEqual({ available: false })
    const outcome = Object.fromEntries(agenda.lastActions.map((a) => [a.text, a.outcome]))
    expect(outcome['Own the fix']).toMatchObject({ state: 'met', final: true })
    expect(outcome['Own the fix']!.change).toBeCloseTo(10)
    expect(outcome['Lift the CCI']).toMatchObject({ state: 'not-met', final: true })
    expect(outcome['Lift the CCI']!.change).toBeCloseTo(2)
    expect(outcome['Rota for weekends']).toBeNull()
  })

  it('carries last meeting’s actions and older open ones forward, and shows open ones on the team page and to their owner', async () => {
    const march = (
      await db
        .insert(meetings)
        .values({
          organizationId: org.id,
          teamId: support.id,
          month: '2030-03-01',
          scheduledAt: new Date('2030-03-05T09:00:00Z'),
          status: 'held',
        })
        .returning()
    )[0]
    await db.insert(actionItems).values([
      {
        organizationId: org.id,
        teamId: support.id,
        meetingId: march.id,
        text: 'Still open from March',
        ownerId: tomas.id,
        dueOn: '2030-04-01',
      },
      {
        organizationId: org.id,
        teamId: support.id,
        meetingId: march.id,
        text: 'Done in March',
        ownerId: tomas.id,
        dueOn: '2030-04-01',
        status: 'done',
      },
    ])
    const june = await meetingOf('2030-06-01')
    const carried = (await carriedActions(db, june)).map((a) => a.text)
    expect(carried).toEqual(['Still open from March', 'Own the fix', 'Lift the CCI', 'Rota for weekends'])
    const open = await openActionsOfTeam(db, maya, support.id)
    expect(open?.map((a) => a.text).sort()).toEqual(['Lift the CCI', 'Own the fix', 'Still open from March'])
    // On the team page a member sees no colleague's name; the manager does.
    expect(open?.map((a) => a.ownerName).sort()).toEqual(['You', null, null])
    expect((await openActionsOfTeam(db, manager, support.id))?.map((a) => a.ownerName).sort()).toEqual([
      'Jordan Lee',
      'Maya Fischer',
      'Tomás Ruiz',
    ])
    expect(await openActionsOfTeam(db, seller, support.id)).toBeNull()
    expect((await myOpenActions(db, tomas)).map((a) => a.text)).toEqual(['Still open from March'])
    // The owner closes it; it leaves the team page and their next up, and next month's agenda.
    const item = open!.find((a) => a.text === 'Still open from March')!
    await expect(setActionStatus(db, hana, item.id, 'done')).rejects.toMatchObject({ status: 403 })
    await setActionStatus(db, tomas, item.id, 'done')
    expect(await myOpenActions(db, tomas)).toEqual([])
    expect((await carriedActions(db, june)).map((a) => a.text)).not.toContain('Still open from March')
  })

  it('a meeting is visible to its team’s members and managers and admins only; only the facilitator runs it', async () => {
    const june = await meetingOf('2030-06-01')
    expect((await requireMeetingAccess(db, manager, june.id)).role).toBe('facilitator')
    expect((await requireMeetingAccess(db, admin, june.id)).role).toBe('facilitator')
    expect((await requireMeetingAccess(db, jordan, june.id)).role).toBe('participant')
    await expect(requireMeetingAccess(db, seller, june.id)).rejects.toMatchObject({ status: 403 })
    await expect(getMeetingPage(db, seller, june.id, NOW)).rejects.toMatchObject({ status: 403 })
    await expect(requireMeetingAccess(db, stranger, june.id)).rejects.toMatchObject({ status: 404 })
    await expect(requireMeetingAccess(db, jordan, 'not-a-uuid')).rejects.toMatchObject({ status: 404 })
    await expect(startMeeting(db, jordan, june.id, NOW)).rejects.toMatchObject({ status: 403 })
    await expect(updatePlan(db, jordan, june.id, { kind: 'add-point', title: 'Mine' })).rejects.toMatchObject({ status: 403 })
    await expect(delegateFacilitator(db, jordan, june.id, jordan.id)).rejects.toMatchObject({ status: 403 })
    await expect(delegateFacilitator(db, manager, june.id, seller.id)).rejects.toMatchObject({ status: 400 })
    // The manager delegates to Maya: she facilitates this meeting, not others.
    await delegateFacilitator(db, manager, june.id, maya.id)
    expect((await requireMeetingAccess(db, maya, june.id)).role).toBe('facilitator')
    expect((await requireMeetingAccess(db, maya, (await meetingOf('2030-05-01')).id)).role).toBe('participant')
    const result = await updatePlan(db, maya, june.id, { kind: 'add-point', title: 'Weekend cover' })
    expect(result.ok).toBe(true)
    expect(await updatePlan(db, maya, june.id, { kind: 'add-point', title: 'x' })).toMatchObject({ ok: false })
    await updatePlan(db, maya, june.id, { kind: 'skip', key: 'hardest-scenario', skip: true })
    const page = await getMeetingPage(db, jordan, june.id, NOW)
    expect(page.steps.map((s) => s.key)).not.toContain('hardest-scenario')
    expect(page.steps.map((s) => s.title)).toContain('Weekend cover')
    expect(page.prep).toBeNull()
  })

  it('shows an offered reply only with its author’s consent, named only if they chose so', async () => {
    const june = await meetingOf('2030-06-01')
    const replyId = await replyAs(db, jordan, { now: new Date('2030-05-10T10:00:00Z') })
    await expect(offerReply(db, maya, replyId, false)).rejects.toMatchObject({ status: 403 })
    // Not reviewed yet: it cannot be offered.
    await expect(offerReply(db, jordan, replyId, false)).rejects.toMatchObject({ status: 409 })
    const { replies } = await import('../../db/schema')
    await db
      .update(replies)
      .set({ finalisedAt: new Date('2030-05-12T10:00:00Z'), score: 80 })
      .where(eq(replies.id, replyId))
    expect(await updatePlan(db, maya, june.id, { kind: 'pick-reply', replyId, picked: true })).toMatchObject({ ok: false })
    await offerReply(db, jordan, replyId, false)
    expect((await offeredReplies(db, org.id, support.id))[0].authorName).toBeNull()
    expect(await updatePlan(db, maya, june.id, { kind: 'pick-reply', replyId, picked: true })).toEqual({ ok: true })
    expect((await getMeetingPage(db, tomas, june.id, NOW)).celebrate.map((r) => r.replyId)).toEqual([replyId])
    await offerReply(db, jordan, replyId, true)
    expect((await getMeetingPage(db, tomas, june.id, NOW)).celebrate[0].authorName).toBe('Jordan Lee')
    // Withdrawn: gone from the meeting even though it was picked.
    await withdrawReplyOffer(db, jordan, replyId)
    expect((await getMeetingPage(db, tomas, june.id, NOW)).celebrate).toEqual([])
  })

  it('runs live: every change reaches subscribers through LISTEN/NOTIFY, and attendance is recorded', async () => {
    const june = await meetingOf('2030-06-01')
    const received: LiveState[] = []
    const unsubscribe = await liveHub(database).subscribe(june.id, (state) => received.push(state))
    await startMeeting(db, maya, june.id, NOW)
    await goToStep(db, maya, june.id, 2, NOW)
    await expect(goToStep(db, maya, june.id, 99, NOW)).rejects.toMatchObject({ status: 400 })
    await expect(goToStep(db, jordan, june.id, 1, NOW)).rejects.toMatchObject({ status: 403 })
    await waitUntil(() => received.some((s) => s.stepIndex === 2))
    const last = received.at(-1)!
    expect(last).toMatchObject({ status: 'live', stepIndex: 2, stepKey: 'participation' })
    unsubscribe()
    await getMeetingPage(db, jordan, june.id, NOW)
    const page = await getMeetingPage(db, hana, june.id, NOW)
    expect(page.attendance.map((a) => a.name).sort()).toEqual(['Hana Sato', 'Jordan Lee', 'Maya Fischer'])
  })

  it('keeps calibration votes blind: the count only, the reveal after three votes, nothing tied to a person, no scores changed', async () => {
    const june = await meetingOf('2030-06-01')
    const [{ before }] = await db.select({ before: count() }).from(reviews)
    await chooseCalibration(db, maya, june.id, { source: 'gold', goldId: 'late-delivery-weak' })
    const levels = (level: number) => Object.fromEntries(CRITERIA.map((c) => [c, String(level)]))
    expect(await castVote(db, jordan, june.id, { empathy: '9' })).toMatchObject({ ok: false })
    expect(await castVote(db, jordan, june.id, levels(1))).toEqual({ ok: true })
    expect(await castVote(db, jordan, june.id, levels(4))).toMatchObject({ ok: false }) // once only
    await expect(castVote(db, seller, june.id, levels(2))).rejects.toMatchObject({ status: 403 })
    expect(await castVote(db, tomas, june.id, levels(2))).toEqual({ ok: true })
    await expect(revealCalibration(db, maya, june.id)).rejects.toMatchObject({ status: 409 })
    const facilitatorView = await calibrationView(db, june.id, maya.id)
    expect(facilitatorView).toMatchObject({ votes: 2, revealed: false, results: null, hasVoted: false })
    // The item cannot be swapped once people voted.
    await expect(chooseCalibration(db, maya, june.id, { source: 'reply' })).rejects.toMatchObject({ status: 409 })
    expect(await castVote(db, hana, june.id, { ...levels(2), ownership: '1' })).toEqual({ ok: true })
    await expect(revealCalibration(db, jordan, june.id)).rejects.toMatchObject({ status: 403 })
    await revealCalibration(db, maya, june.id)
    const view = (await calibrationView(db, june.id, jordan.id))!
    expect(view.hasVoted).toBe(true)
    const empathy = view.results!.criteria.find((c) => c.criterionId === 'empathy')!
    expect(empathy.distribution).toEqual([1, 2, 0, 0])
    expect(empathy.median).toBe(2)
    expect(empathy.spread).toBe(1)
    expect(empathy.expert).toBe(1)
    expect(view.results!.criteria.find((c) => c.criterionId === 'ownership')!.distribution).toEqual([2, 1, 0, 0])
    // A vote row holds levels only: no voter, no time.
    const rows = await db.select().from(meetingCalibrationVotes)
    expect(Object.keys(rows[0]).sort()).toEqual(['calibrationId', 'id', 'levels', 'organizationId'])
    expect(JSON.stringify(view)).not.toContain(jordan.id)
    expect(await castVote(db, maya, june.id, levels(3))).toMatchObject({ ok: false })
    const [{ after }] = await db.select({ after: count() }).from(reviews)
    expect(after).toBe(before)
  })

  it('calibrates on another team’s reviewed reply with its author’s name and personal data anonymised', async () => {
    const july = await meetingOf('2030-07-01')
    const text = 'Hi, this is Sam Seller from sales. I will call you back on +44 20 7946 0958 today, Dana Whitfield.'
    const replyId = await replyAs(db, seller, { now: NOW, text })
    await db.update(replies).set({ finalisedAt: NOW }).where(eq(replies.id, replyId))
    await chooseCalibration(db, manager, july.id, { source: 'reply' })
    const view = (await calibrationView(db, july.id, manager.id))!
    expect(view.source).toBe('reply')
    expect(view.text).toContain('from sales. I will call you back on')
    for (const personal of ['Sam Seller', 'Seller', '7946', 'Dana Whitfield']) expect(view.text).not.toContain(personal)
  })

  it('ends with action items, a Markdown summary and the summary e-mailed to the team', async () => {
    process.env.SMTP_URL = catcher.url
    const june = await meetingOf('2030-06-01')
    const bad = await createActionItem(db, maya, june.id, { text: 'x', ownerId: seller.id, dueOn: 'soon', metric: 'ownership' })
    expect(bad).toMatchObject({ ok: false })
    if (!bad.ok) expect(Object.keys(bad.errors).sort()).toEqual(['dueOn', 'targetChange', 'text'])
    const outsider = await createActionItem(db, maya, june.id, { text: 'Pair up on refunds', ownerId: seller.id, dueOn: '2030-07-02' })
    expect(outsider).toMatchObject({ ok: false, errors: { ownerId: expect.any(String) } })
    expect(
      await createActionItem(db, maya, june.id, {
        text: 'Pair up on refunds',
        ownerId: tomas.id,
        dueOn: '2030-07-02',
        metric: 'empathy',
        targetChange: '3',
      }),
    ).toMatchObject({ ok: true })
    await endMeeting(db, maya, june.id, NOW)
    // The summary job, then the e-mails it queued.
    for (let i = 0; i < 2; i++) {
      await jobs.settled()
      await jobs.runDue()
    }
    const summary = await catcher.waitFor((m) => m.subject.startsWith('Summary: Support · June 2030') && m.to.includes(hana.email))
    expect(summary.text).toContain('Pair up on refunds')
    const markdown = meetingMarkdown(await getMeetingPage(db, jordan, june.id, NOW))
    expect(markdown).toContain('# Support · June 2030 review meeting')
    expect(markdown).toMatch(/- \[ \] Pair up on refunds — owner: Tomás Ruiz, due 2030-07-02, target: Empathy \+3 by next month/)
    expect(markdown).toContain('| Empathy | 1 | 2 | 0 | 0 | 2 | 100% | 1 |')
    expect(markdown).not.toContain(jordan.id)
  })
})

async function waitUntil(condition: () => boolean, timeoutMs = 5000) {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting for a notification')
    await new Promise((r) => setTimeout(r, 20))
  }
}
