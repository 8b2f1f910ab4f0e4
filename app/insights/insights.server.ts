// The customer-centricity dashboard's domain: who may see which team's figures, built only from the
// monthly rollups (plus teams and memberships for names and head counts), never from replies or reviews.
import { and, asc, between, countDistinct, eq, gt, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import {
  membershipPeriods,
  memberships,
  organizationMonthScenarioRollups,
  organizations,
  replies,
  reviews,
  scenarios,
  teamMonthCriterionRollups,
  teamMonthDrillRollups,
  teamMonthPeople,
  teamMonthRollups,
  teams,
  users,
} from '#db/schema'
import type { SessionUser } from '~/auth/session.server'
import { forbidden, notFound } from '~/http/responses.server'
import { privacyThresholdsFor } from '~/org/settings.server'
import { reviewsWaitingFor } from '~/reviews/allocation.server'
import { DEFAULT_REVIEW_RULES } from '~/reviews/review-rules'
import { loadRubric } from '~/reviews/rubric.server'
import { getAuthoredScenario } from '~/scenarios/authored-scenarios.server'
import { jsonRows, named, noRows, read } from '~/query/json-rows.server'
import {
  addMonths,
  cciOf,
  changeSince,
  criterionScore,
  DEFAULT_THRESHOLDS,
  EMPTY_SUMS,
  mean,
  MONTH_PATTERN,
  monthOf,
  monthsEnding,
  participation,
  type Cci,
  type CciThresholds,
  type MonthSums,
} from './cci'

export type Actor = Pick<SessionUser, 'id' | 'organizationId' | 'role'>

/**
 * How much of a team's figures someone sees:
 * - manage: admins (every team) and managers (the teams they lead) — everything, and who has not practised;
 * - member: the person's own team — figures, trend and criteria, no names;
 * - aggregate: a manager looking at another team — CCI, trend and participation only.
 */
export type TeamAccess = 'manage' | 'member' | 'aggregate'

export interface InsightsOptions {
  /** 'YYYY-MM'; defaults to the month of `now`. */
  month?: string
  now?: Date
  thresholds?: Partial<CciThresholds>
  /** Criteria and participation for every month of the trend, not only the chosen month (CSV). */
  everyMonth?: boolean
}

export interface Criterion {
  id: string
  name: string
}

export interface CriterionFigure {
  criterionId: string
  value: number | null
  replies: number
}

export interface TrendPoint {
  month: string
  cci: Cci
  reviewsGiven: number
  /** Active members who had a reply reviewed that month (for whichever of their teams it counted). */
  practised: number | null
  /** null when not computed for this month (the overview computes the chosen month only, unless `everyMonth`). */
  activeMembers: number | null
  participation: number | null
  /** null when the viewer may not see criteria, or they were not computed for this month. */
  criteria: CriterionFigure[] | null
  /** Drills done on time (a team aggregate, like participation); null when not computed for this month. */
  drills: DrillsFigure | null
}

export interface DrillsFigure {
  /** Assigned − exempt; 0 means no drill was due that month. */
  due: number
  doneOnTime: number
  /** doneOnTime ÷ due; null when no drill was due. */
  share: number | null
}

export interface TeamFigures {
  id: string
  name: string
  slug: string
  customerFacing: boolean
  access: TeamAccess
  month: string
  cci: Cci
  change: number | null
  practised: number
  activeMembers: number
  participation: number | null
  reviewsGiven: number
  /** Chosen month's drills done on time. */
  drills: DrillsFigure | null
  /** Chosen month's criteria; null for aggregate access. */
  criteria: CriterionFigure[] | null
  trend: TrendPoint[]
}

export interface HardScenario {
  slug: string
  title: string
  replies: number
  mean: number
}

export interface OrganizationInsights {
  month: string
  months: string[]
  currentMonth: string
  thresholds: CciThresholds
  criteria: Criterion[]
  teams: TeamFigures[]
  hardestScenarios: HardScenario[]
}

const TREND_MONTHS = 12

function resolveMonth(options: InsightsOptions) {
  const currentMonth = monthOf(options.now ?? new Date())
  let month = currentMonth
  if (options.month && MONTH_PATTERN.test(options.month)) {
    const asked = `${options.month}-01`
    // Never a month in the future, never further back than two years.
    if (asked <= currentMonth && asked >= addMonths(currentMonth, -24)) month = asked
  }
  return { month, currentMonth, months: monthsEnding(month, TREND_MONTHS) }
}

// The organization's privacy floor (settings), unless a caller overrides it. Read with the teams
// when there are any; an organization without teams needs a round trip of its own.
const thresholdsOf = async (
  db: Db,
  organizationId: string,
  options: InsightsOptions,
  floor: Pick<CciThresholds, 'minReplies' | 'minPeople'> | null,
): Promise<CciThresholds> => ({
  ...(floor ? { ...DEFAULT_THRESHOLDS, ...floor } : await privacyThresholdsFor(db, organizationId)),
  ...options.thresholds,
})

async function rubricCriteria(): Promise<Criterion[]> {
  const rubric = await loadRubric()
  return rubric.criteria.map((c) => ({ id: c.id, name: c.name }))
}

/**
 * Every team of the organization the actor may see, with the access they have to it; and the
 * organization's privacy floor, null when it has no team.
 */
async function visibleTeams(db: Db, actor: Actor) {
  // One round trip: every team, with the actor's role in it when they belong to it.
  const all = await db
    .select({
      id: teams.id,
      name: teams.name,
      slug: teams.slug,
      customerFacing: teams.customerFacing,
      myRole: memberships.role,
      minReplies: organizations.privacyMinReplies,
      minPeople: organizations.privacyMinPeople,
    })
    .from(teams)
    .innerJoin(organizations, eq(organizations.id, teams.organizationId))
    .leftJoin(
      memberships,
      and(eq(memberships.teamId, teams.id), eq(memberships.userId, actor.id), eq(memberships.organizationId, actor.organizationId)),
    )
    .where(eq(teams.organizationId, actor.organizationId))
    .orderBy(asc(teams.name))
  const rank: Record<TeamAccess, number> = { manage: 0, member: 1, aggregate: 2 }
  const visible = all
    .flatMap(({ myRole, minReplies: _r, minPeople: _p, ...team }) => {
      const access = accessTo(actor, myRole ?? undefined)
      return access ? [{ ...team, access }] : []
    })
    .sort((a, b) => rank[a.access] - rank[b.access] || a.name.localeCompare(b.name))
  const floor = all[0] ? { minReplies: all[0].minReplies, minPeople: all[0].minPeople } : null
  return { visible, floor }
}

function accessTo(actor: Actor, teamRole: 'manager' | 'member' | undefined): TeamAccess | null {
  if (actor.role === 'admin') return 'manage'
  if (actor.role === 'manager' && teamRole === 'manager') return 'manage'
  if (teamRole) return 'member'
  if (actor.role === 'manager') return 'aggregate'
  return null
}

const seesCriteria = (access: TeamAccess) => access !== 'aggregate'

type RollupRow = Pick<typeof teamMonthRollups.$inferSelect, 'teamId' | 'month' | keyof MonthSums>

const toSums = (row: RollupRow | undefined): MonthSums =>
  row
    ? {
        reviewedReplies: row.reviewedReplies,
        scoreSum: row.scoreSum,
        scoreSquaresSum: row.scoreSquaresSum,
        reviewsGiven: row.reviewsGiven,
        repliers: row.repliers,
        reviewers: row.reviewers,
      }
    : EMPTY_SUMS

const monthBounds = (month: string) => ({
  start: new Date(`${month}T00:00:00Z`),
  end: new Date(`${addMonths(month, 1)}T00:00:00Z`),
})

interface Participation {
  active: number
  practised: number
}

/**
 * Per team in a month: its active members (in the team during the month, joined before it ended, not
 * deactivated before it began) and how many of them had a reply reviewed that month, whichever of their teams it counted for.
 */
function participationQuery(db: Db, organizationId: string, month: string, teamIds?: string[]) {
  const { start, end } = monthBounds(month)
  // A plain join on the month's practising people: the planner hashes it (a correlated EXISTS made
  // PostgreSQL overestimate the cost and JIT-compile a 20 ms query for 200 ms).
  const practising = db
    .selectDistinct({ userId: teamMonthPeople.userId })
    .from(teamMonthPeople)
    .where(
      and(
        eq(teamMonthPeople.organizationId, organizationId),
        eq(teamMonthPeople.month, month),
        sql`${teamMonthPeople.replies} > 0`,
      ),
    )
    .as('practising')
  // Members are those whose membership period in the team overlaps the month (history, not today's teams).
  const p = membershipPeriods
  return db
    .select(named({ teamId: p.teamId, active: countDistinct(p.userId), practised: countDistinct(practising.userId) }))
    .from(p)
    .innerJoin(users, eq(users.id, p.userId))
    .leftJoin(practising, eq(practising.userId, p.userId))
    .where(
      and(
        eq(p.organizationId, organizationId),
        teamIds ? inArray(p.teamId, teamIds) : undefined,
        lt(p.startedAt, end),
        or(isNull(p.endedAt), gt(p.endedAt, start)),
        lt(users.joinedAt, end),
        or(isNull(users.deactivatedAt), gte(users.deactivatedAt, start)),
      ),
    )
    .groupBy(p.teamId)
}

type ParticipationRow = { teamId: string; active: number; practised: number }

const participationIndex = (rows: ParticipationRow[]) =>
  new Map<string, Participation>(rows.map((r) => [r.teamId, { active: Number(r.active), practised: Number(r.practised) }]))

function rollupQuery(db: Db, organizationId: string, months: string[], teamIds?: string[]) {
  const r = teamMonthRollups
  return db
    .select(
      named({
        teamId: r.teamId,
        month: r.month,
        reviewedReplies: r.reviewedReplies,
        scoreSum: r.scoreSum,
        scoreSquaresSum: r.scoreSquaresSum,
        reviewsGiven: r.reviewsGiven,
        repliers: r.repliers,
        reviewers: r.reviewers,
      }),
    )
    .from(r)
    .where(
      and(
        eq(r.organizationId, organizationId),
        gte(r.month, months[0]),
        lte(r.month, months[months.length - 1]),
        teamIds ? inArray(r.teamId, teamIds) : undefined,
      ),
    )
}

type CriterionRow = { teamId: string; month: string; criterionId: string; scoreSum: number; replies: number }

function criterionQuery(db: Db, organizationId: string, months: string[], teamIds: string[]) {
  const c = teamMonthCriterionRollups
  return db
    .select(named({ teamId: c.teamId, month: c.month, criterionId: c.criterionId, scoreSum: c.scoreSum, replies: c.replies }))
    .from(c)
    .where(
      and(
        eq(c.organizationId, organizationId),
        gte(c.month, months[0]),
        lte(c.month, months[months.length - 1]),
        inArray(c.teamId, teamIds),
      ),
    )
}

type DrillRollupRow = { teamId: string; month: string; assigned: number; exempt: number; doneOnTime: number }

/** Drills done on time per team and month, from their rollup (months inclusive, 'YYYY-MM-01'). */
function drillRollupQuery(db: Db, organizationId: string, from: string, to: string, teamIds?: string[]) {
  const d = teamMonthDrillRollups
  return db
    .select(named({ teamId: d.teamId, month: d.month, assigned: d.assigned, exempt: d.exempt, doneOnTime: d.doneOnTime }))
    .from(d)
    .where(and(eq(d.organizationId, organizationId), between(d.month, from, to), teamIds ? inArray(d.teamId, teamIds) : undefined))
}

const key = (teamId: string, month: string) => `${teamId}|${month}`

const NO_DRILL_DUE: DrillsFigure = { due: 0, doneOnTime: 0, share: null }

/** Indexes drill rollup rows by team and month; `lookup` answers null for months not fetched. */
function drillsIndex(rows: DrillRollupRow[], fetched: string[]) {
  const index = new Map(rows.map((r) => [key(r.teamId, r.month), r]))
  const months = new Set(fetched)
  return (teamId: string, month: string): DrillsFigure | null => {
    if (!months.has(month)) return null
    const row = index.get(key(teamId, month))
    if (!row) return NO_DRILL_DUE
    const due = row.assigned - row.exempt
    return { due: Math.max(0, due), doneOnTime: row.doneOnTime, share: due > 0 ? row.doneOnTime / due : null }
  }
}

function figuresFor(
  criteria: Criterion[],
  criterionIndex: Map<string, { scoreSum: number; replies: number }>,
  teamId: string,
  month: string,
  cci: Cci,
  t: CciThresholds,
): CriterionFigure[] {
  return criteria.map((c) => {
    const row = criterionIndex.get(`${key(teamId, month)}|${c.id}`)
    return {
      criterionId: c.id,
      replies: row?.replies ?? 0,
      value: row ? criterionScore(row.scoreSum, row.replies, cci, t) : null,
    }
  })
}

/** Builds the figures of the given teams from rollup rows. */
function buildTeamFigures(input: {
  team: { id: string; name: string; slug: string; customerFacing: boolean; access: TeamAccess }
  month: string
  months: string[]
  rollups: Map<string, RollupRow>
  criterionIndex: Map<string, { scoreSum: number; replies: number }>
  criteria: Criterion[]
  /** Participation of this team in a month, or null when not computed for it. */
  participationIn: (month: string) => Participation | null
  /** Drills done on time of this team in a month, or null when not computed for it. */
  drillsIn: (month: string) => DrillsFigure | null
  thresholds: CciThresholds
  everyMonth: boolean
}): TeamFigures {
  const { team, month, months, rollups, criterionIndex, criteria, thresholds: t } = input
  const withCriteria = seesCriteria(team.access)
  const trend: TrendPoint[] = months.map((m) => {
    const sums = toSums(rollups.get(key(team.id, m)))
    const cci = cciOf(sums, t)
    const counts = input.participationIn(m)
    return {
      month: m,
      cci,
      reviewsGiven: sums.reviewsGiven,
      practised: counts?.practised ?? null,
      activeMembers: counts?.active ?? null,
      participation: counts ? participation(counts.practised, counts.active) : null,
      criteria:
        withCriteria && (input.everyMonth || m === month) ? figuresFor(criteria, criterionIndex, team.id, m, cci, t) : null,
      drills: input.drillsIn(m),
    }
  })
  const current = trend[trend.length - 1]
  const previous = trend[trend.length - 2]
  return {
    ...team,
    month,
    cci: current.cci,
    change: changeSince(current.cci, previous?.cci),
    practised: current.practised ?? 0,
    activeMembers: current.activeMembers ?? 0,
    participation: current.participation,
    reviewsGiven: current.reviewsGiven,
    drills: current.drills,
    criteria: current.criteria,
    trend,
  }
}

type HardestRow = { slug: string; replies: number; scoreSum: number; importedTitle: string | null }

/** The scenarios with the lowest mean reply score across the organization over the months given. */
function hardestQuery(db: Db, organizationId: string, months: string[], t: CciThresholds, limit = 5) {
  const s = organizationMonthScenarioRollups
  // An imported scenario's title comes with it; an authored one's from content (imports never reuse an authored slug).
  const importedTitle = sql<string | null>`(select ${scenarios.document}->>'title' from ${scenarios}
    where ${scenarios.organizationId} = ${organizationId} and ${scenarios.slug} = ${s.scenarioSlug} limit 1)`
  return db
    .select(named({ slug: s.scenarioSlug, replies: sql`sum(${s.replies})::int`, scoreSum: sql`sum(${s.scoreSum})`, importedTitle }))
    .from(s)
    .where(and(eq(s.organizationId, organizationId), gte(s.month, months[0]), lte(s.month, months[months.length - 1])))
    .groupBy(s.scenarioSlug)
    .having(sql`sum(${s.replies}) >= ${t.minScenarioReplies}`)
    .orderBy(sql`sum(${s.scoreSum}) / sum(${s.replies})`, asc(s.scenarioSlug))
    .limit(limit)
}

const HARDEST_ORDER = '"scoreSum" / "replies", "slug"'

async function hardestScenarios(rows: HardestRow[]): Promise<HardScenario[]> {
  return Promise.all(
    rows.map(async (r) => ({
      slug: r.slug,
      title: (await getAuthoredScenario(r.slug))?.title ?? (r.importedTitle || r.slug),
      replies: Number(r.replies),
      mean: mean(Number(r.scoreSum), Number(r.replies)) ?? 0,
    })),
  )
}

/**
 * `/insights`: every team the actor may see, side by side, for one month with a 12-month trend.
 * Admins see every team; managers their teams in full and the others in aggregate; members their own teams.
 */
export async function getOrganizationInsights(db: Db, actor: Actor, options: InsightsOptions = {}): Promise<OrganizationInsights> {
  const { month, months, currentMonth } = resolveMonth(options)
  const org = actor.organizationId
  const { visible, floor } = await visibleTeams(db, actor)
  const t = await thresholdsOf(db, org, options, floor)
  const ids = visible.map((team) => team.id)
  // Admins see the whole organization: no need to list team ids in the query.
  const teamFilter = actor.role === 'admin' ? undefined : ids
  const criteriaTeams = visible.filter((team) => seesCriteria(team.access)).map((team) => team.id)
  const headMonths = options.everyMonth ? months : [month]
  // Every figure of the page in one round trip: rollups, criteria, participation, drills, hardest scenarios.
  const [[figures], criteria] = await Promise.all([
    db
      .select({
        rollups: ids.length ? jsonRows<RollupRow>(rollupQuery(db, org, months, teamFilter)) : noRows<RollupRow>(),
        criteria: criteriaTeams.length ? jsonRows<CriterionRow>(criterionQuery(db, org, headMonths, criteriaTeams)) : noRows<CriterionRow>(),
        heads: sql<ParticipationRow[][]>`json_build_array(${sql.join(
          headMonths.map((m) => (ids.length ? jsonRows<ParticipationRow>(participationQuery(db, org, m, teamFilter)) : noRows())),
          sql`, `,
        )})`,
        hardest: jsonRows<HardestRow>(hardestQuery(db, org, months, t), HARDEST_ORDER),
        drills: ids.length ? jsonRows<DrillRollupRow>(drillRollupQuery(db, org, headMonths[0], month, teamFilter)) : noRows<DrillRollupRow>(),
      })
      .from(organizations)
      .where(eq(organizations.id, org)),
    rubricCriteria(),
  ])
  const [rollups, criterionData, drillRows] = [figures.rollups, figures.criteria, figures.drills]
  const heads = figures.heads.map(participationIndex)
  const hardest = await hardestScenarios(figures.hardest)
  const drillsOf = drillsIndex(drillRows, headMonths)
  const headsByMonth = new Map(headMonths.map((m, i) => [m, heads[i]]))
  const rollupIndex = new Map(rollups.map((r) => [key(r.teamId, r.month), r]))
  const criterionIndex = new Map(criterionData.map((r) => [`${key(r.teamId, r.month)}|${r.criterionId}`, r]))
  return {
    month,
    months,
    currentMonth,
    thresholds: t,
    criteria,
    hardestScenarios: hardest,
    teams: visible.map((team) =>
      buildTeamFigures({
        team,
        month,
        months,
        rollups: rollupIndex,
        criterionIndex,
        criteria,
        participationIn: (m) => {
          const counts = headsByMonth.get(m)
          return counts ? (counts.get(team.id) ?? { active: 0, practised: 0 }) : null
        },
        drillsIn: (m) => drillsOf(team.id, m),
        thresholds: t,
        everyMonth: options.everyMonth ?? false,
      }),
    ),
  }
}

export interface TeamInsights {
  month: string
  months: string[]
  currentMonth: string
  thresholds: CciThresholds
  criteria: Criterion[]
  team: TeamFigures
  trend: TrendPoint[]
  /** Names of active members without a reviewed reply in the chosen month — only for `manage` access, else null. */
  notPractised: { id: string; name: string }[] | null
}

/** `/insights/teams/:slug`: one team's trend, criteria, participation and (for its manager) who has not practised. */
export async function getTeamInsights(db: Db, actor: Actor, slug: string, options: InsightsOptions = {}): Promise<TeamInsights> {
  const { month, months, currentMonth } = resolveMonth(options)
  const org = actor.organizationId
  const { visible, floor } = await visibleTeams(db, actor)
  const t = await thresholdsOf(db, org, options, floor)
  const team = visible.find((candidate) => candidate.slug === slug)
  if (!team) {
    const [exists] = await db
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.organizationId, org), eq(teams.slug, slug)))
    if (exists) forbidden('You can see the figures of your own teams only.')
    notFound(`There is no team “${slug}” in your organization.`)
  }
  type Member = { id: string; name: string; joinedAt: string; deactivatedAt: string | null }
  // Every figure of the page in one round trip: rollups, criteria, drills, members and who practised when.
  const [[read], criteria] = await Promise.all([
    db
      .select({
        rollups: jsonRows<RollupRow>(rollupQuery(db, org, months, [team.id])),
        criteria: seesCriteria(team.access) ? jsonRows<CriterionRow>(criterionQuery(db, org, months, [team.id])) : noRows<CriterionRow>(),
        drills: jsonRows<DrillRollupRow>(drillRollupQuery(db, org, months[0], month, [team.id])),
        members: jsonRows<Member>(
          db
            .select(named({ id: users.id, name: users.name, joinedAt: users.joinedAt, deactivatedAt: users.deactivatedAt }))
            .from(memberships)
            .innerJoin(users, eq(users.id, memberships.userId))
            .where(and(eq(memberships.organizationId, org), eq(memberships.teamId, team.id))),
          '"name"',
        ),
        // Members who had a reply reviewed, per month, for whichever of their teams it counted.
        practised: jsonRows<{ userId: string; month: string }>(
          db
            .selectDistinct(named({ userId: teamMonthPeople.userId, month: teamMonthPeople.month }))
            .from(teamMonthPeople)
            .where(
              and(
                eq(teamMonthPeople.organizationId, org),
                gte(teamMonthPeople.month, months[0]),
                lte(teamMonthPeople.month, months[months.length - 1]),
                sql`${teamMonthPeople.replies} > 0`,
                inArray(
                  teamMonthPeople.userId,
                  db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.teamId, team.id)),
                ),
              ),
            ),
        ),
      })
      .from(organizations)
      .where(eq(organizations.id, org)),
    rubricCriteria(),
  ])
  const { rollups, criteria: criterionData, drills: drillRows, practised: practisedRows } = read
  // Timestamps come back as text inside JSON.
  const members = read.members.map((m) => ({
    ...m,
    joinedAt: new Date(m.joinedAt),
    deactivatedAt: m.deactivatedAt === null ? null : new Date(m.deactivatedAt),
  }))
  const drillsOf = drillsIndex(drillRows, months)
  const activeIn = (m: string) => {
    const { start, end } = monthBounds(m)
    return members.filter((p) => p.joinedAt < end && (!p.deactivatedAt || p.deactivatedAt >= start))
  }
  const practisedIn = new Set(practisedRows.map((r) => `${r.month}|${r.userId}`))
  const rollupIndex = new Map(rollups.map((r) => [key(r.teamId, r.month), r]))
  const criterionIndex = new Map(criterionData.map((r) => [`${key(r.teamId, r.month)}|${r.criterionId}`, r]))
  const figures = buildTeamFigures({
    team,
    month,
    months,
    rollups: rollupIndex,
    criterionIndex,
    criteria,
    participationIn: (m) => {
      const active = activeIn(m)
      return { active: active.length, practised: active.filter((p) => practisedIn.has(`${m}|${p.id}`)).length }
    },
    drillsIn: (m) => drillsOf(team.id, m),
    thresholds: t,
    everyMonth: true,
  })
  return {
    month,
    months,
    currentMonth,
    thresholds: t,
    criteria,
    team: figures,
    trend: figures.trend,
    notPractised:
      team.access === 'manage'
        ? activeIn(month)
            .filter((p) => !practisedIn.has(`${month}|${p.id}`))
            .map((p) => ({ id: p.id, name: p.name }))
        : null,
  }
}

