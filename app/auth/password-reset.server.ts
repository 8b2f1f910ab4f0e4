// "Forgot password": an e-mailed link, single use, valid one hour, stored only as its SHA-256.
// The answer is the same whether or not the e-mail has an account; the link's use sets a new
// password, ends every session of that person and signs them in afresh.
import { and, eq, gt, isNull } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '#db/client.server'
import { passwordResetTokens, users } from '#db/schema'
import { queueMail } from '~/mail/outbox.server'
import { passwordResetMail } from '~/mail/templates.server'
import { hashPassword } from './password.server'
import { createSession, generateSessionToken, invalidateAllSessions, sessionIdFromToken } from './session.server'

export const RESET_LIFETIME_MS = 60 * 60 * 1000

export const newPasswordSchema = z
  .object({
    password: z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.'),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords differ.' })

/** Queues a reset e-mail when the address belongs to an active account; says nothing either way. */
export async function requestPasswordReset(db: Db, email: string, now = new Date()): Promise<void> {
  const address = email.trim().toLowerCase()
  const [user] = await db
    .select({ id: users.id, name: users.name, organizationId: users.organizationId, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.email, address))
  if (!user || user.deactivatedAt) return
  // One live link at a time: asking again retires the earlier ones.
  await db
    .update(passwordResetTokens)
    .set({ expiresAt: now })
    .where(and(eq(passwordResetTokens.userId, user.id), isNull(passwordResetTokens.usedAt), gt(passwordResetTokens.expiresAt, now)))
  const token = generateSessionToken()
  await db.insert(passwordResetTokens).values({
    userId: user.id,
    tokenHash: sessionIdFromToken(token),
    expiresAt: new Date(now.getTime() + RESET_LIFETIME_MS),
  })
  await queueMail(db, { organizationId: user.organizationId, userId: user.id, to: address, content: passwordResetMail({ name: user.name, token }) })
}

type ResetStatus = 'valid' | 'used' | 'expired' | 'unknown'

async function findToken(db: Db, token: string) {
  const [row] = await db
    .select({ token: passwordResetTokens, deactivatedAt: users.deactivatedAt })
    .from(passwordResetTokens)
    .innerJoin(users, eq(users.id, passwordResetTokens.userId))
    .where(eq(passwordResetTokens.tokenHash, sessionIdFromToken(token)))
  return row
}

function statusOf(row: Awaited<ReturnType<typeof findToken>>, now: Date): ResetStatus {
  if (!row || row.deactivatedAt) return 'unknown'
  if (row.token.usedAt) return 'used'
  if (row.token.expiresAt.getTime() <= now.getTime()) return 'expired'
  return 'valid'
}

export async function describeResetToken(db: Db, token: string, now = new Date()): Promise<ResetStatus> {
  return statusOf(await findToken(db, token), now)
}

/**
 * Sets a new password with a reset link, once. The token is checked before the new password is
 * hashed. Every session of the person ends; a fresh one is returned so they are signed in here.
 */
export async function resetPassword(db: Db, token: string, input: z.input<typeof newPasswordSchema>, now = new Date()) {
  const data = newPasswordSchema.parse(input)
  const row = await findToken(db, token)
  const status = statusOf(row, now)
  if (status !== 'valid') return { ok: false as const, status }
  const passwordHash = await hashPassword(data.password)
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(passwordResetTokens)
      .set({ usedAt: now })
      .where(and(eq(passwordResetTokens.id, row.token.id), isNull(passwordResetTokens.usedAt)))
      .returning({ userId: passwordResetTokens.userId })
    if (!claimed.length) return { ok: false as const, status: 'used' as const }
    const userId = claimed[0].userId
    await tx.update(users).set({ passwordHash }).where(eq(users.id, userId))
    await invalidateAllSessions(tx as unknown as Db, userId)
    const sessionToken = generateSessionToken()
    const session = await createSession(tx as unknown as Db, sessionToken, userId, now)
    return { ok: true as const, userId, token: sessionToken, expiresAt: session.expiresAt }
  })
}
