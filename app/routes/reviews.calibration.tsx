import { scenarioForReviewer } from '~/reviews/review-form'
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { requireUser } from '~/auth/guards.server'
import { useRef } from 'react'
import { GeneralErrorBoundary, errorTitle } from '~/components/error-boundary'
import { useFocusFirstError } from '~/components/focus-first-error'
import { findPracticeScenario } from '~/practice/practice.server'
import { calibrationFor, calibrationOverview, submitCalibration, type CalibrationAnswers } from '~/reviews/calibration-attempts.server'
import { RubricFieldset } from '~/reviews/components/rubric-fieldset'
import { ScenarioBrief } from '~/reviews/components/scenario-brief'
import { loadRubric } from '~/reviews/rubric.server'
import { readForm } from '~/http/form.server'
import { FormError } from '~/components/form-field'

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Calibration · Reviews · Rapport' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const [calibration, rubric] = await Promise.all([calibrationFor(context.db, user), loadRubric()])
  const items = await Promise.all(
    calibration.items.map(async (item) => {
      const scenario = await findPracticeScenario(context.db, user, item.scenario)
      return {
        id: item.id,
        reply: item.reply,
        ...scenarioForReviewer(scenario, item.prompt),
      }
    }),
  )
  const team = user.role === 'manager' || user.role === 'admin' ? await calibrationOverview(context.db, user) : null
  return { calibrated: calibration.calibrated, tries: calibration.tries, items, rubric, team }
}

const field = (itemId: string, criterionId: string) => `cal.${itemId}.${criterionId}`

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request)
  const { form, invalid } = await readForm(request)
  if (invalid) return invalid
  const answers: CalibrationAnswers = {}
  const values: Record<string, string> = {}
  for (const itemId of form.getAll('item')) {
    if (typeof itemId === 'string') answers[itemId] = {}
  }
  for (const [key, value] of form.entries()) {
    const match = /^cal\.([^.]+)\.(.+)$/.exec(key)
    if (!match || typeof value !== 'string') continue
    values[key] = value
    answers[match[1]] ??= {}
    answers[match[1]][match[2]] = Number(value)
  }
  const result = await submitCalibration(context.db, user, answers)
  if (!result.ok) return { result: null, errors: result.errors, values }
  // Each comparison shows the reply it is about, with its scenario's title.
  const items = await Promise.all(
    result.result.items.map(async (item) => ({ ...item, title: (await findPracticeScenario(context.db, user, item.scenario))?.title ?? item.scenario })),
  )
  return { result: { ...result.result, items }, errors: {} as Record<string, string>, values }
}

