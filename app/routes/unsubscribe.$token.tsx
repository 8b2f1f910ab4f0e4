import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from '@remix-run/node'
import { data } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { readForm } from '~/http/form.server'
import { MAIL_PREFERENCES } from '~/mail/mail-preferences'
import { findUnsubscribe, setMailPreference } from '~/mail/preferences.server'

// The link at the foot of reminders, meeting notices and digests. Opening it changes nothing
// (mail scanners open links); the button, or a mail program's one-click POST (RFC 8058), does.

export const meta: MetaFunction = () => [{ title: 'E-mail preferences · Rapport' }, { name: 'robots', content: 'noindex' }]

const UNKNOWN_LINK = 'This link is unknown or too old. You can still choose which e-mails you get on your account page.'

export async function loader({ params, context }: LoaderFunctionArgs) {
  const target = await findUnsubscribe(context.db, params.token ?? '')
  if (!target) throw data(UNKNOWN_LINK, { status: 404 })
  return { email: target.email, preference: target.preference, subscribed: target.subscribed }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const target = await findUnsubscribe(context.db, params.token ?? '')
  if (!target) throw data(UNKNOWN_LINK, { status: 404 })
  const { form, invalid } = await readForm(request)
  if (invalid) return invalid
  // A mail program's one-click request says `List-Unsubscribe=One-Click`; our own page says which way.
  const subscribe = form.get('intent') === 'subscribe'
  await setMailPreference(context.db, target, subscribe)
  return { subscribed: subscribe }
}

export default function UnsubscribePage() {
  const { email, preference, subscribed: subscribedBefore } = useLoaderData<typeof loader>()
  const actionData = useActionData<typeof action>()
  const busy = useNavigation().state === 'submitting'
  const subscribed = actionData && 'subscribed' in actionData ? actionData.subscribed : subscribedBefore
  const what = MAIL_PREFERENCES[preference].label
  return (
    <div className="auth">
      <h1>{subscribed ? 'Stop these e-mails?' : 'You will not get these e-mails'}</h1>
      <div className="card stack">
        {actionData && 'subscribed' in actionData ? (
          <p role="status">{subscribed ? 'Done: these e-mails will reach you again.' : 'Done: no more of these e-mails.'}</p>
        ) : null}
        <p>
          {subscribed ? 'Stop sending' : 'Not sending'} <strong>{what.charAt(0).toLowerCase() + what.slice(1)}</strong> to{' '}
          <strong>{email}</strong>. Invitations and password resets always reach you.
        </p>
        <Form method="post" className="form">
          <input type="hidden" name="intent" value={subscribed ? 'unsubscribe' : 'subscribe'} />
          <button type="submit" className={subscribed ? undefined : 'button--secondary'} disabled={busy}>
            {subscribed ? 'Stop these e-mails' : 'Send them again'}
          </button>
        </Form>
      </div>
      <p className="small">
        <Link to="/account#email-preferences">All your e-mail preferences</Link> (sign-in needed)
      </p>
    </div>
  )
}
