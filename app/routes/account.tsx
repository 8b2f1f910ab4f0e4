import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import {
  changePassword,
  changePasswordSchema,
  getAccount,
  nameSchema,
  signOutOtherSessions,
  signOutSession,
  updateEmailPreferences,
  updateName,
} from '~/auth/account.server'
import { requireUser } from '~/auth/guards.server'
import { errorTitle } from '~/components/error-boundary'
import { Field, fieldErrors } from '~/components/form-field'
import { MAIL_PREFERENCE_NAMES, MAIL_PREFERENCES, type MailPreference } from '~/mail/mail-preferences'
import { organizationTimeZone } from '~/org/settings.server'
import { formatDateTime, formatRelative } from '~/time/zoned-time'

export const meta: MetaFunction = ({ error }) => [{ title: error ? errorTitle(error) : 'Your account · Rapport' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const me = requireUser(context, request)
  const [account, timeZone] = await Promise.all([
    getAccount(context.db, me, context.auth!.sessionId),
    organizationTimeZone(context.db, me.organizationId),
  ])
  return { account, timeZone, now: Date.now() }
}

type Result = { intent: string; errors: Record<string, string>; values?: Record<string, string>; done?: string }

export async function action({ request, context }: ActionFunctionArgs) {
  const me = requireUser(context, request)
  const sessionId = context.auth!.sessionId
  const form = Object.fromEntries(await request.formData())
  const intent = String(form.intent ?? '')
  const reply = (result: Omit<Result, 'intent'>, status = 200) => data<Result>({ intent, ...result }, { status })
  switch (intent) {
    case 'name': {
      const parsed = nameSchema.safeParse(form)
      const values = { name: typeof form.name === 'string' ? form.name : '' }
      if (!parsed.success) return reply({ values, errors: fieldErrors(parsed.error.issues) }, 400)
      await updateName(context.db, me, parsed.data.name)
      return reply({ errors: {}, done: 'Your name is saved.' })
    }
    case 'password': {
      const parsed = changePasswordSchema.safeParse(form)
      if (!parsed.success) return reply({ errors: fieldErrors(parsed.error.issues) }, 400)
      const result = await changePassword(context.db, me, sessionId, parsed.data)
      if (!result.ok) return reply({ errors: { [result.field]: result.error } }, 400)
      return reply({ errors: {}, done: 'Your password is changed, and you are signed out everywhere else.' })
    }
    case 'sign-out-session': {
      const parsed = z.object({ sessionId: z.string().regex(/^[0-9a-f]{64}$/) }).safeParse(form)
      if (!parsed.success || parsed.data.sessionId === sessionId) return reply({ errors: { sessions: 'That session was not found.' } }, 400)
      const ended = await signOutSession(context.db, me, parsed.data.sessionId)
      return reply({ errors: {}, done: ended ? 'That session is signed out.' : 'That session had already ended.' })
    }
    case 'sign-out-others': {
      const n = await signOutOtherSessions(context.db, me, sessionId)
      return reply({ errors: {}, done: n ? `Signed out of ${n} other session${n === 1 ? '' : 's'}.` : 'There were no other sessions.' })
    }
    case 'preferences': {
      const prefs = Object.fromEntries(MAIL_PREFERENCE_NAMES.map((name) => [name, form[name] === 'on'])) as Record<MailPreference, boolean>
      await updateEmailPreferences(context.db, me, prefs)
      return reply({ errors: {}, done: 'Your e-mail preferences are saved.' })
    }
    default:
      return reply({ errors: { form: 'That request was not understood.' } }, 400)
  }
}

export default function AccountPage() {
  const { account, timeZone, now } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const busy = navigation.state === 'submitting'
  const errorsFor = (intent: string): Record<string, string> => (actionData?.intent === intent ? actionData.errors : {})
  const others = account.sessions.filter((s) => !s.current)
  return (
    <div className="stack">
      <header className="page-header">
        <h1>Your account</h1>
        <p>
          Signed in as <strong>{account.email}</strong>.
        </p>
      </header>
      {actionData?.done ? (
        <p className="form-success" role="status">
          {actionData.done}
        </p>
      ) : null}
      {actionData?.errors.form || actionData?.errors.sessions ? (
        <p className="form-error" role="alert">
          {actionData.errors.form ?? actionData.errors.sessions}
        </p>
      ) : null}

      <section className="card" aria-labelledby="name-heading">
        <h2 id="name-heading">Your name</h2>
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="intent" value="name" />
          <Field
            label="Name"
            name="name"
            autoComplete="name"
            defaultValue={actionData?.intent === 'name' ? (actionData.values?.name ?? account.name) : account.name}
            error={errorsFor('name').name}
            required
          />
          <button type="submit" disabled={busy}>
            Save name
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="password-heading">
        <h2 id="password-heading">Password</h2>
        <Form method="post" className="form" noValidate key={actionData?.intent === 'password' && actionData.done ? 'changed' : 'form'}>
          <input type="hidden" name="intent" value="password" />
          <Field label="Current password" name="current" type="password" autoComplete="current-password" error={errorsFor('password').current} required />
          <Field label="New password" name="password" type="password" autoComplete="new-password" hint="At least 10 characters. Changing it signs you out everywhere else." error={errorsFor('password').password} required />
          <Field label="New password again" name="confirm" type="password" autoComplete="new-password" error={errorsFor('password').confirm} required />
          <button type="submit" disabled={busy}>
            Change password
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Where you are signed in</h2>
        <ul className="stack plain-list" role="list">
          {account.sessions.map((s) => (
            <li key={s.id} className="row">
              <span>
                <strong>{s.browser}</strong>
                <br />
                <span className="small muted">
                  {s.current ? 'This browser, now' : <>Last seen <span title={formatDateTime(s.lastSeenAt, timeZone)}>{formatRelative(s.lastSeenAt, now)}</span></>} · signed in{' '}
                  {formatDateTime(s.signedInAt, timeZone)}
                </span>
              </span>
              {s.current ? null : (
                <Form method="post">
                  <input type="hidden" name="intent" value="sign-out-session" />
                  <input type="hidden" name="sessionId" value={s.id} />
                  <button type="submit" className="button--quiet" disabled={busy}>
                    Sign out<span className="visually-hidden"> {s.browser}, last seen {formatRelative(s.lastSeenAt, now)}</span>
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        {others.length ? (
          <Form method="post">
            <input type="hidden" name="intent" value="sign-out-others" />
            <button type="submit" className="button--secondary" disabled={busy}>
              Sign out everywhere else
            </button>
          </Form>
        ) : null}
      </section>

      <section className="card" aria-labelledby="email-preferences">
        <h2 id="email-preferences">E-mail preferences</h2>
        <p className="muted">Invitations and password resets always reach you. These you can turn off:</p>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="preferences" />
          {MAIL_PREFERENCE_NAMES.map((name) => (
            <label className="check-row" key={name}>
              <input type="checkbox" name={name} defaultChecked={account[name]} />
              {MAIL_PREFERENCES[name].label}
            </label>
          ))}
          <button type="submit" disabled={busy}>
            Save preferences
          </button>
        </Form>
      </section>
    </div>
  )
}
