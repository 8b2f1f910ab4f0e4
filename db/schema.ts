// The one schema of Rapport (pg-core), shared by the PGlite and postgres.js drivers.
// Every tenant-owned table carries organization_id; queries are scoped by it.
import { sql } from 'drizzle-orm'
import {
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
const ts = (name: string) => timestamp(name, { withTimezone: true })

// The owning organization / person / team of a row; deleting the owner deletes the row.
const organizationRef = () =>
  uuid('organization_id')
    .notNull()
    .references(() => organizations.id, { onDelete: 'cascade' })
const userRef = (name = 'user_id') =>
  uuid(name)
    .notNull()
    .references(() => users.id, { onDelete: 'cascade' })
const teamRef = () =>
  uuid('team_id')
    .notNull()
    .references(() => teams.id, { onDelete: 'cascade' })

export const orgRole = pgEnum('org_role', ['admin', 'manager', 'member'])
export const teamRole = pgEnum('team_role', ['manager', 'member'])

// ───────────────────────────── organizations, teams, people ─────────────────────────────

export const organizations = pgTable('organizations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  createdAt: createdAt(),
  // IANA zone every date is shown in and every schedule runs in.
  timeZone: text('time_zone').notNull().default('UTC'),
  // Reviews each new reply needs (M) and reviews a person gives to unlock their results (N ≥ M).
  reviewsPerReply: integer('reviews_per_reply').notNull().default(3),
  reviewsToUnlock: integer('reviews_to_unlock').notNull().default(3),
  // Privacy floor: a CCI figure needs at least this many replies from this many people.
  privacyMinReplies: integer('privacy_min_replies').notNull().default(5),
  privacyMinPeople: integer('privacy_min_people').notNull().default(3),
  defaultPathSlug: text('default_path_slug').default('first-week'),
  // Lower-case domains; empty means anyone may be invited. Inviting outside them needs an admin.
  allowedEmailDomains: jsonb('allowed_email_domains').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
})
export type Organization = typeof organizations.$inferSelect

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationRef(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    customerFacing: boolean('customer_facing').notNull().default(false),
    createdAt: createdAt(),
    // Archived teams take no new members but keep their history on the dashboard.
    archivedAt: ts('archived_at'),
  },
  (t) => [
    uniqueIndex('teams_org_slug_key').on(t.organizationId, t.slug),
    uniqueIndex('teams_org_name_key').on(t.organizationId, t.name),
  ],
)
export type Team = typeof teams.$inferSelect

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationRef(),
    // Stored lower-cased; one login per e-mail across the whole installation.
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    role: orgRole('role').notNull().default('member'),
    joinedAt: ts('joined_at').notNull().defaultNow(),
    deactivatedAt: ts('deactivated_at'),
    createdAt: createdAt(),
    // E-mail preferences for non-essential mail (essential mail — invitations, resets — always goes).
    emailReminders: boolean('email_reminders').notNull().default(true),
    emailDigest: boolean('email_digest').notNull().default(true),
    emailMeetings: boolean('email_meetings').notNull().default(true),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email), index('users_org_idx').on(t.organizationId)],
)
export type User = typeof users.$inferSelect
export type NewUser = typeof users.$inferInsert

export const memberships = pgTable(
  'memberships',
  {
    organizationId: organizationRef(),
    userId: userRef('user_id'),
    teamId: teamRef(),
    role: teamRole('role').notNull().default('member'),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.teamId] }), index('memberships_team_idx').on(t.teamId)],
)
export type Membership = typeof memberships.$inferSelect

// Who was in which team when: a reply counts toward the teams its author was in when it was written.
// `memberships` is the present; a period with ended_at null mirrors each current membership.
export const membershipPeriods = pgTable(
  'membership_periods',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationRef(),
    userId: userRef('user_id'),
    teamId: teamRef(),
    startedAt: ts('started_at').notNull(),
    endedAt: ts('ended_at'),
  },
  (t) => [
    index('membership_periods_user_idx').on(t.userId, t.startedAt),
    index('membership_periods_team_idx').on(t.teamId, t.startedAt),
  ],
)

// ───────────────────────────── auth ─────────────────────────────

