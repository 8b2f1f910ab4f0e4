import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { useTimeZone } from '~/time/use-time-zone'
import { formatDate } from '~/time/zoned-time'
import { requireUser } from '~/auth/guards.server'
import { GeneralErrorBoundary, errorTitle } from '~/components/error-boundary'
import { CoachHints } from '~/practice/components/coach-hints-panel'
import { splitSentences } from '~/practice/coach-hints'
import { levelName, RubricFieldset } from '~/reviews/components/rubric-fieldset'
import { getReplyFeedback } from '~/reviews/feedback.server'
import { commentField, readReviewForm, scoreField } from '~/reviews/review-form'
import type { RubricCriterion } from '~/reviews/rubric-schema'
import { decideReview, reactToReview, resolveDispute } from '~/reviews/reviews.server'
import { WHO_SEES_SCORES, WHY_YOU_SEE_THESE_SCORES } from '~/reviews/score-visibility'
import { channelLabel } from '~/scenarios/components/scenario-labels'
import { ReplyOfferControl } from '~/meetings/components/reply-offer'
import { replyOfferStatus } from '~/meetings/offers.server'
import { readForm } from '~/http/form.server'
import { FormError } from '~/components/form-field'

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  { title: data && !error ? `Feedback on a reply to ${data.scenario.title} · Rapport` : errorTitle(error) },
]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const [feedback, meetingOffer] = await Promise.all([getReplyFeedback(context.db, user, params.id ?? ''), replyOfferStatus(context.db, user, params.id ?? '')])
  return { ...feedback, meetingOffer }
}

type ActionData = { intent: string; reviewId?: string; ok: boolean; errors: Record<string, string>; values?: Record<string, string> }

export async function action({ request, context, params }: ActionFunctionArgs): Promise<ActionData> {
  const user = requireUser(context, request)
  const { form, invalid } = await readForm(request)
  if (invalid) return invalid
  const intent = String(form.get('intent') ?? '')
  const reviewId = String(form.get('reviewId') ?? '')
  if (intent === 'helpful') {
    const result = await reactToReview(context.db, user, reviewId, { reaction: 'helpful' })
    return { intent, reviewId, ok: result.ok, errors: result.ok ? {} : result.errors }
  }
  if (intent === 'disagree') {
    const reason = String(form.get('reason') ?? '')
    const result = await reactToReview(context.db, user, reviewId, { reaction: 'disagree', reason })
    return { intent, reviewId, ok: result.ok, errors: result.ok ? {} : result.errors, values: { reason } }
  }
  if (intent === 'resolve') {
    const note = String(form.get('note') ?? '')
    const result = await resolveDispute(context.db, user, reviewId, { note })
    return { intent, reviewId, ok: result.ok, errors: result.ok ? {} : result.errors, values: { note } }
  }
  if (intent === 'decide') {
    const ids = new Set<string>()
    for (const key of form.keys()) {
      const match = /^(score|comment|quote)\.(.+)$/.exec(key)
      if (match) ids.add(match[2])
    }
    const result = await decideReview(context.db, user, params.id ?? '', readReviewForm(form, [...ids]))
    const values: Record<string, string> = {}
    for (const [key, value] of form.entries()) if (typeof value === 'string') values[key] = value
    return { intent, ok: result.ok, errors: result.ok ? {} : result.errors, values }
  }
  return { intent, ok: false, errors: { form: 'Unknown action.' } }
}

type Feedback = ReturnType<typeof useLoaderData<typeof loader>>
type Results = NonNullable<Feedback['results']>

