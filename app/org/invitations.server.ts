import { and, desc, eq, isNull } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '#db/client.server'
import { invitations, memberships, organizations, pathEnrollments, teams, users } from '#db/schema'
import { hashPassword } from '~/auth/password.server'
import { createSession, generateSessionToken, sessionIdFromToken } from '~/auth/session.server'
import { forbidden } from '~/http/responses.server'
import { managedTeamIds, type Actor } from './teams.server'

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000

export const invitationSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter an e-mail address like name@company.com.'),
  teamId: z.string().uuid('Choose a team.'),
  role: z.enum(['member', 'manager', 'admin']).default('member'),
})

export type InvitationInput = z.input<typeof invitationSchema>

/**
 * Creates an invitation and returns the one-time token for the link. Admins invite to any team
 * with any role; managers invite members to the teams they manage.
 */
export async function createInvitation(db: Db, actor: Actor, input: InvitationInput, now = new Date()) {
  if (actor.role === 'member') forbidden('Only managers and admins can invite people.')
  const data = invitationSchema.parse(input)
  const allowedTeams = await managedTeamIds(db, actor)
  if (!allowedTeams.includes(data.teamId)) forbidden('You can only invite people to teams you manage.')
  if (actor.role !== 'admin' && data.role !== 'member') forbidden('Only admins can invite managers or admins.')

  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, data.email))
  if (existing) return { ok: false as const, field: 'email' as const, error: 'Someone with this e-mail already has an account.' }

  const token = generateSessionToken()
  const [invitation] = await db
    .insert(invitations)
    .values({
      organizationId: actor.organizationId,
      teamId: data.teamId,
      email: data.email,
      role: data.role,
      tokenHash: sessionIdFromToken(token),
      invitedById: actor.id,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
    })
    .returning()
  return { ok: true as const, token, invitation }
}

export async function listInvitations(db: Db, actor: Actor) {
  if (actor.role === 'member') forbidden()
  const allowedTeams = new Set(await managedTeamIds(db, actor))
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      teamId: invitations.teamId,
      teamName: teams.name,
      expiresAt: invitations.expiresAt,
      acceptedAt: invitations.acceptedAt,
      revokedAt: invitations.revokedAt,
      createdAt: invitations.createdAt,
    })
    .from(invitations)
    .innerJoin(teams, eq(teams.id, invitations.teamId))
    .where(eq(invitations.organizationId, actor.organizationId))
    .orderBy(desc(invitations.createdAt))
  return rows.filter((r) => allowedTeams.has(r.teamId))
}

export async function revokeInvitation(db: Db, actor: Actor, invitationId: string) {
  const allowedTeams = await managedTeamIds(db, actor)
  const [invitation] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, actor.organizationId)))
  if (!invitation || !allowedTeams.includes(invitation.teamId)) forbidden()
  await db.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, invitation.id))
}

export type InvitationState =
  | { status: 'valid'; email: string; teamName: string; organizationName: string }
  | { status: 'used' | 'expired' | 'revoked' | 'unknown' }

async function findByToken(db: Db, token: string) {
  const [row] = await db
    .select({ invitation: invitations, teamName: teams.name })
    .from(invitations)
    .innerJoin(teams, eq(teams.id, invitations.teamId))
    .where(eq(invitations.tokenHash, sessionIdFromToken(token)))
  return row
}

function stateOf(invitation: typeof invitations.$inferSelect | undefined, now: Date) {
  if (!invitation) return 'unknown' as const
  if (invitation.acceptedAt) return 'used' as const
  if (invitation.revokedAt) return 'revoked' as const
  if (invitation.expiresAt.getTime() <= now.getTime()) return 'expired' as const
  return 'valid' as const
}

export async function describeInvitation(db: Db, token: string, now = new Date()): Promise<InvitationState> {
  const row = await findByToken(db, token)
  const status = stateOf(row?.invitation, now)
  if (status !== 'valid') return { status }
  const [org] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, row.invitation.organizationId))
  return { status, email: row.invitation.email, teamName: row.teamName, organizationName: org.name }
}

export const acceptSchema = z
  .object({
    name: z.string().trim().min(2, 'Tell us your name (at least 2 characters).').max(80, 'Keep it under 80 characters.'),
    password: z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.'),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords differ.' })

/**
 * Accepts an invitation once: creates the person in the invitation's organization and team,
 * enrols them in `enrolIn` (the default onboarding path) and signs them in.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  input: z.input<typeof acceptSchema>,
  options: { enrolIn?: string | null; now?: Date } = {},
) {
  const now = options.now ?? new Date()
  const data = acceptSchema.parse(input)
  const passwordHash = await hashPassword(data.password)
  return db.transaction(async (tx) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(eq(invitations.tokenHash, sessionIdFromToken(token)))
      .for('update')
    const status = stateOf(invitation, now)
    if (status !== 'valid') return { ok: false as const, status }
    // Marking it used first, guarded by accepted_at IS NULL, makes a second use impossible.
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: now })
      .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id })
    if (claimed.length === 0) return { ok: false as const, status: 'used' as const }
    const [user] = await tx
      .insert(users)
      .values({
        organizationId: invitation.organizationId,
        email: invitation.email,
        name: data.name,
        passwordHash,
        role: invitation.role,
        joinedAt: now,
      })
      .returning()
    await tx.insert(memberships).values({
      organizationId: invitation.organizationId,
      userId: user.id,
      teamId: invitation.teamId,
      role: invitation.role === 'member' ? 'member' : 'manager',
    })
    await tx.update(invitations).set({ acceptedUserId: user.id }).where(eq(invitations.id, invitation.id))
    if (options.enrolIn) {
      await tx
        .insert(pathEnrollments)
        .values({ organizationId: invitation.organizationId, userId: user.id, pathSlug: options.enrolIn, enrolledAt: now })
        .onConflictDoNothing()
    }
    const sessionToken = generateSessionToken()
    const session = await createSession(tx as unknown as Db, sessionToken, user.id, now)
    return { ok: true as const, user, token: sessionToken, expiresAt: session.expiresAt }
  })
}