export const sessions = pgTable(
  'sessions',
  {
    // SHA-256 (hex) of the token held in the cookie; the token itself is never stored.
    id: text('id').primaryKey(),
    userId: userRef('user_id'),
    expiresAt: ts('expires_at').notNull(),
    createdAt: createdAt(),
    // For the person's list of active sessions on /account.
    userAgent: text('user_agent'),
    lastSeenAt: ts('last_seen_at'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)
export type Session = typeof sessions.$inferSelect

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationRef(),
    teamId: teamRef(),
    email: text('email').notNull(),
    role: orgRole('role').notNull().default('member'),
    // SHA-256 (hex) of the token in the invite link.
    tokenHash: text('token_hash').notNull().unique(),
    invitedById: uuid('invited_by_id').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: ts('expires_at').notNull(),
    acceptedAt: ts('accepted_at'),
    acceptedUserId: uuid('accepted_user_id').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: ts('revoked_at'),
    createdAt: createdAt(),
    name: text('name'),
    teamRole: teamRole('team_role').notNull().default('member'),
    pathSlug: text('path_slug'),
    lastSentAt: ts('last_sent_at'),
  },
  (t) => [index('invitations_org_idx').on(t.organizationId, t.createdAt)],
)

// One-time links that create an organization and its first admin (first run, `npm run org:create`).
export const setupTokens = pgTable('setup_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  // SHA-256 (hex) of the token in the link.
  tokenHash: text('token_hash').notNull().unique(),
  organizationName: text('organization_name'),
  adminEmail: text('admin_email'),
  timeZone: text('time_zone'),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
  organizationId: uuid('organization_id').references(() => organizations.id, { onDelete: 'set null' }),
  createdAt: createdAt(),
})

export const passwordResetTokens = pgTable(
  'password_reset_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: userRef('user_id'),
    // SHA-256 (hex) of the token in the e-mailed link.
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: createdAt(),
  },
  (t) => [index('password_reset_tokens_user_idx').on(t.userId)],
)

// ───────────────────────────── e-mail ─────────────────────────────

export const outboxStatus = pgEnum('outbox_status', ['queued', 'sent', 'failed'])
export type MailAttachment = { filename: string; contentType: string; content: string }

// Every e-mail, written before it is sent. With SMTP the body is blanked once delivered; without
// SMTP the message stays here for admins to read at /admin/outbox.
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationRef(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    // Files sent with the message (a meeting's calendar invitation): [{ filename, contentType, content }].
    attachments: jsonb('attachments').$type<MailAttachment[]>(),
    // What kind of message ('invitation', 'password-reset', 'digest', …) and whether people may opt out.
    kind: text('kind').notNull(),
    essential: boolean('essential').notNull().default(true),
    status: outboxStatus('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    // 'smtp' once handed to the SMTP server, 'outbox' when kept here for want of one.
    deliveredVia: text('delivered_via'),
    sentAt: ts('sent_at'),
    // Non-essential mail: SHA-256 of the one-click unsubscribe token in its List-Unsubscribe link.
    unsubscribeTokenHash: text('unsubscribe_token_hash'),
    createdAt: createdAt(),
  },
  (t) => [
    index('outbox_messages_org_idx').on(t.organizationId, t.createdAt),
    index('outbox_messages_status_idx').on(t.status, t.createdAt),
    uniqueIndex('outbox_messages_unsubscribe_key').on(t.unsubscribeTokenHash),
  ],
)
export type Invitation = typeof invitations.$inferSelect

// Failed sign-ins, per bucket ("email:x" / "ip:y"), so the limit holds across processes.
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    bucket: text('bucket').notNull(),
    hitAt: ts('hit_at').notNull().defaultNow(),
  },
  (t) => [index('rate_limit_hits_bucket_idx').on(t.bucket, t.hitAt)],
)

// Attempts per rate-limit bucket in the current window: one row per bucket, updated by one
// atomic upsert that counts and decides (app/auth/rate-limit.server.ts), so parallel requests
// cannot all slip under the limit.
export const rateLimitBuckets = pgTable('rate_limit_buckets', {
  bucket: text('bucket').primaryKey(),
  hits: integer('hits').notNull(),
  windowStartedAt: ts('window_started_at').notNull(),
  blockedUntil: ts('blocked_until'),
})

// ───────────────────────────── lessons and paths ─────────────────────────────

