// A meeting's agenda, built only from the monthly rollups (through the insights domain) and the
// meeting's own tables: never a scan of replies or reviews at request time. The meeting of month M
// looks back at month M−1, the last complete month.
import { and, asc, eq, gte, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { scenarios, teamMonthScenarioRollups, type Meeting } from '#db/schema'
import { addMonths, monthParam, type Cci, type CciThresholds } from '~/insights/cci'
import { getTeamInsights, type TrendPoint } from '~/insights/insights.server'
import { getAuthoredScenario } from '~/scenarios/authored-scenarios.server'
import { carriedActions, type ActionItemView } from './action-items.server'
import { drillsOnTimeFor, type DrillsOnTime } from './drills-on-time.server'
import { actionOutcome, type ActionOutcome } from './outcome'

/** A team-month scenario needs this many reviewed replies before it can be called the hardest. */
export const MIN_SCENARIO_REPLIES = 3

export interface CriterionRow {
  id: string
  name: string
  value: number | null
  previous: number | null
  change: number | null
}

export interface CarriedAction extends ActionItemView {
  outcome: ActionOutcome | null
}

export interface Agenda {
  reviewMonth: string
  previousMonth: string
  thresholds: CciThresholds
  cci: { current: Cci; previous: Cci; change: number | null }
  criteria: { rows: CriterionRow[]; mostImproved: CriterionRow | null; weakest: CriterionRow | null }
  participation: { practised: number; activeMembers: number; share: number | null; reviewsGiven: number; drills: DrillsOnTime }
  hardestScenario: { slug: string; title: string; replies: number; mean: number } | null
  lastActions: CarriedAction[]
}

/** The month a meeting looks at. */
export const reviewMonthOf = (meeting: Pick<Meeting, 'month'>) => addMonths(meeting.month, -1)

/** A metric's value in one trend month: the CCI or a criterion (0–100), null when not enough data. */
export function metricValue(point: TrendPoint | undefined, metric: string): number | null {
  if (!point) return null
  if (metric === 'cci') return point.cci.value
  return point.criteria?.find((c) => c.criterionId === metric)?.value ?? null
}

async function hardestScenarioOf(db: Db, organizationId: string, teamId: string, month: string) {
  const r = teamMonthScenarioRollups
  const [row] = await db
    .select({ slug: r.scenarioSlug, replies: r.replies, scoreSum: r.scoreSum })
    .from(r)
    .where(and(eq(r.organizationId, organizationId), eq(r.teamId, teamId), eq(r.month, month), gte(r.replies, MIN_SCENARIO_REPLIES)))
    .orderBy(sql`${r.scoreSum} / ${r.replies}`, asc(r.scenarioSlug))
    .limit(1)
  if (!row) return null
  const authored = await getAuthoredScenario(row.slug)
  let title = authored?.title
  if (!title) {
    const [imported] = await db
      .select({ title: sql<string | null>`${scenarios.document}->>'title'` })
      .from(scenarios)
      .where(and(eq(scenarios.organizationId, organizationId), eq(scenarios.slug, row.slug)))
    title = imported?.title ?? row.slug
  }
  return { slug: row.slug, title, replies: row.replies, mean: row.scoreSum / row.replies }
}

export async function buildAgenda(
  db: Db,
  meeting: Pick<Meeting, 'id' | 'organizationId' | 'teamId' | 'month'>,
  teamSlug: string,
  now = new Date(),
): Promise<Agenda> {
  const reviewMonth = reviewMonthOf(meeting)
  // The caller has checked the viewer may see this meeting; the figures are the team's aggregate.
  const system = { id: '00000000-0000-0000-0000-000000000000', organizationId: meeting.organizationId, role: 'admin' as const }
  const [insights, carried, hardest, drills] = await Promise.all([
    getTeamInsights(db, system, teamSlug, { month: monthParam(reviewMonth), now }),
    carriedActions(db, meeting),
    hardestScenarioOf(db, meeting.organizationId, meeting.teamId, reviewMonth),
    drillsOnTimeFor(db, { organizationId: meeting.organizationId, teamId: meeting.teamId }, reviewMonth),
  ])
  const trend = insights.trend
  const pointAt = (month: string) => trend.find((p) => p.month === month)
  const current = pointAt(insights.month) ?? trend[trend.length - 1]
  const previous = pointAt(addMonths(insights.month, -1))

  const rows: CriterionRow[] = insights.criteria.map((criterion) => {
    const value = metricValue(current, criterion.id)
    const before = metricValue(previous, criterion.id)
    return {
      id: criterion.id,
      name: criterion.name,
      value,
      previous: before,
      change: value !== null && before !== null ? value - before : null,
    }
  })
  const withChange = rows.filter((r) => r.change !== null)
  const withValue = rows.filter((r) => r.value !== null)
  const mostImproved = withChange.length ? withChange.reduce((best, r) => (r.change! > best.change! ? r : best)) : null
  const weakest = withValue.length ? withValue.reduce((low, r) => (r.value! < low.value! ? r : low)) : null

  const currentMonth = insights.currentMonth
  const lastActions: CarriedAction[] = carried.map((action) => {
    if (!action.metric || action.targetChange === null) return { ...action, outcome: null }
    // The action's meeting looked at month B; it should move the metric by the month after, B+1.
    const baselineMonth = addMonths(action.meetingMonth, -1)
    const targetMonth = addMonths(baselineMonth, 1)
    return {
      ...action,
      outcome: actionOutcome({
        targetChange: action.targetChange,
        baseline: metricValue(pointAt(baselineMonth), action.metric),
        latest: metricValue(pointAt(targetMonth), action.metric),
        started: targetMonth <= currentMonth && Boolean(pointAt(targetMonth)),
        final: targetMonth < currentMonth,
      }),
    }
  })

  return {
    reviewMonth: insights.month,
    previousMonth: addMonths(insights.month, -1),
    thresholds: insights.thresholds,
    cci: { current: current.cci, previous: previous?.cci ?? current.cci, change: insights.team.change },
    criteria: { rows, mostImproved: mostImproved && mostImproved.change! > 0 ? mostImproved : null, weakest },
    participation: {
      practised: insights.team.practised,
      activeMembers: insights.team.activeMembers,
      share: insights.team.participation,
      reviewsGiven: insights.team.reviewsGiven,
      drills,
    },
    hardestScenario: hardest,
    lastActions,
  }
}
