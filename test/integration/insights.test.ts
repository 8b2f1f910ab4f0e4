import { eq, inArray } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Database, Db } from '../../db/client.server'
import { addMembership, createOrganization, createOrgWithPeople, createTeam, createUser } from '../../db/factories'
import { replies, reviews, users } from '../../db/schema'
import { organizationCsv, teamCsv } from '~/insights/csv.server'
import { getOrganizationInsights, getTeamInsights, personalTrend, personalTrendRead } from '~/insights/insights.server'
import { nextUpFor, nextUpRead, teamOnboarding, teamOnboardingRead } from '~/lessons/progress.server'
import { myOpenActions, myOpenActionsRead } from '~/meetings/action-items.server'
import { teamsOf, teamsOfRead } from '~/org/teams.server'
import { nothingToRead, readTogether } from '~/query/json-rows.server'
import { countQueries } from '../../db/query-count.server'
import { rebuildRollups, recordFinalisedReply, recordReviewSubmitted } from '~/insights/rollups.server'
import { createDemoDatabase, createTestDatabase } from '../support/test-database'

// A fixed "now" far from the real date: months are chosen explicitly and people joined long before.
const NOW = new Date('2030-06-20T12:00:00Z')
const JUNE = '2030-06'
const at = (iso: string) => new Date(iso)

type Person = Awaited<ReturnType<typeof createUser>>

let database: Database
let db: Db

/** What the practice domain does: reviews submitted one by one, then the reply finalised, each in a transaction. */
async function practise(input: {
  author: Person
  teamId: string | null
  score: number
  levels?: Record<string, number>
  reviewers: Person[]
  submittedAt: Date
  reviewedAt?: Date
  scenario?: string
}) {
  const [reply] = await db
    .insert(replies)
    .values({
      organizationId: input.author.organizationId,
      userId: input.author.id,
      teamId: input.teamId,
      scenarioSlug: input.scenario ?? 'refund-delayed-angry',
      promptId: 'reply',
      text: 'Thank you for telling us; I will fix it today.',
      submittedAt: input.submittedAt,
    })
    .returning()
  const reviewedAt = input.reviewedAt ?? new Date(input.submittedAt.getTime() + 3 * 60 * 60 * 1000)
  for (const reviewer of input.reviewers) {
    await db.transaction(async (tx) => {
      const [review] = await tx
        .insert(reviews)
        .values({
          organizationId: reply.organizationId,
          replyId: reply.id,
          reviewerId: reviewer.id,
          status: 'submitted',
          scores: input.levels ?? {},
          submittedAt: reviewedAt,
        })
        .returning()
      await recordReviewSubmitted(tx, review.id)
    })
  }
  await finalise(reply.id, input.score, input.levels ?? { empathy: 3, warmth: 3 }, reviewedAt)
  return reply
}

async function finalise(replyId: string, score: number, levels: Record<string, number>, finalisedAt: Date) {
  await db.transaction(async (tx) => {
    await tx.update(replies).set({ score, criterionScores: levels, finalisedAt }).where(eq(replies.id, replyId))
    await recordFinalisedReply(tx, replyId)
  })
}

/** Every rollup row, normalised so that both drivers print them alike (floats to 9 decimals). */
async function rollupSnapshot() {
  const q = (text: string) => database.query(text)
  return {
    months: await q(`select organization_id, team_id, month::text, reviewed_replies, round(score_sum::numeric, 9)::text as score_sum,
        round(score_squares_sum::numeric, 9)::text as squares, reviews_given, repliers, reviewers
      from team_month_rollups order by team_id, month`),
    criteria: await q(`select organization_id, team_id, month::text, criterion_id, round(score_sum::numeric, 9)::text as score_sum, replies
      from team_month_criterion_rollups order by team_id, month, criterion_id`),
    scenarios: await q(`select organization_id, team_id, month::text, scenario_slug, replies, round(score_sum::numeric, 9)::text as score_sum
      from team_month_scenario_rollups order by team_id, month, scenario_slug`),
    orgScenarios: await q(`select organization_id, month::text, scenario_slug, replies, round(score_sum::numeric, 9)::text as score_sum
      from organization_month_scenario_rollups order by organization_id, month, scenario_slug`),
    people: await q(`select organization_id, team_id, month::text, user_id, replies, reviews_given
      from team_month_people order by team_id, month, user_id`),
  }
}