export const lessonProgress = pgTable(
  'lesson_progress',
  {
    organizationId: organizationRef(),
    userId: userRef('user_id'),
    lessonSlug: text('lesson_slug').notNull(),
    completedAt: ts('completed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.lessonSlug] })],
)

export const reflections = pgTable(
  'reflections',
  {
    organizationId: organizationRef(),
    userId: userRef('user_id'),
    lessonSlug: text('lesson_slug').notNull(),
    reflectionId: text('reflection_id').notNull(),
    text: text('text').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.lessonSlug, t.reflectionId] })],
)

export const pathEnrollments = pgTable(
  'path_enrollments',
  {
    organizationId: organizationRef(),
    userId: userRef('user_id'),
    pathSlug: text('path_slug').notNull(),
    enrolledAt: ts('enrolled_at').notNull().defaultNow(),
    completedAt: ts('completed_at'),
  },
  (t) => [primaryKey({ columns: [t.userId, t.pathSlug] })],
)

// ───────────────────────────── scenarios ─────────────────────────────

export const scenarioStatus = pgEnum('scenario_status', ['draft', 'approved', 'rejected'])

// Imported scenarios. `document` holds only anonymised text, in the same shape as the
// authored YAML files; the raw conversation never reaches this table.
export const scenarios = pgTable(
  'scenarios',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationRef(),
    slug: text('slug').notNull(),
    status: scenarioStatus('status').notNull().default('draft'),
    document: jsonb('document').notNull(),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    reviewedById: uuid('reviewed_by_id').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: ts('reviewed_at'),
    reviewNote: text('review_note'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('scenarios_org_slug_key').on(t.organizationId, t.slug),
    index('scenarios_org_status_idx').on(t.organizationId, t.status),
  ],
)

// ───────────────────────────── practice: attempts, drafts, replies ─────────────────────────────

export const rubricVersions = pgTable(
  'rubric_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    rubricId: text('rubric_id').notNull(),
    version: integer('version').notNull(),
    contentHash: text('content_hash').notNull(),
    definition: jsonb('definition').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('rubric_versions_hash_key').on(t.rubricId, t.contentHash)],
)

export const attempts = pgTable(
  'attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationRef(),
    userId: userRef('user_id'),
    scenarioSlug: text('scenario_slug').notNull(),
    number: integer('number').notNull(),
    // The prompt ids visited and the choices made, in order.
    steps: jsonb('steps').notNull().default(sql`'[]'::jsonb`),
    startedAt: ts('started_at').notNull().defaultNow(),
    completedAt: ts('completed_at'),
  },
  (t) => [uniqueIndex('attempts_user_scenario_number_key').on(t.userId, t.scenarioSlug, t.number)],
)

export const replyDrafts = pgTable(
  'reply_drafts',
  {
    organizationId: organizationRef(),
    attemptId: uuid('attempt_id')
      .notNull()
      .references(() => attempts.id, { onDelete: 'cascade' }),
    promptId: text('prompt_id').notNull(),
    userId: userRef('user_id'),
    text: text('text').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.attemptId, t.promptId] })],
)

export const replies = pgTable(
  'replies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationRef(),
    userId: userRef('user_id'),
    // The team the author practised for, for the dashboard (their first team when they have several).
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    attemptId: uuid('attempt_id').references(() => attempts.id, { onDelete: 'cascade' }),
    scenarioSlug: text('scenario_slug').notNull(),
    promptId: text('prompt_id').notNull(),
    text: text('text').notNull(),
    coachHints: jsonb('coach_hints').notNull().default(sql`'[]'::jsonb`),
    rubricVersionId: uuid('rubric_version_id').references(() => rubricVersions.id),
    reviewsRequired: integer('reviews_required').notNull().default(3),
    reviewsDone: integer('reviews_done').notNull().default(0),
    // Consensus, filled when the reply is finalised: { criterionId: level } and 0–100 overall.
    criterionScores: jsonb('criterion_scores'),
    score: doublePrecision('score'),
    finalisedAt: ts('finalised_at'),
    flaggedAt: ts('flagged_at'),
    submittedAt: ts('submitted_at').notNull().defaultNow(),
  },
  (t) => [
    index('replies_org_pool_idx').on(t.organizationId, t.finalisedAt, t.submittedAt),
    // The review queue in the order allocation walks it (open replies, oldest first).
    index('replies_open_queue_idx').on(t.organizationId, t.submittedAt, t.id).where(sql`${t.finalisedAt} is null`),
    index('replies_user_idx').on(t.userId, t.submittedAt),
    index('replies_team_month_idx').on(t.teamId, t.submittedAt),
  ],
)
export type Reply = typeof replies.$inferSelect

