import { eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { users } from '#db/schema'
import { verifyPassword } from './password.server'
import { clearBucket, consume, loginLimits, refund } from './rate-limit.server'
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
  // Count the attempt before hashing: a refused attempt costs no argon2 work.
  const decision = await consume(db, limits)
  if (!decision.allowed) return { ok: false, reason: 'rate-limited', retryAfter: decision.retryAfter }

  const [user] = await db
    .select({ id: users.id, passwordHash: users.passwordHash, deactivatedAt: users.deactivatedAt })
    .from(users)
    .where(eq(users.email, email))
  const valid = await verifyPassword(user?.passwordHash ?? DECOY_HASH, input.password)
  if (!user || !valid || user.deactivatedAt) return { ok: false, reason: 'invalid' }
  // The owner got in: forget this account's failures, and do not count a success against the address.
  const [perAddress, ...perAccount] = limits
  await refund(db, perAddress)
  for (const limit of perAccount) await clearBucket(db, limit.bucket)
  const token = generateSessionToken()
  const session = await createSession(db, token, user.id)
  return { ok: true, token, expiresAt: session.expiresAt, userId: user.id }
}