// Org A: Support (6 people + its manager) and Finance (3 people + its manager); Lin is in both teams.
let org: { id: string }
let support: { id: string }
let finance: { id: string }
let admin: Person, priya: Person, olivia: Person
let s: Person[]
let f: Person[]
let lin: Person

beforeAll(async () => {
  database = await createTestDatabase()
  db = database.db
  org = await createOrganization(db, { name: 'Insight Org' })
  support = await createTeam(db, org.id, { name: 'Support', slug: 'support', customerFacing: true })
  finance = await createTeam(db, org.id, { name: 'Finance', slug: 'finance' })
  const person = (name: string, role: 'admin' | 'manager' | 'member' = 'member') =>
    createUser(db, org.id, { name, role, joinedAt: at('2029-01-01T00:00:00Z') })
  admin = await person('Ada Admin', 'admin')
  priya = await person('Priya Manager', 'manager')
  olivia = await person('Olivia Manager', 'manager')
  s = [await person('Sam One'), await person('Sue Two'), await person('Sid Three'), await person('Sal Four'), await person('Sol Five')]
  f = [await person('Fay One'), await person('Fox Two'), await person('Flo Three')]
  lin = await person('Lin Both')
  await addMembership(db, { organizationId: org.id, userId: priya.id, teamId: support.id, role: 'manager' })
  await addMembership(db, { organizationId: org.id, userId: olivia.id, teamId: finance.id, role: 'manager' })
  for (const p of s) await addMembership(db, { organizationId: org.id, userId: p.id, teamId: support.id })
  for (const p of f) await addMembership(db, { organizationId: org.id, userId: p.id, teamId: finance.id })
  await addMembership(db, { organizationId: org.id, userId: lin.id, teamId: support.id })
  await addMembership(db, { organizationId: org.id, userId: lin.id, teamId: finance.id })

  // May: Support 5 replies by 3 people, mean 60.
  for (const [i, score] of [50, 55, 60, 65, 70].entries()) {
    await practise({ author: s[i % 3], teamId: support.id, score, reviewers: [f[0], f[1], lin], submittedAt: at(`2030-05-0${i + 1}T10:00:00Z`) })
  }
  // June: Support 6 replies by 3 people (s0, s1, s2), reviewed by Finance people and Lin (both teams).
  const june = [
    { author: s[0], score: 60, levels: { empathy: 3, warmth: 4, ownership: 2, 'next-step': 3, context: 1 } },
    { author: s[0], score: 70, levels: { empathy: 4, warmth: 4, ownership: 3, 'next-step': 3, context: 2 } },
    { author: s[1], score: 80, levels: { empathy: 2, warmth: 3, ownership: 3, 'next-step': 4, context: 2 } },
    { author: s[1], score: 90, levels: { empathy: 3, warmth: 2, ownership: 4, 'next-step': 4, context: 3 } },
    { author: s[2], score: 75, levels: { empathy: 4, warmth: 3, ownership: 3, 'next-step': 2, context: 2 } },
    { author: s[2], score: 65, levels: { empathy: 2, warmth: 4, ownership: 2, 'next-step': 3, context: 2 } },
  ]
  for (const [i, r] of june.entries()) {
    await practise({ ...r, teamId: support.id, reviewers: [f[i % 3], lin, s[3]], submittedAt: at(`2030-06-0${i + 1}T09:00:00Z`) })
  }
  // June: Finance 4 replies by 3 people — one short of a figure.
  for (const [i, score] of [40, 50, 60, 70].entries()) {
    await practise({ author: f[i % 3], teamId: finance.id, score, reviewers: [s[0], s[1], s[2]], submittedAt: at(`2030-06-1${i}T09:00:00Z`) })
  }
})