// ───────────────────────────── peer review ─────────────────────────────

export const reviewStatus = pgEnum('review_status', ['leased', 'submitted'])

// A review starts as a lease (status 'leased', leased_until set) and becomes 'submitted'.
// An expired lease is deleted, which returns the reply to the pool.
export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationRef(),
    replyId: uuid('reply_id')
      .notNull()
      .references(() => replies.id, { onDelete: 'cascade' }),
    reviewerId: userRef('reviewer_id'),
    status: reviewStatus('status').notNull().default('leased'),
    leasedUntil: ts('leased_until'),
    // { criterionId: level 1–4 }
    scores: jsonb('scores'),
    // [{ criterionId, text, quote? }]
    comments: jsonb('comments').notNull().default(sql`'[]'::jsonb`),
    deciding: boolean('deciding').notNull().default(false),
    createdAt: createdAt(),
    submittedAt: ts('submitted_at'),
  },
  (t) => [
    uniqueIndex('reviews_reply_reviewer_key').on(t.replyId, t.reviewerId),
    index('reviews_reviewer_idx').on(t.reviewerId, t.status),
    index('reviews_org_submitted_idx').on(t.organizationId, t.submittedAt),
  ],
)
export type Review = typeof reviews.$inferSelect

export const reviewReactions = pgTable(
  'review_reactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationRef(),
    reviewId: uuid('review_id')
      .notNull()
      .references(() => reviews.id, { onDelete: 'cascade' }),
    userId: userRef('user_id'),
    helpful: boolean('helpful'),
    disagreement: text('disagreement'),
    resolvedAt: ts('resolved_at'),
    // A manager's answer when they mark the disagreement resolved; the author reads it.
    resolutionNote: text('resolution_note'),
    resolvedBy: uuid('resolved_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('review_reactions_review_user_key').on(t.reviewId, t.userId)],
)

export const calibrationAttempts = pgTable(
  'calibration_attempts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationRef(),
    userId: userRef('user_id'),
    // { itemId: { criterionId: level } }
    answers: jsonb('answers').notNull(),
    passed: boolean('passed').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('calibration_attempts_user_idx').on(t.userId, t.createdAt)],
)

export const reviewerQuality = pgTable('reviewer_quality', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  organizationId: organizationRef(),
  // 0–1: 1 means this reviewer's levels match consensus exactly.
  quality: doublePrecision('quality').notNull(),
  reviewsCounted: integer('reviews_counted').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
})

export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationRef(),
    userId: userRef('user_id'),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    href: text('href'),
    readAt: ts('read_at'),
    createdAt: createdAt(),
    // Set when the notification went out in a daily digest e-mail (each goes in one digest at most).
    digestedAt: ts('digested_at'),
  },
  (t) => [index('notifications_user_idx').on(t.userId, t.readAt, t.createdAt)],
)

// ───────────────────────────── insights rollups ─────────────────────────────
// Maintained in the transaction that finalises a reply (and rebuildable from raw data),
// so the dashboard's cost grows with teams × months, not with the number of reviews.

export const teamMonthRollups = pgTable(
  'team_month_rollups',
  {
    organizationId: organizationRef(),
    teamId: teamRef(),
    month: date('month').notNull(), // first day of the month
    reviewedReplies: integer('reviewed_replies').notNull().default(0),
    scoreSum: doublePrecision('score_sum').notNull().default(0),
    scoreSquaresSum: doublePrecision('score_squares_sum').notNull().default(0),
    reviewsGiven: integer('reviews_given').notNull().default(0),
    // Distinct people with a reviewed reply / a submitted review this month (from team_month_people),
    // kept here so the dashboard never counts people rows: participation, reviewer n, privacy floor.
    repliers: integer('repliers').notNull().default(0),
    reviewers: integer('reviewers').notNull().default(0),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.month] }),
    index('team_month_rollups_org_idx').on(t.organizationId, t.month),
  ],
)

export const teamMonthCriterionRollups = pgTable(
  'team_month_criterion_rollups',
  {
    organizationId: organizationRef(),
    teamId: teamRef(),
    month: date('month').notNull(),
    criterionId: text('criterion_id').notNull(),
    scoreSum: doublePrecision('score_sum').notNull().default(0),
    replies: integer('replies').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.month, t.criterionId] }),
    index('team_month_criterion_rollups_org_idx').on(t.organizationId, t.month),
  ],
)

