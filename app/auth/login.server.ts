import { eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { users } from '#db/schema'
import { verifyPassword } from './password.server'
import { clearBucket, loginLimits, recordHit, retryAfterSeconds } from './rate-limit.server'
import { createSession, generateSessionToken } from './session.server'

export type LoginResult =
  | { ok: true; token: string; expiresAt: Date; userId: string }
  | { ok: false; reason: 'invalid' | 'rate-limited'; retryAfter?: number }

// A real hash to verify against when the e-mail is unknown, so timing does not reveal accounts.
const DECOY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$0eSXg8UKzPbJyLQ+gQHCsw$5Qk2C0V2nYFNdVJzm3UXdmKgUCXW3Qq0yqUoczIOUBM'

export async function login(db: Db, input: { email: string; password: string; ip: string }): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase()
  const limits = loginLimits(email, input.ip)
  const wait = await retryAfterSeconds(db, limits)
  if (wait > 0) return { ok: false, reason: 'rate-limited', retryAfter: wait }

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.email, email))
  const valid = await verifyPassword(user?.passwordHash ?? DECOY_HASH, input.password)
  if (!user || !valid || user.deactivatedAt) {
    await recordHit(db, limits)
    return { ok: false, reason: 'invalid' }
  }
  await clearBucket(db, limits[0].bucket)
  const token = generateSessionToken()
  const session = await createSession(db, token, user.id)
  return { ok: true, token, expiresAt: session.expiresAt, userId: user.id }
}
