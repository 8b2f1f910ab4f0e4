// Rate limits kept in the database, so they hold across processes and instances. Each bucket is
// one row; `consume` counts an attempt and decides in one upsert, which takes the row's lock, so
// forty parallel attempts cannot all read "4 of 5" and pass (the old check-then-record race).
import { eq, lt, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { rateLimitBuckets } from '#db/schema'

export interface Limit {
  bucket: string
  /** Attempts allowed per window. */
  max: number
  windowMs: number
  /**
   * Instead of refusing until the window ends, attempts past `max` are slowed down: 1 s, 2 s,
   * 4 s… between them, up to this. Keeps an owner from being locked out by someone else's tries.
   */
  progressiveMaxDelayMs?: number
}

export const LOGIN_WINDOW_MS = 15 * 60 * 1000
export const loginLimits = (email: string, ip: string): Limit[] => [
  // One address cannot try many accounts…
  { bucket: `login:ip:${ip}`, max: 20, windowMs: LOGIN_WINDOW_MS },
  // …nor one account many times…
  { bucket: `login:email-ip:${email.toLowerCase()}:${ip}`, max: 5, windowMs: LOGIN_WINDOW_MS },
  // …and many addresses together only slow an account down, never lock its owner out.
  { bucket: `login:email:${email.toLowerCase()}`, max: 5, windowMs: LOGIN_WINDOW_MS, progressiveMaxDelayMs: 60_000 },
]

export type Decision = { allowed: true } | { allowed: false; retryAfter: number }

type Row = Record<string, unknown>
const rowsOf = (result: unknown) => (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[]

/** Counts one attempt against each limit, atomically; refused as soon as one limit is exhausted. */
export async function consume(db: Db, limits: Limit[], now = new Date()): Promise<Decision> {
  for (const limit of limits) {
    const at = sql`${now.toISOString()}::timestamptz`
    const window = sql`(${limit.windowMs}::int * interval '1 millisecond')`
    const fresh = sql`b.window_started_at <= ${at} - ${window}`
    const hits = sql`(case when ${fresh} then 1 else b.hits + 1 end)`
    const start = sql`(case when ${fresh} then ${at} else b.window_started_at end)`
    const blockedAfter = (h: typeof hits, s: typeof start) =>
      limit.progressiveMaxDelayMs === undefined
        ? sql`(case when ${h} >= ${limit.max}::int then ${s} + ${window} else null end)`
        : sql`(case when ${h} >= ${limit.max}::int then ${at} + least(power(2, ${h} - ${limit.max}::int) * 1000, ${limit.progressiveMaxDelayMs}::int) * interval '1 millisecond' else null end)`
    const counted = rowsOf(
      await db.execute(sql`
        insert into rate_limit_buckets as b (bucket, hits, window_started_at, blocked_until)
        values (${limit.bucket}, 1, ${at}, ${blockedAfter(sql`1`, at)})
        on conflict (bucket) do update set
          hits = ${hits}, window_started_at = ${start}, blocked_until = ${blockedAfter(hits, start)}
        where b.blocked_until is null or b.blocked_until <= ${at}
        returning hits`),
    )
    if (counted.length === 0) return { allowed: false, retryAfter: await secondsBlocked(db, limit.bucket, now) }
  }
  return { allowed: true }
}

async function secondsBlocked(db: Db, bucket: string, now: Date) {
  const [row] = await db.select({ until: rateLimitBuckets.blockedUntil }).from(rateLimitBuckets).where(eq(rateLimitBuckets.bucket, bucket))
  const until = row?.until ? new Date(row.until).getTime() : now.getTime()
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000))
}

/** Seconds until every limit has room again, without counting an attempt (0 when none is exhausted). */
export async function retryAfterSeconds(db: Db, limits: Limit[], now = new Date()) {
  let wait = 0
  for (const limit of limits) {
    const [row] = await db.select().from(rateLimitBuckets).where(eq(rateLimitBuckets.bucket, limit.bucket))
    if (row?.blockedUntil && row.blockedUntil > now) wait = Math.max(wait, Math.ceil((row.blockedUntil.getTime() - now.getTime()) / 1000))
  }
  return wait
}

/** Counts one attempt against each limit (use `consume` to count and decide in one step). */
export async function recordHit(db: Db, limits: Limit[], now = new Date()) {
  for (const limit of limits) await consume(db, [limit], now)
}

/** Gives back one counted attempt (a sign-in that succeeded should not use up an address's budget). */
export async function refund(db: Db, limit: Limit) {
  await db.execute(sql`
    update rate_limit_buckets set hits = greatest(hits - 1, 0),
      blocked_until = case when hits - 1 < ${limit.max}::int then null else blocked_until end
    where bucket = ${limit.bucket}`)
}

export async function clearBucket(db: Db, bucket: string) {
  await db.delete(rateLimitBuckets).where(eq(rateLimitBuckets.bucket, bucket))
}

/** Buckets whose window and block are both over are useless; prune them now and then. */
export async function pruneHits(db: Db, olderThanMs = 24 * 60 * 60 * 1000, now = new Date()) {
  await db.delete(rateLimitBuckets).where(lt(rateLimitBuckets.windowStartedAt, new Date(now.getTime() - olderThanMs)))
}

/** Attempts counted in a bucket's current window. */
export async function hitCount(db: Db, bucket: string) {
  const [row] = await db.select({ n: rateLimitBuckets.hits }).from(rateLimitBuckets).where(eq(rateLimitBuckets.bucket, bucket))
  return row?.n ?? 0
}
