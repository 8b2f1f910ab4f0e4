// Sessions as Lucia's guide describes them: a random token lives only in the cookie, the
// database keeps its SHA-256 as the session id, expiry slides forward when half used.
import { sha256 } from '@oslojs/crypto/sha2'
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding'
import { and, eq, gt, isNull, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { compiledSelect } from '~/query/prepared.server'
import { notifications, organizations, sessions, users, type Session, type User } from '#db/schema'

export const SESSION_COOKIE = 'rapport_session'
const DAY = 24 * 60 * 60 * 1000
export const SESSION_LIFETIME_MS = 30 * DAY
const LAST_SEEN_EVERY_MS = 5 * 60 * 1000

export function generateSessionToken(): string {
  const bytes = new Uint8Array(20)
  crypto.getRandomValues(bytes)
  return encodeBase32LowerCaseNoPadding(bytes)
}

export const sessionIdFromToken = (token: string) =>
  encodeHexLowerCase(sha256(new TextEncoder().encode(token)))

export async function createSession(
  db: Db,
  token: string,
  userId: string,
  now = new Date(),
  details: { userAgent?: string | null } = {},
) {
  const session: Session = {
    id: sessionIdFromToken(token),
    userId,
    expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
    createdAt: now,
    // Only for the person's own list of sessions on /account; capped, never logged.
    userAgent: details.userAgent ? details.userAgent.slice(0, 400) : null,
    lastSeenAt: now,
  }
  await db.insert(sessions).values(session)
  return session
}

export type SessionUser = Pick<User, 'id' | 'organizationId' | 'email' | 'name' | 'role' | 'joinedAt'> & {
  /** The organization's time zone: every date shown to this person is in it. */
  timeZone?: string
}

export type SessionValidation =
  | { session: Session; user: SessionUser; renewed: boolean; unreadNotifications: number }
  | { session: null; user: null; renewed: false }

/** The session with its person and their unread notifications: built and compiled once (it runs on every request). */
const sessionLookup = compiledSelect<{ session: Session; user: SessionUser; unreadNotifications: number }>((db) =>
  db
    .select({
      session: sessions,
      user: {
        id: users.id,
        organizationId: users.organizationId,
        email: users.email,
        name: users.name,
        role: users.role,
        joinedAt: users.joinedAt,
        timeZone: organizations.timeZone,
      },
      unreadNotifications: sql<number>`(select count(*)::int from ${notifications}
        where ${notifications.userId} = ${users.id} and ${notifications.organizationId} = ${users.organizationId}
        and ${notifications.readAt} is null)`.mapWith(Number),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(and(eq(sessions.id, sql.placeholder('sessionId')), isNull(users.deactivatedAt))),
)

/**
 * Looks the token up; deletes it when expired; extends it when less than half its life is left.
 * The same query counts the person's unread notifications (every page header shows them), so a
 * page needs no round trip of its own for that.
 */
export async function validateSessionToken(
  db: Db,
  token: string,
  now = new Date(),
  details: { userAgent?: string | null } = {},
): Promise<SessionValidation> {
  const sessionId = sessionIdFromToken(token)
  const [row] = await sessionLookup(db, { sessionId })
  if (!row) return { session: null, user: null, renewed: false }
  const { session, user, unreadNotifications } = row
  if (now.getTime() >= session.expiresAt.getTime()) {
    await db.delete(sessions).where(eq(sessions.id, sessionId))
    return { session: null, user: null, renewed: false }
  }
  if (now.getTime() >= session.expiresAt.getTime() - SESSION_LIFETIME_MS / 2) {
    session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS)
    session.lastSeenAt = now
    await db.update(sessions).set({ expiresAt: session.expiresAt, lastSeenAt: now }).where(eq(sessions.id, sessionId))
    return { session, user, renewed: true, unreadNotifications }
  }
  // "Last seen" for /account, written at most every five minutes per session.
  const userAgent = details.userAgent ? details.userAgent.slice(0, 400) : null
  const newAgent = userAgent !== null && userAgent !== session.userAgent
  if (newAgent || !session.lastSeenAt || now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_EVERY_MS) {
    session.lastSeenAt = now
    if (newAgent) session.userAgent = userAgent
    await db
      .update(sessions)
      .set({ lastSeenAt: now, ...(newAgent ? { userAgent } : {}) })
      .where(eq(sessions.id, sessionId))
  }
  return { session, user, renewed: false, unreadNotifications }
}

export async function invalidateSession(db: Db, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId))
}

export async function invalidateAllSessions(db: Db, userId: string) {
  await db.delete(sessions).where(eq(sessions.userId, userId))
}

export async function countActiveSessions(db: Db, userId: string, now = new Date()) {
  const rows = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
  return rows.length
}

export interface CookieOptions {
  secure: boolean
}

export function sessionCookie(token: string, expiresAt: Date, { secure }: CookieOptions) {
  const parts = [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Expires=${expiresAt.toUTCString()}`,
  ]
  if (secure) parts.push('Secure')
  return parts.join('; ')
}

export function blankSessionCookie({ secure }: CookieOptions) {
  const parts = [`${SESSION_COOKIE}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0']
  if (secure) parts.push('Secure')
  return parts.join('; ')
}

export function readSessionToken(cookieHeader: string | null | undefined): string | null {
  if (!cookieHeader) return null
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === SESSION_COOKIE) return rest.join('=') || null
  }
  return null
}
