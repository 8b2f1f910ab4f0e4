import { Form } from '@remix-run/react'
import { Field, SelectField, FormError } from '~/components/form-field'
import { STATUS_TEXT, type ActionOutcome } from '../outcome'
import { describeOutcome, describeTarget } from '../format'
import type { ActionItemView } from '../action-items.server'

type Item = ActionItemView & { outcome?: ActionOutcome | null }

const outcomeTone = (outcome: ActionOutcome) => (outcome.state === 'met' ? 'badge--good' : outcome.state === 'not-met' ? 'badge--bad' : '')

/** Action items with owner, due date, target, status and (for carried ones) whether the metric moved. */
export function ActionItemList({ items, canChange, empty }: { items: Item[]; canChange?: (item: Item) => boolean; empty: string }) {
  if (!items.length) return <p className="muted">{empty}</p>
  return (
    <ul className="action-items">
      {items.map((item) => {
        const target = describeTarget(item.metricName, item.targetChange)
        return (
          <li key={item.id} className={`action-item action-item--${item.status}`}>
            <p className="action-item__text">{item.text}</p>
            <p className="action-item__meta small">
              <span>Owner: {item.ownerName}</span> · <span>Due {item.dueOn}</span>
              {target ? (
                <>
                  {' '}
                  · <span>Target: {target}</span>
                </>
              ) : null}
            </p>
            <p className="row">
              <span className={`badge${item.status === 'done' ? ' badge--good' : ''}`}>{STATUS_TEXT[item.status]}</span>
              {item.outcome ? <span className={`badge ${outcomeTone(item.outcome)}`}>{describeOutcome(item.outcome)}</span> : null}
              {canChange?.(item) ? <ActionStatusForm item={item} /> : null}
            </p>
          </li>
        )
      })}
    </ul>
  )
}

function ActionStatusForm({ item }: { item: Item }) {
  const next = item.status === 'open' ? 'done' : 'open'
  return (
    <Form method="post" action={`/meetings/${item.meetingId}`} preventScrollReset className="action-item__form">
      <input type="hidden" name="intent" value="action-status" />
      <input type="hidden" name="actionId" value={item.id} />
      <input type="hidden" name="status" value={next} />
      <button type="submit" className="button--quiet">
        {next === 'done' ? 'Mark done' : 'Reopen'}
        <span className="visually-hidden">: {item.text}</span>
      </button>
    </Form>
  )
}

interface AddActionProps {
  people: { id: string; name: string }[]
  metrics: { id: string; name: string }[]
  errors?: Record<string, string>
  values?: Record<string, string>
  defaultDue: string
}

export function AddActionForm({ people, metrics, errors = {}, values = {}, defaultDue }: AddActionProps) {
  return (
    <Form method="post" className="form add-action" preventScrollReset noValidate>
      <input type="hidden" name="intent" value="add-action" />
      <h3>Agree an action item</h3>
      <FormError message={errors.form} />
      <Field label="What will be done" name="text" defaultValue={values.text ?? ''} error={errors.text} />
      <div className="add-action__row">
        <SelectField
          label="Owner"
          name="ownerId"
          defaultValue={values.ownerId ?? ''}
          error={errors.ownerId}
          options={[{ value: '', label: 'Choose a person' }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
        />
        <Field label="Due" type="date" name="dueOn" defaultValue={values.dueOn ?? defaultDue} error={errors.dueOn} />
      </div>
      <fieldset className="add-action__metric">
        <legend>Tie it to a metric (optional)</legend>
        <div className="add-action__row">
          <SelectField
            label="Metric"
            name="metric"
            defaultValue={values.metric ?? ''}
            error={errors.metric}
            options={[{ value: '', label: 'None' }, ...metrics.map((m) => ({ value: m.id, label: m.name }))]}
          />
          <Field
            label="Change by next month (points)"
            name="targetChange"
            inputMode="decimal"
            placeholder="e.g. 5"
            defaultValue={values.targetChange ?? ''}
            error={errors.targetChange}
          />
        </div>
      </fieldset>
      <button type="submit">Add action item</button>
    </Form>
  )
}
