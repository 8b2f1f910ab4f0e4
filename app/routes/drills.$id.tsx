import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { isStaffLead, requireRole, requireUser } from '~/auth/guards.server'
import { errorTitle, GeneralErrorBoundary } from '~/components/error-boundary'
import { Field, SelectField, TextareaField } from '~/components/form-field'
import { FunnelFigures, StatusBadge } from '~/drills/components/drill-ui'
import drillStyles from '~/drills/components/drills.css'
import { DrillAudienceFields, DrillStepSelect } from '~/drills/components/drill-form'
import { drillEditValues, type DrillEditValues } from '~/drills/drill-form'
import { drillPage, extendDueTime, nudgeDrill, setExemption, updateDrill } from '~/drills/drills.server'
import { actorTimeZone } from '~/drills/organization-zone.server'
import { completionShare } from '~/drills/status'
import { notFound } from '~/http/responses.server'
import { formatDateTime, formatDue } from '~/time/zoned-time'
import { cachedUntilNextWrite } from '~/http/page-cache'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: drillStyles }]
// Answered from memory until the next write to the database (app/server/page-cache.server.ts).
export const handle = cachedUntilNextWrite

export const meta: MetaFunction<typeof loader> = ({ data, error }) => [
  { title: error ? errorTitle(error) : `${data?.title ?? 'Drill'} · Rapport` },
]

const querySchema = z.object({
  team: z.string().uuid().optional().catch(undefined),
  cycle: z.coerce.number().int().positive().optional().catch(undefined),
})

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  const id = params.id ?? ''
  const url = new URL(request.url)
  const query = querySchema.parse({ team: url.searchParams.get('team') || undefined, cycle: url.searchParams.get('cycle') || undefined })
  const now = new Date()
  // One page read: the managers' table (null when the actor does not oversee this drill; a manager
  // may still be assigned it) and the actor's own assignment.
  const [{ table, mine }, timeZone] = await Promise.all([
    drillPage(context.db, user, id, { teamId: query.team, sequence: query.cycle, now, table: isStaffLead(user) }),
    actorTimeZone(context.db, user),
  ])
  if (!table && !mine) notFound('There is no such drill among yours.')
  return { title: (table?.drill.title ?? mine?.drill.title)!, table, mine, timeZone, now: now.toISOString(), query }
}

const personSchema = z.object({ cycleId: z.string().uuid('Pick a cycle.'), userId: z.string().uuid('Pick a person.') })

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requireRole(context, request, ['admin', 'manager'])
  const id = params.id ?? ''
  const form = await request.formData()
  const intent = String(form.get('intent') ?? '')
  const value = (name: string) => String(form.get(name) ?? '')
  if (intent === 'nudge') {
    const result = await nudgeDrill(context.db, actor, id)
    return result.ok
      ? { intent, done: `Reminder sent to ${result.value.length} ${result.value.length === 1 ? 'person' : 'people'}.`, errors: {} as Record<string, string> }
      : data({ intent, done: null, errors: result.errors }, { status: 409 })
  }
  if (intent === 'extend' || intent === 'exempt' || intent === 'unexempt' || intent === 'unextend') {
    const person = personSchema.safeParse({ cycleId: value('cycleId'), userId: value('userId') })
    if (!person.success) return data({ intent, done: null, errors: { userId: 'Pick a person.' } as Record<string, string> }, { status: 400 })
    const base = { drillId: id, ...person.data }
    const result =
      intent === 'extend' || intent === 'unextend'
        ? await extendDueTime(context.db, actor, { ...base, dueDate: value('dueDate'), dueTime: value('dueTime'), clear: intent === 'unextend' })
        : await setExemption(context.db, actor, { ...base, reason: value('reason'), clear: intent === 'unexempt' })
    const done = { extend: 'New due time saved.', unextend: 'Extension taken back.', exempt: 'Exemption saved.', unexempt: 'Exemption taken back.' }[intent]
    return result.ok ? { intent, done, errors: {} as Record<string, string> } : data({ intent, done: null, errors: result.errors }, { status: 400 })
  }
  if (intent === 'edit') {
    const input = drillEditValues(form)
    const result = await updateDrill(context.db, actor, id, input)
    if (result.ok) return { intent, done: 'Drill saved.', errors: {} as Record<string, string> }
    const errors = result.errors
    return data({ intent, done: null, errors, values: input }, { status: 400 })
  }
  return data({ intent, done: null, errors: { form: 'Unknown action.' } as Record<string, string> }, { status: 400 })
}

