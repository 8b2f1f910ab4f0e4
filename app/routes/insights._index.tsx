import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireUser } from '~/auth/guards.server'
import { GeneralErrorBoundary, errorTitle } from '~/components/error-boundary'
import { formatDrillsOnTime, formatScore, formatShare, monthLabel, monthParam, monthsEnding, shortCriterion } from '~/insights/cci'
import { CriteriaHeatmap, Responsive, TrendChart, trendDomain } from '~/insights/charts'
import { CciDefinition, CciValue, ChangeBadge, CriteriaTable, MonthPicker, TrendTable } from '~/insights/components'
import { getOrganizationInsights, type TeamAccess } from '~/insights/insights.server'
import { insightsScope } from '~/insights/scope'
import type { OrgRole } from '~/org/roles'
import { createServerTiming } from '~/http/server-timing.server'
import { cachedUntilNextWrite } from '~/http/page-cache'

export { serverTimingHeaders as headers } from '~/http/server-timing.server'

// Answered from memory until the next write to the database (app/server/page-cache.server.ts).
export const handle = cachedUntilNextWrite

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  { title: error || !data ? errorTitle(error) : `${scopeOf(data.role, data.insights.teams).title} · Insights · Rapport` },
]

const scopeOf = (role: OrgRole, teams: { access: TeamAccess }[]) => insightsScope(role, teams.map((t) => t.access))

const querySchema = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/).optional().catch(undefined) })

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const { month } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const timing = createServerTiming()
  const insights = await timing.time('insights', () => getOrganizationInsights(context.db, user, { month }), 'teams, criteria, hardest scenarios')
  return data({ insights, role: user.role }, { headers: timing.headers() })
}

const ACCESS_NOTE = {
  manage: null,
  member: 'your team',
  aggregate: 'aggregate only',
} as const

