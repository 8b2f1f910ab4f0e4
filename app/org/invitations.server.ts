import { and, desc, eq, gt, inArray, isNull } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '#db/client.server'
import { invitations, organizations, pathEnrollments, teams, users } from '#db/schema'
import { hashPassword } from '~/auth/password.server'
import { createSession, generateSessionToken, sessionIdFromToken } from '~/auth/session.server'
import { forbidden } from '~/http/responses.server'
import { getPath } from '~/lessons/paths.server'
import { queueMail } from '~/mail/outbox.server'
import { invitationMail } from '~/mail/templates.server'
import { formatDate } from '~/time/zoned-time'
import { joinTeam } from './memberships.server'
import { emailDomainAllowed, getOrganizationSettings } from './settings.server'
import { managedTeamIds, type Actor } from './teams.server'

export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000

export const invitationSchema = z.object({
  email: z.string().trim().toLowerCase().max(254, 'That address is too long.').email('Enter an e-mail address like name@company.com.'),
  name: z
    .string()
    .trim()
    .max(80, 'Keep it under 80 characters.')
    .optional()
    .transform((v) => v || null),
  teamId: z.string().uuid('Choose a team.'),
  /** Their role in that team. */
  teamRole: z.enum(['member', 'manager']).default('member'),
  /** Their role in the organization (admins choose; a team manager is at least a manager). */
  role: z.enum(['member', 'manager', 'admin']).default('member'),
  /** The onboarding path to enrol them in; the organization's default when empty. */
  pathSlug: z
    .string()
    .trim()
    .max(100)
    .optional()
    .transform((v) => v || null),
})

export type InvitationInput = z.input<typeof invitationSchema>

/**
 * Creates an invitation, e-mails it (through the job queue) and returns the one-time token for the
 * link, so the page can offer it to copy as well. Admins invite to any team with any role; managers
 * invite members to the teams they manage, inside the allowed e-mail domains.
 */
export async function createInvitation(db: Db, actor: Actor, input: InvitationInput, now = new Date()) {
  if (actor.role === 'member') forbidden('Only managers and admins can invite people.')
  const data = invitationSchema.parse(input)
  const allowedTeams = await managedTeamIds(db, actor)
  if (!allowedTeams.includes(data.teamId)) forbidden('You can only invite people to teams you manage.')
  const role = data.teamRole === 'manager' && data.role === 'member' ? 'manager' : data.role
  if (actor.role !== 'admin' && (role !== 'member' || data.teamRole !== 'member')) {
    forbidden('Only admins can invite managers or admins.')
  }
  const problem = await invitationProblem(db, actor, data.email, now)
  if (problem) return { ok: false as const, field: 'email' as const, error: problem }
  if (data.pathSlug && !(await getPath(data.pathSlug))) {
    return { ok: false as const, field: 'pathSlug' as const, error: 'Choose a path from the list.' }
  }
  const [team] = await db.select({ archivedAt: teams.archivedAt }).from(teams).where(eq(teams.id, data.teamId))
  if (team?.archivedAt) return { ok: false as const, field: 'teamId' as const, error: 'That team is archived. Choose another.' }

  const token = generateSessionToken()
  const [invitation] = await db
    .insert(invitations)
    .values({
      organizationId: actor.organizationId,
      teamId: data.teamId,
      email: data.email,
      name: data.name,
      role,
      teamRole: data.teamRole,
      pathSlug: data.pathSlug,
      tokenHash: sessionIdFromToken(token),
      invitedById: actor.id,
      expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS),
      lastSentAt: now,
    })
    .returning()
  await mailInvitation(db, invitation, token)
  return { ok: true as const, token, invitation }
}