export default function ReplyPage() {
  const data = useLoaderData<typeof loader>()
  const timeZone = useTimeZone()
  const { reply, scenario, viewer, unlock, results, rubric } = data
  const heading = viewer.isAuthor ? `Your reply to “${scenario.title}”` : `${viewer.authorName ?? 'A'}’s reply to “${scenario.title}”`
  const waiting = !reply.finalisedAt
  const locked = !waiting && !results

  return (
    <div className="stack feedback-page">
      <p className="small">
        <Link to={`/scenarios/${scenario.slug}`}>{scenario.title}</Link> <span aria-hidden="true">/</span> Feedback
      </p>
      <header className="page-header">
        <h1>{heading}</h1>
        <p className="row">
          {scenario.channel ? <span className="badge badge--accent">{channelLabel(scenario.channel)}</span> : null}
          <span className="small muted">Submitted {formatDate(reply.submittedAt, timeZone)}</span>
          {reply.flag === 'open' ? <span className="badge badge--warn">Reviewers disagreed</span> : null}
          {reply.flag === 'settled' ? <span className="badge badge--good">Settled by a deciding review</span> : null}
        </p>
        {scenario.promptText ? <p className="feedback-page__prompt">{scenario.promptText}</p> : null}
        <p className="small muted">{viewer.isAuthor ? WHO_SEES_SCORES : WHY_YOU_SEE_THESE_SCORES}</p>
      </header>

      {waiting ? (
        <section className="card" aria-labelledby="waiting-heading">
          <h2 id="waiting-heading">Waiting for reviews</h2>
          <p>
            {reply.reviewsDone} of {reply.reviewsRequired} reviews so far. Reviews are handed out oldest first, so yours will come.
          </p>
          <Meter value={reply.reviewsDone} max={reply.reviewsRequired} label="Reviews received" />
          {viewer.isAuthor ? (
            <p>
              Meanwhile, <Link to="/reviews">review a colleague’s reply</Link>: it also counts towards unlocking your feedback.
            </p>
          ) : null}
        </section>
      ) : null}
      {locked && viewer.isAuthor ? (
        <section className="card unlock-card" aria-labelledby="locked-heading">
          <h2 id="locked-heading">
            Review {unlock.remaining} more {unlock.remaining === 1 ? 'reply' : 'replies'} to unlock your scores
          </h2>
          <p>
            Your reply has all its reviews. Feedback opens once you have reviewed {unlock.needed} replies since you submitted it (you have
            reviewed {unlock.given}).
          </p>
          <Meter value={Math.min(unlock.given, unlock.needed)} max={unlock.needed} label="Reviews given since this reply" />
          <p>
            <Link className="button" to="/reviews">
              Review a reply
            </Link>
          </p>
        </section>
      ) : null}

      {results ? (
        <>
          <ScoreSummary results={results} criteria={rubric.criteria} />
          <AnnotatedReply text={reply.text} results={results} criteria={rubric.criteria} />
          <ReviewList results={results} criteria={rubric.criteria} canReact={viewer.canReact} canResolve={viewer.canResolve} />
        </>
      ) : (
        <section aria-labelledby="reply-heading" className="card">
          <h2 id="reply-heading">{viewer.isAuthor ? 'Your reply' : 'The reply'}</h2>
          <blockquote className="reply-under-review__text">{reply.text}</blockquote>
        </section>
      )}

      {viewer.canDecide ? <DecideForm criteria={rubric.criteria} /> : null}
      {viewer.reviewedFlagged ? (
        <section className="card decide" aria-labelledby="decide-elsewhere-heading">
          <h2 id="decide-elsewhere-heading">Another manager or an admin decides this one</h2>
          <p>
            The reviewers disagreed widely, and you were one of them, so your levels cannot settle it. The writer’s other managers, or an
            admin when there is none, have been asked to add the deciding review.
          </p>
        </section>
      ) : null}
      <ReplyOfferControl offer={data.meetingOffer} />

      <CoachHints hints={reply.coachHints} heading="Coach hints when it was submitted" level={2} />
    </div>
  )
}

function Meter({ value, max, label }: { value: number; max: number; label: string }) {
  return (
    <div className="progress" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value}>
      <div className="progress__bar" style={{ width: `${(value / Math.max(1, max)) * 100}%` }} />
    </div>
  )
}

function LevelDots({ value }: { value: number }) {
  return (
    <span className="level-dots" aria-hidden="true">
      {[1, 2, 3, 4].map((n) => (
        <span key={n} className={`level-dots__dot${value >= n ? ' level-dots__dot--on' : value >= n - 0.5 ? ' level-dots__dot--half' : ''}`} />
      ))}
    </span>
  )
}

function ScoreSummary({ results, criteria }: { results: Results; criteria: RubricCriterion[] }) {
  return (
    <section className="card score-summary" aria-labelledby="scores-heading">
      <div className="score-summary__overall">
        <h2 id="scores-heading">Scores</h2>
        <p className="score-summary__number">
          <strong>{Math.round(results.score)}</strong>
          <span> / 100</span>
        </p>
        <p className="small muted">The reviewers’ consensus (median) on each criterion, weighted by the rubric.</p>
      </div>
      <ul className="criterion-scores">
        {criteria.map((criterion) => {
          const value = results.criterionScores[criterion.id]
          if (typeof value !== 'number') return null
          const descriptors = criterion.levels.filter((level) => level.level === Math.floor(value) || level.level === Math.ceil(value))
          return (
            <li key={criterion.id} className="criterion-score" data-criterion={criterion.id}>
              <div className="criterion-score__head">
                <span className="criterion-score__name">{criterion.name}</span>
                <LevelDots value={value} />
                <span className="criterion-score__level">{levelName(criterion, value)}</span>
              </div>
              {descriptors.map((level) => (
                <p key={level.level} className="criterion-score__descriptor">
                  {level.descriptor}
                </p>
              ))}
            </li>
          )
        })}
      </ul>
    </section>
  )
}

