// What the team page (`/insights/teams/:slug`) shows, and nothing more. A loader's data is written
// into the page's HTML for hydration, so every field here costs bytes on every request: ids the
// page does not link to, per-criterion reply counts, the members counted per month and other
// figures it never renders, and user ids, stay on the server (the CSV route reads getTeamInsights itself).
import type { CriterionFigure, DrillsFigure, TeamInsights, TrendPoint } from './insights.server'
import type { openActionsOfTeam } from '~/meetings/action-items.server'

type OpenActions = Awaited<ReturnType<typeof openActionsOfTeam>>

const criteriaView = (figures: CriterionFigure[] | null) => figures?.map(({ criterionId, value }) => ({ criterionId, value })) ?? null

const drillsView = (drills: DrillsFigure | null) => (drills ? { due: drills.due, doneOnTime: drills.doneOnTime, share: drills.share } : null)

const trendView = (point: TrendPoint) => ({
  month: point.month,
  cci: point.cci,
  participation: point.participation,
  drills: point.drills ? { due: point.drills.due, share: point.drills.share } : null,
  reviewsGiven: point.reviewsGiven,
  criteria: criteriaView(point.criteria),
})

export function teamPageData(insights: TeamInsights, openActions: OpenActions) {
  const { team } = insights
  return {
    insights: {
      month: insights.month,
      currentMonth: insights.currentMonth,
      thresholds: insights.thresholds,
      criteria: insights.criteria.map(({ id, name }) => ({ id, name })),
      team: {
        name: team.name,
        slug: team.slug,
        access: team.access,
        cci: team.cci,
        change: team.change,
        practised: team.practised,
        activeMembers: team.activeMembers,
        participation: team.participation,
        reviewsGiven: team.reviewsGiven,
        drills: drillsView(team.drills),
        criteria: criteriaView(team.criteria),
      },
      trend: insights.trend.map(trendView),
      // Names only: the list is rendered once and never reordered, so its keys need no ids.
      notPractised: insights.notPractised?.map(({ name }) => ({ name })) ?? null,
    },
    openActions:
      openActions?.map((item) => ({
        id: item.id,
        meetingId: item.meetingId,
        text: item.text,
        ownerName: item.ownerName,
        dueOn: item.dueOn,
        metricName: item.metricName,
        targetChange: item.targetChange,
      })) ?? null,
  }
}
