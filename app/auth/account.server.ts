// A person's own account (/account): name, password, active sessions, e-mail preferences.
// Every function acts on the actor's own rows only.
import { and, desc, eq, gt, ne } from 'drizzle-orm'
import { UAParser } from 'ua-parser-js'
import { z } from 'zod'
import type { Db } from '#db/client.server'
import { sessions, users } from '#db/schema'
import type { MailPreference } from '~/mail/mail-preferences'
import { hashPassword, verifyPassword } from './password.server'
import type { SessionUser } from './session.server'

type Me = Pick<SessionUser, 'id' | 'organizationId'>

/** "Chrome 130 on Linux" from a user-agent string (never shown to anyone but its owner). */
export function describeBrowser(userAgent: string | null) {
  if (!userAgent) return 'Unknown browser'
  const parser = new UAParser(userAgent)
  const browser = parser.getBrowser()
  const os = parser.getOS()
  const name = browser.name ? `${browser.name}${browser.major ? ` ${browser.major}` : ''}` : 'Unknown browser'
  return os.name ? `${name} on ${os.name}` : name
}

export async function getAccount(db: Db, me: Me, currentSessionId: string, now = new Date()) {
  const [person] = await db
    .select({
      name: users.name,
      email: users.email,
      emailReminders: users.emailReminders,
      emailMeetings: users.emailMeetings,
      emailDigest: users.emailDigest,
      role: users.role,
    })
    .from(users)
    .where(and(eq(users.id, me.id), eq(users.organizationId, me.organizationId)))
  const active = await db
    .select({ id: sessions.id, userAgent: sessions.userAgent, lastSeenAt: sessions.lastSeenAt, createdAt: sessions.createdAt })
    .from(sessions)
    .where(and(eq(sessions.userId, me.id), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt))
  return {
    ...person,
    sessions: active.map((s) => ({
      id: s.id,
      browser: describeBrowser(s.userAgent),
      lastSeenAt: s.lastSeenAt ?? s.createdAt,
      signedInAt: s.createdAt,
      current: s.id === currentSessionId,
    })),
  }
}

export const nameSchema = z.object({
  name: z.string().trim().min(2, 'At least 2 characters.').max(80, 'Keep it under 80 characters.'),
})

export async function updateName(db: Db, me: Me, name: string) {
  const data = nameSchema.parse({ name })
  await db.update(users).set({ name: data.name }).where(and(eq(users.id, me.id), eq(users.organizationId, me.organizationId)))
}

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, 'Enter your current password.').max(200),
    password: z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.'),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords differ.' })

/** Changes the password when the current one is right; every other session of the person ends. */
export async function changePassword(db: Db, me: Me, currentSessionId: string, input: z.input<typeof changePasswordSchema>) {
  const data = changePasswordSchema.parse(input)
  const [person] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, me.id))
  if (!person || !(await verifyPassword(person.passwordHash, data.current))) {
    return { ok: false as const, field: 'current' as const, error: 'That is not your current password.' }
  }
  const passwordHash = await hashPassword(data.password)
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, me.id))
    await tx.delete(sessions).where(and(eq(sessions.userId, me.id), ne(sessions.id, currentSessionId)))
  })
  return { ok: true as const }
}

/** Signs out one of the person's own sessions. */
export async function signOutSession(db: Db, me: Me, sessionId: string) {
  const removed = await db
    .delete(sessions)
    .where(and(eq(sessions.id, sessionId), eq(sessions.userId, me.id)))
    .returning({ id: sessions.id })
  return removed.length > 0
}

/** Signs out every session of the person but this one. Returns how many ended. */
export async function signOutOtherSessions(db: Db, me: Me, currentSessionId: string) {
  const removed = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, me.id), ne(sessions.id, currentSessionId)))
    .returning({ id: sessions.id })
  return removed.length
}

export async function updateEmailPreferences(db: Db, me: Me, prefs: Record<MailPreference, boolean>) {
  await db
    .update(users)
    .set({ emailReminders: prefs.emailReminders, emailMeetings: prefs.emailMeetings, emailDigest: prefs.emailDigest })
    .where(and(eq(users.id, me.id), eq(users.organizationId, me.organizationId)))
}
