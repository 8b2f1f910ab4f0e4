// The "assign a drill" form: steps in order, the audience, and when. Keeps what was typed when the
// server sends it back with errors.
import { Form } from '@remix-run/react'
import { useRef, type SelectHTMLAttributes } from 'react'
import { Field, SelectField, TextareaField, FormError } from '~/components/form-field'
import { useFocusFirstError } from '~/components/focus-first-error'
import type { DrillFormValues } from '../drill-form'

const STEP_SLOTS = 4

interface Options {
  teams: { id: string; name: string; people: number }[]
  people: { id: string; name: string; email: string }[]
  scenarios: { slug: string; title: string }[]
  lessons: { slug: string; title: string }[]
  timeZone: string
}

function DrillChecks({ name, items, checked, legend, hint }: { name: string; items: { id: string; label: string }[]; checked: string[]; legend: string; hint?: string }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      <div className="checks">
        {items.map((item) => (
          <label key={item.id}>
            <input type="checkbox" name={name} value={item.id} defaultChecked={checked.includes(item.id)} />
            <span>{item.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

/** Who a drill is for: teams, named people and exclusions, with the audience's one error message. */
export function DrillAudienceFields({
  options,
  audience,
  error,
  teamsHint,
}: {
  options: Pick<Options, 'teams' | 'people'>
  audience: { teamIds: string[]; personIds: string[]; excludedIds: string[] }
  error?: string
  teamsHint: string
}) {
  const people = options.people.map((p) => ({ id: p.id, label: p.name }))
  return (
    <>
      <DrillChecks name="teamIds" legend="Teams" items={options.teams.map((t) => ({ id: t.id, label: `${t.name} (${t.people})` }))} checked={audience.teamIds} hint={teamsHint} />
      <details open={audience.personIds.length > 0 || audience.excludedIds.length > 0}>
        <summary>Named people and exclusions</summary>
        <DrillChecks name="personIds" legend="Also assign to" items={people} checked={audience.personIds} />
        <DrillChecks name="excludedIds" legend="Leave out" items={people} checked={audience.excludedIds} />
      </details>
      {error ? (
        <p className="field__error form-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  )
}

/** One step picker: any scenario or lesson of the library, or none. */
export function DrillStepSelect({
  options,
  ...select
}: { options: Pick<Options, 'scenarios' | 'lessons'>; label: string; name: string; defaultValue: string } & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'defaultValue'>) {
  const stepOptions = [
    { value: '', label: '—' },
    ...options.scenarios.map((s) => ({ value: `scenario:${s.slug}`, label: `Scenario: ${s.title}` })),
    ...options.lessons.map((l) => ({ value: `lesson:${l.slug}`, label: `Lesson: ${l.title}` })),
  ]
  return <SelectField {...select} options={stepOptions} />
}

export function DrillForm({
  options,
  values,
  errors,
  result,
  submitting,
}: {
  options: Options
  values: DrillFormValues
  errors: Record<string, string>
  result: unknown
  submitting: boolean
}) {
  const form = useRef<HTMLFormElement>(null)
  useFocusFirstError(form, result, Object.keys(errors).length > 0)
  return (
    <Form method="post" className="form drill-form card" noValidate ref={form}>
      <FormError message={errors.form} />
      <Field label="Title" name="title" defaultValue={values.title} error={errors.title} required maxLength={120} />
      <TextareaField label="A note for the people doing it (optional)" name="note" defaultValue={values.note} error={errors.note} rows={3} maxLength={1000} />
      <fieldset aria-describedby={errors.steps ? 'steps-error' : undefined}>
        <legend>Steps, in order</legend>
        <p className="field__hint">A scenario is done when it is answered to its end after the drill opens; a lesson when it is marked done.</p>
        {Array.from({ length: STEP_SLOTS }, (_, i) => (
          <DrillStepSelect key={i} label={`Step ${i + 1}`} name="steps" defaultValue={values.steps[i] ?? ''} options={options} aria-invalid={i === 0 && errors.steps ? true : undefined} />
        ))}
        {errors.steps ? (
          <p id="steps-error" className="field__error" role="alert">
            {errors.steps}
          </p>
        ) : null}
      </fieldset>
      <DrillAudienceFields options={options} audience={values} error={errors.audience} teamsHint="Everyone in these teams, and whoever joins them while the drill runs." />
      <fieldset>
        <legend>When ({options.timeZone})</legend>
        <div className="when">
          <Field label="Opens on" name="opensDate" type="date" defaultValue={values.opensDate} error={errors.opensDate} required />
          <Field label="at" name="opensTime" type="time" defaultValue={values.opensTime} error={errors.opensTime} required />
          <Field label="Due on" name="dueDate" type="date" defaultValue={values.dueDate} error={errors.dueDate} required />
          <Field label="at " name="dueTime" type="time" defaultValue={values.dueTime} error={errors.dueTime} required />
        </div>
        <SelectField
          label="Repeats"
          name="recurrence"
          defaultValue={values.recurrence}
          error={errors.recurrence}
          options={[
            { value: 'none', label: 'Once' },
            { value: 'weekly', label: 'Every week, on the opening weekday' },
            { value: 'monthly', label: 'Every month, on the same weekday (e.g. first Monday)' },
          ]}
        />
        <Field
          label="Days for people who join a team later"
          hint="Someone who joins after a cycle opened is due no sooner than this many days after joining."
          name="joinerGraceDays"
          type="number"
          min={1}
          max={60}
          defaultValue={values.joinerGraceDays}
          error={errors.joinerGraceDays}
        />
      </fieldset>
      <p>
        <button type="submit" disabled={submitting}>
          Assign the drill
        </button>
      </p>
    </Form>
  )
}
