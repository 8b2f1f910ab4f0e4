import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { requireUser } from '~/auth/guards.server'
import { GeneralErrorBoundary, errorTitle } from '~/components/error-boundary'
import { createActionItem, setActionStatus } from '~/meetings/action-items.server'
import { castVote, chooseCalibration, revealCalibration } from '~/meetings/calibration.server'
import { AgendaStep, IntentButton, type ActionErrors } from '~/meetings/components/agenda-step'
import { useLiveFollow } from '~/meetings/components/live-follow'
import { StepTimer } from '~/meetings/components/step-timer'
import { formatShare, formatWhen, meetingTitle, monthLabel } from '~/meetings/format'
import { endMeeting, goToStep, startMeeting } from '~/meetings/live.server'
import { delegateFacilitator, getMeetingPage, updatePlan, type MeetingPage } from '~/meetings/meetings.server'
import meetingStyles from '~/meetings/components/meetings.css'
import printStyles from '~/meetings/components/meeting-print.css'
import { cachedUntilNextWrite } from '~/http/page-cache'

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: meetingStyles },
  { rel: 'stylesheet', href: printStyles, media: 'print' },
]

// Answered from memory until the next write to the database (app/server/page-cache.server.ts).
export const handle = cachedUntilNextWrite

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  { title: data && !error ? `${meetingTitle(data.team.name, data.meeting.month)} · Rapport` : errorTitle(error) },
]

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  return getMeetingPage(context.db, user, params.id ?? '')
}

type ActionResult = { intent: string; ok: boolean; errors: Record<string, string>; values?: Record<string, string>; status?: number }

export async function action(args: ActionFunctionArgs) {
  const result = await handleAction(args)
  // A refused or invalid request answers 4xx, with what was typed so the form keeps it.
  return data(result, { status: result.ok ? 200 : result.status ?? 400 })
}

async function handleAction({ request, context, params }: ActionFunctionArgs): Promise<ActionResult> {
  const user = requireUser(context, request)
  const id = params.id ?? ''
  const form = await request.formData()
  const field = (name: string) => String(form.get(name) ?? '')
  const intent = field('intent')
  const done = { intent, ok: true, errors: {} }
  const db = context.db
  try {
    switch (intent) {
      case 'start':
        await startMeeting(db, user, id)
        return done
      case 'step':
        await goToStep(db, user, id, Number(field('index')))
        return done
      case 'end':
        await endMeeting(db, user, id)
        return done
      case 'move': {
        const result = await updatePlan(db, user, id, {
          kind: 'move',
          key: field('key'),
          direction: field('direction') === 'up' ? 'up' : 'down',
        })
        return { intent, ok: result.ok, errors: result.ok ? {} : result.errors }
      }
      case 'skip': {
        const result = await updatePlan(db, user, id, { kind: 'skip', key: field('key'), skip: field('skip') === 'yes' })
        return { intent, ok: result.ok, errors: result.ok ? {} : result.errors }
      }
      case 'add-point': {
        const result = await updatePlan(db, user, id, { kind: 'add-point', title: field('title') })
        return { intent, ok: result.ok, errors: result.ok ? {} : result.errors, values: { title: field('title') } }
      }
      case 'remove-point':
        await updatePlan(db, user, id, { kind: 'remove-point', id: field('pointId') })
        return done
      case 'pick-reply': {
        const result = await updatePlan(db, user, id, { kind: 'pick-reply', replyId: field('replyId'), picked: field('picked') === 'yes' })
        return { intent, ok: result.ok, errors: result.ok ? {} : result.errors }
      }
      case 'delegate':
        await delegateFacilitator(db, user, id, field('facilitatorId') || null)
        return done
      case 'choose-calibration': {
        const item = field('item')
        await chooseCalibration(db, user, id, item.startsWith('gold:') ? { source: 'gold', goldId: item.slice(5) } : { source: 'reply' })
        return done
      }
      case 'vote': {
        const levels: Record<string, string> = {}
        for (const [key, value] of form.entries()) if (key.startsWith('level.')) levels[key.slice(6)] = String(value)
        const result = await castVote(db, user, id, levels)
        return { intent, ok: result.ok, errors: result.ok ? {} : result.errors }
      }
      case 'reveal':
        await revealCalibration(db, user, id)
        return done
      case 'add-action': {
        const values = {
          text: field('text'),
          ownerId: field('ownerId'),
          dueOn: field('dueOn'),
          metric: field('metric'),
          targetChange: field('targetChange'),
        }
        const result = await createActionItem(db, user, id, values)
        return { intent, ok: result.ok, errors: result.ok ? {} : result.errors, values }
      }
      case 'action-status': {
        const status = field('status')
        if (status !== 'open' && status !== 'done' && status !== 'dropped')
          return { intent, ok: false, errors: { form: 'Unknown status.' } }
        await setActionStatus(db, user, field('actionId'), status)
        return done
      }
      default:
        throw new Response('Unknown action.', { status: 400 })
    }
  } catch (error) {
    // A refused step (409/400) is shown beside the control that asked for it; anything else bubbles up.
    if (error instanceof Response && (error.status === 409 || error.status === 400)) {
      const message = await error.text()
      const key = intent === 'reveal' ? 'reveal' : intent === 'choose-calibration' ? 'choose' : 'form'
      return { intent, ok: false, errors: { [key]: message }, status: error.status }
    }
    throw error
  }
}