// Reviewed replies per team, month and scenario: "the scenarios the org finds hardest" without scanning replies.
export const teamMonthScenarioRollups = pgTable(
  'team_month_scenario_rollups',
  {
    organizationId: organizationRef(),
    teamId: teamRef(),
    month: date('month').notNull(),
    scenarioSlug: text('scenario_slug').notNull(),
    replies: integer('replies').notNull().default(0),
    scoreSum: doublePrecision('score_sum').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.month, t.scenarioSlug] }),
    index('team_month_scenario_rollups_org_idx').on(t.organizationId, t.month),
  ],
)

// The same summed over the organization's teams, so the dashboard reads 12 × scenarios rows, not × teams.
export const organizationMonthScenarioRollups = pgTable(
  'organization_month_scenario_rollups',
  {
    organizationId: organizationRef(),
    month: date('month').notNull(),
    scenarioSlug: text('scenario_slug').notNull(),
    replies: integer('replies').notNull().default(0),
    scoreSum: doublePrecision('score_sum').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.month, t.scenarioSlug] })],
)

// Who practised (replied) and who reviewed, per team and month: participation and reviewer n.
export const teamMonthPeople = pgTable(
  'team_month_people',
  {
    organizationId: organizationRef(),
    teamId: teamRef(),
    month: date('month').notNull(),
    userId: userRef('user_id'),
    replies: integer('replies').notNull().default(0),
    reviewsGiven: integer('reviews_given').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.month, t.userId] }),
    index('team_month_people_org_idx').on(t.organizationId, t.month),
    // Whether someone practised in a month, whichever team it counted for (participation, who has not practised).
    index('team_month_people_user_idx').on(t.userId, t.month),
  ],
)

// ───────────────────────────── monthly team review meetings ─────────────────────────────

// A team's monthly slot, as an iCalendar rule read in the organization's time zone
// (e.g. FREQ=MONTHLY;BYDAY=+1TU;BYHOUR=10;BYMINUTE=0 is the first Tuesday at 10:00).
export const meetingSlots = pgTable('meeting_slots', {
  teamId: uuid('team_id')
    .primaryKey()
    .references(() => teams.id, { onDelete: 'cascade' }),
  organizationId: organizationRef(),
  rrule: text('rrule').notNull(),
  durationMinutes: integer('duration_minutes').notNull().default(60),
  updatedById: uuid('updated_by_id').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: ts('updated_at').notNull().defaultNow(),
})

export const meetingStatus = pgEnum('meeting_status', ['scheduled', 'live', 'held'])

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationRef(),
    teamId: teamRef(),
    // The month the meeting belongs to (first day, in organization time); one meeting per team and month.
    month: date('month').notNull(),
    scheduledAt: ts('scheduled_at').notNull(),
    durationMinutes: integer('duration_minutes').notNull().default(60),
    status: meetingStatus('status').notNull().default('scheduled'),
    // A member the team's manager delegated to run this meeting (managers and admins always may).
    facilitatorId: uuid('facilitator_id').references(() => users.id, { onDelete: 'set null' }),
    // { order: sectionKey[], skipped: sectionKey[], points: [{ id, title }], pickedReplyIds: [] }
    plan: jsonb('plan').notNull().default(sql`'{}'::jsonb`),
    // Live state: the step on screen, when it started, and the sections the team went through.
    currentStep: integer('current_step').notNull().default(0),
    stepStartedAt: ts('step_started_at'),
    discussed: jsonb('discussed').notNull().default(sql`'[]'::jsonb`),
    // Bumped on every change, so followers can tell a new state from a repeated one.
    version: integer('version').notNull().default(0),
    startedAt: ts('started_at'),
    endedAt: ts('ended_at'),
    startedById: uuid('started_by_id').references(() => users.id, { onDelete: 'set null' }),
    notifiedAt: ts('notified_at'),
    summarySentAt: ts('summary_sent_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('meetings_team_month_key').on(t.teamId, t.month),
    index('meetings_org_scheduled_idx').on(t.organizationId, t.scheduledAt),
  ],
)
export type Meeting = typeof meetings.$inferSelect

export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organizationId: organizationRef(),
    userId: userRef('user_id'),
    joinedAt: ts('joined_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.userId] })],
)

