import { Form } from '@remix-run/react'
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
  const err = (key: string) =>
    errors[key] ? (
      <p id={`action-${key}-error`} className="field__error" role="alert">
        {errors[key]}
      </p>
    ) : null
  const described = (key: string) => (errors[key] ? `action-${key}-error` : undefined)
  return (
    <Form method="post" className="form add-action" preventScrollReset noValidate>
      <input type="hidden" name="intent" value="add-action" />
      <h3>Agree an action item</h3>
      {errors.form ? (
        <p className="form-error" role="alert">
          {errors.form}
        </p>
      ) : null}
      <div className={`field${errors.text ? ' field--invalid' : ''}`}>
        <label htmlFor="action-text">What will be done</label>
        <input
          id="action-text"
          name="text"
          defaultValue={values.text ?? ''}
          aria-invalid={errors.text ? true : undefined}
          aria-describedby={described('text')}
        />
        {err('text')}
      </div>
      <div className="add-action__row">
        <div className={`field${errors.ownerId ? ' field--invalid' : ''}`}>
          <label htmlFor="action-owner">Owner</label>
          <select
            id="action-owner"
            name="ownerId"
            defaultValue={values.ownerId ?? ''}
            aria-invalid={errors.ownerId ? true : undefined}
            aria-describedby={described('ownerId')}
          >
            <option value="">Choose a person</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {err('ownerId')}
        </div>
        <div className={`field${errors.dueOn ? ' field--invalid' : ''}`}>
          <label htmlFor="action-due">Due</label>
          <input
            id="action-due"
            type="date"
            name="dueOn"
            defaultValue={values.dueOn ?? defaultDue}
            aria-invalid={errors.dueOn ? true : undefined}
            aria-describedby={described('dueOn')}
          />
          {err('dueOn')}
        </div>
      </div>
      <fieldset className="add-action__metric">
        <legend>Tie it to a metric (optional)</legend>
        <div className="add-action__row">
          <div className={`field${errors.metric ? ' field--invalid' : ''}`}>
            <label htmlFor="action-metric">Metric</label>
            <select
              id="action-metric"
              name="metric"
              defaultValue={values.metric ?? ''}
              aria-invalid={errors.metric ? true : undefined}
              aria-describedby={described('metric')}
            >
              <option value="">None</option>
              {metrics.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
            {err('metric')}
          </div>
          <div className={`field${errors.targetChange ? ' field--invalid' : ''}`}>
            <label htmlFor="action-target">Change by next month (points)</label>
            <input
              id="action-target"
              name="targetChange"
              inputMode="decimal"
              placeholder="e.g. 5"
              defaultValue={values.targetChange ?? ''}
              aria-invalid={errors.targetChange ? true : undefined}
              aria-describedby={described('targetChange')}
            />
            {err('targetChange')}
          </div>
        </div>
      </fieldset>
      <button type="submit">Add action item</button>
    </Form>
  )
}