export default function DrillPage() {
  const { table, mine, timeZone, now, query } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const errors: Record<string, string> = result?.errors ?? {}
  const drill = table?.drill ?? mine!.drill
  return (
    <div className="stack">
      <p>
        <Link to="/drills">← All drills</Link>
      </p>
      <header className="page-header">
        <h1>{drill.title}</h1>
        {drill.recurrence ? <p>{drill.recurrence}</p> : null}
        {drill.note ? <p>{drill.note}</p> : null}
      </header>
      {result?.done ? (
        <p className="form-success" role="status">
          {result.done}
        </p>
      ) : null}
      {errors.nudge || errors.form ? (
        <p className="form-error" role="alert">
          {errors.nudge ?? errors.form}
        </p>
      ) : null}

      {mine ? (
        <section aria-labelledby="my-steps" className="card">
          <h2 id="my-steps">Your steps</h2>
          <p className="drill-item__meta">
            <StatusBadge status={mine.status} /> {mine.exempt ? 'You are exempt from this cycle.' : `${formatDue(mine.dueAt, now)} · ${formatDateTime(mine.dueAt, timeZone)}`}
            {mine.extended ? ' (extended)' : ''}
          </p>
          <ol className="drill-steps">
            {mine.steps.map((step) => (
              <li key={step.id}>
                {step.doneAt ? <span className="badge badge--good">Done</span> : <span className="badge">To do</span>}
                <Link to={step.href}>{step.title}</Link>
                <span className="drill-item__meta">{step.kind === 'lesson' ? 'lesson' : 'scenario'}</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {table ? <ManagerView table={table} timeZone={timeZone} query={query} errors={errors} busy={busy} result={result} /> : null}
    </div>
  )
}

type Table = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['table']>

function ManagerView({
  table,
  timeZone,
  query,
  errors,
  busy,
  result,
}: {
  table: Table
  timeZone: string
  query: { team?: string; cycle?: number }
  errors: Record<string, string>
  busy: boolean
  result: ReturnType<typeof useActionData<typeof action>>
}) {
  const share = completionShare(table.funnel)
  const csvQuery = new URLSearchParams()
  if (query.team) csvQuery.set('team', query.team)
  if (table.cycle) csvQuery.set('cycle', String(table.cycle.sequence))
  const people = table.rows.map((r) => ({ value: r.userId, label: r.name }))
  const editValues = result && 'values' in result && result.values ? (result.values as DrillEditValues) : null
  const audience = editValues?.editAudience ? editValues : table.audience
  const options = table.formOptions
  return (
    <>
      <section aria-labelledby="cycle-heading" className="card">
        <h2 id="cycle-heading">
          {table.cycle ? `${table.cycles.length > 1 ? `Cycle ${table.cycle.sequence}: ` : ''}due ${formatDateTime(table.cycle.dueAt, timeZone)}` : 'Not open yet'}
        </h2>
        <p className="drill-item__meta">
          {table.cycle ? `Opened ${formatDateTime(table.cycle.opensAt, timeZone)}` : `Opens ${formatDateTime(table.drill.opensAt, timeZone)}`}
          {table.nextCycle ? ` · next cycle opens ${formatDateTime(table.nextCycle.opensAt, timeZone)}` : ''}
          {share !== null ? ` · ${Math.round(share * 100)}% done` : ''}
          {table.audienceTeams.length ? ` · for ${table.audienceTeams.map((t) => t.name).join(', ')}` : ''}
        </p>
        <FunnelFigures funnel={table.funnel} label="Where people are" />
        <div className="row">
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="nudge" />
            <button type="submit" className="button--secondary" disabled={busy || table.drill.nudgedToday || !table.cycle}>
              {table.drill.nudgedToday ? 'Nudged today' : 'Nudge everyone not done'}
            </button>
          </Form>
          <a className="button button--secondary" href={`/drills/${table.drill.id}.csv?${csvQuery}`} download>
            Download CSV
          </a>
        </div>
      </section>

      <section aria-labelledby="people-heading">
        <h2 id="people-heading">People</h2>
        <Form method="get" className="filter-row">
          <SelectField
            label="Team"
            name="team"
            defaultValue={query.team ?? ''}
            options={[{ value: '', label: 'All teams' }, ...table.filterTeams.map((t) => ({ value: t.id, label: t.name }))]}
          />
          {table.cycles.length > 1 ? (
            <SelectField
              label="Cycle"
              name="cycle"
              defaultValue={String(table.cycle?.sequence ?? '')}
              options={table.cycles.map((c) => ({ value: String(c.sequence), label: `Cycle ${c.sequence}, due ${formatDateTime(c.dueAt, timeZone)}` }))}
            />
          ) : null}
          <button type="submit" className="button--secondary">
            Show
          </button>
        </Form>
        {table.rows.length === 0 ? (
          <p className="empty">{table.cycle ? 'Nobody here for this filter.' : 'People are assigned when the drill opens.'}</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="People and steps">
            <table className="drill-table">
              <caption className="visually-hidden">Each person’s status and steps</caption>
              <thead>
                <tr>
                  <th scope="col">Person</th>
                  <th scope="col">Status</th>
                  {table.steps.map((step, i) => (
                    <th scope="col" key={step.id}>
                      Step {i + 1}
                      <small>{step.title}</small>
                    </th>
                  ))}
                  <th scope="col">Due</th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.userId}>
                    <th scope="row">
                      {row.name}
                      {row.teamName ? <small>{row.teamName}</small> : null}
                    </th>
                    <td>
                      <StatusBadge status={row.status} />
                      {row.doneAt ? <small>{formatDateTime(row.doneAt, timeZone)}</small> : null}
                      {row.exemptReason !== null ? <small>{row.exemptReason}</small> : null}
                    </td>
                    {row.steps.map((step, i) => (
                      <td key={i}>
                        {step.doneAt ? (
                          <span className={step.late ? 'drill-cell--late' : 'drill-cell--done'}>
                            {step.late ? 'Late' : 'Done'}
                            <small>{formatDateTime(step.doneAt, timeZone)}</small>
                          </span>
                        ) : (
                          <span className="drill-cell--open">Not yet</span>
                        )}
                      </td>
                    ))}
                    <td>
                      {formatDateTime(row.dueAt, timeZone)}
                      {row.extended ? <small>extended</small> : row.joinedAfterOpening ? <small>joined later</small> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {table.cycle && people.length ? (
        <section aria-labelledby="per-person" className="drill-actions">
          <h2 id="per-person" className="visually-hidden">
            For one person
          </h2>
          <Form method="post" className="card form">
            <h3>Give someone more time</h3>
            <input type="hidden" name="cycleId" value={table.cycle.id} />
            <SelectField label="Person" name="userId" options={people} error={result?.intent === 'extend' ? errors.userId : undefined} />
            <Field label="New due date" name="dueDate" type="date" defaultValue={table.dueForm.date} error={result?.intent === 'extend' ? errors.dueDate : undefined} />
            <Field label="New due time" name="dueTime" type="time" defaultValue={table.dueForm.time} />
            <div className="row">
              <button type="submit" name="intent" value="extend" disabled={busy}>
                Extend
              </button>
              <button type="submit" name="intent" value="unextend" className="button--quiet" disabled={busy}>
                Take an extension back
              </button>
            </div>
          </Form>
          <Form method="post" className="card form">
            <h3>Exempt someone</h3>
            <input type="hidden" name="cycleId" value={table.cycle.id} />
            <SelectField label="Person " name="userId" options={people} error={result?.intent === 'exempt' ? errors.userId : undefined} />
            <Field label="Reason" name="reason" hint="Shown to managers; it leaves them out of the completion figure." error={result?.intent === 'exempt' ? errors.reason : undefined} maxLength={300} />
            <div className="row">
              <button type="submit" name="intent" value="exempt" disabled={busy}>
                Exempt
              </button>
              <button type="submit" name="intent" value="unexempt" className="button--quiet" disabled={busy}>
                Take an exemption back
              </button>
            </div>
          </Form>
        </section>
      ) : null}

      <details className="card" open={result?.intent === 'edit' && !result.done}>
        <summary>Edit the drill</summary>
        <Form method="post" className="form drill-form">
          <input type="hidden" name="intent" value="edit" />
          <Field label="Title" name="title" defaultValue={editValues?.title ?? table.drill.title} error={errors.title} maxLength={120} />
          <TextareaField label="Note" name="note" defaultValue={editValues?.note ?? table.drill.note} error={errors.note} rows={2} maxLength={1000} />
          <Field
            label={`Due date of ${table.cycles.length > 1 ? 'this cycle' : 'the drill'}`}
            name="dueDate"
            type="date"
            defaultValue={editValues?.dueDate ?? table.dueForm.date}
            error={errors.dueDate}
            hint="Moving it moves everyone’s due time; reminders start again for the new time."
          />
          <Field label="Due time" name="dueTime" type="time" defaultValue={editValues?.dueTime ?? table.dueForm.time} error={errors.dueTime} />
          <Field label="Days for people who join later" name="joinerGraceDays" type="number" min={1} max={60} defaultValue={editValues?.joinerGraceDays ?? String(table.drill.joinerGraceDays)} error={errors.joinerGraceDays} />
          <fieldset aria-describedby={errors.steps ? 'edit-steps-error' : undefined}>
            <legend>Steps</legend>
            <p className="field__hint">
              Removing a step can complete people; it never un-completes anyone. A new step is one more thing to do for everyone not done yet.
            </p>
            {table.steps.length > 1
              ? table.steps.map((step) => (
                  <label key={step.id} className="row">
                    <input type="checkbox" name="removeStepIds" value={step.id} defaultChecked={editValues?.removeStepIds.includes(step.id)} /> Remove “
                    {step.title}”
                  </label>
                ))
              : null}
            {[0, 1].map((i) => (
              <DrillStepSelect key={i} label={`Add a step ${i + 1}`} name="addSteps" options={options} defaultValue={editValues?.addSteps[i] ?? ''} />
            ))}
            {errors.steps ? (
              <p id="edit-steps-error" className="field__error" role="alert">
                {errors.steps}
              </p>
            ) : null}
          </fieldset>
          <input type="hidden" name="editAudience" value="1" />
          <DrillAudienceFields
            options={options}
            audience={audience}
            error={errors.audience}
            teamsHint="People added now are due no sooner than the joiners’ days from now; people taken out leave the figures."
          />
          <p>
            <button type="submit" disabled={busy}>
              Save the drill
            </button>
          </p>
        </Form>
      </details>
    </>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
