import { data, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { requireUser } from '~/auth/guards.server'
import { GeneralErrorBoundary, errorTitle } from '~/components/error-boundary'
import { fieldErrors } from '~/components/form-field'
import { formatWhen, monthLabel } from '~/meetings/format'
import { listMeetings } from '~/meetings/meetings.server'
import { setTeamSlot } from '~/meetings/schedule.server'
import meetingStyles from '~/meetings/components/meetings.css'
import { DEFAULT_SLOT, ORDINALS, WEEKDAYS, type SlotFields } from '~/meetings/slot'
import { cachedUntilNextWrite } from '~/http/page-cache'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: meetingStyles }]

// Answered from memory until the next write to the database (app/server/page-cache.server.ts).
export const handle = cachedUntilNextWrite

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Meetings · Rapport' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = requireUser(context, request)
  return { teams: await listMeetings(context.db, user) }
}

const slotForm = z.object({
  teamId: z.string().uuid(),
  ordinal: z.coerce.number().refine((n) => ORDINALS.some((o) => o.value === n), 'Choose which week.'),
  weekday: z.enum(WEEKDAYS.map((w) => w.value) as [SlotFields['weekday'], ...SlotFields['weekday'][]], { message: 'Choose a weekday.' }),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time like 10:00.'),
  durationMinutes: z.coerce.number().int().min(15, 'At least 15 minutes.').max(240, 'At most 4 hours.'),
})

export async function action({ request, context }: ActionFunctionArgs) {
  const user = requireUser(context, request)
  const values = Object.fromEntries(await request.formData()) as Record<string, string>
  const parsed = slotForm.safeParse(values)
  if (!parsed.success) return data({ teamId: values.teamId ?? '', ok: false, errors: fieldErrors(parsed.error.issues), values }, { status: 400 })
  await setTeamSlot(context.db, user, parsed.data.teamId, parsed.data)
  return data({ teamId: parsed.data.teamId, ok: true, errors: {} as Record<string, string>, values })
}

export default function Meetings() {
  const { teams } = useLoaderData<typeof loader>()
  const result = useActionData<typeof action>()
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Review meetings</h1>
        <p>Once a month each team looks at its own figures together, calibrates on a reply, and agrees what to try next.</p>
      </header>
      {teams.length === 0 ? (
        <p className="empty">
          You are not in a team yet, so there are no meetings for you. Ask your manager or an admin to add you to one.
        </p>
      ) : null}
      {teams.map((team) => {
        const mine = result?.teamId === team.id ? result : null
        return (
          <section key={team.id} className="card meeting-team" aria-labelledby={`team-${team.slug}`}>
            <h2 id={`team-${team.slug}`}>{team.name}</h2>
            <p className="small muted">
              {team.slot
                ? `Meets monthly: ${team.slot.description} (${team.timeZone} time), ${team.slot.durationMinutes} min.`
                : 'No monthly slot set yet.'}
            </p>
            <h3>Next meeting</h3>
            {team.upcoming ? (
              <p className="row">
                <Link to={`/meetings/${team.upcoming.id}`}>{monthLabel(team.upcoming.month)} meeting</Link>
                <span>{formatWhen(team.upcoming.scheduledAt, team.timeZone)}</span>
                {team.upcoming.status === 'live' ? (
                  <span className="badge badge--good">Live now</span>
                ) : (
                  <span className="badge badge--accent">Scheduled</span>
                )}
              </p>
            ) : (
              <p className="muted">None scheduled.{team.manages ? ' Set a monthly slot below and the meeting appears here.' : ''}</p>
            )}
            <h3>Past meetings</h3>
            {team.past.length ? (
              <ul className="past-meetings">
                {team.past.map((meeting) => (
                  <li key={meeting.id}>
                    <Link to={`/meetings/${meeting.id}`}>{monthLabel(meeting.month)} meeting</Link>{' '}
                    <span className="small muted">
                      {formatWhen(meeting.scheduledAt, team.timeZone)} · {meeting.attendance} attended · {meeting.discussed} sections
                      discussed · {meeting.actions.length} action {meeting.actions.length === 1 ? 'item' : 'items'}
                    </span>
                    {meeting.actions.length ? (
                      <ul className="small">
                        {meeting.actions.map((a, i) => (
                          <li key={i}>
                            {a.text} <span className="muted">({a.status})</span>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">No meeting held yet.</p>
            )}
            {team.manages ? <SlotForm team={team} result={mine} /> : null}
          </section>
        )
      })}
    </div>
  )
}

type TeamRow = ReturnType<typeof useLoaderData<typeof loader>>['teams'][number]

function SlotForm({
  team,
  result,
}: {
  team: TeamRow
  result: { ok: boolean; errors: Record<string, string>; values: Record<string, string> } | null
}) {
  const fields = team.slot?.fields ?? DEFAULT_SLOT
  const values = result && !result.ok ? result.values : null
  const errors = result?.errors ?? {}
  const id = (name: string) => `slot-${team.slug}-${name}`
  const invalid = (name: string) => (errors[name] ? { 'aria-invalid': true as const, 'aria-describedby': `${id(name)}-error` } : {})
  const error = (name: string) =>
    errors[name] ? (
      <p id={`${id(name)}-error`} className="field__error" role="alert">
        {errors[name]}
      </p>
    ) : null
  return (
    <details className="slot-form" open={Boolean(values)}>
      <summary>{team.slot ? 'Change the monthly slot' : 'Set the monthly slot'}</summary>
      <Form method="post" className="form form--inline" preventScrollReset>
        <input type="hidden" name="teamId" value={team.id} />
        <div className="field">
          <label htmlFor={id('ordinal')}>Week</label>
          <select id={id('ordinal')} name="ordinal" defaultValue={values?.ordinal ?? String(fields.ordinal)} {...invalid('ordinal')}>
            {ORDINALS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {error('ordinal')}
        </div>
        <div className="field">
          <label htmlFor={id('weekday')}>Day</label>
          <select id={id('weekday')} name="weekday" defaultValue={values?.weekday ?? fields.weekday} {...invalid('weekday')}>
            {WEEKDAYS.map((w) => (
              <option key={w.value} value={w.value}>
                {w.label}
              </option>
            ))}
          </select>
          {error('weekday')}
        </div>
        <div className={`field${errors.time ? ' field--invalid' : ''}`}>
          <label htmlFor={id('time')}>Time</label>
          <input id={id('time')} name="time" type="time" defaultValue={values?.time ?? fields.time} {...invalid('time')} />
          {error('time')}
        </div>
        <div className={`field${errors.durationMinutes ? ' field--invalid' : ''}`}>
          <label htmlFor={id('durationMinutes')}>Minutes</label>
          <input
            id={id('durationMinutes')}
            name="durationMinutes"
            type="number"
            min={15}
            max={240}
            step={15}
            defaultValue={values?.durationMinutes ?? String(team.slot?.durationMinutes ?? 60)}
            {...invalid('durationMinutes')}
          />
          {error('durationMinutes')}
        </div>
        <button type="submit" className="button--secondary">
          Save slot
        </button>
      </Form>
      {result?.ok ? (
        <p className="form-success small" role="status">
          Saved. The coming meeting follows the new slot.
        </p>
      ) : null}
    </details>
  )
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />
}
