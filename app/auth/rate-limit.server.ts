import { and, count, eq, gte, lt } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { rateLimitHits } from '#db/schema'

export interface Limit {
  bucket: string
  max: number
  windowMs: number
}

export const LOGIN_WINDOW_MS = 15 * 60 * 1000
export const loginLimits = (email: string, ip: string): Limit[] => [
  { bucket: `login:email:${email.toLowerCase()}`, max: 5, windowMs: LOGIN_WINDOW_MS },
  { bucket: `login:ip:${ip}`, max: 20, windowMs: LOGIN_WINDOW_MS },
]

/** Seconds until the first exhausted limit frees up, or 0 when every limit has room. */
export async function retryAfterSeconds(db: Db, limits: Limit[], now = new Date()) {
  let wait = 0
  for (const limit of limits) {
    const since = new Date(now.getTime() - limit.windowMs)
    const hits = await db
      .select({ hitAt: rateLimitHits.hitAt })
      .from(rateLimitHits)
      .where(and(eq(rateLimitHits.bucket, limit.bucket), gte(rateLimitHits.hitAt, since)))
      .orderBy(rateLimitHits.hitAt)
    if (hits.length >= limit.max) {
      const oldestCounted = hits[hits.length - limit.max].hitAt
      wait = Math.max(wait, Math.ceil((oldestCounted.getTime() + limit.windowMs - now.getTime()) / 1000))
    }
  }
  return wait
}

export async function recordHit(db: Db, limits: Limit[], now = new Date()) {
  await db.insert(rateLimitHits).values(limits.map((l) => ({ bucket: l.bucket, hitAt: now })))
}

export async function clearBucket(db: Db, bucket: string) {
  await db.delete(rateLimitHits).where(eq(rateLimitHits.bucket, bucket))
}

/** Old hits are useless; prune them now and then so the table stays small. */
export async function pruneHits(db: Db, olderThanMs = 24 * 60 * 60 * 1000, now = new Date()) {
  await db.delete(rateLimitHits).where(lt(rateLimitHits.hitAt, new Date(now.getTime() - olderThanMs)))
}

export async function hitCount(db: Db, bucket: string) {
  const [row] = await db.select({ n: count() }).from(rateLimitHits).where(eq(rateLimitHits.bucket, bucket))
  return row.n
}
