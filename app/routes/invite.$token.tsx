import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { UnusableLink } from '~/components/unusable-link'
import { sessionCookie } from '~/auth/session.server'
import { throttleAttempt, tooManyAttempts } from '~/auth/token-throttle.server'
import { Field, fieldErrors, FormError } from '~/components/form-field'
import { acceptInvitation, acceptSchema, describeInvitation } from '~/org/invitations.server'
import { defaultPathSlug } from '~/org/onboarding.server'
import { readForm } from '~/http/form.server'

export const meta: MetaFunction = () => [{ title: 'Join your team · Rapport' }]

const explanations = {
  used: 'This invitation has already been used. If it was you, sign in with your e-mail and password.',
  expired: 'This invitation has expired. Ask your manager for a new one.',
  revoked: 'This invitation was withdrawn. Ask your manager for a new one.',
  unknown: 'We do not recognise this invitation link. Check that you copied all of it.',
  'email-taken':
    'This e-mail already has a Rapport account (perhaps with another organization). Sign in with it, or ask for an invitation to another address.',
} as const

export async function loader({ params, context }: LoaderFunctionArgs) {
  return { invitation: await describeInvitation(context.db, params.token ?? '') }
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const read = await readForm(request)
  if (read.invalid) return read.invalid
  const form = Object.fromEntries(read.form)
  const name = typeof form.name === 'string' ? form.name : ''
  // Every attempt counts toward the address's budget, before any password is hashed.
  const wait = await throttleAttempt(context.db, 'invite', context.clientIp)
  if (wait > 0) {
    return data({ name, errors: { form: tooManyAttempts(wait) } as Record<string, string> }, { status: 429, headers: { 'Retry-After': String(wait) } })
  }
  const parsed = acceptSchema.safeParse(form)
  if (!parsed.success) return data({ name, errors: fieldErrors(parsed.error.issues) }, { status: 400 })
  const result = await acceptInvitation(context.db, params.token ?? '', parsed.data, { enrolIn: await defaultPathSlug() })
  if (!result.ok) {
    return data({ name, errors: { form: explanations[result.status] } as Record<string, string> }, { status: result.status === 'email-taken' ? 409 : 410 })
  }
  throw redirect('/', {
    headers: { 'Set-Cookie': sessionCookie(result.token, result.expiresAt, { secure: context.secureCookies }) },
  })
}

export default function AcceptInvitation() {
  const { invitation } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors ?? {}
  if (invitation.status !== 'valid') {
    return <UnusableLink explanation={explanations[invitation.status]} />
  }
  return (
    <div className="auth">
      <h1>Welcome to {invitation.organizationName}</h1>
      <p>
        You have been invited to join <strong>{invitation.teamName}</strong> as <strong>{invitation.email}</strong>. Choose your
        name and a password to get started.
      </p>
      <div className="card">
        <Form method="post" className="form" noValidate>
          <FormError message={errors.form} />
          <Field label="Your name" name="name" autoComplete="name" defaultValue={actionData?.name ?? invitation.name ?? ''} error={errors.name} required />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters."
            error={errors.password}
            required
          />
          <Field label="Password again" name="confirm" type="password" autoComplete="new-password" error={errors.confirm} required />
          <button type="submit">Join and start</button>
        </Form>
      </div>
    </div>
  )
}
