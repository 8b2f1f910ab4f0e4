// Organization settings (/admin/settings): name, time zone, reviews per reply (M) and reviews to
// unlock one's results (N ≥ M, both for new replies), the privacy floor, the default onboarding
// path and the e-mail domains invitations may go to.
import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '#db/client.server'
import { organizations } from '#db/schema'
import { assertRole } from '~/auth/guards.server'
import { DEFAULT_THRESHOLDS, type CciThresholds } from '~/insights/cci'
import { getPath } from '~/lessons/paths.server'
import { DEFAULT_REVIEW_RULES, type ReviewRules } from '~/reviews/review-rules'
import { isValidTimeZone } from '~/time/zoned-time'
import type { Actor } from './teams.server'

export type OrganizationSettings = Pick<
  typeof organizations.$inferSelect,
  | 'id'
  | 'name'
  | 'timeZone'
  | 'reviewsPerReply'
  | 'reviewsToUnlock'
  | 'privacyMinReplies'
  | 'privacyMinPeople'
  | 'defaultPathSlug'
  | 'allowedEmailDomains'
>

export async function getOrganizationSettings(db: Db, organizationId: string): Promise<OrganizationSettings> {
  const [org] = await db
    .select({
      id: organizations.id,
      name: organizations.name,
      timeZone: organizations.timeZone,
      reviewsPerReply: organizations.reviewsPerReply,
      reviewsToUnlock: organizations.reviewsToUnlock,
      privacyMinReplies: organizations.privacyMinReplies,
      privacyMinPeople: organizations.privacyMinPeople,
      defaultPathSlug: organizations.defaultPathSlug,
      allowedEmailDomains: organizations.allowedEmailDomains,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
  if (!org) throw new Response('That organization no longer exists.', { status: 404 })
  return org
}

/** The organization's time zone (every date shown is in it). */
export async function organizationTimeZone(db: Db, organizationId: string) {
  const [org] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, organizationId))
  return org?.timeZone ?? 'UTC'
}

export async function reviewRulesFor(db: Db, organizationId: string): Promise<ReviewRules> {
  const org = await getOrganizationSettings(db, organizationId)
  return { ...DEFAULT_REVIEW_RULES, reviewsPerReply: org.reviewsPerReply, reviewsToUnlock: org.reviewsToUnlock }
}

export async function privacyThresholdsFor(db: Db, organizationId: string): Promise<CciThresholds> {
  const [org] = await db
    .select({ minReplies: organizations.privacyMinReplies, minPeople: organizations.privacyMinPeople })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
  return { ...DEFAULT_THRESHOLDS, ...(org ?? {}) }
}

const domainPattern = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

export const settingsSchema = z
  .object({
    name: z.string().trim().min(2, 'At least 2 characters.').max(80, 'Keep it under 80 characters.'),
    timeZone: z.string().refine(isValidTimeZone, 'Choose a time zone from the list.'),
    reviewsPerReply: z.coerce.number({ invalid_type_error: 'Enter a whole number.' }).int('Enter a whole number.').min(1, 'At least 1.').max(7, 'At most 7.'),
    reviewsToUnlock: z.coerce.number({ invalid_type_error: 'Enter a whole number.' }).int('Enter a whole number.').min(1, 'At least 1.').max(10, 'At most 10.'),
    privacyMinReplies: z.coerce.number({ invalid_type_error: 'Enter a whole number.' }).int('Enter a whole number.').min(3, 'At least 3, so nobody can be singled out.').max(100, 'At most 100.'),
    privacyMinPeople: z.coerce.number({ invalid_type_error: 'Enter a whole number.' }).int('Enter a whole number.').min(2, 'At least 2, so nobody can be singled out.').max(50, 'At most 50.'),
    defaultPathSlug: z.string().trim().max(100).optional().transform((v) => v || null),
    allowedEmailDomains: z
      .string()
      .max(2000, 'That is a long list; keep it under 2,000 characters.')
      .optional()
      .transform((v) =>
        [...new Set((v ?? '').split(/[\s,;]+/).map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))],
      )
      .refine((list) => list.every((d) => domainPattern.test(d)), 'Write domains like example.com, separated by commas.'),
  })
  .refine((v) => v.reviewsToUnlock >= v.reviewsPerReply, {
    path: ['reviewsToUnlock'],
    message: 'Must be at least the reviews each reply needs, so everyone gives as many reviews as their reply takes.',
  })
  .refine((v) => v.privacyMinReplies >= v.privacyMinPeople, {
    path: ['privacyMinReplies'],
    message: 'Must be at least the minimum number of people.',
  })

// Form values as posted (numbers may arrive as text); the schema coerces and checks them.
export type SettingsInput = Record<string, unknown>

export async function updateOrganizationSettings(db: Db, actor: Actor, input: SettingsInput) {
  assertRole(actor, ['admin'])
  const data = settingsSchema.parse(input)
  if (data.defaultPathSlug && !(await getPath(data.defaultPathSlug))) {
    return { ok: false as const, field: 'defaultPathSlug', error: 'Choose a path from the list.' }
  }
  const before = await getOrganizationSettings(db, actor.organizationId)
  const [org] = await db.update(organizations).set(data).where(eq(organizations.id, actor.organizationId)).returning()
  return { ok: true as const, settings: org, timeZoneChanged: before.timeZone !== org.timeZone }
}

/** Whether an address is inside the organization's allowed domains (always, when none are set). */
export function emailDomainAllowed(email: string, allowed: string[]) {
  if (!allowed.length) return true
  const domain = email.split('@').pop()?.toLowerCase() ?? ''
  return allowed.some((d) => domain === d || domain.endsWith(`.${d}`))
}
