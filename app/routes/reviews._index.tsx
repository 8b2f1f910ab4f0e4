import { data, redirect, type ActionFunctionArgs, type AppLoadContext, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { requireUser } from '~/auth/guards.server'
import { GeneralErrorBoundary, errorTitle } from '~/components/error-boundary'
import { useFocusFirstError } from '~/components/focus-first-error'
import { splitSentences } from '~/practice/coach-hints'
import { RubricFieldset } from '~/reviews/components/rubric-fieldset'
import { ScenarioBrief } from '~/reviews/components/scenario-brief'
import { commentField, NEXT_IN_PLACE, NEXT_IN_PLACE_FIELD, quoteField, readReviewForm, scenarioForReviewer, scoreField } from '~/reviews/review-form'
import { DEFAULT_REVIEW_RULES } from '~/reviews/review-rules'
import { submitReview } from '~/reviews/reviews.server'
import { readReviewsPage } from '~/reviews/reviews-page.server'
import { rubricForReply } from '~/reviews/rubric-versions.server'
import { createServerTiming, type ServerTiming } from '~/http/server-timing.server'
import { answerInPlace, skipReloadAfterAnswerInPlace } from '~/http/answered-in-place'
import { useHydrated } from '~/components/use-hydrated'
import type { SessionUser } from '~/auth/session.server'
import { readForm } from '~/http/form.server'
import { FormError } from '~/components/form-field'
import { cachedUntilNextWrite } from '~/http/page-cache'

export { serverTimingHeaders as headers } from '~/http/server-timing.server'

// Answered from memory until the next write to the database (app/server/page-cache.server.ts).
export const handle = cachedUntilNextWrite

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Reviews · Rapport' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const timing = createServerTiming()
  const page = await reviewsPage(context.db, user, timing)
  return data(page, { headers: timing.headers() })
}

// After a review answered in place (with the next reply), the page has its data already.
export const shouldRevalidate = skipReloadAfterAnswerInPlace

/** Everything the page shows: the reviewer's next reply (leasing one if they hold none) and where they stand. */
async function reviewsPage(db: AppLoadContext['db'], user: SessionUser, timing: ServerTiming) {
  const now = new Date()
  // The next reply (it may lease one) and the rest of the page: usually one statement.
  const { next, mine, flagged, unlock, leasedScenario } = await timing.time('page', () => readReviewsPage(db, user, now))
  const leased = next.status === 'leased' ? next.lease : null
  // Cached per process after the first read of a version: no round trip.
  const stored = leased ? await timing.time('rubric', () => rubricForReply(db, leased.reply.rubricVersionId)) : null
  const shared = {
    rules: { perReply: DEFAULT_REVIEW_RULES.reviewsPerReply, toUnlock: DEFAULT_REVIEW_RULES.reviewsToUnlock },
    unlock,
    isLead: user.role === 'manager' || user.role === 'admin',
    flagged,
    mine,
  }
  if (!leased || !stored) return { ...shared, status: next.status, review: null }
  return {
    ...shared,
    status: next.status,
    review: {
      id: leased.reviewId,
      minutesLeft: Math.max(1, Math.round((leased.leasedUntil.getTime() - now.getTime()) / 60_000)),
      text: leased.reply.text,
      ...scenarioForReviewer(leasedScenario, leased.reply.promptId),
      rubric: stored.rubric,
    },
  }
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request)
  const { form, invalid } = await readForm(request)
  if (invalid) return invalid
  const reviewId = String(form.get('reviewId') ?? '')
  // The criteria are whatever the form carries; the domain checks them against the reply's rubric.
  const ids = new Set<string>()
  for (const key of form.keys()) {
    const match = /^(score|comment|quote)\.(.+)$/.exec(key)
    if (match) ids.add(match[2])
  }
  const input = readReviewForm(form, [...ids])
  const result = await submitReview(context.db, user, reviewId, input)
  if (result.ok) {
    const thanks = result.finalised ? 'complete' : 'given'
    // Posted by the page's script: the next reply comes in this answer (one request per review).
    if (form.get(NEXT_IN_PLACE_FIELD) === NEXT_IN_PLACE) {
      const timing = createServerTiming()
      const page = await reviewsPage(context.db, user, timing)
      return data(answerInPlace({ thanks, page }), { headers: timing.headers() })
    }
    return redirect(`/reviews?thanks=${thanks === 'complete' ? 'complete' : '1'}`)
  }
  const values: Record<string, string> = {}
  for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value
  return { reviewId, errors: result.errors, values }
}

