import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireRole } from '~/auth/guards.server'
import { GeneralErrorBoundary, errorTitle } from '~/components/error-boundary'
import { ProgressBar } from '~/lessons/progress-bar'
import { daysAgoText, STUCK_AFTER_DAYS } from '~/lessons/progress'
import { teamOnboarding } from '~/lessons/progress.server'
import { getTeamBySlug } from '~/org/teams.server'
import { cachedUntilNextWrite } from '~/http/page-cache'

// Answered from memory until the next write to the database (app/server/page-cache.server.ts).
export const handle = cachedUntilNextWrite

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Team onboarding · Rapport' }]

const querySchema = z.object({ team: z.string().trim().max(60).catch('') })

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireRole(context, request, ['admin', 'manager'])
  const { team } = querySchema.parse({ team: new URL(request.url).searchParams.get('team') ?? '' })
  const teamId = team ? (await getTeamBySlug(context.db, actor, team)).id : undefined
  const report = await teamOnboarding(context.db, actor, teamId)
  return {
    scope: actor.role === 'admin' ? ('organization' as const) : ('led' as const),
    selected: team,
    teams: report.teams.map((t) => ({ slug: t.slug, name: t.name })),
    summary: report.summary,
    people: report.people.map((p) => ({
      key: `${p.userId}:${p.path.slug}`,
      name: p.name,
      teams: p.teams,
      path: { slug: p.path.slug, title: p.path.title },
      done: p.done,
      total: p.total,
      complete: p.complete,
      stuck: p.stuck,
      nextStep: p.nextStep,
      daysSinceActivity: p.daysSinceActivity,
    })),
  }
}

export default function TeamOnboardingPage() {
  const { scope, selected, teams, summary, people } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Team onboarding</h1>
        <p>
          Where each person on an onboarding path has got to, {scope === 'organization' ? 'in every team' : 'in the teams you lead'}. Someone with no progress for more than{' '}
          {STUCK_AFTER_DAYS} days is marked <strong>stuck</strong> — a friendly word from you usually unsticks them.
        </p>
      </header>

      <ul className="onboarding-summary" aria-label="Summary">
        <li className="card">
          <span className="onboarding-summary__figure">{summary.enrolled}</span>
          <span>{summary.enrolled === 1 ? 'person' : 'people'} on a path</span>
        </li>
        <li className={`card${summary.stuck ? ' onboarding-summary--warn' : ''}`}>
          <span className="onboarding-summary__figure">{summary.stuck}</span>
          <span>stuck for over {STUCK_AFTER_DAYS} days</span>
        </li>
        <li className="card">
          <span className="onboarding-summary__figure">{summary.complete}</span>
          <span>{summary.complete === 1 ? 'path' : 'paths'} finished</span>
        </li>
      </ul>

      {teams.length > 1 ? (
        <Form method="get" className="form--inline onboarding-filter">
          <div className="field">
            <label htmlFor="onboarding-team">Team</label>
            <select id="onboarding-team" name="team" defaultValue={selected}>
              <option value="">{scope === 'organization' ? 'All teams' : 'All my teams'}</option>
              {teams.map((t) => (
                <option key={t.slug} value={t.slug}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button--secondary">
            Show
          </button>
        </Form>
      ) : null}

      {people.length === 0 ? (
        <div className="empty">
          <p>Nobody in {selected ? 'this team' : scope === 'organization' ? 'any team' : 'your teams'} is on an onboarding path right now.</p>
          <p>
            People you invite start on the first path when they join. <Link to="/admin/invitations">Invite someone</Link>
          </p>
        </div>
      ) : (
        <div className="table-wrap">
          <table className="onboarding-table table--cards">
            <caption className="visually-hidden">Onboarding progress by person</caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Path</th>
                <th scope="col">Progress</th>
                <th scope="col">Next step</th>
                <th scope="col">Last progress</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {people.map((p) => (
                <tr key={p.key} className={p.stuck ? 'onboarding-row--stuck' : undefined}>
                  <th scope="row">
                    <span className="onboarding-person">{p.name}</span>
                    <span className="muted small">{p.teams.join(', ')}</span>
                  </th>
                  <td data-label="Path">
                    <Link to={`/paths/${p.path.slug}`}>{p.path.title}</Link>
                  </td>
                  <td className="onboarding-table__progress" data-label="Progress">
                    <ProgressBar done={p.done} total={p.total} label={`${p.name}: ${p.path.title} progress`} size="small" />
                  </td>
                  <td data-label="Next step">{p.nextStep ? <Link to={p.nextStep.href}>{p.nextStep.title}</Link> : <span className="muted">—</span>}</td>
                  <td data-label="Last progress">{daysAgoText(p.daysSinceActivity)}</td>
                  <td data-label="Status">
                    {p.complete ? (
                      <span className="badge badge--good">Finished</span>
                    ) : p.stuck ? (
                      <span className="badge badge--warn">Stuck</span>
                    ) : (
                      <span className="badge">On track</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
