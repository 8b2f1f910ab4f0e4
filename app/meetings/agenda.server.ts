// A meeting's agenda, built only from the monthly rollups (through the insights domain) and the
// meeting's own tables: never a scan of replies or reviews at request time. The meeting of month M
// looks back at month M−1, the last complete month.
import { and, asc, eq, gte, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { scenarios, teamMonthScenarioRollups, type Meeting } from '#db/schema'
import { addMonths, monthParam, type Cci, type CciThresholds } from '~/insights/cci'
import { getTeamInsights, type DrillsFigure, type TeamInsights, type TrendPoint } from '~/insights/insights.server'
import { named, read, readTogether, type Read } from '~/query/json-rows.server'
import { getAuthoredScenario } from '~/scenarios/authored-scenarios.server'
import { carriedActionsRead, type ActionItemView } from './action-items.server'
import type { DrillsOnTime } from './drills-on-time.server'
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

type HardestRow = { slug: string; replies: number; scoreSum: number; importedTitle: string | null }

/** The team-month's hardest scenario (lowest mean, enough replies), its imported title read alongside. */
function hardestScenarioRead(db: Db, organizationId: string, teamId: string, month: string): Read<HardestRow, Agenda['hardestScenario']> {
  const r = teamMonthScenarioRollups
  return read(
    db
      .select(
        named({
          slug: r.scenarioSlug,
          replies: r.replies,
          scoreSum: r.scoreSum,
          importedTitle: sql`(select ${scenarios.document}->>'title' from ${scenarios} where ${scenarios.organizationId} = ${organizationId} and ${scenarios.slug} = ${r.scenarioSlug} limit 1)`,
        }),
      )
      .from(r)
      .where(and(eq(r.organizationId, organizationId), eq(r.teamId, teamId), eq(r.month, month), gte(r.replies, MIN_SCENARIO_REPLIES)))
      .orderBy(sql`${r.scoreSum} / ${r.replies}`, asc(r.scenarioSlug))
      .limit(1),
    async ([row]) => {
      if (!row) return null
      const title = (await getAuthoredScenario(row.slug))?.title || (row.importedTitle ?? row.slug)
      return { slug: row.slug, title, replies: row.replies, mean: row.scoreSum / row.replies }
    },
  )
}

/** The agenda's reads from the meeting's own tables and the scenario rollup, to send with a page's other reads. */
export function agendaReads(db: Db, meeting: Pick<Meeting, 'id' | 'organizationId' | 'teamId' | 'month'>) {
  return {
    carried: carriedActionsRead(db, meeting),
    hardest: hardestScenarioRead(db, meeting.organizationId, meeting.teamId, reviewMonthOf(meeting)),
  }
}

/** The team's figures for the month a meeting looks at (the insights domain's own reads). */
export function agendaInsights(db: Db, meeting: Pick<Meeting, 'organizationId' | 'month'>, teamSlug: string, now = new Date()) {
  // The caller has checked the viewer may see this meeting; the figures are the team's aggregate.
  const system = { id: '00000000-0000-0000-0000-000000000000', organizationId: meeting.organizationId, role: 'admin' as const }
  return getTeamInsights(db, system, teamSlug, { month: monthParam(reviewMonthOf(meeting)), now })
}

/** The drills figure of the insights' month, as the agenda shows it. */
function drillsOnTimeOf(figure: DrillsFigure | null): DrillsOnTime {
  if (!figure || figure.due <= 0) return { available: false }
  return { available: true, due: figure.due, doneOnTime: figure.doneOnTime, share: figure.share }
}

export async function buildAgenda(
  db: Db,
  meeting: Pick<Meeting, 'id' | 'organizationId' | 'teamId' | 'month'>,
  teamSlug: string,
  now = new Date(),
): Promise<Agenda> {
  const [insights, { carried, hardest }] = await Promise.all([
    agendaInsights(db, meeting, teamSlug, now),
    readTogether(db, agendaReads(db, meeting)),
  ])
  return assembleAgenda(insights, carried, hardest)
}

/** The agenda from the team's insights and the agenda's own reads. */
export function assembleAgenda(insights: TeamInsights, carried: ActionItemView[], hardest: Agenda['hardestScenario']): Agenda {
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
      drills: drillsOnTimeOf(insights.team.drills),
    },
    hardestScenario: hardest,
    lastActions,
  }
}