export default function MeetingRoute() {
  const page = useLoaderData<typeof loader>() as unknown as MeetingPage
  const result = useActionData<typeof action>() as ActionErrors & { ok?: boolean }
  const { state, connected } = useLiveFollow(page.meeting.id, page.live)
  const facilitates = page.viewer.role === 'facilitator'
  const { meeting, team } = page
  return (
    <div className="stack meeting-page">
      <p className="small">
        <Link to="/meetings">Meetings</Link> <span aria-hidden="true">/</span> {team.name}
      </p>
      <header className="page-header">
        <h1>{meetingTitle(team.name, meeting.month)}</h1>
        <p className="row">
          <StatusBadge status={state.status} />
          <span>
            {formatWhen(meeting.startedAt ?? meeting.scheduledAt, meeting.timeZone)} ({meeting.timeZone})
          </span>
          <span className="muted">Looks at {monthLabel(page.agenda.reviewMonth)}</span>
          {meeting.facilitatorName ? <span className="muted">· facilitated by {meeting.facilitatorName}</span> : null}
          {facilitates ? <span className="badge badge--accent">You facilitate</span> : null}
        </p>
        <p className="row small no-print">
          <a href={`/meetings/${meeting.id}.md`}>Markdown export</a>
          {meeting.status === 'held' ? (
            <a
              href={`/meetings/${meeting.id}`}
              onClick={(e) => {
                e.preventDefault()
                window.print()
              }}
            >
              Print
            </a>
          ) : null}
        </p>
      </header>
      {result && !result.ok && result.errors?.form ? (
        <p className="form-error" role="alert">
          {result.errors.form}
        </p>
      ) : null}
      {meeting.status === 'scheduled' ? <Preparation page={page} result={result} /> : null}
      {meeting.status === 'live' ? <LiveMeeting page={page} result={result} connected={connected} startedAt={state.stepStartedAt} /> : null}
      {meeting.status === 'held' ? <Summary page={page} /> : null}
      {facilitates || meeting.status !== 'live' ? null : (
        <p className="small muted no-print" aria-live="polite">
          {connected ? 'Following the facilitator live.' : 'Reload the page to see the current step.'}
        </p>
      )}
    </div>
  )
}

function StatusBadge({ status }: { status: MeetingPage['meeting']['status'] }) {
  if (status === 'live') return <span className="badge badge--good">Live now</span>
  if (status === 'held') return <span className="badge">Held</span>
  return <span className="badge badge--accent">Scheduled</span>
}