export default function ReviewsPage() {
  const loaded = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const [params] = useSearchParams()
  // After a review posted by the page's script, the action's answer is the page (the loaders did not run again).
  const answered = actionData && 'page' in actionData ? actionData : null
  const data = answered?.page ?? loaded
  const thanks = answered?.thanks ?? params.get('thanks')
  // The next reply replaced the one just reviewed without a page load: start reading it from the
  // top, with the thanks announced and focused. The same once the page is ready after the redirect a
  // form sent before the script ran gets (the browser may have restored the old scroll position).
  const thanksRef = useRef<HTMLParagraphElement>(null)
  const thanksOnArrival = useRef(params.get('thanks') !== null)
  useEffect(() => {
    if (!answered && !thanksOnArrival.current) return
    thanksOnArrival.current = false
    window.scrollTo({ top: 0 })
    thanksRef.current?.focus({ preventScroll: true })
  }, [answered])
  return (
    <div className="stack reviews-page">
      <header className="page-header">
        <h1>Reviews</h1>
        <p>
          Read a colleague’s reply as the customer would, and score it with the rubric. Replies are shown without names:
          judge the words, not the writer. Each reply needs {data.rules.perReply} reviews.
        </p>
      </header>
      {thanks ? (
        <p className="form-success" role="status" tabIndex={-1} ref={thanksRef}>
          Thank you, your review is in.{thanks === 'complete' ? ' That reply now has all its reviews, and its writer will hear about it.' : ''}
        </p>
      ) : null}
      <UnlockProgress unlock={data.unlock} toUnlock={data.rules.toUnlock} />
      {data.flagged.length ? (
        <section aria-labelledby="flagged-heading" className="card flagged-replies">
          <h2 id="flagged-heading">Replies waiting for your deciding review</h2>
          <p className="small muted">Their reviewers disagreed widely. Your levels settle the score.</p>
          <ul>
            {data.flagged.map((reply) => (
              <li key={reply.id}>
                <Link to={`/replies/${reply.id}`}>
                  {reply.author}’s reply to “{reply.title}”
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {data.status === 'calibrate' ? (
        <section className="card calibrate-first" aria-labelledby="calibrate-heading">
          <h2 id="calibrate-heading">First, calibrate</h2>
          <p>
            Before your first review, score three example replies that experts have already scored. You will see how close you
            were on each criterion; you pass when you are within one level everywhere, and you can try as often as you like.
          </p>
          <p>
            <Link className="button" to="/reviews/calibration">
              Start calibration
            </Link>
          </p>
        </section>
      ) : data.status === 'empty' || !data.review ? (
        <section className="empty" aria-labelledby="empty-heading">
          <h2 id="empty-heading">Nothing to review right now</h2>
          <p>Every reply that needs a reviewer has one. Come back later, or practise a scenario yourself.</p>
          <p>
            <Link to="/scenarios">Practise a scenario</Link>
          </p>
        </section>
      ) : (
        <ReviewForm key={data.review.id} review={data.review} />
      )}

      {data.mine.length ? (
        <section aria-labelledby="mine-heading" className="card">
          <h2 id="mine-heading">Your recent replies</h2>
          <ul className="my-replies">
            {data.mine.map((reply) => (
              <li key={reply.id}>
                <Link to={`/replies/${reply.id}`}>{reply.title}</Link>{' '}
                {reply.finalisedAt ? (
                  <span className="badge badge--good">All reviews in</span>
                ) : (
                  <span className="badge">
                    {reply.reviewsDone} of {reply.reviewsRequired} reviews
                  </span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {data.isLead ? (
        <p className="small">
          <Link to="/reviews/calibration#team-calibration">Who in your teams has calibrated</Link>
        </p>
      ) : null}
    </div>
  )
}

function UnlockProgress({
  unlock,
  toUnlock,
}: {
  unlock: { unlocked: boolean; given: number; needed: number; remaining: number; poolExhausted: boolean } | null
  toUnlock: number
}) {
  if (!unlock) {
    return (
      <p className="unlock-progress">
        Once you submit a reply of your own, reviewing {toUnlock} others unlocks the feedback on it.
      </p>
    )
  }
  const given = Math.min(unlock.given, unlock.needed)
  return (
    <div className="unlock-progress">
      <p>
        {unlock.unlocked
          ? unlock.poolExhausted && unlock.given < unlock.needed
            ? 'You have reviewed everything available, so your feedback is open to you.'
            : 'You have given enough reviews: the feedback on your latest reply is open to you.'
          : `Review ${unlock.remaining} more ${unlock.remaining === 1 ? 'reply' : 'replies'} to unlock the feedback on your latest reply.`}
      </p>
      <div
        className="progress"
        role="progressbar"
        aria-label="Reviews given towards your feedback"
        aria-valuemin={0}
        aria-valuemax={unlock.needed}
        aria-valuenow={given}
      >
        <div className="progress__bar" style={{ width: `${(given / Math.max(1, unlock.needed)) * 100}%` }} />
      </div>
    </div>
  )
}

type LoadedReview = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['review']>
type ActionAnswer = ReturnType<typeof useActionData<typeof action>>

/** The action's answer about this form (its field errors), or about another review (it was lost), or neither. */
function answerAbout(actionData: ActionAnswer, reviewId: string) {
  const refused = actionData && 'errors' in actionData ? actionData : null
  const reviewIdOf = refused && 'reviewId' in refused ? refused.reviewId : null
  return {
    mine: refused && (reviewIdOf === reviewId || !reviewIdOf) ? refused : null,
    stale: refused && reviewIdOf && reviewIdOf !== reviewId ? refused.errors.form : null,
  }
}

function ReviewForm({ review }: { review: LoadedReview }) {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const hydrated = useHydrated()
  const { mine, stale } = answerAbout(actionData, review.id)
  const errors: Record<string, string> = mine?.errors ?? {}
  const values: Record<string, string> = mine?.values ?? {}
  const sentences = splitSentences(review.text)
  const formRef = useRef<HTMLFormElement>(null)
  useFocusFirstError(formRef, mine, Object.keys(errors).length > 0)

  return (
    <section className="review-layout" aria-labelledby="review-heading">
      <h2 id="review-heading" className="visually-hidden">
        Review this reply
      </h2>
      {stale ? (
        <p className="callout callout--warning" role="status">
          {stale}
        </p>
      ) : null}
      <div className="review-layout__context">
        <figure className="reply-under-review">
          <figcaption>
            The reply to review <span className="muted small">· held for you for {review.minutesLeft} more minutes</span>
          </figcaption>
          <blockquote className="reply-under-review__text">{review.text}</blockquote>
        </figure>
        {review.scenario ? <ScenarioBrief scenario={review.scenario} promptText={review.promptText} headingLevel={3} open /> : null}
      </div>
      <Form method="post" className="review-form" noValidate ref={formRef}>
        <input type="hidden" name="reviewId" value={review.id} />
        {hydrated ? <input type="hidden" name={NEXT_IN_PLACE_FIELD} value={NEXT_IN_PLACE} /> : null}
        <h3 className="review-form__title">Your review</h3>
        <p className="small muted">
          Score each criterion on its own. Leave at least one comment; to point at a sentence, quote it and your comment appears beside it.
        </p>
        <FormError message={errors.form} />
        {review.rubric.criteria.map((criterion) => {
          const prefix = `review-${criterion.id}`
          return (
            <RubricFieldset
              key={criterion.id}
              criterion={criterion}
              name={scoreField(criterion.id)}
              idPrefix={prefix}
              defaultValue={values[scoreField(criterion.id)] ? Number(values[scoreField(criterion.id)]) : undefined}
              error={errors[scoreField(criterion.id)]}
            >
              <div className="rubric-criterion__comment">
                <div className={`field${errors[commentField(criterion.id)] ? ' field--invalid' : ''}`}>
                  <label htmlFor={`${prefix}-comment`}>Comment on {criterion.name.toLowerCase()}</label>
                  <textarea
                    id={`${prefix}-comment`}
                    name={commentField(criterion.id)}
                    rows={2}
                    defaultValue={values[commentField(criterion.id)] ?? ''}
                    aria-invalid={errors[commentField(criterion.id)] ? true : undefined}
                    aria-describedby={errors[commentField(criterion.id)] ? `${prefix}-comment-error` : undefined}
                  />
                  {errors[commentField(criterion.id)] ? (
                    <p id={`${prefix}-comment-error`} className="field__error" role="alert">
                      {errors[commentField(criterion.id)]}
                    </p>
                  ) : null}
                </div>
                <div className={`field${errors[quoteField(criterion.id)] ? ' field--invalid' : ''}`}>
                  <label htmlFor={`${prefix}-quote`}>Quote a sentence (optional)</label>
                  <select
                    id={`${prefix}-quote`}
                    name={quoteField(criterion.id)}
                    defaultValue={values[quoteField(criterion.id)] ?? ''}
                    aria-invalid={errors[quoteField(criterion.id)] ? true : undefined}
                    aria-describedby={errors[quoteField(criterion.id)] ? `${prefix}-quote-error` : undefined}
                  >
                    <option value="">No quote</option>
                    {sentences.map((sentence, i) => (
                      <option key={i} value={sentence}>
                        {sentence.length > 90 ? `${sentence.slice(0, 87)}…` : sentence}
                      </option>
                    ))}
                  </select>
                  {errors[quoteField(criterion.id)] ? (
                    <p id={`${prefix}-quote-error`} className="field__error" role="alert">
                      {errors[quoteField(criterion.id)]}
                    </p>
                  ) : null}
                </div>
              </div>
            </RubricFieldset>
          )
        })}
        <div className="row">
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {navigation.state === 'submitting' ? 'Submitting…' : 'Submit review'}
          </button>
        </div>
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