describe('the index for a team and a month', () => {
  it('shows the mean, band, n, participation, reviews given, criteria and change since last month', async () => {
    const insights = await getOrganizationInsights(db, admin, { month: JUNE, now: NOW })
    const team = insights.teams.find((t) => t.slug === 'support')!
    const scores = [60, 70, 80, 90, 75, 65]
    const m = scores.reduce((a, b) => a + b, 0) / 6
    const sd = Math.sqrt(scores.reduce((acc, x) => acc + (x - m) ** 2, 0) / 5)
    expect(team.cci.value).toBeCloseTo(m, 9)
    expect(team.cci.low).toBeCloseTo(m - (1.96 * sd) / Math.sqrt(6), 9)
    expect(team.cci.high).toBeCloseTo(m + (1.96 * sd) / Math.sqrt(6), 9)
    expect(team.cci).toMatchObject({ replies: 6, people: 3 })
    // Support members who reviewed in June: Lin (in both teams), s[3], and s0–s2 (Finance's replies).
    expect(team.cci.reviewers).toBe(5)
    // 3 of the 7 active members (priya, s0–s4, lin) had a reply reviewed.
    expect(team.practised).toBe(3)
    expect(team.activeMembers).toBe(7)
    expect(team.participation).toBeCloseTo(3 / 7, 9)
    // Lin reviewed 6 and s[3] 6 of Support's replies; s0–s2 reviewed Finance's 4 replies (12).
    expect(team.reviewsGiven).toBe(6 + 6 + 12)
    // May's mean is 60: change is the June mean minus 60.
    expect(team.change).toBeCloseTo(m - 60, 9)
    const empathy = team.criteria!.find((c) => c.criterionId === 'empathy')!
    expect(empathy.value).toBeCloseTo((((3 + 4 + 2 + 3 + 4 + 2) / 6 - 1) / 3) * 100, 9)
    const context = team.criteria!.find((c) => c.criterionId === 'context')!
    expect(context.value).toBeCloseTo((((1 + 2 + 2 + 3 + 2 + 2) / 6 - 1) / 3) * 100, 9)
    // The trend has twelve months ending in June, May's point included.
    expect(team.trend.map((p) => p.month)).toHaveLength(12)
    expect(team.trend[10]).toMatchObject({ month: '2030-05-01', cci: { value: 60, replies: 5 } })
  })

  it('shows "not enough data" for 4 reviewed replies and a number once the 5th is reviewed', async () => {
    const before = (await getOrganizationInsights(db, admin, { month: JUNE, now: NOW })).teams.find((t) => t.slug === 'finance')!
    expect(before.cci).toMatchObject({ value: null, low: null, high: null, reason: 'too-few-replies', replies: 4 })
    expect(before.criteria!.every((c) => c.value === null)).toBe(true)
    expect(before.change).toBeNull()

    await practise({ author: f[0], teamId: finance.id, score: 80, reviewers: [s[0], s[1], s[2]], submittedAt: at('2030-06-15T09:00:00Z') })
    const after = (await getOrganizationInsights(db, admin, { month: JUNE, now: NOW })).teams.find((t) => t.slug === 'finance')!
    expect(after.cci.value).toBeCloseTo(60, 9)
    expect(after.cci.reason).toBeNull()
  })

  it('lists the hardest scenarios org-wide only past their own threshold', async () => {
    const none = await getOrganizationInsights(db, admin, { month: JUNE, now: NOW, thresholds: { minScenarioReplies: 100 } })
    expect(none.hardestScenarios).toEqual([])
    const some = await getOrganizationInsights(db, admin, { month: JUNE, now: NOW, thresholds: { minScenarioReplies: 5 } })
    expect(some.hardestScenarios[0]).toMatchObject({ slug: 'refund-delayed-angry', title: 'The refund promised twice' })
    expect(some.hardestScenarios[0].replies).toBeGreaterThanOrEqual(5)
  })
})

