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

// ───────────────────────────── auth ─────────────────────────────

export const sessions = pgTable(
  'sessions',
  {
    // SHA-256 (hex) of the token held in the cookie; the token itself is never stored.
    id: text('id').primaryKey(),
    userId: userRef('user_id'),
    expiresAt: ts('expires_at').notNull(),
    createdAt: createdAt(),
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
  },
  (t) => [index('invitations_org_idx').on(t.organizationId, t.createdAt)],
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
