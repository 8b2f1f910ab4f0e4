import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { UnusableLink } from '~/components/unusable-link'
import { describeResetToken, newPasswordSchema, resetPassword } from '~/auth/password-reset.server'
import { sessionCookie } from '~/auth/session.server'
import { throttleAttempt, tooManyAttempts } from '~/auth/token-throttle.server'
import { Field, fieldErrors, FormError } from '~/components/form-field'

export const meta: MetaFunction = () => [{ title: 'Choose a new password · Rapport' }]

const explanations = {
  used: 'This link has already been used. If you still need a new password, ask for another link.',
  expired: 'This link has expired (they last one hour). Ask for another one.',
  unknown: 'We do not recognise this link. Check that you copied all of it, or ask for another one.',
} as const

export async function loader({ params, context }: LoaderFunctionArgs) {
  return { status: await describeResetToken(context.db, params.token ?? '') }
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData())
  const wait = await throttleAttempt(context.db, 'reset', context.clientIp)
  if (wait > 0) return data({ errors: { form: tooManyAttempts(wait) } as Record<string, string> }, { status: 429, headers: { 'Retry-After': String(wait) } })
  const status = await describeResetToken(context.db, params.token ?? '')
  if (status !== 'valid') return data({ errors: { form: explanations[status] } as Record<string, string> }, { status: 410 })
  const parsed = newPasswordSchema.safeParse(form)
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error.issues) }, { status: 400 })
  const result = await resetPassword(context.db, params.token ?? '', parsed.data)
  if (!result.ok) return data({ errors: { form: explanations[result.status] } as Record<string, string> }, { status: 410 })
  throw redirect('/?password=reset', {
    headers: { 'Set-Cookie': sessionCookie(result.token, result.expiresAt, { secure: context.secureCookies }) },
  })
}

export default function ResetPasswordPage() {
  const { status } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const errors: Record<string, string> = actionData?.errors ?? {}
  if (status !== 'valid') {
    return <UnusableLink explanation={explanations[status]} to="/forgot-password" label="Ask for a new link" />
  }
  return (
    <div className="auth">
      <h1>Choose a new password</h1>
      <p className="muted">Setting it signs you out on every other device.</p>
      <div className="card">
        <Form method="post" className="form" noValidate>
          <FormError message={errors.form} />
          <Field label="New password" name="password" type="password" autoComplete="new-password" hint="At least 10 characters." error={errors.password} required autoFocus />
          <Field label="New password again" name="confirm" type="password" autoComplete="new-password" error={errors.confirm} required />
          <button type="submit" disabled={navigation.state === 'submitting'}>
            Save the new password
          </button>
        </Form>
      </div>
    </div>
  )
}