describe('rollups', () => {
  it('maintained reply by reply equal a full rebuild, and a rebuild is idempotent', async () => {
    // Edge cases: a review submitted the month after its reply, a reply without a team, an unfinalised
    // reply, a lease that was never submitted, and a reply finalised twice (a manager's deciding review).
    await practise({
      author: s[3],
      teamId: support.id,
      score: 55,
      levels: { empathy: 2 },
      reviewers: [f[2], lin, olivia],
      submittedAt: at('2030-05-31T22:00:00Z'),
      reviewedAt: at('2030-06-01T08:00:00Z'),
    })
    await practise({ author: admin, teamId: null, score: 99, reviewers: [s[4]], submittedAt: at('2030-06-03T09:00:00Z') })
    const [open] = await db
      .insert(replies)
      .values({ organizationId: org.id, userId: s[4].id, teamId: support.id, scenarioSlug: 'x', promptId: 'reply', text: 'open', submittedAt: at('2030-06-04T09:00:00Z') })
      .returning()
    await db.insert(reviews).values({ organizationId: org.id, replyId: open.id, reviewerId: f[1].id, status: 'leased', leasedUntil: NOW })
    const twice = await practise({ author: s[4], teamId: support.id, score: 30, levels: { empathy: 1, warmth: 2 }, reviewers: [f[0]], submittedAt: at('2030-06-05T09:00:00Z') })
    await finalise(twice.id, 85, { empathy: 4, warmth: 3 }, at('2030-06-06T09:00:00Z'))
    // Calling the hook again changes nothing.
    await db.transaction((tx) => recordFinalisedReply(tx, twice.id))

    const incremental = await rollupSnapshot()
    expect(incremental.months.length).toBeGreaterThan(2)
    expect(incremental.orgScenarios.length).toBeGreaterThan(0)
    expect(incremental.people.some((p) => p.user_id === lin.id && p.team_id === finance.id)).toBe(true)
    await rebuildRollups(db, org.id)
    const rebuilt = await rollupSnapshot()
    expect(rebuilt).toEqual(incremental)
    await rebuildRollups(db)
    expect(await rollupSnapshot()).toEqual(incremental)
  })

  it('feed a dashboard that never reads raw replies or reviews', async () => {
    // A separate organization, so deleting its raw data leaves the other tests alone.
    const other = await createOrganization(db, { name: 'Raw Gone' })
    const team = await createTeam(db, other.id, { name: 'Sales', slug: 'sales' })
    const boss = await createUser(db, other.id, { role: 'admin', joinedAt: at('2029-01-01T00:00:00Z') })
    const crew = await Promise.all([1, 2, 3, 4].map(() => createUser(db, other.id, { joinedAt: at('2029-01-01T00:00:00Z') })))
    for (const p of crew) await addMembership(db, { organizationId: other.id, userId: p.id, teamId: team.id })
    for (const [i, score] of [61, 72, 83, 54, 65, 76].entries()) {
      await practise({ author: crew[i % 3], teamId: team.id, score, reviewers: [crew[(i + 1) % 4], boss], submittedAt: at(`2030-06-0${i + 1}T09:00:00Z`) })
    }
    const before = await getOrganizationInsights(db, boss, { month: JUNE, now: NOW, thresholds: { minScenarioReplies: 5 } })
    expect(before.teams[0].cci.value).toBeCloseTo(68.5, 9)
    await db.delete(replies).where(eq(replies.organizationId, other.id))
    expect(await db.select().from(reviews).where(eq(reviews.organizationId, other.id))).toEqual([])
    const after = await getOrganizationInsights(db, boss, { month: JUNE, now: NOW, thresholds: { minScenarioReplies: 5 } })
    expect(after).toEqual(before)
  })
})

