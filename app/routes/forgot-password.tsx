import type { ActionFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation } from '@remix-run/react'
import { z } from 'zod'
import { requestPasswordReset } from '~/auth/password-reset.server'
import { throttleAttempt, tooManyAttempts } from '~/auth/token-throttle.server'
import { Field, fieldErrors } from '~/components/form-field'

export const meta: MetaFunction = () => [{ title: 'Forgot your password · Rapport' }]

const schema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter your e-mail address.').max(254, 'That address is too long.').email('Enter an e-mail address like name@company.com.'),
})

export async function action({ request, context }: ActionFunctionArgs) {
  const form = Object.fromEntries(await request.formData())
  const email = typeof form.email === 'string' ? form.email : ''
  const parsed = schema.safeParse(form)
  if (!parsed.success) return data({ email, sent: false, errors: fieldErrors(parsed.error.issues) }, { status: 400 })
  const wait = await throttleAttempt(context.db, 'forgot', context.clientIp, parsed.data.email)
  if (wait > 0) {
    return data({ email, sent: false, errors: { email: tooManyAttempts(wait) } as Record<string, string> }, { status: 429, headers: { 'Retry-After': String(wait) } })
  }
  await requestPasswordReset(context.db, parsed.data.email)
  // The same answer whether or not the address has an account.
  return { email, sent: true, errors: {} as Record<string, string> }
}

export default function ForgotPasswordPage() {
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const errors: Record<string, string> = actionData?.errors ?? {}
  return (
    <div className="auth">
      <h1>Forgot your password?</h1>
      {actionData?.sent ? (
        <div className="card stack">
          <p role="status">
            If <strong>{actionData.email}</strong> belongs to a Rapport account, an e-mail with a link to choose a new password is on
            its way. The link works once, for one hour.
          </p>
          <p>
            <Link to="/login">Back to sign in</Link>
          </p>
        </div>
      ) : (
        <>
          <p className="muted">Enter the e-mail you sign in with and we will send you a link to choose a new password.</p>
          <div className="card">
            <Form method="post" className="form" noValidate>
              <Field
                label="E-mail"
                name="email"
                type="email"
                autoComplete="email"
                defaultValue={actionData?.email ?? ''}
                error={errors.email}
                required
                autoFocus
              />
              <button type="submit" disabled={navigation.state === 'submitting'}>
                Send the link
              </button>
            </Form>
          </div>
          <p className="small">
            <Link to="/login">Back to sign in</Link>
          </p>
        </>
      )}
    </div>
  )
}