/** Why this address cannot be invited now, or null. */
async function invitationProblem(db: Db, actor: Actor, email: string, now: Date) {
  const [existing] = await db.select({ organizationId: users.organizationId }).from(users).where(eq(users.email, email))
  if (existing) {
    return existing.organizationId === actor.organizationId
      ? 'Someone with this e-mail already has an account.'
      : 'This e-mail already has a Rapport account with another organization; invite another address.'
  }
  const [pending] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.organizationId, actor.organizationId),
        eq(invitations.email, email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
  if (pending) return 'This e-mail already has an invitation waiting; resend it from the list below.'
  const settings = await getOrganizationSettings(db, actor.organizationId)
  if (actor.role !== 'admin' && !emailDomainAllowed(email, settings.allowedEmailDomains)) {
    return `Only an admin can invite addresses outside ${settings.allowedEmailDomains.join(', ')}.`
  }
  return null
}

async function mailInvitation(db: Db, invitation: typeof invitations.$inferSelect, token: string) {
  const [details] = await db
    .select({ teamName: teams.name, organizationName: organizations.name, timeZone: organizations.timeZone })
    .from(teams)
    .innerJoin(organizations, eq(organizations.id, teams.organizationId))
    .where(eq(teams.id, invitation.teamId))
  const [inviter] = invitation.invitedById
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, invitation.invitedById))
    : []
  await queueMail(db, {
    organizationId: invitation.organizationId,
    to: invitation.email,
    content: invitationMail({
      inviteeName: invitation.name,
      inviterName: inviter?.name ?? null,
      organizationName: details.organizationName,
      teamName: details.teamName,
      token,
      expiresAt: invitation.expiresAt,
      expiresText: `on ${formatDate(invitation.expiresAt, details.timeZone)}`,
    }),
  })
}

async function manageableInvitation(db: Db, actor: Actor, invitationId: string) {
  if (actor.role === 'member') forbidden()
  const allowedTeams = await managedTeamIds(db, actor)
  const [invitation] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, invitationId), eq(invitations.organizationId, actor.organizationId)))
  if (!invitation || !allowedTeams.includes(invitation.teamId)) forbidden()
  return invitation
}

/**
 * Sends a waiting (or expired) invitation again with a fresh link and a fresh 7 days; the old
 * link stops working. Returns the new token.
 */
export async function resendInvitation(db: Db, actor: Actor, invitationId: string, now = new Date()) {
  const invitation = await manageableInvitation(db, actor, invitationId)
  if (invitation.acceptedAt || invitation.revokedAt) {
    return { ok: false as const, error: 'Only a waiting or expired invitation can be sent again.' }
  }
  const token = generateSessionToken()
  const [updated] = await db
    .update(invitations)
    .set({ tokenHash: sessionIdFromToken(token), expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS), lastSentAt: now })
    .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning()
  if (!updated) return { ok: false as const, error: 'Only a waiting or expired invitation can be sent again.' }
  await mailInvitation(db, updated, token)
  return { ok: true as const, token, invitation: updated }
}