describe('who sees what', () => {
  it('shows an admin every team in full', async () => {
    const insights = await getOrganizationInsights(db, admin, { month: JUNE, now: NOW })
    expect(insights.teams.map((t) => [t.slug, t.access])).toEqual([
      ['finance', 'manage'],
      ['support', 'manage'],
    ])
    const page = await getTeamInsights(db, admin, 'finance', { month: JUNE, now: NOW })
    expect(page.notPractised).not.toBeNull()
  })

  it('shows a manager their own team first and in full, other teams in aggregate only', async () => {
    const insights = await getOrganizationInsights(db, priya, { month: JUNE, now: NOW })
    expect(insights.teams.map((t) => [t.slug, t.access])).toEqual([
      ['support', 'manage'],
      ['finance', 'aggregate'],
    ])
    const [own, other] = insights.teams
    expect(own.criteria).not.toBeNull()
    expect(other.cci.value).not.toBeNull()
    expect(other.participation).not.toBeNull()
    expect(other.criteria).toBeNull()
    expect(other.trend.every((p) => p.criteria === null)).toBe(true)

    // Lin practises for Finance: that counts as practising in Support too, Lin's other team.
    await practise({ author: lin, teamId: finance.id, score: 70, reviewers: [s[0]], submittedAt: at('2030-06-18T09:00:00Z') })
    const ownPage = await getTeamInsights(db, priya, 'support', { month: JUNE, now: NOW })
    // Names only, of active members without a reviewed reply in June: no scores anywhere in the list.
    expect(ownPage.notPractised).toEqual(
      [priya, s[3]].map((p) => ({ id: p.id, name: p.name })).sort((a, b) => a.name.localeCompare(b.name)),
    )
    // s0, s1, s2, s4 (for Support) and Lin (for Finance) of the 7 active members.
    expect(ownPage.team).toMatchObject({ practised: 5, activeMembers: 7 })
    expect(ownPage.team.participation).toBeCloseTo(5 / 7, 9)
    const overview = await getOrganizationInsights(db, priya, { month: JUNE, now: NOW })
    expect(overview.teams[0]).toMatchObject({ slug: 'support', practised: 5, activeMembers: 7 })
    const otherPage = await getTeamInsights(db, priya, 'finance', { month: JUNE, now: NOW })
    expect(otherPage.notPractised).toBeNull()
    expect(otherPage.team.criteria).toBeNull()
    expect(otherPage.trend.every((p) => p.criteria === null)).toBe(true)
  })

  it('shows a member their own teams only, without names', async () => {
    const insights = await getOrganizationInsights(db, s[0], { month: JUNE, now: NOW })
    expect(insights.teams.map((t) => [t.slug, t.access])).toEqual([['support', 'member']])
    const page = await getTeamInsights(db, s[0], 'support', { month: JUNE, now: NOW })
    expect(page.notPractised).toBeNull()
    await expect(getTeamInsights(db, s[0], 'finance', { month: JUNE, now: NOW })).rejects.toMatchObject({ status: 403 })
    await expect(teamCsv(db, s[0], 'finance', { month: JUNE, now: NOW })).rejects.toMatchObject({ status: 403 })
    // Lin is in both teams and sees both.
    const both = await getOrganizationInsights(db, lin, { month: JUNE, now: NOW })
    expect(both.teams.map((t) => t.slug).sort()).toEqual(['finance', 'support'])
  })

  it('shows another organization nothing of this one', async () => {
    const b = await createOrgWithPeople(db, 'Org B')
    const insights = await getOrganizationInsights(db, b.admin, { month: JUNE, now: NOW })
    expect(insights.teams.map((t) => t.id)).toEqual([b.team.id])
    expect(insights.teams[0].cci).toMatchObject({ value: null, reason: 'no-replies', replies: 0 })
    expect(insights.hardestScenarios).toEqual([])
    await expect(getTeamInsights(db, b.admin, 'finance', { month: JUNE, now: NOW })).rejects.toMatchObject({ status: 404 })
    const csv = await organizationCsv(db, b.admin, { month: JUNE, now: NOW })
    expect(csv.csv).not.toContain('Finance')
    expect(csv.csv.trim().split('\r\n')).toHaveLength(1 + 12)
  })

  it('never gives a member another individual’s score, even when one person carries a team', async () => {
    // Flo practises alone for Finance in April: 6 reviewed replies, but all from one person.
    for (const score of [11, 12, 13, 14, 15, 16]) {
      await practise({ author: f[2], teamId: finance.id, score, reviewers: [s[0]], submittedAt: at('2030-04-10T09:00:00Z') })
    }
    for (const viewer of [admin, olivia, lin, f[0]]) {
      const page = await getTeamInsights(db, viewer, 'finance', { month: '2030-04', now: NOW })
      expect(page.team.cci).toMatchObject({ value: null, low: null, high: null, reason: 'too-few-people', replies: 6 })
      expect(page.team.criteria?.every((c) => c.value === null) ?? true).toBe(true)
    }
    const csv = (await teamCsv(db, f[0], 'finance', { month: '2030-04', now: NOW })).csv
    const april = csv.split('\r\n').find((row) => row.includes(',2030-04,'))!
    expect(april).toContain('too-few-people')
    expect(april).not.toMatch(/,13\.5,/)

    // The member's own views carry no other person's id or name, and their personal trend is theirs alone.
    const everything = JSON.stringify([
      await getOrganizationInsights(db, f[0], { month: JUNE, now: NOW }),
      await getTeamInsights(db, f[0], 'finance', { month: JUNE, now: NOW }),
      (await organizationCsv(db, f[0], { month: JUNE, now: NOW })).csv,
    ])
    const others = await db.select().from(users).where(eq(users.organizationId, org.id))
    for (const other of others.filter((p) => p.id !== f[0].id)) {
      expect(everything).not.toContain(other.id)
      expect(everything).not.toContain(other.name)
    }
    const mine = await personalTrend(db, f[2], { now: NOW })
    const april2 = mine.months.find((m) => m.month === '2030-04-01')!
    expect(april2).toEqual({ month: '2030-04-01', replies: 6, score: 13.5 })
    const theirs = await personalTrend(db, f[0], { now: NOW })
    expect(theirs.months.find((m) => m.month === '2030-04-01')).toEqual({ month: '2030-04-01', replies: 0, score: null })
  })

  it('writes CSV rows for every visible team, hiding what the viewer may not see', async () => {
    const { csv } = await organizationCsv(db, priya, { month: JUNE, now: NOW })
    const [header, ...rows] = csv.trim().split('\r\n')
    expect(header.split(',')).toEqual(
      expect.arrayContaining(['team', 'month', 'cci', 'reviewed_replies', 'participation_pct', 'criterion_empathy']),
    )
    const support = rows.filter((r) => r.startsWith('Support,'))
    const finance = rows.filter((r) => r.startsWith('Finance,'))
    expect(support).toHaveLength(12)
    expect(finance).toHaveLength(12)
    const juneSupport = support.find((r) => r.includes(',2030-06,'))!.split(',')
    expect(juneSupport[header.split(',').indexOf('access')]).toBe('manage')
    expect(Number(juneSupport[header.split(',').indexOf('reviewed_replies')])).toBeGreaterThanOrEqual(6)
    const juneFinance = finance.find((r) => r.includes(',2030-06,'))!.split(',')
    expect(juneFinance[header.split(',').indexOf('access')]).toBe('aggregate')
    expect(juneFinance[header.split(',').indexOf('criterion_empathy')]).toBe('')
  })
})

