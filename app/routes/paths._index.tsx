import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Link, useLoaderData } from '@remix-run/react'
import { requireUser } from '~/auth/guards.server'
import { ProgressBar } from '~/lessons/progress-bar'
import { pathsOverview } from '~/lessons/progress.server'
import { errorTitle } from '~/components/error-boundary'
import { cachedUntilNextWrite } from '~/http/page-cache'

// Answered from memory until the next write to the database (app/server/page-cache.server.ts).
export const handle = cachedUntilNextWrite

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Onboarding paths · Rapport' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const overview = await pathsOverview(context.db, user)
  return {
    paths: overview.map((p) => ({
      slug: p.path.slug,
      title: p.path.title,
      summary: p.path.summary,
      audience: p.path.audience,
      isDefault: p.path.default,
      lessons: p.steps.filter((s) => s.kind === 'lesson').length,
      scenarios: p.steps.filter((s) => s.kind === 'scenario').length,
      done: p.done,
      total: p.total,
      complete: p.complete,
      enrolled: p.enrolment !== null,
      nextStep: p.nextStep ? { title: p.nextStep.title, href: p.nextStep.href } : null,
    })),
  }
}

export default function PathsPage() {
  const { paths } = useLoaderData<typeof loader>()
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Onboarding paths</h1>
        <p>
          A path is a short sequence of lessons and real customer situations to practise on, in an order that builds.
          Every new colleague starts with the first one; the others are written for particular teams.
        </p>
      </header>
      <ul className="path-list">
        {paths.map((p) => (
          <li key={p.slug} className={`path-card card${p.enrolled ? ' path-card--enrolled' : ''}`}>
            <p className="path-card__kicker">
              <span>For {p.audience.toLowerCase() === 'everyone' ? 'everyone' : p.audience}</span>
              {p.enrolled ? <span className="badge badge--accent">Your path</span> : null}
              {p.complete ? (
                <span className="badge badge--good">
                  <span aria-hidden="true">✓ </span>Finished
                </span>
              ) : null}
            </p>
            <h2 className="path-card__title">
              <Link to={`/paths/${p.slug}`}>{p.title}</Link>
            </h2>
            <p className="path-card__summary">{p.summary}</p>
            <p className="path-card__shape muted small">
              {p.lessons} {p.lessons === 1 ? 'lesson' : 'lessons'} · {p.scenarios} {p.scenarios === 1 ? 'scenario' : 'scenarios'}
            </p>
            <ProgressBar done={p.done} total={p.total} label={`${p.title} progress`} size="small" />
            {p.nextStep && (p.enrolled || p.done > 0) ? (
              <p className="path-card__next small">
                {p.done > 0 ? 'Next' : 'Start with'}: <Link to={p.nextStep.href}>{p.nextStep.title}</Link>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
