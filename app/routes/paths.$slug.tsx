import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireUser } from '~/auth/guards.server'
import { GeneralErrorBoundary, errorTitle } from '~/components/error-boundary'
import { ProgressBar } from '~/lessons/progress-bar'
import { enrol, pathProgress } from '~/lessons/progress.server'
import { readForm } from '~/http/form.server'
import { cachedUntilNextWrite } from '~/http/page-cache'

// Answered from memory until the next write to the database (app/server/page-cache.server.ts).
export const handle = cachedUntilNextWrite

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  { title: data && !error ? `${data.progress.path.title} · Paths · Rapport` : errorTitle(error) },
]

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const progress = await pathProgress(context.db, user, params.slug ?? '')
  return { progress }
}

const actionSchema = z.object({ intent: z.literal('enrol') })

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = requireUser(context, request)
  const { form, invalid } = await readForm(request)
  if (invalid) return invalid
  const parsed = actionSchema.safeParse(Object.fromEntries(form))
  if (!parsed.success) throw new Response('That form did not look right.', { status: 400 })
  const result = await enrol(context.db, user, params.slug ?? '')
  return { enrolled: result.newlyEnrolled }
}

export default function PathPage() {
  const { progress } = useLoaderData<typeof loader>()
  const { path, steps, done, total, complete, nextStep, enrolment } = progress
  return (
    <div className="path-page">
      <p className="lesson__back">
        <Link to="/paths">← All paths</Link>
      </p>
      <header className="page-header path-page__header">
        <p className="path-card__kicker">
          <span>Onboarding path · for {path.audience.toLowerCase() === 'everyone' ? 'everyone' : path.audience}</span>
          {enrolment ? <span className="badge badge--accent">Your path</span> : null}
        </p>
        <h1>{path.title}</h1>
        <p>{path.summary}</p>
      </header>

      <section className="card path-page__progress" aria-labelledby="progress-title">
        <h2 id="progress-title" className="visually-hidden">
          Your progress
        </h2>
        <ProgressBar done={done} total={total} label={`${path.title} progress`} />
        {complete ? (
          <p className="form-success" role="status">
            <span aria-hidden="true">✓ </span>You finished every step of this path.
          </p>
        ) : nextStep ? (
          <p className="path-page__next">
            <span className="badge badge--accent">Next up</span> Step {nextStep.position}:{' '}
            <Link to={nextStep.href}>{nextStep.title}</Link>
          </p>
        ) : null}
        {!enrolment ? (
          <Form method="post" className="row">
            <input type="hidden" name="intent" value="enrol" />
            <button type="submit" className="button--secondary">
              Follow this path
            </button>
            <span className="muted small">It will show on your home page as “next up”.</span>
          </Form>
        ) : null}
      </section>

      <ol className="path-steps" aria-label="Steps">
        {steps.map((step) => {
          const isNext = nextStep?.position === step.position
          return (
            <li
              key={step.position}
              className={`path-step${step.done ? ' path-step--done' : ''}${isNext ? ' path-step--next' : ''}`}
              aria-current={isNext ? 'step' : undefined}
            >
              <span className="path-step__marker" aria-hidden="true">
                {step.done ? '✓' : step.position}
              </span>
              <div className="path-step__body">
                <p className="path-step__kind">
                  {step.kind === 'lesson' ? `Lesson${step.minutes ? ` · ${step.minutes} min read` : ''}` : 'Scenario · write a reply'}
                  {isNext ? <span className="badge badge--accent">Next up</span> : null}
                </p>
                <h2 className="path-step__title">
                  <Link to={step.href}>{step.title}</Link>
                </h2>
                <p className="visually-hidden">
                  {step.done ? 'Done.' : isNext ? 'Not done yet; this is your next step.' : 'Not done yet.'}
                </p>
              </div>
              <span className={`path-step__state${step.done ? ' path-step__state--done' : ''}`} aria-hidden="true">
                {step.done ? 'Done' : isNext ? 'Start' : ''}
              </span>
            </li>
          )
        })}
      </ol>
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
