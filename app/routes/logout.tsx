import type { ActionFunctionArgs } from '@remix-run/node'
import { redirect } from '@remix-run/node'
import { blankSessionCookie, invalidateSession } from '~/auth/session.server'

export async function loader() {
  throw redirect('/')
}

export async function action({ context }: ActionFunctionArgs) {
  if (context.auth) await invalidateSession(context.db, context.auth.sessionId)
  throw redirect('/login', { headers: { 'Set-Cookie': blankSessionCookie({ secure: context.secureCookies }) } })
}
