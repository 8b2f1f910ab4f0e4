// One-time setup links: /setup/<token> creates an organization and its first admin. The first run
// of an empty database prints one (SEED_DEMO=false); `npm run org:create` prints one per extra
// organization. Only the token's SHA-256 is stored; a link works once, for 24 hours.
import { and, count, eq, gt, isNull } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '#db/client.server'
import { organizations, setupTokens, teams, users } from '#db/schema'
import { hashPassword } from '~/auth/password.server'
import { createSession, generateSessionToken, sessionIdFromToken } from '~/auth/session.server'
import { isValidTimeZone } from '~/time/zoned-time'
import { joinTeam } from './memberships.server'
import { slugify } from './teams.server'

export const SETUP_LIFETIME_MS = 24 * 60 * 60 * 1000

export interface SetupPreset {
  organizationName?: string
  adminEmail?: string
  timeZone?: string
}

/** Creates a setup link's token (returned once, never stored). */
export async function createSetupToken(db: Db, preset: SetupPreset = {}, now = new Date()) {
  if (preset.timeZone && !isValidTimeZone(preset.timeZone)) throw new Error(`unknown time zone ${preset.timeZone}`)
  const token = generateSessionToken()
  await db.insert(setupTokens).values({
    tokenHash: sessionIdFromToken(token),
    organizationName: preset.organizationName ?? null,
    adminEmail: preset.adminEmail?.trim().toLowerCase() ?? null,
    timeZone: preset.timeZone ?? null,
    expiresAt: new Date(now.getTime() + SETUP_LIFETIME_MS),
  })
  return token
}

/**
 * On start with an empty database (no organization, demo not seeded): a fresh first-run link.
 * Earlier unused first-run links stop working, so only the last one printed is valid.
 */
export async function firstRunSetupToken(db: Db, now = new Date()): Promise<string | null> {
  const [{ n }] = await db.select({ n: count() }).from(organizations)
  if (Number(n) > 0) return null
  await db
    .update(setupTokens)
    .set({ expiresAt: now })
    .where(and(isNull(setupTokens.usedAt), isNull(setupTokens.adminEmail), gt(setupTokens.expiresAt, now)))
  return createSetupToken(db, {}, now)
}

type TokenRow = typeof setupTokens.$inferSelect

async function findToken(db: Db, token: string) {
  const [row] = await db.select().from(setupTokens).where(eq(setupTokens.tokenHash, sessionIdFromToken(token)))
  return row
}

function statusOf(row: TokenRow | undefined, now: Date) {
  if (!row) return 'unknown' as const
  if (row.usedAt) return 'used' as const
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired' as const
  return 'valid' as const
}

export type SetupState =
  | { status: 'valid'; preset: { organizationName: string | null; adminEmail: string | null; timeZone: string | null } }
  | { status: 'used' | 'expired' | 'unknown' }

export async function describeSetupToken(db: Db, token: string, now = new Date()): Promise<SetupState> {
  const row = await findToken(db, token)
  const status = statusOf(row, now)
  if (status !== 'valid') return { status }
  return {
    status,
    preset: { organizationName: row.organizationName, adminEmail: row.adminEmail, timeZone: row.timeZone },
  }
}

export const setupSchema = z
  .object({
    organizationName: z.string().trim().min(2, 'Name your organization (at least 2 characters).').max(80, 'Keep it under 80 characters.'),
    timeZone: z.string().refine(isValidTimeZone, 'Choose a time zone from the list.'),
    teamName: z.string().trim().min(2, 'Name a first team (at least 2 characters).').max(60, 'Keep it under 60 characters.'),
    adminName: z.string().trim().min(2, 'Tell us your name (at least 2 characters).').max(80, 'Keep it under 80 characters.'),
    adminEmail: z.string().trim().toLowerCase().email('Enter an e-mail address like name@company.com.'),
    password: z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.'),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords differ.' })

export type SetupResult =
  | { ok: true; organizationId: string; timeZone: string; sessionToken: string; expiresAt: Date }
  | { ok: false; status: 'used' | 'expired' | 'unknown' }
  | { ok: false; status: 'invalid'; field: 'adminEmail'; error: string }

/**
 * Uses a setup link once: creates the organization, its first team and its admin (signed in).
 * The token is checked before the password is hashed, so a bad link costs no hashing.
 */
export async function completeSetup(db: Db, token: string, input: z.input<typeof setupSchema>, now = new Date()): Promise<SetupResult> {
  const row = await findToken(db, token)
  const status = statusOf(row, now)
  if (status !== 'valid') return { ok: false, status }
  const data = setupSchema.parse(input)
  const email = row.adminEmail ?? data.adminEmail
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, email))
  if (taken) return { ok: false, status: 'invalid', field: 'adminEmail', error: 'This e-mail already has a Rapport account. Use another one.' }
  const passwordHash = await hashPassword(data.password)
  return db.transaction(async (tx) => {
    const claimed = await tx
      .update(setupTokens)
      .set({ usedAt: now })
      .where(and(eq(setupTokens.id, row.id), isNull(setupTokens.usedAt)))
      .returning({ id: setupTokens.id })
    if (!claimed.length) return { ok: false as const, status: 'used' as const }
    const [org] = await tx
      .insert(organizations)
      .values({ name: data.organizationName, slug: await freeSlug(tx as unknown as Db, data.organizationName), timeZone: data.timeZone })
      .returning()
    const [team] = await tx
      .insert(teams)
      .values({ organizationId: org.id, name: data.teamName, slug: slugify(data.teamName) || 'team', customerFacing: true })
      .returning()
    const [admin] = await tx
      .insert(users)
      .values({ organizationId: org.id, email, name: data.adminName, passwordHash, role: 'admin', joinedAt: now })
      .returning()
    await joinTeam(tx as unknown as Db, { organizationId: org.id, userId: admin.id, teamId: team.id, role: 'manager', at: now })
    await tx.update(setupTokens).set({ organizationId: org.id }).where(eq(setupTokens.id, row.id))
    const sessionToken = generateSessionToken()
    const session = await createSession(tx as unknown as Db, sessionToken, admin.id, now)
    return { ok: true as const, organizationId: org.id, timeZone: org.timeZone, sessionToken, expiresAt: session.expiresAt }
  })
}

async function freeSlug(db: Db, name: string) {
  const base = slugify(name) || 'organization'
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`
    const [clash] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.slug, slug))
    if (!clash) return slug
  }
}