// An author's consent to show one of their reviewed replies in their team's meeting; withdrawing deletes it.
export const meetingReplyOffers = pgTable(
  'meeting_reply_offers',
  {
    replyId: uuid('reply_id')
      .primaryKey()
      .references(() => replies.id, { onDelete: 'cascade' }),
    organizationId: organizationRef(),
    teamId: teamRef(),
    userId: userRef('user_id'),
    // false: shown as "a colleague"; true: with the author's name.
    named: boolean('named').notNull().default(false),
    offeredAt: ts('offered_at').notNull().defaultNow(),
  },
  (t) => [index('meeting_reply_offers_team_idx').on(t.teamId, t.offeredAt)],
)

export const calibrationSource = pgEnum('meeting_calibration_source', ['reply', 'gold'])

// A blind group calibration in a meeting: the item is a snapshot (anonymised reply text or a gold example).
export const meetingCalibrations = pgTable(
  'meeting_calibrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organizationId: organizationRef(),
    source: calibrationSource('source').notNull(),
    goldId: text('gold_id'),
    replyId: uuid('reply_id').references(() => replies.id, { onDelete: 'set null' }),
    scenarioSlug: text('scenario_slug').notNull(),
    text: text('text').notNull(),
    revealedAt: ts('revealed_at'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('meeting_calibrations_meeting_key').on(t.meetingId)],
)

// Votes carry no voter and no time; who has voted is kept apart, so a vote can never be traced to a person.
export const meetingCalibrationVotes = pgTable(
  'meeting_calibration_votes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    calibrationId: uuid('calibration_id')
      .notNull()
      .references(() => meetingCalibrations.id, { onDelete: 'cascade' }),
    organizationId: organizationRef(),
    // { criterionId: level 1–4 }
    levels: jsonb('levels').notNull(),
  },
  (t) => [index('meeting_calibration_votes_calibration_idx').on(t.calibrationId)],
)

export const meetingCalibrationVoters = pgTable(
  'meeting_calibration_voters',
  {
    calibrationId: uuid('calibration_id')
      .notNull()
      .references(() => meetingCalibrations.id, { onDelete: 'cascade' }),
    organizationId: organizationRef(),
    userId: userRef('user_id'),
  },
  (t) => [primaryKey({ columns: [t.calibrationId, t.userId] })],
)

export const actionItemStatus = pgEnum('action_item_status', ['open', 'done', 'dropped'])

export const actionItems = pgTable(
  'action_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationRef(),
    teamId: teamRef(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    ownerId: userRef('owner_id'),
    dueOn: date('due_on').notNull(),
    // Optional metric it should move: 'cci' or a rubric criterion id, by `targetChange` points.
    metric: text('metric'),
    targetChange: doublePrecision('target_change'),
    status: actionItemStatus('status').notNull().default('open'),
    statusChangedAt: ts('status_changed_at'),
    // When the owner's daily digest last listed it as due soon or overdue (listed once).
    digestedAt: ts('digested_at'),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    index('action_items_team_idx').on(t.teamId, t.status, t.dueOn),
    index('action_items_owner_idx').on(t.ownerId, t.status),
    index('action_items_meeting_idx').on(t.meetingId),
  ],
)
export type ActionItem = typeof actionItems.$inferSelect
// ───────────────────────────── drills ─────────────────────────────
// A drill is a manager's assignment of steps (scenarios, optionally lessons) to an audience; each
// occurrence is a cycle with its own opening and due time, and each person in it an assignment.
// Step completion is read from attempts and lesson progress, never stored twice.

export const drills = pgTable(
  'drills',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationRef(),
    title: text('title').notNull(),
    note: text('note').notNull().default(''),
    createdById: uuid('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    // The first cycle's opening and due instants; later cycles keep the same wall-clock distance
    // in the organization's time zone.
    opensAt: ts('opens_at').notNull(),
    dueAt: ts('due_at').notNull(),
    // An RFC 5545 RRULE (weekly or monthly) read in the organization's time zone; null for a one-off drill.
    recurrence: text('recurrence'),
    // Someone who joins after a cycle opened is due no sooner than this many days after joining.
    joinerGraceDays: integer('joiner_grace_days').notNull().default(7),
    // The organization-time day of the last "nudge" (at most one per day).
    lastNudgedOn: date('last_nudged_on'),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [index('drills_org_idx').on(t.organizationId, t.createdAt)],
)
export type Drill = typeof drills.$inferSelect

const drillRef = () =>
  uuid('drill_id')
    .notNull()
    .references(() => drills.id, { onDelete: 'cascade' })

export const drillSteps = pgTable(
  'drill_steps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationRef(),
    drillId: drillRef(),
    position: integer('position').notNull(),
    kind: text('kind').$type<'scenario' | 'lesson'>().notNull(),
    slug: text('slug').notNull(),
  },
  (t) => [uniqueIndex('drill_steps_drill_step_key').on(t.drillId, t.kind, t.slug)],
)

