import { Form, Link } from '@remix-run/react'
import { CciValue, ChangeBadge } from '~/insights/components'
import type { MeetingPage } from '../meetings.server'
import { formatChange, formatScore, formatShare, monthLabel } from '../format'
import { isSectionKey, type StepKey } from '../plan'
import { ActionItemList, AddActionForm } from './action-items'
import { CalibrationPanel } from './calibration-panel'

export type ActionErrors = { intent?: string; errors?: Record<string, string>; values?: Record<string, string> } | undefined

/** The content of one agenda step, the same in preparation, live and in the summary. */
export function AgendaStep({ stepKey, page, result }: { stepKey: StepKey; page: MeetingPage; result?: ActionErrors }) {
  const { agenda } = page
  const facilitates = page.viewer.role === 'facilitator'
  const live = page.meeting.status === 'live'
  if (!isSectionKey(stepKey)) {
    return <p className="muted">A discussion point the facilitator added.</p>
  }
  switch (stepKey) {
    case 'cci':
      return (
        <div className="agenda-figure">
          <p className="small muted">{monthLabel(agenda.reviewMonth)}, from the team’s reviewed replies.</p>
          <CciValue cci={agenda.cci.current} thresholds={agenda.thresholds} />
          <p>
            <ChangeBadge change={agenda.cci.change} />{' '}
            <span className="small muted">
              ({monthLabel(agenda.previousMonth)}: {formatScore(agenda.cci.previous.value)})
            </span>
          </p>
        </div>
      )
    case 'criteria':
      return (
        <div className="stack">
          <div className="row">
            {agenda.criteria.mostImproved ? (
              <span className="badge badge--good">
                Most improved: {agenda.criteria.mostImproved.name} ({formatChange(agenda.criteria.mostImproved.change)})
              </span>
            ) : null}
            {agenda.criteria.weakest ? (
              <span className="badge badge--warn">
                Weakest: {agenda.criteria.weakest.name} ({formatScore(agenda.criteria.weakest.value)})
              </span>
            ) : null}
          </div>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Criteria in {monthLabel(agenda.reviewMonth)} and the month before</caption>
              <thead>
                <tr>
                  <th scope="col">Criterion</th>
                  <th scope="col">{monthLabel(agenda.reviewMonth)}</th>
                  <th scope="col">{monthLabel(agenda.previousMonth)}</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {agenda.criteria.rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">{row.name}</th>
                    <td>{formatScore(row.value)}</td>
                    <td>{formatScore(row.previous)}</td>
                    <td>{formatChange(row.change)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )
    case 'participation': {
      const p = agenda.participation
      return (
        <ul className="agenda-facts">
          <li>
            <strong>{formatShare(p.share)}</strong> practised ({p.practised} of {p.activeMembers} active members)
          </li>
          <li>
            <strong>{p.reviewsGiven}</strong> reviews given
          </li>
          <li>
            Drills done on time:{' '}
            {p.drills.available ? (
              <strong>
                {formatShare(p.drills.share)} ({p.drills.doneOnTime} of {p.drills.due})
              </strong>
            ) : (
              <span className="muted">no drill was due that month</span>
            )}
          </li>
        </ul>
      )
    }
    case 'hardest-scenario':
      return agenda.hardestScenario ? (
        <p>
          <Link to={`/scenarios/${agenda.hardestScenario.slug}`}>{agenda.hardestScenario.title}</Link>: mean{' '}
          {formatScore(agenda.hardestScenario.mean)} over {agenda.hardestScenario.replies} reviewed replies. Try it together: what would a
          warmer reply say?
        </p>
      ) : (
        <p className="muted">
          No scenario had enough reviewed replies from the team in {monthLabel(agenda.reviewMonth)} to call one the hardest.
        </p>
      )
    case 'last-actions':
      return (
        <ActionItemList
          items={agenda.lastActions}
          empty="No action items from earlier meetings."
          canChange={(item) => page.viewer.manages || facilitates || item.ownerId === page.viewer.id}
        />
      )
    case 'celebrate':
      return page.celebrate.length ? (
        <ul className="celebrated">
          {page.celebrate.map((reply) => (
            <li key={reply.replyId}>
              <blockquote>{reply.text}</blockquote>
              <p className="small muted">
                {reply.authorName ?? 'A colleague'}, on “{reply.scenarioTitle}”
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No reply picked. Authors can offer one of their reviewed replies from its feedback page.</p>
      )
    case 'calibration':
      return (
        <CalibrationPanel
          calibration={page.calibration}
          criteria={page.criteria}
          live={live}
          facilitates={facilitates}
          gold={page.prep?.gold ?? null}
          errors={
            result?.intent === 'vote' || result?.intent === 'reveal' || result?.intent === 'choose-calibration' ? result.errors : undefined
          }
          canChoose={page.meeting.status !== 'held' && (page.calibration?.votes ?? 0) === 0}
        />
      )
    case 'new-actions':
      return (
        <div className="stack">
          <ActionItemList items={page.actions} empty="No action items agreed yet." canChange={() => false} />
          {facilitates && page.prep && page.meeting.status !== 'scheduled' ? (
            <AddActionForm
              key={page.actions.length}
              people={page.prep.people}
              metrics={page.prep.metrics}
              errors={result?.intent === 'add-action' ? result.errors : undefined}
              values={result?.intent === 'add-action' ? result.values : undefined}
              defaultDue={defaultDue(page.meeting.scheduledAt)}
            />
          ) : null}
        </div>
      )
  }
}

/** A month after the meeting: the next meeting looks at whether it happened. */
function defaultDue(scheduledAt: string) {
  const d = new Date(scheduledAt)
  d.setUTCMonth(d.getUTCMonth() + 1)
  return d.toISOString().slice(0, 10)
}

/** A form button posting one intent (with extra fields) back to the meeting. */
export function IntentButton({
  intent,
  fields = {},
  children,
  className,
}: {
  intent: string
  fields?: Record<string, string>
  children: React.ReactNode
  className?: string
}) {
  return (
    <Form method="post" preventScrollReset className="intent-form">
      <input type="hidden" name="intent" value={intent} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className}>
        {children}
      </button>
    </Form>
  )
}
