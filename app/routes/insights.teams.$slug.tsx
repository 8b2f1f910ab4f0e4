import { data, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireUser } from '~/auth/guards.server'
import { GeneralErrorBoundary, errorTitle } from '~/components/error-boundary'
import { invariantResponse } from '~/http/responses.server'
import { formatDrillsOnTime, formatShare, monthLabel, monthParam, monthsEnding, shortCriterion } from '~/insights/cci'
import { BarsChart, ColumnsChart, Responsive, TrendChart, trendDomain } from '~/insights/charts'
import { openActionsOfTeam } from '~/meetings/action-items.server'
import { OpenActionItems } from '~/meetings/components/open-action-items'
import { CciDefinition, CciValue, ChangeBadge, CriteriaTable, MonthPicker, TrendTable } from '~/insights/components'
import { getTeamInsights } from '~/insights/insights.server'
import { teamPageData } from '~/insights/team-page.server'
import { createServerTiming } from '~/http/server-timing.server'
import { cachedUntilNextWrite } from '~/http/page-cache'

export { serverTimingHeaders as headers } from '~/http/server-timing.server'

// Answered from memory until the next write to the database (app/server/page-cache.server.ts).
export const handle = cachedUntilNextWrite

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  { title: data && !error ? `${data.insights.team.name} · Insights · Rapport` : errorTitle(error) },
]

const querySchema = z.object({ month: z.string().regex(/^\d{4}-\d{2}$/).optional().catch(undefined) })

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  invariantResponse(params.slug, 'A team is needed.', { status: 404 })
  const { month } = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
  const timing = createServerTiming()
  const slug = params.slug
  const insights = await timing.time('insights', () => getTeamInsights(context.db, user, slug, { month }), 'team trend, criteria, participation')
  // The team's access as insights worked it out: managing it, being in it, or seeing it in aggregate only.
  const access = insights.team.access
  const openActions = await openActionsOfTeam(context.db, user, insights.team.id, { visible: access !== 'aggregate', manages: access === 'manage' })
  return data(teamPageData(insights, openActions), { headers: timing.headers() })
}