export const drillAudienceTeams = pgTable(
  'drill_audience_teams',
  {
    organizationId: organizationRef(),
    drillId: drillRef(),
    teamId: teamRef(),
  },
  (t) => [primaryKey({ columns: [t.drillId, t.teamId] }), index('drill_audience_teams_team_idx').on(t.teamId)],
)

// Named people: added to the audience, or (excluded = true) left out of it whatever their teams.
export const drillAudiencePeople = pgTable(
  'drill_audience_people',
  {
    organizationId: organizationRef(),
    drillId: drillRef(),
    userId: userRef('user_id'),
    excluded: boolean('excluded').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.drillId, t.userId] })],
)

export const drillCycles = pgTable(
  'drill_cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: organizationRef(),
    drillId: drillRef(),
    sequence: integer('sequence').notNull(),
    opensAt: ts('opens_at').notNull(),
    dueAt: ts('due_at').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('drill_cycles_drill_sequence_key').on(t.drillId, t.sequence),
    index('drill_cycles_org_due_idx').on(t.organizationId, t.dueAt),
  ],
)
export type DrillCycle = typeof drillCycles.$inferSelect

export const drillAssignments = pgTable(
  'drill_assignments',
  {
    organizationId: organizationRef(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => drillCycles.id, { onDelete: 'cascade' }),
    drillId: drillRef(),
    userId: userRef('user_id'),
    // The team the assignment counts for on the dashboard (the audience team, else the home team).
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'set null' }),
    // The person's own due time: the cycle's, or later for someone who joined after it opened.
    dueAt: ts('due_at').notNull(),
    // Set for someone who joined the audience after the cycle opened (their due time has grace).
    joinedAt: ts('joined_at'),
    extendedDueAt: ts('extended_due_at'),
    exemptAt: ts('exempt_at'),
    exemptReason: text('exempt_reason'),
    // Left the audience (team or organization) before finishing: out of the figures from then on.
    leftAt: ts('left_at'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.userId] }),
    index('drill_assignments_user_idx').on(t.userId, t.dueAt),
    index('drill_assignments_drill_idx').on(t.drillId),
  ],
)
export type DrillAssignment = typeof drillAssignments.$inferSelect

// Every reminder delivered (in-app, and e-mail when wanted): never twice for the same
// (cycle, person, kind, due time); a new due time re-arms.
export const drillReminders = pgTable(
  'drill_reminders',
  {
    organizationId: organizationRef(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => drillCycles.id, { onDelete: 'cascade' }),
    userId: userRef('user_id'),
    kind: text('kind').notNull(),
    dueAt: ts('due_at').notNull(),
    emailed: boolean('emailed').notNull().default(false),
    sentAt: ts('sent_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('drill_reminders_once_key').on(t.cycleId, t.userId, t.kind, t.dueAt)],
)

// The Monday digest, once per person and week (the week's Monday in organization time).
export const drillDigests = pgTable(
  'drill_digests',
  {
    organizationId: organizationRef(),
    userId: userRef('user_id'),
    weekOf: date('week_of').notNull(),
    sentAt: ts('sent_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.weekOf] })],
)

// "Drills done on time" per team and month (of the due time, organization time), for the dashboard.
export const teamMonthDrillRollups = pgTable(
  'team_month_drill_rollups',
  {
    organizationId: organizationRef(),
    teamId: teamRef(),
    month: date('month').notNull(),
    assigned: integer('assigned').notNull().default(0),
    doneOnTime: integer('done_on_time').notNull().default(0),
    doneLate: integer('done_late').notNull().default(0),
    exempt: integer('exempt').notNull().default(0),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.month] }), index('team_month_drill_rollups_org_idx').on(t.organizationId, t.month)],
)
