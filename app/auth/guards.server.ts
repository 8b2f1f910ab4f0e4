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

// Any origin we own would do: a target is safe when resolving it against our origin stays on it.
const OWN_ORIGIN = 'http://rapport.internal'

/**
 * Only paths on this site: never send someone to another origin after login. The target is
 * resolved with the WHATWG URL parser — as the browser will — so tabs, newlines, backslashes and
 * encodings that a browser would turn into another host are caught; the result is re-serialised.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = '/') {
  if (!to || typeof to !== 'string' || !to.startsWith('/')) return fallback
  let url: URL
  try {
    url = new URL(to, OWN_ORIGIN)
  } catch {
    return fallback
  }
  if (url.origin !== OWN_ORIGIN) return fallback
  return `${url.pathname}${url.search}${url.hash}`
}