export default function TeamInsightsPage() {
  const { insights, openActions } = useLoaderData<typeof loader>()
  const { team, trend, criteria, thresholds, month, currentMonth, notPractised } = insights
  const monthName = monthLabel(month)
  const trendChart = {
    title: `${team.name}: CCI per month with its 95% band`,
    description: `Line chart of ${team.name}'s monthly CCI from ${monthLabel(trend[0].month)} to ${monthName}; the shaded band is the 95% band, gaps are months without enough data. The data table below lists every month.`,
    data: trend.map((p) => ({ month: p.month, value: p.cci.value, low: p.cci.low, high: p.cci.high })),
    domain: trendDomain(trend.flatMap((p) => [p.cci.low, p.cci.high])),
  }
  const barsChart = (figures: NonNullable<typeof team.criteria>) => ({
    title: `${team.name}: criteria in ${monthName}`,
    description: `Bar chart of ${team.name}'s rubric criteria in ${monthName}, each from 0 to 100. The data table below lists them with their monthly history.`,
    bars: figures.map((c) => ({
      label: shortCriterion(criteria.find((k) => k.id === c.criterionId) ?? { id: c.criterionId, name: c.criterionId }),
      value: c.value,
    })),
  })
  const columnsChart = {
    title: `${team.name}: participation per month`,
    description: `Column chart of the share of ${team.name}'s active members who practised each month, from ${monthLabel(trend[0].month)} to ${monthName}. The trend data table above lists every month.`,
    columns: trend.map((p) => ({ month: p.month, share: p.participation })),
  }
  return (
    <div className="stack insights">
      <p className="small">
        <Link to={`/insights?month=${monthParam(month)}`}>← All teams</Link>
      </p>
      <header className="page-header">
        <h1>{team.name}: customer-centricity</h1>
        <p>
          {monthName}
          {month === currentMonth ? ' so far' : ''}, with the twelve months before it.{' '}
          {team.access === 'aggregate'
            ? 'You are seeing this team in aggregate: its index and participation, without criteria or names.'
            : team.access === 'member'
              ? 'Your team’s figures; nobody’s individual scores are shown.'
              : null}
        </p>
        <div className="row insights__tools">
          <MonthPicker month={month} currentMonth={currentMonth} months={monthsEnding(currentMonth, 13).reverse()} />
          <a className="button button--quiet" href={`/insights/teams/${team.slug}.csv?month=${monthParam(month)}`} download>
            Download the figures (CSV)
          </a>
        </div>
      </header>

      <section aria-labelledby="summary-heading" className="card">
        <h2 id="summary-heading" className="visually-hidden">
          {monthName} in figures
        </h2>
        <div className="team-summary">
          <div>
            <p className="stat__label">CCI, {monthName}</p>
            <CciValue cci={team.cci} thresholds={thresholds} />
            <ChangeBadge change={team.change} />
          </div>
          <dl className="stats">
            <div>
              <dt>Participation</dt>
              <dd>
                {formatShare(team.participation)}{' '}
                <span className="small muted">
                  ({team.practised} of {team.activeMembers} people)
                </span>
              </dd>
            </div>
            <div>
              <dt>Drills done on time</dt>
              <dd>
                {formatDrillsOnTime(team.drills)}
                {team.drills?.due ? (
                  <>
                    {' '}
                    <span className="small muted">
                      ({team.drills.doneOnTime} of {team.drills.due} due)
                    </span>
                  </>
                ) : null}
              </dd>
            </div>
            <div>
              <dt>Reviewed replies</dt>
              <dd>{team.cci.replies}</dd>
            </div>
            <div>
              <dt>Reviewers in the team</dt>
              <dd>{team.cci.reviewers}</dd>
            </div>
            <div>
              <dt>Reviews given</dt>
              <dd>{team.reviewsGiven}</dd>
            </div>
          </dl>
        </div>
      </section>

      <section aria-labelledby="trend-heading">
        <h2 id="trend-heading">Twelve-month trend</h2>
        <div className="chart-box">
          <Responsive
            wide={<TrendChart id="team-trend" size="large" {...trendChart} />}
            narrow={<TrendChart id="team-trend-narrow" size="narrow" {...trendChart} />}
          />
        </div>
        <TrendTable
          caption={`${team.name}: CCI, participation, drills done on time and reviews per month`}
          rows={trend.map((p) => ({
            month: p.month,
            cci: p.cci,
            participation: p.participation,
            drills: p.drills,
            reviewsGiven: p.reviewsGiven,
          }))}
        />
      </section>

      {team.criteria ? (
        <section aria-labelledby="criteria-heading">
          <h2 id="criteria-heading">Criteria, {monthName}</h2>
          <p className="muted">Mean rubric level per criterion, on the 0–100 scale of the index.</p>
          <div className="chart-box">
            <Responsive
              wide={<BarsChart id="team-criteria" {...barsChart(team.criteria)} />}
              narrow={<BarsChart id="team-criteria-narrow" width={360} {...barsChart(team.criteria)} />}
            />
          </div>
          <details className="chart-data">
            <summary>Data table</summary>
            <CriteriaTable
              label={`${team.name}: criteria per month`}
              rowHeader="Month"
              criteria={criteria}
              rows={trend.map((p) => ({ key: p.month, label: monthLabel(p.month), criteria: p.criteria }))}
              empty="–"
            />
          </details>
        </section>
      ) : null}

      <section aria-labelledby="participation-heading">
        <h2 id="participation-heading">Participation</h2>
        <p className="muted">Share of the team’s active members who had a reply reviewed each month.</p>
        <div className="chart-box">
          <Responsive
            wide={<ColumnsChart id="team-participation" {...columnsChart} />}
            narrow={<ColumnsChart id="team-participation-narrow" width={360} height={200} {...columnsChart} />}
          />
        </div>
      </section>

      {notPractised ? (
        <section aria-labelledby="not-practised-heading" className="card">
          <h2 id="not-practised-heading">Not practised in {monthName}</h2>
          {notPractised.length ? (
            <>
              <p className="small muted">Names only: nobody’s scores are shown here. A reply counts once its reviews are in.</p>
              <ul className="name-list">
                {notPractised.map((p, i) => (
                  <li key={i}>{p.name}</li>
                ))}
              </ul>
            </>
          ) : (
            <p>Everyone in {team.name} has had a reply reviewed this month.</p>
          )}
        </section>
      ) : null}

      {openActions ? <OpenActionItems items={openActions} teamName={team.name} /> : null}

      <CciDefinition thresholds={thresholds} />
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