function Preparation({ page, result }: { page: MeetingPage; result: ActionErrors }) {
  const facilitates = page.viewer.role === 'facilitator'
  return (
    <>
      {facilitates ? (
        <section className="card meeting-prep no-print" aria-labelledby="prep-heading">
          <h2 id="prep-heading">Prepare the meeting</h2>
          <p>Reorder or skip sections and add your own discussion points. The agenda is fixed once you start.</p>
          <ol className="prep-outline">
            {page.outline.map((item) => (
              <li key={item.key} className={`prep-outline__item${item.skipped ? ' prep-outline__item--skipped' : ''}`}>
                <span className="prep-outline__title">
                  {item.title}{' '}
                  <span className="small muted">
                    · {item.minutes} min{item.skipped ? ' · skipped' : ''}
                  </span>
                </span>
                <span className="prep-outline__controls">
                  <IntentButton intent="move" fields={{ key: item.key, direction: 'up' }} className="button--quiet">
                    <span aria-hidden="true">↑</span>
                    <span className="visually-hidden">Move {item.title} up</span>
                  </IntentButton>
                  <IntentButton intent="move" fields={{ key: item.key, direction: 'down' }} className="button--quiet">
                    <span aria-hidden="true">↓</span>
                    <span className="visually-hidden">Move {item.title} down</span>
                  </IntentButton>
                  <IntentButton intent="skip" fields={{ key: item.key, skip: item.skipped ? 'no' : 'yes' }} className="button--quiet">
                    {item.skipped ? 'Include' : 'Skip'}
                    <span className="visually-hidden"> {item.title}</span>
                  </IntentButton>
                  {item.key.startsWith('point:') ? (
                    <IntentButton intent="remove-point" fields={{ pointId: item.key.slice(6) }} className="button--quiet">
                      Remove<span className="visually-hidden"> {item.title}</span>
                    </IntentButton>
                  ) : null}
                </span>
              </li>
            ))}
          </ol>
          <Form method="post" className="form form--inline" preventScrollReset>
            <input type="hidden" name="intent" value="add-point" />
            <div className={`field${result?.intent === 'add-point' && result.errors?.title ? ' field--invalid' : ''}`}>
              <label htmlFor="point-title">Add a discussion point</label>
              <input
                id="point-title"
                name="title"
                key={result?.intent === 'add-point' && !result.errors?.title ? 'added' : 'typing'}
                defaultValue={result?.intent === 'add-point' && result.errors?.title ? result.values?.title : ''}
                aria-invalid={result?.intent === 'add-point' && result.errors?.title ? true : undefined}
                aria-describedby={result?.intent === 'add-point' && result.errors?.title ? 'point-title-error' : undefined}
              />
              {result?.intent === 'add-point' && result.errors?.title ? (
                <p id="point-title-error" className="field__error" role="alert">
                  {result.errors.title}
                </p>
              ) : null}
            </div>
            <button type="submit" className="button--secondary">
              Add point
            </button>
          </Form>
          {page.prep ? <OfferedReplies page={page} /> : null}
          {page.viewer.manages && page.prep ? (
            <Form method="post" className="form form--inline" preventScrollReset>
              <input type="hidden" name="intent" value="delegate" />
              <div className="field">
                <label htmlFor="delegate">Who facilitates</label>
                <select id="delegate" name="facilitatorId" defaultValue={page.meeting.facilitatorId ?? ''}>
                  <option value="">A manager of the team</option>
                  {page.prep.people.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </div>
              <button type="submit" className="button--secondary">
                Save
              </button>
            </Form>
          ) : null}
          <IntentButton intent="start">Start the meeting</IntentButton>
        </section>
      ) : (
        <p className="card">The facilitator starts the meeting at its time; this page then follows along on its own.</p>
      )}
      <section aria-labelledby="agenda-heading" className="stack">
        <h2 id="agenda-heading">Agenda</h2>
        {page.steps.map((step) => (
          <section key={step.key} className="card agenda-section" aria-labelledby={`step-${step.index}`}>
            <h3 id={`step-${step.index}`}>
              {step.index + 1}. {step.title} <span className="small muted">· {step.minutes} min</span>
            </h3>
            <AgendaStep stepKey={step.key} page={page} result={result} />
          </section>
        ))}
      </section>
    </>
  )
}

function OfferedReplies({ page }: { page: MeetingPage }) {
  const offered = page.prep?.offered ?? []
  return (
    <details className="offered-replies">
      <summary>Replies offered by their authors ({offered.length})</summary>
      {offered.length ? (
        <ul className="celebrated">
          {offered.map((reply) => {
            const picked = page.plan.pickedReplyIds.includes(reply.replyId)
            return (
              <li key={reply.replyId}>
                <blockquote>{reply.text}</blockquote>
                <p className="row small">
                  <span className="muted">
                    {reply.authorName ?? 'A colleague'}, on “{reply.scenarioTitle}”
                  </span>
                  <IntentButton
                    intent="pick-reply"
                    fields={{ replyId: reply.replyId, picked: picked ? 'no' : 'yes' }}
                    className="button--quiet"
                  >
                    {picked ? 'Remove from the agenda' : 'Show in the meeting'}
                  </IntentButton>
                </p>
              </li>
            )
          })}
        </ul>
      ) : (
        <p className="muted">Nobody has offered a reply yet.</p>
      )}
    </details>
  )
}

function LiveMeeting({
  page,
  result,
  connected,
  startedAt,
}: {
  page: MeetingPage
  result: ActionErrors
  connected: boolean
  startedAt: string | null
}) {
  const facilitates = page.viewer.role === 'facilitator'
  const index = Math.min(page.live.stepIndex, page.steps.length - 1)
  const step = page.steps[index]
  return (
    <div className="live-meeting">
      <nav aria-label="Agenda steps" className="live-steps no-print">
        <ol>
          {page.steps.map((s) => (
            <li
              key={s.key}
              aria-current={s.index === index ? 'step' : undefined}
              className={s.index === index ? 'live-steps__current' : page.discussed.includes(s.key) ? 'live-steps__done' : undefined}
            >
              {facilitates ? (
                <IntentButton intent="step" fields={{ index: String(s.index) }} className="button--quiet">
                  {s.title}
                </IntentButton>
              ) : (
                <span>{s.title}</span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <section className="card live-step" aria-labelledby="current-step-heading" data-step={step.key}>
        <p className="small muted">
          Step {index + 1} of {page.steps.length}
        </p>
        <h2 id="current-step-heading">{step.title}</h2>
        <StepTimer startedAt={startedAt} minutes={step.minutes} />
        <AgendaStep stepKey={step.key} page={page} result={result} />
        {facilitates ? (
          <div className="row live-step__controls">
            {index > 0 ? (
              <IntentButton intent="step" fields={{ index: String(index - 1) }} className="button--secondary">
                Previous step
              </IntentButton>
            ) : null}
            {index < page.steps.length - 1 ? (
              <IntentButton intent="step" fields={{ index: String(index + 1) }}>
                Next step
              </IntentButton>
            ) : null}
            <IntentButton intent="end" className="button--danger">
              End the meeting
            </IntentButton>
          </div>
        ) : null}
        <p className="small muted">
          {page.attendance.length} {page.attendance.length === 1 ? 'person has' : 'people have'} joined{connected ? ' · live' : ''}
        </p>
      </section>
    </div>
  )
}

function Summary({ page }: { page: MeetingPage }) {
  const discussed = page.steps.filter((s) => page.discussed.includes(s.key))
  return (
    <div className="stack meeting-summary">
      <section className="card" aria-labelledby="summary-heading">
        <h2 id="summary-heading">Summary</h2>
        <dl className="summary-facts">
          <div>
            <dt>Sections discussed</dt>
            <dd>{discussed.length ? discussed.map((s) => s.title).join(' · ') : 'None recorded'}</dd>
          </div>
          <div>
            <dt>Calibration agreement</dt>
            <dd>
              {page.calibration?.results
                ? `${formatShare(page.calibration.results.overall)} within one level of the median (${page.calibration.votes} votes)`
                : 'No calibration revealed'}
            </dd>
          </div>
          <div>
            <dt>Attendance</dt>
            <dd>{page.attendance.length ? page.attendance.map((a) => a.name).join(', ') : 'Nobody recorded'}</dd>
          </div>
        </dl>
      </section>
      <section className="card" aria-labelledby="summary-actions-heading">
        <h2 id="summary-actions-heading">Action items</h2>
        <AgendaStep stepKey="new-actions" page={page} />
      </section>
      {page.steps.map((step) =>
        step.key === 'new-actions' ? null : (
          <section key={step.key} className="card agenda-section" aria-labelledby={`summary-step-${step.index}`}>
            <h2 id={`summary-step-${step.index}`}>{step.title}</h2>
            <AgendaStep stepKey={step.key} page={page} />
          </section>
        ),
      )}
    </div>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