export default function CalibrationPage() {
  const { calibrated, tries, items, rubric, team } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const result = actionData?.result ?? null
  const errors: Record<string, string> = actionData?.errors ?? {}
  const values: Record<string, string> = actionData?.values ?? {}
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, actionData, Object.keys(errors).length > 0)
  const criterionName = (id: string) => rubric.criteria.find((c) => c.id === id)?.name ?? id
  const levelLabel = (id: string, level: number) => rubric.criteria.find((c) => c.id === id)?.levels.find((l) => l.level === level)?.label ?? ''

  return (
    <div className="stack calibration-page">
      <p className="small">
        <Link to="/reviews">Reviews</Link> <span aria-hidden="true">/</span> Calibration
      </p>
      <header className="page-header">
        <h1>Calibration</h1>
        <p>
          Score three example replies with the rubric, then compare your levels with the ones experts gave. You pass when you are
          within one level on every criterion. It takes about ten minutes, and you can try again as often as you like.
        </p>
        {calibrated && !result ? <p className="badge badge--good">You have passed calibration</p> : null}
      </header>

      {result ? (
        <section aria-labelledby="result-heading" className="calibration-result">
          <div className={result.passed ? 'form-success' : 'callout callout--warning'} role="status">
            <h2 id="result-heading">{result.passed ? 'You passed: you are ready to review' : 'Not quite yet'}</h2>
            <p>
              {result.passed
                ? 'Your levels were within one of the experts’ on every criterion. Read the explanations below: they are the best short guide to the rubric.'
                : 'On at least one criterion your level was two or more away from the experts’. Read why they scored it as they did, then try a new set.'}
            </p>
            <p className="row">
              {result.passed ? (
                <Link className="button" to="/reviews">
                  Start reviewing
                </Link>
              ) : (
                <Link className="button" to="/reviews/calibration" reloadDocument>
                  Try a new set
                </Link>
              )}
            </p>
          </div>
          {result.items.map((item, index) => (
            <div key={item.itemId} className="card calibration-compare">
              <h3>
                Example {index + 1}: <span className="calibration-compare__title">{item.title}</span>
              </h3>
              <div className="calibration-compare__layout">
                <figure className="reply-under-review calibration-compare__reply">
                  <figcaption>The reply you scored</figcaption>
                  <blockquote className="reply-under-review__text">{item.reply}</blockquote>
                </figure>
                <div className="table-wrap">
                  <table className="table--cards">
                    <caption className="visually-hidden">Your levels and the experts’ for example {index + 1}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Criterion</th>
                        <th scope="col">You</th>
                        <th scope="col">Experts</th>
                        <th scope="col">Why the experts chose it</th>
                      </tr>
                    </thead>
                    <tbody>
                      {item.criteria.map((c) => (
                        <tr key={c.criterionId} className={c.within ? '' : 'calibration-compare__miss'}>
                          <th scope="row">{criterionName(c.criterionId)}</th>
                          <td data-label="You">
                            {c.yours} <span className="small muted">{levelLabel(c.criterionId, c.yours)}</span>
                            {c.within ? null : <span className="badge badge--bad">2+ away</span>}
                          </td>
                          <td data-label="Experts">
                            {c.expert} <span className="small muted">{levelLabel(c.criterionId, c.expert)}</span>
                          </td>
                          <td className="small cell--stack" data-label="Why the experts chose it">
                            {c.explanation}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </div>
            </div>
          ))}
        </section>
      ) : (
        <Form method="post" className="calibration-form" noValidate ref={formRef}>
          <FormError message={errors.form} />
          {tries > 0 ? <p className="small muted">Try {tries + 1}: a new set of examples.</p> : null}
          {items.map((item, index) => (
            <section key={item.id} className="card calibration-item" aria-labelledby={`example-${item.id}`}>
              <input type="hidden" name="item" value={item.id} />
              <h2 id={`example-${item.id}`}>Example {index + 1}</h2>
              {item.scenario ? <ScenarioBrief scenario={item.scenario} promptText={item.promptText} headingLevel={3} /> : null}
              <figure className="reply-under-review">
                <figcaption>The reply</figcaption>
                <blockquote className="reply-under-review__text">{item.reply}</blockquote>
              </figure>
              <div className="calibration-item__criteria">
                {rubric.criteria.map((criterion) => (
                  <RubricFieldset
                    key={criterion.id}
                    criterion={criterion}
                    name={field(item.id, criterion.id)}
                    idPrefix={`cal-${item.id}-${criterion.id}`}
                    defaultValue={values[field(item.id, criterion.id)] ? Number(values[field(item.id, criterion.id)]) : undefined}
                    error={errors[`${item.id}.${criterion.id}`]}
                    compact
                  />
                ))}
              </div>
            </section>
          ))}
          <button type="submit" disabled={navigation.state === 'submitting'}>
            Compare with the experts
          </button>
        </Form>
      )}

      {team ? (
        <section id="team-calibration" aria-labelledby="team-calibration-heading" className="card">
          <h2 id="team-calibration-heading">Calibration in your teams</h2>
          {team.length === 0 ? (
            <p className="muted">Nobody in your teams yet.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Person</th>
                    <th scope="col">Team</th>
                    <th scope="col">Calibrated</th>
                    <th scope="col">Tries</th>
                  </tr>
                </thead>
                <tbody>
                  {team.map((person) => (
                    <tr key={`${person.id}-${person.team}`}>
                      <td>{person.name}</td>
                      <td>{person.team}</td>
                      <td>{person.calibrated ? <span className="badge badge--good">Yes</span> : <span className="badge">Not yet</span>}</td>
                      <td>{person.tries}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ) : null}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
