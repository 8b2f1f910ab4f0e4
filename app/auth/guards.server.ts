import { redirect } from '@remix-run/node'
import type { SessionUser } from './session.server'
import { forbidden } from '~/http/responses.server'

export type Role = SessionUser['role']

export interface AuthContext {
  auth: { user: SessionUser; sessionId: string } | null
}

function loginUrl(request: Request) {
  const url = new URL(request.url)
  const back = `${url.pathname}${url.search}`
  return back === '/' ? '/login' : `/login?redirectTo=${encodeURIComponent(back)}`
}

/** The signed-in person, or a redirect to the login page that comes back here afterwards. */
export function requireUser(context: AuthContext, request: Request): SessionUser {
  if (!context.auth) throw redirect(loginUrl(request))
  return context.auth.user
}

/** The signed-in person when they hold one of `roles`; otherwise 403 (or a redirect to log in). */
export function requireRole(context: AuthContext, request: Request, roles: readonly Role[]): SessionUser {
  const user = requireUser(context, request)
  assertRole(user, roles)
  return user
}

export function assertRole(user: Pick<SessionUser, 'role'>, roles: readonly Role[]) {
  if (!roles.includes(user.role)) forbidden()
}

export const isStaffLead = (user: Pick<SessionUser, 'role'>) => user.role === 'admin' || user.role === 'manager'

/** Only relative paths on this site: never send someone to another origin after login. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (!to || typeof to !== 'string') return fallback
  if (!to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) return fallback
  return to
}