export async function listInvitations(db: Db, actor: Actor) {
  if (actor.role === 'member') forbidden()
  const allowedTeams = new Set(await managedTeamIds(db, actor))
  const rows = await db
    .select({
      id: invitations.id,
      email: invitations.email,
      name: invitations.name,
      role: invitations.role,
      teamRole: invitations.teamRole,
      pathSlug: invitations.pathSlug,
      lastSentAt: invitations.lastSentAt,
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
  const invitation = await manageableInvitation(db, actor, invitationId)
  await db
    .update(invitations)
    .set({ revokedAt: new Date() })
    .where(and(eq(invitations.id, invitation.id), isNull(invitations.acceptedAt)))
}

export type InvitationState =
  | { status: 'valid'; email: string; name: string | null; teamName: string; organizationName: string }
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
  return { status, email: row.invitation.email, name: row.invitation.name, teamName: row.teamName, organizationName: org.name }
}

export const acceptSchema = z
  .object({
    name: z.string().trim().min(2, 'Tell us your name (at least 2 characters).').max(80, 'Keep it under 80 characters.'),
    password: z.string().min(10, 'Use at least 10 characters.').max(200, 'Use at most 200 characters.'),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'The two passwords differ.' })

/**
 * Accepts an invitation once: creates the person in the invitation's organization and team (with
 * its role there), enrols them in the invitation's path (else the organization's default, else
 * `enrolIn`) and signs them in. The token is checked before the password is hashed, so a bad
 * link costs no hashing; an e-mail that meanwhile got an account elsewhere is refused plainly.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  input: z.input<typeof acceptSchema>,
  options: { enrolIn?: string | null; now?: Date } = {},
) {
  const now = options.now ?? new Date()
  const data = acceptSchema.parse(input)
  const found = await findByToken(db, token)
  const status = stateOf(found?.invitation, now)
  if (status !== 'valid') return { ok: false as const, status }
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, found.invitation.email))
  if (taken) return { ok: false as const, status: 'email-taken' as const }
  const settings = await getOrganizationSettings(db, found.invitation.organizationId)
  const enrolIn = found.invitation.pathSlug ?? settings.defaultPathSlug ?? options.enrolIn ?? null
  const passwordHash = await hashPassword(data.password)
  try {
    return await db.transaction(async (tx) => {
      const [invitation] = await tx
        .select()
        .from(invitations)
        .where(eq(invitations.tokenHash, sessionIdFromToken(token)))
        .for('update')
      const current = stateOf(invitation, now)
      if (current !== 'valid') return { ok: false as const, status: current }
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
        .onConflictDoNothing({ target: users.email })
        .returning()
      // Someone took this e-mail between the check above and now (another organization's invitation).
      if (!user) throw new EmailTaken()
      await joinTeam(tx as unknown as Db, {
        organizationId: invitation.organizationId,
        userId: user.id,
        teamId: invitation.teamId,
        role: invitation.teamRole === 'manager' || invitation.role !== 'member' ? 'manager' : 'member',
        at: now,
      })
      await tx.update(invitations).set({ acceptedUserId: user.id }).where(eq(invitations.id, invitation.id))
      if (enrolIn) {
        await tx
          .insert(pathEnrollments)
          .values({ organizationId: invitation.organizationId, userId: user.id, pathSlug: enrolIn, enrolledAt: now })
          .onConflictDoNothing()
      }
      const sessionToken = generateSessionToken()
      const session = await createSession(tx as unknown as Db, sessionToken, user.id, now)
      return { ok: true as const, user, token: sessionToken, expiresAt: session.expiresAt }
    })
  } catch (error) {
    if (error instanceof EmailTaken) return { ok: false as const, status: 'email-taken' as const }
    throw error
  }
}

class EmailTaken extends Error {}

// ───────────────────────────── bulk invitations from a CSV ─────────────────────────────

export const CSV_MAX_BYTES = 200_000
export const CSV_MAX_ROWS = 500

export interface CsvInvitationRow {
  line: number
  name: string
  email: string
  team: string
  role: string
  teamId: string | null
  problem: string | null
}

/**
 * Reads a CSV of `name,email,team,role` (a header row is optional) and says, row by row, what
 * would happen: nothing is created here. Problems: bad e-mail, unknown or archived team, a team
 * the actor does not manage, a bad role, already a member or invited, a duplicate in the file, an
 * address outside the allowed domains (managers).
 */
export async function previewInvitationCsv(db: Db, actor: Actor, csv: string, now = new Date()) {
  if (actor.role === 'member') forbidden('Only managers and admins can invite people.')
  if (csv.length > CSV_MAX_BYTES) return { ok: false as const, error: 'That file is too large; keep it under 200 KB (about 5,000 rows).' }
  let records: string[][]
  try {
    const { parse } = await import('csv-parse/sync')
    records = parse(csv.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true }) as string[][]
  } catch {
    return { ok: false as const, error: 'That file could not be read as CSV. Use four columns: name,email,team,role.' }
  }
  const first = records[0]?.map((c) => c.toLowerCase())
  const hasHeader = Boolean(first && first.includes('email'))
  const body = hasHeader ? records.slice(1) : records
  if (body.length === 0) return { ok: false as const, error: 'The file has no rows to invite.' }
  if (body.length > CSV_MAX_ROWS) return { ok: false as const, error: `Invite at most ${CSV_MAX_ROWS} people per file.` }
  const columns = hasHeader ? first! : ['name', 'email', 'team', 'role']
  const col = (row: string[], key: string) => (row[columns.indexOf(key)] ?? '').trim()

  const orgTeams = await db
    .select({ id: teams.id, name: teams.name, slug: teams.slug, archivedAt: teams.archivedAt })
    .from(teams)
    .where(eq(teams.organizationId, actor.organizationId))
  const manageable = new Set(await managedTeamIds(db, actor))
  const settings = await getOrganizationSettings(db, actor.organizationId)
  const emails = body.map((row) => col(row, 'email').toLowerCase()).filter(Boolean)
  const accounts = emails.length
    ? await db.select({ email: users.email, organizationId: users.organizationId }).from(users).where(inArray(users.email, emails))
    : []
  const pending = emails.length
    ? await db
        .select({ email: invitations.email })
        .from(invitations)
        .where(
          and(
            eq(invitations.organizationId, actor.organizationId),
            inArray(invitations.email, emails),
            isNull(invitations.acceptedAt),
            isNull(invitations.revokedAt),
            gt(invitations.expiresAt, now),
          ),
        )
    : []
  const accountOf = new Map(accounts.map((a) => [a.email, a.organizationId]))
  const pendingSet = new Set(pending.map((p) => p.email))
  const seen = new Set<string>()
  const emailCheck = z.string().email()

  const rows: CsvInvitationRow[] = body.map((row, index) => {
    const name = col(row, 'name').slice(0, 80)
    const email = col(row, 'email').toLowerCase()
    const teamText = col(row, 'team')
    const role = (col(row, 'role') || 'member').toLowerCase()
    const team = orgTeams.find((t) => t.name.toLowerCase() === teamText.toLowerCase() || t.slug === teamText.toLowerCase())
    const line = index + (hasHeader ? 2 : 1)
    let problem: string | null = null
    if (!email || !emailCheck.safeParse(email).success || email.length > 254) problem = 'Not an e-mail address.'
    else if (seen.has(email)) problem = 'The same e-mail appears earlier in the file.'
    else if (!team) problem = teamText ? `No team called “${teamText}”.` : 'No team given.'
    else if (team.archivedAt) problem = `The team “${team.name}” is archived.`
    else if (!manageable.has(team.id)) problem = `You do not manage “${team.name}”.`
    else if (role !== 'member' && role !== 'manager') problem = 'Role must be member or manager.'
    else if (role === 'manager' && actor.role !== 'admin') problem = 'Only admins can invite managers.'
    else if (accountOf.has(email)) {
      problem = accountOf.get(email) === actor.organizationId ? 'Already a member.' : 'Already has an account with another organization.'
    } else if (pendingSet.has(email)) problem = 'Already invited and waiting.'
    else if (actor.role !== 'admin' && !emailDomainAllowed(email, settings.allowedEmailDomains)) {
      problem = `Outside the allowed domains (${settings.allowedEmailDomains.join(', ')}).`
    }
    if (email) seen.add(email)
    return { line, name, email, team: team?.name ?? teamText, role, teamId: team?.id ?? null, problem }
  })
  return { ok: true as const, rows, good: rows.filter((r) => !r.problem).length }
}

/** Invites the good rows of a CSV (previewed again now); the bad ones are skipped and reported. */
export async function sendInvitationCsv(db: Db, actor: Actor, csv: string, now = new Date()) {
  const preview = await previewInvitationCsv(db, actor, csv, now)
  if (!preview.ok) return preview
  let sent = 0
  const skipped: CsvInvitationRow[] = []
  for (const row of preview.rows) {
    if (row.problem || !row.teamId) {
      skipped.push(row)
      continue
    }
    const result = await createInvitation(
      db,
      actor,
      { email: row.email, name: row.name, teamId: row.teamId, teamRole: row.role === 'manager' ? 'manager' : 'member' },
      now,
    )
    if (result.ok) sent++
    else skipped.push({ ...row, problem: result.error })
  }
  return { ok: true as const, sent, skipped }
}
