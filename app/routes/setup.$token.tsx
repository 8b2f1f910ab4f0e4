import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { UnusableLink } from '~/components/unusable-link'
import { sessionCookie } from '~/auth/session.server'
import { throttleAttempt, tooManyAttempts } from '~/auth/token-throttle.server'
import { Field, SelectField, fieldErrors, FormError } from '~/components/form-field'
import { rescheduleOrganization } from '~/jobs/all-jobs.server'
import { activeJobQueue } from '~/jobs/queue.server'
import { completeSetup, describeSetupToken, setupSchema } from '~/org/setup.server'
import { timeZoneOptions } from '~/time/zoned-time'

export const meta: MetaFunction = () => [{ title: 'Set up Rapport' }]

const explanations = {
  used: 'This setup link has already been used. Sign in with the admin account it created.',
  expired: 'This setup link has expired. Restart the server on the empty database, or run npm run org:create, for a new one.',
  unknown: 'We do not recognise this setup link. Check that you copied all of it.',
} as const

export async function loader({ params, context }: LoaderFunctionArgs) {
  const setup = await describeSetupToken(context.db, params.token ?? '')
  return { setup, timeZones: setup.status === 'valid' ? timeZoneOptions() : [] }
}

const FIELDS = ['organizationName', 'timeZone', 'teamName', 'adminName', 'adminEmail'] as const

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData())
  const values = Object.fromEntries(FIELDS.map((f) => [f, typeof form[f] === 'string' ? String(form[f]) : ''])) as Record<string, string>
  const wait = await throttleAttempt(context.db, 'setup', context.clientIp)
  if (wait > 0) return data({ values, errors: { form: tooManyAttempts(wait) } as Record<string, string> }, { status: 429, headers: { 'Retry-After': String(wait) } })
  const setup = await describeSetupToken(context.db, params.token ?? '')
  if (setup.status !== 'valid') return data({ values, errors: { form: explanations[setup.status] } as Record<string, string> }, { status: 410 })
  if (setup.preset.adminEmail) values.adminEmail = setup.preset.adminEmail
  const parsed = setupSchema.safeParse({ ...form, adminEmail: values.adminEmail })
  if (!parsed.success) return data({ values, errors: fieldErrors(parsed.error.issues) }, { status: 400 })
  const result = await completeSetup(context.db, params.token ?? '', parsed.data)
  if (!result.ok) {
    const message = result.status === 'invalid' ? result.error : explanations[result.status]
    const key = result.status === 'invalid' ? result.field : 'form'
    return data({ values, errors: { [key]: message } as Record<string, string> }, { status: result.status === 'invalid' ? 400 : 410 })
  }
  await rescheduleOrganization(activeJobQueue(), { id: result.organizationId, timeZone: result.timeZone })
  throw redirect('/admin/invitations?welcome=1', {
    headers: { 'Set-Cookie': sessionCookie(result.sessionToken, result.expiresAt, { secure: context.secureCookies }) },
  })
}

export default function SetupPage() {
  const { setup, timeZones } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  if (setup.status !== 'valid') {
    return <UnusableLink explanation={explanations[setup.status]} />
  }
  const errors: Record<string, string> = actionData?.errors ?? {}
  const values: Record<string, string> = actionData?.values ?? {}
  const browserZone = 'UTC'
  return (
    <div className="auth">
      <h1>Set up Rapport</h1>
      <p className="muted">Name your organization and create its first admin account. You can invite everyone else next.</p>
      <div className="card">
        <Form method="post" className="form" noValidate>
          <FormError message={errors.form} />
          <Field
            label="Organization name"
            name="organizationName"
            defaultValue={values.organizationName ?? setup.preset.organizationName ?? ''}
            error={errors.organizationName}
            required
            autoFocus
          />
          <SelectField
            label="Time zone"
            name="timeZone"
            defaultValue={values.timeZone ?? setup.preset.timeZone ?? browserZone}
            error={errors.timeZone}
            options={timeZones.map((z) => ({ value: z, label: z.replace(/_/g, ' ') }))}
          />
          <Field label="First team" name="teamName" hint="For example Support. You can add more teams later." defaultValue={values.teamName ?? ''} error={errors.teamName} required />
          <Field label="Your name" name="adminName" autoComplete="name" defaultValue={values.adminName ?? ''} error={errors.adminName} required />
          {setup.preset.adminEmail ? (
            <p>
              Admin e-mail: <strong>{setup.preset.adminEmail}</strong>
            </p>
          ) : (
            <Field label="Your e-mail" name="adminEmail" type="email" autoComplete="email" defaultValue={values.adminEmail ?? ''} error={errors.adminEmail} required />
          )}
          {setup.preset.adminEmail && errors.adminEmail ? (
            <p className="form-error" role="alert">
              {errors.adminEmail}
            </p>
          ) : null}
          <Field label="Password" name="password" type="password" autoComplete="new-password" hint="At least 10 characters." error={errors.password} required />
          <Field label="Password again" name="confirm" type="password" autoComplete="new-password" error={errors.confirm} required />
          <button type="submit" disabled={navigation.state === 'submitting'}>
            Create the organization
          </button>
        </Form>
      </div>
    </div>
  )
}