export interface PersonalMonth {
  month: string
  /** The person's own mean reply score that month; private to them. */
  score: number | null
  replies: number
}

type PersonalTrendOptions = { now?: Date; months?: number; reviewsWaiting?: Promise<number> | number }

type PersonalMonthRow = { month: string; replies: number; scoreSum: number | null; unlockedReplies: number; unlockedScoreSum: number | null }

/**
 * The signed-in person's own monthly trend, for their home page only. It reads their own finalised
 * replies (one person's rows, by index), never anyone else's — and only replies whose results they
 * have unlocked, by the same rule as the reply page (`resultsUnlock`).
 */
export async function personalTrend(db: Db, actor: Actor, options: PersonalTrendOptions = {}) {
  const { query, build } = personalTrendParts(db, actor, options)
  return build((await query) as PersonalMonthRow[])
}

/** personalTrend as a read a page can send with its other sections' (`readTogether`). */
export function personalTrendRead(db: Db, actor: Actor, options: PersonalTrendOptions = {}) {
  const { query, build } = personalTrendParts(db, actor, options)
  return read(query, build)
}

function personalTrendParts(db: Db, actor: Actor, options: PersonalTrendOptions) {
  const now = options.now ?? new Date()
  const months = monthsEnding(monthOf(now), options.months ?? TREND_MONTHS)
  // Whether each reply's results are unlocked is counted alongside, so the read need not wait for
  // the reviews-waiting count: everything is let in early when nothing is left for them to review.
  const unlocked = sql`(select count(*) from ${reviews} where ${reviews.reviewerId} = ${actor.id} and ${reviews.status} = 'submitted'
          and ${reviews.submittedAt} >= ${replies.submittedAt}) >= ${DEFAULT_REVIEW_RULES.reviewsToUnlock}`
  const monthExpr = sql<string>`to_char(date_trunc('month', ${replies.submittedAt} at time zone 'UTC'), 'YYYY-MM-01')`
  const query = db
    .select(
      named({
        month: monthExpr,
        replies: sql`count(*)::int`,
        scoreSum: sql`sum(${replies.score})`,
        unlockedReplies: sql`(count(*) filter (where ${unlocked}))::int`,
        unlockedScoreSum: sql`sum(${replies.score}) filter (where ${unlocked})`,
      }),
    )
    .from(replies)
    .where(
      and(
        eq(replies.organizationId, actor.organizationId),
        eq(replies.userId, actor.id),
        isNotNull(replies.finalisedAt),
        isNotNull(replies.score),
        gte(replies.submittedAt, new Date(`${months[0]}T00:00:00Z`)),
      ),
    )
    .groupBy(monthExpr)
  const build = async (rows: PersonalMonthRow[]) => {
    // A page that counts the reviews waiting anyway (home) hands its count over instead of a second round trip.
    const poolExhausted = (await (options.reviewsWaiting ?? reviewsWaitingFor(db, actor, now, 1))) === 0
    const byMonth = new Map(
      rows.map((r) => [r.month, poolExhausted ? { n: Number(r.replies), sum: r.scoreSum } : { n: Number(r.unlockedReplies), sum: r.unlockedScoreSum }]),
    )
    const points: PersonalMonth[] = months.map((month) => {
      const row = byMonth.get(month)
      const n = row?.n ?? 0
      return { month, replies: n, score: row && n > 0 ? mean(Number(row.sum), n) : null }
    })
    const scored = points.filter((p) => p.score !== null)
    return {
      months: points,
      totalReplies: points.reduce((sum, p) => sum + p.replies, 0),
      latest: scored.length ? scored[scored.length - 1] : null,
      first: scored.length ? scored[0] : null,
    }
  }
  return { query, build }
}
export type PersonalTrend = Awaited<ReturnType<typeof personalTrend>>
