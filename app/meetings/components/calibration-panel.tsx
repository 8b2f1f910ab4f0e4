import { Form } from '@remix-run/react'
import { RubricFieldset } from '~/reviews/components/rubric-fieldset'
import type { RubricCriterion } from '~/reviews/rubric-schema'
import type { CalibrationView } from '../calibration.server'
import { formatShare } from '../format'
import { FormError } from '~/components/form-field'

interface Props {
  calibration: CalibrationView | null
  criteria: RubricCriterion[]
  live: boolean
  facilitates: boolean
  gold: { id: string; title: string }[] | null
  errors?: Record<string, string>
  canChoose: boolean
}

/** The blind calibration: the item, private voting, the count of votes, and after the reveal the anonymous spread. */
export function CalibrationPanel({ calibration, criteria, live, facilitates, gold, errors = {}, canChoose }: Props) {
  return (
    <div className="calibration-step stack">
      {calibration ? (
        <>
          <p className="small muted">
            {calibration.source === 'gold' ? 'A gold example' : 'An anonymised reply from another team'} to “{calibration.scenarioTitle}”.
            Score it on your own; nobody, the facilitator included, sees who voted what, and it changes nobody’s scores.
          </p>
          <blockquote className="calibration-step__text">{calibration.text}</blockquote>
          <p className="calibration-step__count" aria-live="polite">
            <strong>{calibration.votes}</strong> {calibration.votes === 1 ? 'vote' : 'votes'} so far
            {calibration.revealed ? ' · revealed' : ` · the reveal needs at least ${calibration.minVotes}`}
          </p>
          {calibration.results ? <CalibrationResults results={calibration.results} gold={calibration.source === 'gold'} /> : null}
          {live && !calibration.revealed && !calibration.hasVoted ? <VoteForm criteria={criteria} errors={errors} /> : null}
          {calibration.hasVoted && !calibration.revealed ? (
            <p className="form-success">Your vote is in. It is stored without your name.</p>
          ) : null}
          {live && facilitates && !calibration.revealed ? (
            <Form method="post" preventScrollReset>
              <input type="hidden" name="intent" value="reveal" />
              <FormError message={errors.reveal} />
              <button type="submit" className="button--secondary">
                Reveal the votes
              </button>
            </Form>
          ) : null}
        </>
      ) : (
        <p className="muted">No item chosen yet for the calibration.</p>
      )}
      {facilitates && canChoose && gold ? <ChooseForm gold={gold} error={errors.choose} /> : null}
    </div>
  )
}

function VoteForm({ criteria, errors }: { criteria: RubricCriterion[]; errors: Record<string, string> }) {
  return (
    <Form method="post" className="review-form calibration-vote" preventScrollReset noValidate>
      <input type="hidden" name="intent" value="vote" />
      <h3>Your private vote</h3>
      <FormError message={errors.form} />
      {criteria.map((criterion) => (
        <RubricFieldset
          key={criterion.id}
          criterion={criterion}
          name={`level.${criterion.id}`}
          idPrefix={`vote-${criterion.id}`}
          error={errors[criterion.id]}
          compact
        />
      ))}
      <button type="submit">Cast my vote</button>
    </Form>
  )
}

function ChooseForm({ gold, error }: { gold: { id: string; title: string }[]; error?: string }) {
  return (
    <details className="calibration-choose">
      <summary>Choose what the room calibrates on</summary>
      <Form method="post" className="form" preventScrollReset>
        <input type="hidden" name="intent" value="choose-calibration" />
        <FormError message={error} />
        <div className="field">
          <label htmlFor="calibration-item">Calibration item</label>
          <select id="calibration-item" name="item" defaultValue="reply">
            <option value="reply">A recent reply from another team (anonymised)</option>
            {gold.map((item, i) => (
              <option key={item.id} value={`gold:${item.id}`}>
                Gold example {i + 1}: {item.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button--secondary">
          Use this item
        </button>
      </Form>
    </details>
  )
}

function CalibrationResults({ results, gold }: { results: NonNullable<CalibrationView['results']>; gold: boolean }) {
  return (
    <section className="calibration-results" aria-labelledby="calibration-results-heading">
      <h3 id="calibration-results-heading">How the room scored it</h3>
      <p>
        Agreement: <strong>{formatShare(results.overall)}</strong> of votes within one level of the median, across the criteria.
      </p>
      {results.criteria.map((criterion) => {
        const total = criterion.distribution.reduce((a, b) => a + b, 0)
        return (
          <div key={criterion.criterionId} className="calibration-criterion" data-criterion={criterion.criterionId}>
            <h4>{criterion.name}</h4>
            <p className="small">
              Median {criterion.median ?? '–'} · {formatShare(criterion.spread)} within one level
              {gold && criterion.expert ? (
                <>
                  {' '}
                  · <strong>expert: level {criterion.expert}</strong>
                </>
              ) : null}
            </p>
            <table className="calibration-distribution">
              <caption className="visually-hidden">{criterion.name}: votes per level</caption>
              <thead>
                <tr>
                  <th scope="col">Level</th>
                  <th scope="col">Votes</th>
                  <th scope="col">What it means</th>
                </tr>
              </thead>
              <tbody>
                {criterion.levels.map((level, i) => (
                  <tr key={level.level} className={criterion.expert === level.level ? 'calibration-distribution__expert' : undefined}>
                    <th scope="row">
                      {level.level} · {level.label}
                    </th>
                    <td>
                      <span
                        className="calibration-bar"
                        style={{ width: `${total ? (criterion.distribution[i] / total) * 100 : 0}%` }}
                        aria-hidden="true"
                      />
                      <span className="calibration-bar__count">{criterion.distribution[i]}</span>
                    </td>
                    <td className="small">{level.descriptor}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      })}
    </section>
  )
}
