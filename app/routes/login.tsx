import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data, redirect } from '@remix-run/node'
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react'
import { z } from 'zod'
import { safeRedirect } from '~/auth/guards.server'
import { login } from '~/auth/login.server'
import { sessionCookie } from '~/auth/session.server'
import { Field, fieldErrors } from '~/components/form-field'
import { readForm } from '~/http/form.server'

export const meta: MetaFunction = () => [{ title: 'Sign in · Rapport' }]

// A throttled attempt's Retry-After travels with the page, not only with data requests.
export const headers: HeadersFunction = ({ actionHeaders }) => actionHeaders

const loginSchema = z.object({
  email: z.string().trim().min(1, 'Enter your e-mail address.').email('Enter an e-mail address like name@company.com.'),
  password: z.string().min(1, 'Enter your password.'),
  redirectTo: z.string().optional(),
})

export async function loader({ context }: LoaderFunctionArgs) {
  if (context.auth) throw redirect('/')
  return null
}

export async function action({ request, context }: ActionFunctionArgs) {
  const read = await readForm(request)
  if (read.invalid) return read.invalid
  const form = Object.fromEntries(read.form)
  const email = typeof form.email === 'string' ? form.email : ''
  const parsed = loginSchema.safeParse(form)
  if (!parsed.success) return { email, errors: fieldErrors(parsed.error.issues) }

  const result = await login(context.db, { ...parsed.data, ip: context.clientIp })
  if (!result.ok && result.reason === 'rate-limited') {
    const wait = result.retryAfter ?? 60
    const message = `Too many attempts. Please wait ${wait < 90 ? `${wait} second${wait === 1 ? '' : 's'}` : `${Math.ceil(wait / 60)} minutes`} and try again.`
    return data({ email, errors: { password: message } as Record<string, string> }, { status: 429, headers: { 'Retry-After': String(wait) } })
  }
  if (!result.ok) return { email, errors: { password: 'That e-mail and password do not match an active account.' } as Record<string, string> }
  throw redirect(safeRedirect(parsed.data.redirectTo), {
    headers: { 'Set-Cookie': sessionCookie(result.token, result.expiresAt, { secure: context.secureCookies }) },
  })
}

export default function LoginPage() {
  const actionData = useActionData<typeof action>()
  const [searchParams] = useSearchParams()
  const navigation = useNavigation()
  const errors = actionData?.errors ?? {}
  return (
    <div className="auth">
      <h1>Sign in to Rapport</h1>
      <p className="muted">Practise the conversations that make customers feel heard.</p>
      <div className="card">
        <Form method="post" className="form" noValidate>
          <input type="hidden" name="redirectTo" value={searchParams.get('redirectTo') ?? ''} />
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
          <Field label="Password" name="password" type="password" autoComplete="current-password" error={errors.password} required />
          <button type="submit" disabled={navigation.state === 'submitting'}>
            {navigation.state === 'submitting' ? 'Signing in…' : 'Sign in'}
          </button>
        </Form>
      </div>
      <p className="small">
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p className="small muted">New here? Ask your manager for an invitation link.</p>
    </div>
  )
}