export default function InsightsPage() {
  const { insights, role } = useLoaderData<typeof loader>()
  const scope = scopeOf(role, insights.teams)
  const { teams, criteria, thresholds, month, currentMonth } = insights
  const domain = trendDomain(teams.flatMap((t) => t.trend.flatMap((p) => [p.cci.low, p.cci.high])))
  const heatmapTeams = teams.filter((t) => t.criteria)
  const heatmap = {
    title: `Criteria by team, ${monthLabel(month)}`,
    description: `Heatmap of ${heatmapTeams.length} teams by ${criteria.length} rubric criteria, each on a 0 to 100 scale; the data table below lists every value.`,
    columns: criteria.map(shortCriterion),
    rows: heatmapTeams.map((t) => ({ label: t.name, values: (t.criteria ?? []).map((c) => c.value) })),
  }
  const csvHref = `/insights.csv?month=${monthParam(month)}`
  const pickerMonths = monthsEnding(currentMonth, 13).reverse()
  return (
    <div className="stack insights">
      <header className="page-header">
        <h1>{scope.title}</h1>
        <p>
          How warmly and helpfully each department answers customers in practice — engineering, finance and marketing as much as
          support and sales. {monthLabel(month)}
          {month === currentMonth ? ' so far' : ''}, with the twelve months before it.
        </p>
        {scope.note ? <p className="insights__scope">{scope.note}</p> : null}
        <div className="row insights__tools">
          <MonthPicker month={month} currentMonth={currentMonth} months={pickerMonths} />
          <a className="button button--quiet" href={csvHref} download>
            Download the figures (CSV)
          </a>
        </div>
      </header>

      <CciDefinition thresholds={thresholds} />

      <section aria-labelledby="teams-heading">
        <h2 id="teams-heading">
          {scope.teamsHeading} in {monthLabel(month)}
        </h2>
        {teams.length === 0 ? (
          <p className="empty">You are not in a team yet, so there are no figures to show you. Ask your manager or an admin to add you to one.</p>
        ) : (
          <ul className="team-grid" aria-label="Teams">
            {teams.map((team) => (
              <li key={team.id} className="card team-card">
                <div className="team-card__head">
                  <h3 id={`team-${team.slug}`}>
                    <Link to={`/insights/teams/${team.slug}?month=${monthParam(month)}`}>{team.name}</Link>
                  </h3>
                  <span className="row team-card__badges">
                    {team.customerFacing ? <span className="badge">faces customers</span> : <span className="badge">behind the scenes</span>}
                    {ACCESS_NOTE[team.access] ? <span className="badge badge--accent">{ACCESS_NOTE[team.access]}</span> : null}
                  </span>
                </div>
                <CciValue cci={team.cci} thresholds={thresholds} size="small" />
                <p className="row small team-card__facts">
                  <ChangeBadge change={team.change} />
                  <span>
                    Participation <strong>{formatShare(team.participation)}</strong> ({team.practised} of{' '}
                    {team.activeMembers})
                  </span>
                  <span>
                    Drills done on time <strong>{formatDrillsOnTime(team.drills)}</strong>
                    {team.drills?.due ? ` (${team.drills.doneOnTime} of ${team.drills.due})` : null}
                  </span>
                  <span>
                    Reviews given <strong>{team.reviewsGiven}</strong>
                  </span>
                </p>
                <TrendChart
                  id={`trend-${team.slug}`}
                  title={`${team.name}: CCI over 12 months`}
                  description={trendDescription(team.name, team.trend)}
                  data={team.trend.map((p) => ({ month: p.month, value: p.cci.value, low: p.cci.low, high: p.cci.high }))}
                  domain={domain}
                />
                <TrendTable
                  caption={`${team.name}: CCI per month`}
                  rows={team.trend.map((p) => ({ month: p.month, cci: p.cci, reviewsGiven: p.reviewsGiven }))}
                />
              </li>
            ))}
          </ul>
        )}
        <p className="small muted chart-legend">
          <span>
            <span className="legend-line" aria-hidden="true" /> CCI
          </span>
          <span>
            <span className="legend-band" aria-hidden="true" /> 95% band
          </span>
          <span>
            <span className="legend-gap" aria-hidden="true" /> not enough data
          </span>
          <span>All teams share one scale.</span>
        </p>
      </section>

      {heatmapTeams.length ? (
        <section aria-labelledby="criteria-heading">
          <h2 id="criteria-heading">Criteria by team, {monthLabel(month)}</h2>
          <p className="muted">
            Each cell is the team’s mean rubric level on that criterion, on the same 0–100 scale. Darker is stronger; “–” means
            not enough data.
          </p>
          <div className="chart-box">
            <Responsive
              wide={<CriteriaHeatmap id="criteria-heatmap" {...heatmap} />}
              narrow={<CriteriaHeatmap id="criteria-heatmap-narrow" variant="narrow" {...heatmap} />}
            />
          </div>
          <details className="chart-data">
            <summary>Data table</summary>
            <CriteriaTable
              label={`Criteria by team, ${monthLabel(month)}`}
              rowHeader="Team"
              criteria={criteria}
              rows={heatmapTeams.map((t) => ({ key: t.id, label: t.name, criteria: t.criteria }))}
              empty="not enough data"
            />
          </details>
        </section>
      ) : null}

      <section aria-labelledby="hardest-heading">
        <h2 id="hardest-heading">The scenarios we find hardest</h2>
        <p className="muted">
          Lowest mean reply score across the whole organization over these twelve months (at least {thresholds.minScenarioReplies}{' '}
          reviewed replies each).
        </p>
        {insights.hardestScenarios.length ? (
          <ol className="hardest">
            {insights.hardestScenarios.map((s) => (
              <li key={s.slug}>
                <Link to={`/scenarios/${s.slug}`}>{s.title}</Link>{' '}
                <span className="muted small">
                  mean {formatScore(s.mean)} · n = {s.replies}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="empty">No scenario has enough reviewed replies yet.</p>
        )}
      </section>
    </div>
  )
}

function trendDescription(name: string, trend: { month: string; cci: { value: number | null } }[]) {
  const shown = trend.filter((p) => p.cci.value !== null)
  if (!shown.length) return `${name} has no month with enough data in these twelve months.`
  const first = shown[0]
  const last = shown[shown.length - 1]
  return `Line chart of ${name}'s monthly CCI from ${monthLabel(trend[0].month)} to ${monthLabel(trend[trend.length - 1].month)}: ${formatScore(first.cci.value)} in ${monthLabel(first.month)}, ${formatScore(last.cci.value)} in ${monthLabel(last.month)}; ${trend.length - shown.length} months without enough data.`
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