function AnnotatedReply({ text, results, criteria }: { text: string; results: Results; criteria: RubricCriterion[] }) {
  const sentences = splitSentences(text)
  const name = (id: string) => criteria.find((c) => c.id === id)?.name ?? id
  const notes = sentences.map(() => [] as { key: string; reviewer: string; criterion: string; text: string }[])
  results.reviews.forEach((review) =>
    review.comments.forEach((comment, i) => {
      if (!comment.quote || !comment.text) return
      const quote = comment.quote
      const at = sentences.findIndex((s) => s === quote || s.includes(quote) || quote.includes(s))
      if (at >= 0) notes[at].push({ key: `${review.id}-${i}`, reviewer: review.label, criterion: name(comment.criterionId), text: comment.text })
    }),
  )
  return (
    <section className="card annotated" aria-labelledby="annotated-heading">
      <h2 id="annotated-heading">The reply, with comments beside the sentences they quote</h2>
      <div className="annotated__rows">
        {sentences.map((sentence, i) => (
          <div key={i} className={`annotated__row${notes[i].length ? ' annotated__row--noted' : ''}`}>
            <p className="annotated__sentence">{sentence}</p>
            <div className="annotated__notes">
              {notes[i].map((note) => (
                <div key={note.key} className="annotated__note">
                  <p className="annotated__meta">
                    {note.reviewer} · {note.criterion}
                  </p>
                  <p className="annotated__text">{note.text}</p>
                </div>
              ))}
            </div>
          </div>
        ))}
      </div>
    </section>
  )
}

function ReviewList({
  results,
  criteria,
  canReact,
  canResolve,
}: {
  results: Results
  criteria: RubricCriterion[]
  canReact: boolean
  canResolve: boolean
}) {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const name = (id: string) => criteria.find((c) => c.id === id)?.name ?? id
  return (
    <section aria-labelledby="reviews-heading" className="review-cards">
      <h2 id="reviews-heading">The reviews</h2>
      {results.reviews.map((review) => {
        const mine = actionData?.reviewId === review.id ? actionData : null
        const headingId = `review-${review.id}`
        return (
          <article key={review.id} className={`card review-card${review.deciding ? ' review-card--deciding' : ''}`} aria-labelledby={headingId}>
            <h3 id={headingId}>{review.label}</h3>
            <dl className="review-card__levels">
              {criteria.map((criterion) => (
                <div key={criterion.id}>
                  <dt>{criterion.name}</dt>
                  <dd>{typeof review.scores[criterion.id] === 'number' ? levelName(criterion, review.scores[criterion.id]) : '—'}</dd>
                </div>
              ))}
            </dl>
            {review.comments.filter((c) => c.text).length ? (
              <ul className="review-card__comments">
                {review.comments
                  .filter((c) => c.text)
                  .map((comment, i) => (
                    <li key={i}>
                      <span className="review-card__criterion">{name(comment.criterionId)}:</span> {comment.text}
                      {comment.quote ? <span className="review-card__quote"> (on “{comment.quote}”)</span> : null}
                    </li>
                  ))}
              </ul>
            ) : null}
            {review.reaction?.helpful ? <p className="badge badge--good">You found this helpful</p> : null}
            {review.reaction?.disagreement ? (
              <p className="review-card__disagreement">
                {canReact ? 'You disagreed' : 'The writer disagreed'}: “{review.reaction.disagreement}”
              </p>
            ) : null}
            {review.reaction?.disagreement && review.reaction.resolvedAt ? (
              <p className="review-card__resolution">
                <span className="badge badge--good">Resolved</span> {canReact ? 'Your manager’s answer' : 'Your answer'}: “
                {review.reaction.resolutionNote}”
              </p>
            ) : null}
            {canResolve && review.reaction?.disagreement && !review.reaction.resolvedAt ? (
              <ResolveDisputeForm reviewId={review.id} headingId={headingId} />
            ) : null}
            {canReact ? (
              <div className="review-card__react">
                {review.reaction?.helpful ? null : (
                  <Form method="post" preventScrollReset>
                    <input type="hidden" name="intent" value="helpful" />
                    <input type="hidden" name="reviewId" value={review.id} />
                    <button type="submit" className="button--secondary" disabled={navigation.state !== 'idle'}>
                      Mark helpful
                    </button>
                  </Form>
                )}
                <details className="review-card__disagree" open={Boolean(mine && !mine.ok && mine.intent === 'disagree')}>
                  <summary>Disagree with this review</summary>
                  <Form method="post" className="form" preventScrollReset>
                    <input type="hidden" name="intent" value="disagree" />
                    <input type="hidden" name="reviewId" value={review.id} />
                    <div className={`field${mine?.errors.reason ? ' field--invalid' : ''}`}>
                      <label htmlFor={`${headingId}-reason`}>What do you disagree with?</label>
                      <p id={`${headingId}-reason-hint`} className="field__hint">
                        A short reason. Your manager reads it; the reviewer does not learn who you are.
                      </p>
                      <textarea
                        id={`${headingId}-reason`}
                        name="reason"
                        rows={2}
                        defaultValue={mine?.values?.reason ?? review.reaction?.disagreement ?? ''}
                        aria-invalid={mine?.errors.reason ? true : undefined}
                        aria-describedby={`${headingId}-reason-hint${mine?.errors.reason ? ` ${headingId}-reason-error` : ''}`}
                      />
                      {mine?.errors.reason ? (
                        <p id={`${headingId}-reason-error`} className="field__error" role="alert">
                          {mine.errors.reason}
                        </p>
                      ) : null}
                    </div>
                    <button type="submit" className="button--secondary">
                      Send to my manager
                    </button>
                  </Form>
                </details>
                {mine?.ok ? (
                  <p className="form-success small" role="status">
                    {mine.intent === 'helpful' ? 'Marked helpful. Thank you.' : 'Sent to your manager.'}
                  </p>
                ) : null}
              </div>
            ) : null}
          </article>
        )
      })}
    </section>
  )
}

