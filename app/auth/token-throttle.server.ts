// Throttling for the one-time-link forms (setup, invitation, password reset): every attempt from an
// address counts, whatever its outcome, so guessing tokens or hammering argon2 is bounded.
import type { Db } from '#db/client.server'
import { recordHit, retryAfterSeconds, type Limit } from './rate-limit.server'

const WINDOW_MS = 15 * 60 * 1000

const limitsFor = (kind: 'setup' | 'invite' | 'reset' | 'forgot', ip: string, extra?: string): Limit[] => [
  { bucket: `${kind}:ip:${ip}`, max: 20, windowMs: WINDOW_MS },
  ...(extra ? [{ bucket: `${kind}:key:${extra}`, max: 5, windowMs: WINDOW_MS }] : []),
]

/** Seconds to wait when the address (or key) used up its attempts; otherwise 0, with this attempt counted. */
export async function throttleAttempt(db: Db, kind: 'setup' | 'invite' | 'reset' | 'forgot', ip: string, key?: string) {
  const limits = limitsFor(kind, ip, key)
  const wait = await retryAfterSeconds(db, limits)
  if (wait > 0) return wait
  await recordHit(db, limits)
  return 0
}

export function tooManyAttempts(wait: number) {
  return `Too many attempts from here. Please wait ${Math.max(1, Math.ceil(wait / 60))} minute(s) and try again.`
}
