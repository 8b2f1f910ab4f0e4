// E-mail preferences on the server: honouring them when mail is queued, and the one-click
// unsubscribe link (RFC 8058) each such message carries. Essential mail (invitations, password
// resets) has no switch. queueMail asks `wantsMail` before writing a message, so every domain's
// mail honours the switches without remembering to.
//
//   await wantsMail(db, userId, 'meeting-summary')          → false once the person turned meetings off
//   const { token, tokenHash } = newUnsubscribeToken()      → token goes in the link, hash in the outbox
//   await findUnsubscribe(db, token)                        → who and which switch, or null
//   await setMailPreference(db, found, false)               → the switch, for that person only
import { createHash, randomBytes } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { outboxMessages, users } from '#db/schema'
import { preferenceOf, type MailPreference } from './mail-preferences'

/** Whether the person still wants this kind of mail (always true for mail without a switch). */
export async function wantsMail(db: Db, userId: string, kind: string) {
  const preference = preferenceOf(kind)
  if (!preference) return true
  const [person] = await db.select({ wants: users[preference] }).from(users).where(eq(users.id, userId))
  return person?.wants ?? true
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

/** A fresh token for one message's unsubscribe link; only its hash is stored. */
export function newUnsubscribeToken() {
  const token = randomBytes(20).toString('base64url')
  return { token, tokenHash: hashToken(token) }
}

// Links in old mail keep working for a while, then stop (the preferences page always works).
const TOKEN_LIFETIME_MS = 180 * 24 * 3600e3

export interface UnsubscribeTarget {
  userId: string
  organizationId: string
  email: string
  preference: MailPreference
  subscribed: boolean
}

/** The person and switch behind an unsubscribe link, or null for an unknown or expired link. */
export async function findUnsubscribe(db: Db, token: string, now = new Date()): Promise<UnsubscribeTarget | null> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null
  const [message] = await db
    .select({ userId: outboxMessages.userId, organizationId: outboxMessages.organizationId, kind: outboxMessages.kind, createdAt: outboxMessages.createdAt })
    .from(outboxMessages)
    .where(eq(outboxMessages.unsubscribeTokenHash, hashToken(token)))
  const preference = message ? preferenceOf(message.kind) : null
  if (!message?.userId || !preference || now.getTime() - message.createdAt.getTime() > TOKEN_LIFETIME_MS) return null
  const [person] = await db
    .select({ email: users.email, subscribed: users[preference] })
    .from(users)
    .where(and(eq(users.id, message.userId), eq(users.organizationId, message.organizationId)))
  if (!person) return null
  return { userId: message.userId, organizationId: message.organizationId, email: person.email, preference, subscribed: person.subscribed }
}

/** Turns one switch on or off for the person an unsubscribe link belongs to. */
export async function setMailPreference(db: Db, target: Pick<UnsubscribeTarget, 'userId' | 'organizationId' | 'preference'>, on: boolean) {
  await db
    .update(users)
    .set({ [target.preference]: on })
    .where(and(eq(users.id, target.userId), eq(users.organizationId, target.organizationId)))
}