function ResolveDisputeForm({ reviewId, headingId }: { reviewId: string; headingId: string }) {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const mine = actionData?.intent === 'resolve' && actionData.reviewId === reviewId ? actionData : null
  const error = mine?.errors.note ?? mine?.errors.form
  return (
    <details className="review-card__disagree" open={Boolean(mine && !mine.ok)}>
      <summary>Mark this disagreement resolved</summary>
      <Form method="post" className="form" preventScrollReset>
        <input type="hidden" name="intent" value="resolve" />
        <input type="hidden" name="reviewId" value={reviewId} />
        <div className={`field${error ? ' field--invalid' : ''}`}>
          <label htmlFor={`${headingId}-note`}>Your note to the writer</label>
          <p id={`${headingId}-note-hint`} className="field__hint">
            The writer reads it beside their disagreement. The reviewer stays anonymous.
          </p>
          <textarea
            id={`${headingId}-note`}
            name="note"
            rows={2}
            defaultValue={mine?.values?.note ?? ''}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${headingId}-note-hint${error ? ` ${headingId}-note-error` : ''}`}
          />
          {error ? (
            <p id={`${headingId}-note-error`} className="field__error" role="alert">
              {error}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button--secondary" disabled={navigation.state !== 'idle'}>
          Mark resolved
        </button>
      </Form>
    </details>
  )
}

function DecideForm({ criteria }: { criteria: RubricCriterion[] }) {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const mine = actionData?.intent === 'decide' ? actionData : null
  const errors = mine?.errors ?? {}
  const values = mine?.values ?? {}
  return (
    <section className="card decide" aria-labelledby="decide-heading">
      <h2 id="decide-heading">Add a deciding review</h2>
      <p>
        The reviewers disagreed widely on this reply. As the writer’s manager (or an admin), your levels settle the consensus: the score,
        the team’s figures and the writer’s trend follow them. Explain your call in a comment the writer can learn from.
      </p>
      <Form method="post" className="review-form" noValidate>
        <input type="hidden" name="intent" value="decide" />
        <FormError message={errors.form} />
        {criteria.map((criterion) => (
          <RubricFieldset
            key={criterion.id}
            criterion={criterion}
            name={scoreField(criterion.id)}
            idPrefix={`decide-${criterion.id}`}
            defaultValue={values[scoreField(criterion.id)] ? Number(values[scoreField(criterion.id)]) : undefined}
            error={errors[scoreField(criterion.id)]}
            compact
          >
            <div className="field">
              <label htmlFor={`decide-${criterion.id}-comment`}>Comment on {criterion.name.toLowerCase()}</label>
              <textarea id={`decide-${criterion.id}-comment`} name={commentField(criterion.id)} rows={2} defaultValue={values[commentField(criterion.id)] ?? ''} />
            </div>
          </RubricFieldset>
        ))}
        <button type="submit" disabled={navigation.state !== 'idle'}>
          Submit deciding review
        </button>
      </Form>
    </section>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