describe('the demo history', () => {
  let fresh: Database
  const now = new Date()
  beforeAll(async () => {
    fresh = await createDemoDatabase(now)
  })

  it('gives every demo team a year of figures, and the member their own history', async () => {
    const [acmeAdmin] = await fresh.db.select().from(users).where(eq(users.email, 'admin@acme.test'))
    const insights = await getOrganizationInsights(fresh.db, acmeAdmin, { now })
    expect(insights.teams.map((t) => t.name)).toEqual(['Engineering', 'Finance', 'Marketing', 'Sales', 'Support'])
    for (const team of insights.teams) {
      const shown = team.trend.filter((p) => p.cci.value !== null).length
      expect(shown, team.name).toBeGreaterThanOrEqual(9)
    }
    const [member, newhire] = await Promise.all(
      ['member@acme.test', 'newhire@acme.test'].map(async (email) => (await fresh.db.select().from(users).where(eq(users.email, email)))[0]),
    )
    expect((await personalTrend(fresh.db, member, { now })).totalReplies).toBeGreaterThan(20)
    expect((await personalTrend(fresh.db, newhire, { now })).totalReplies).toBe(0)
    const ids = (await fresh.db.select({ id: replies.id }).from(replies)).map((r) => r.id)
    expect(await fresh.db.select().from(reviews).where(inArray(reviews.replyId, ids.slice(0, 1)))).toHaveLength(3)
  })

  it('reads each insights page in two round trips and home’s own sections in one, each as read alone', async () => {
    const db = fresh.db
    const roundTrips = async <T>(work: () => Promise<T>) => {
      const tally = { queries: 0 }
      const result = await countQueries(tally, work)
      return { result, queries: tally.queries }
    }
    for (const email of ['member@acme.test', 'manager@acme.test', 'admin@acme.test']) {
      const [person] = await db.select().from(users).where(eq(users.email, email))
      expect((await roundTrips(() => getOrganizationInsights(db, person, { now }))).queries, email).toBe(2)
      expect((await roundTrips(() => getTeamInsights(db, person, 'support', { now }))).queries, email).toBe(2)
      const lead = person.role !== 'member'
      // With nothing left to review every result is unlocked; with reviews waiting only the unlocked ones count.
      for (const reviewsWaiting of [0, 3]) {
        const together = await roundTrips(() =>
          readTogether(db, {
            teams: teamsOfRead(db, person),
            nextUp: nextUpRead(db, person),
            trend: personalTrendRead(db, person, { now, reviewsWaiting }),
            actions: myOpenActionsRead(db, person),
            onboarding: lead ? teamOnboardingRead(db, person, now) : nothingToRead(),
          }),
        )
        expect(together.queries, email).toBe(1)
        expect(together.result, email).toEqual({
          teams: await teamsOf(db, person),
          nextUp: await nextUpFor(db, person),
          trend: await personalTrend(db, person, { now, reviewsWaiting }),
          actions: await myOpenActions(db, person),
          onboarding: lead ? await teamOnboarding(db, person, undefined, now) : null,
        })
      }
    }
  })
})
