import { Form, Link, useActionData, useFetcher, useNavigation, useSearchParams } from '@remix-run/react'
import { useTimeZone } from '~/time/use-time-zone'
import { formatDate, formatTime } from '~/time/zoned-time'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ChoicePrompt, ReplyPrompt, ScenarioPrompt } from '~/scenarios/scenario-schema'
import type { AttemptStep } from '../attempt-steps'
import { coachHints, type HintContext } from '../coach-hints'
import { normaliseReplyText } from '../reply-text'
import { CoachHints } from './coach-hints-panel'
import type { PracticeActionData } from '../practice-action.server'
import type { PracticeData } from '../practice.server'

type AttemptReply = PracticeData['earlier'][number]['replies'][number]

const AUTOSAVE_AFTER_MS = 800

function replyStatus(reply: AttemptReply) {
  if (reply.finalisedAt) return <span className="badge badge--good">Feedback ready</span>
  return (
    <span className="badge">
      {reply.reviewsDone} of {reply.reviewsRequired} reviews
    </span>
  )
}

/** The practice flow under a scenario: the steps taken so far, the step to answer now, earlier attempts. */
export function PracticePanel({ practice }: { practice: PracticeData }) {
  const timeZone = useTimeZone()
  const { current, prompts, currentPromptId } = practice
  const [params] = useSearchParams()
  const submitted = params.get('submitted')
  const byId = new Map(prompts.map((prompt) => [prompt.id, prompt]))
  const position = new Map(prompts.map((prompt, index) => [prompt.id, index + 1]))
  const prompt = currentPromptId ? byId.get(currentPromptId) : undefined
  const steps = current?.steps ?? []
  const finished = Boolean(current?.completedAt)

  return (
    <section id="practice" className="practice" aria-labelledby="practice-heading" tabIndex={-1}>
      <div className="practice__head">
        <h3 id="practice-heading">Your turn</h3>
        {current ? <span className="badge">Attempt {current.number}</span> : null}
      </div>
      {submitted ? (
        <div className="form-success" role="status">
          <p>
            <strong>Reply submitted.</strong> Three colleagues will review it without knowing it is yours. While you wait,{' '}
            <Link to="/reviews">review someone else’s reply</Link>: giving reviews is how you unlock your own feedback.
          </p>
        </div>
      ) : null}

      {steps.length > 0 ? (
        <ol className="practice-steps">
          {steps.map((step, index) => (
            <DoneStep
              key={`${step.promptId}-${index}`}
              step={step}
              prompt={byId.get(step.promptId)}
              number={position.get(step.promptId) ?? index + 1}
              replies={current?.replies ?? []}
            />
          ))}
        </ol>
      ) : null}

      {prompt && !finished ? (
        <div className="practice-now">
          <p className="practice-now__step">
            Step {position.get(prompt.id)} of {prompts.length} · {prompt.kind === 'reply' ? 'Your reply' : 'Your choice'}
          </p>
          {prompt.kind === 'reply' ? (
            <ReplyBox
              key={`${current?.id ?? 'new'}-${prompt.id}`}
              slug={practice.slug}
              prompt={prompt}
              attemptId={current?.id}
              draft={practice.draft?.text ?? ''}
              hadDraft={Boolean(practice.draft)}
              hintContext={practice.hintContext}
            />
          ) : (
            <ChoiceStep prompt={prompt} attemptId={current?.id} />
          )}
        </div>
      ) : null}

      {finished ? (
        <div className="practice-done card">
          <h4>You finished this attempt</h4>
          <p>Your replies are with reviewers now. You can come back to the same situation and try a different approach.</p>
          <TryAgain />
        </div>
      ) : current && steps.length > 0 ? (
        <details className="practice-restart">
          <summary>Start again from the beginning</summary>
          <p className="small">Your submitted replies stay as they are; a new attempt starts at step 1.</p>
          <TryAgain />
        </details>
      ) : null}

      {practice.earlier.length > 0 ? (
        <section className="practice-earlier" aria-labelledby="earlier-heading">
          <h4 id="earlier-heading">Earlier attempts</h4>
          <ul className="practice-earlier__list">
            {practice.earlier.map((attempt) => (
              <li key={attempt.id}>
                <p className="practice-earlier__title">
                  <strong>Attempt {attempt.number}</strong>{' '}
                  <span className="small muted">
                    started {formatDate(attempt.startedAt, timeZone)}
                    {attempt.completedAt ? '' : ' · not finished'}
                  </span>
                </p>
                {attempt.replies.length ? (
                  <ul className="practice-earlier__replies">
                    {attempt.replies.map((reply) => (
                      <li key={reply.id}>
                        <Link to={`/replies/${reply.id}`}>Step {position.get(reply.promptId) ?? '?'} reply</Link> {replyStatus(reply)}
                        <p className="practice-earlier__excerpt">{reply.text.length > 160 ? `${reply.text.slice(0, 157)}…` : reply.text}</p>
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="small muted">No reply submitted.</p>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  )
}

function TryAgain() {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value="try-again" />
      <button type="submit" className="button--secondary">
        Try again
      </button>
    </Form>
  )
}

function DoneStep({
  step,
  prompt,
  number,
  replies,
}: {
  step: AttemptStep
  prompt: ScenarioPrompt | undefined
  number: number
  replies: AttemptReply[]
}) {
  if (!prompt) return null
  if (prompt.kind === 'choice') {
    const option = prompt.options.find((o) => o.id === step.optionId)
    return (
      <li className="practice-step">
        <p className="practice-step__label">Step {number} · Your choice</p>
        <p className="practice-step__prompt">{prompt.text}</p>
        <p>
          You chose: <strong>{option?.label ?? step.optionId}</strong>
        </p>
        {option ? (
          <div className="callout callout--tip">
            <p className="callout__title">Why it matters</p>
            <p>{option.feedback}</p>
          </div>
        ) : null}
      </li>
    )
  }
  const reply = replies.find((r) => r.id === step.replyId)
  return (
    <li className="practice-step">
      <p className="practice-step__label">Step {number} · Your reply</p>
      <p className="practice-step__prompt">{prompt.text}</p>
      {reply ? (
        <>
          <blockquote className="practice-step__reply">{reply.text}</blockquote>
          <p className="row small">
            {replyStatus(reply)} <Link to={`/replies/${reply.id}`}>Feedback on this reply</Link>
          </p>
        </>
      ) : null}
    </li>
  )
}

function ChoiceStep({ prompt, attemptId }: { prompt: ChoicePrompt; attemptId: string | undefined }) {
  const actionData = useActionData<PracticeActionData>()
  const navigation = useNavigation()
  const error = actionData && !actionData.ok && actionData.promptId === prompt.id ? actionData.errors.optionId : undefined
  return (
    <Form method="post" className="choice-step" preventScrollReset>
      <input type="hidden" name="intent" value="choose" />
      <input type="hidden" name="promptId" value={prompt.id} />
      {attemptId ? <input type="hidden" name="attemptId" value={attemptId} /> : null}
      <fieldset aria-describedby={error ? 'choice-error' : undefined}>
        <legend>{prompt.text}</legend>
        {prompt.guidance ? <p className="field__hint">{prompt.guidance}</p> : null}
        <div className="choice-step__options">
          {prompt.options.map((option) => (
            <label key={option.id} className="choice-option">
              <input type="radio" name="optionId" value={option.id} required />
              <span>{option.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {error ? (
        <p id="choice-error" className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={navigation.state !== 'idle'}>
        Choose
      </button>
    </Form>
  )
}

function ReplyBox({
  slug,
  prompt,
  attemptId,
  draft,
  hadDraft,
  hintContext,
}: {
  slug: string
  prompt: ReplyPrompt
  attemptId: string | undefined
  draft: string
  hadDraft: boolean
  hintContext: HintContext
}) {
  const actionData = useActionData<PracticeActionData>()
  const navigation = useNavigation()
  const timeZone = useTimeZone()
  const fetcher = useFetcher<PracticeActionData>({ key: `draft:${slug}:${prompt.id}` })
  const mine = actionData && !actionData.ok && actionData.promptId === prompt.id ? actionData : null
  const [text, setText] = useState(mine?.values.text ?? draft)
  const lastSaved = useRef(draft)
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const hints = useMemo(() => coachHints(text, hintContext), [text, hintContext])
  const limit = prompt.maxLength
  // Counted as the server will count it (line endings normalised, outer spaces trimmed).
  const length = normaliseReplyText(text).length
  const over = limit !== undefined && length > limit
  const submitting = navigation.state === 'submitting' && navigation.formData?.get('intent') === 'submit'

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current)
  }, [])

  function save(value: string) {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    if (value === lastSaved.current) return
    lastSaved.current = value
    fetcher.submit(
      { intent: 'save-draft', attemptId: attemptId ?? '', promptId: prompt.id, text: value },
      { method: 'post', action: `/scenarios/${slug}`, preventScrollReset: true },
    )
  }

  const saveState =
    fetcher.state !== 'idle'
      ? 'Saving draft…'
      : fetcher.data?.intent === 'save-draft' && fetcher.data.ok
        ? `Draft saved at ${formatTime(fetcher.data.savedAt, timeZone)}`
        : actionData?.intent === 'save-draft' && actionData.ok
          ? 'Draft saved'
          : hadDraft
            ? 'Draft saved'
            : ''
  const textError = mine?.errors.text ?? mine?.errors.form ?? (fetcher.data && !fetcher.data.ok ? fetcher.data.errors.form : undefined)

  return (
    <div className="reply-box">
      <Form method="post" className="reply-box__form" preventScrollReset>
        <input type="hidden" name="promptId" value={prompt.id} />
        {attemptId ? <input type="hidden" name="attemptId" value={attemptId} /> : null}
        <div className={`field${textError ? ' field--invalid' : ''}`}>
          <label htmlFor="reply-text" className="reply-box__label">
            {prompt.text}
          </label>
          {prompt.guidance ? (
            <p id="reply-guidance" className="field__hint">
              {prompt.guidance}
            </p>
          ) : null}
          <textarea
            id="reply-text"
            name="text"
            rows={10}
            value={text}
            onChange={(event) => {
              const value = event.target.value
              setText(value)
              if (timer.current) clearTimeout(timer.current)
              timer.current = setTimeout(() => save(value), AUTOSAVE_AFTER_MS)
            }}
            onBlur={() => save(text)}
            aria-invalid={textError || over ? true : undefined}
            aria-describedby={[prompt.guidance ? 'reply-guidance' : null, limit ? 'reply-counter' : null, textError ? 'reply-error' : null]
              .filter(Boolean)
              .join(' ') || undefined}
          />
          <div className="reply-box__meta">
            {limit ? (
              <span id="reply-counter" className={`reply-box__counter${over ? ' reply-box__counter--over' : ''}`}>
                {length} / {limit} characters{over ? ` · ${length - limit} over the limit` : ''}
              </span>
            ) : (
              <span />
            )}
            <span className="reply-box__saved" role="status">
              {saveState}
            </span>
          </div>
          {textError ? (
            <p id="reply-error" className="field__error" role="alert">
              {textError}
            </p>
          ) : null}
        </div>
        <div className="row">
          <button type="submit" name="intent" value="submit" disabled={submitting}>
            {submitting ? 'Submitting…' : 'Submit reply'}
          </button>
          <button type="submit" name="intent" value="save-draft" className="button--secondary">
            Save draft
          </button>
        </div>
        <p className="small muted">Once submitted, a reply cannot be changed. It goes to three colleagues for a blind review.</p>
      </Form>
      <CoachHints hints={hints} empty={!text.trim()} />
    </div>
  )
}
