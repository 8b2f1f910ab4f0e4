// Handing out reviews so nobody is ever stuck. A reviewer gets one reply at a time, leased for an
// hour: never their own, never one they reviewed, only from their organization, blind (no author,
// no team), other teams' replies first, then oldest first. Leases are capped per reply at what it
// still needs, so two people never hold the same slot; an expired lease is deleted and the slot
// returns to the pool. Old replies need fewer reviews (see requiredReviews).
//
// Concurrency: a lease is only inserted while holding the reply's row lock (FOR UPDATE SKIP LOCKED:
// a reply someone else is leasing is skipped, not waited for) and the reviewer's own row lock (so two
// tabs of one person cannot lease twice). The unique (reply_id, reviewer_id) index is the last line
// of defence against reviewing the same reply twice.
//
// The usual lease is taken in the same statement that reads where the reviewer stands (one round
// trip). That statement's checks (free slots, no other live lease) see its snapshot, taken before
// the locks were granted, so every lease also rewrites the reply's row and the reviewer's row (same
// values, a new row version): a statement whose snapshot predates such a write finds a newer
// version when it locks the row, and refuses it (the version it ranked is not the one it locked).
// Whatever the one statement cannot settle (due replies to finalise, the reviewer's own expired
// lease just released, every candidate changed or taken meanwhile) goes to the locking transaction:
// the lock first, then the insert as a later statement, whose checks under READ COMMITTED see
// everything committed before the locks were granted.
import { reviewRulesFor } from '~/org/settings.server'
import { and, count, eq, gt, isNull, sql, type SQL } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { executePrepared, executeTemplate, type StatementTemplate } from '~/query/prepared.server'
import { replies, reviews } from '#db/schema'
import type { Actor } from '~/org/teams.server'
import { finaliseReply } from './finalise.server'
import {
  DAY,
  DEFAULT_REVIEW_RULES,
  RELAX_AFTER_DAYS,
  RELAX_FULLY_AFTER_DAYS,
  requiredReviews,
  type ReviewRules,
} from './review-rules'
import { transactionWithRetry } from './transactions.server'
import { buildReads, readsAsColumns, type Built, type Read } from '~/query/json-rows.server'

const iso = (date: Date) => date.toISOString()

/** Replies submitted at or before this instant need fewer reviews at `now` (see requiredReviews). */
const relaxedSince = (now: Date) => new Date(now.getTime() - RELAX_AFTER_DAYS * DAY)

/** SQL twin of requiredReviews(): the reviews a reply needs at `now`. */
export function requiredReviewsSql(now: Date): SQL {
  const relaxed = relaxedSince(now)
  const fully = new Date(now.getTime() - RELAX_FULLY_AFTER_DAYS * DAY)
  return sql`(case
    when ${replies.submittedAt} <= ${iso(fully)}::timestamptz then 1
    when ${replies.submittedAt} <= ${iso(relaxed)}::timestamptz then greatest(1, ${replies.reviewsRequired} - 1)
    else ${replies.reviewsRequired} end)`
}

/** Live leases on the reply in scope (`replies`). A lease has no submitted_at, which lets the index find leases alone. */
function activeLeasesSql(now: Date): SQL {
  return sql`(select count(*) from reviews v
    where v.reply_id = ${replies.id} and v.submitted_at is null and v.status = 'leased' and v.leased_until > ${iso(now)}::timestamptz)`
}

/** The reply in scope (`replies`) may be handed to this reviewer now. Nothing about the author is selected. */
function eligibleSql(actor: Actor, now: Date): SQL {
  return sql`${replies.organizationId} = ${actor.organizationId} and ${replies.finalisedAt} is null
    and ${replies.userId} <> ${actor.id}
    and not exists (select 1 from reviews v where v.reply_id = ${replies.id} and v.reviewer_id = ${actor.id})
    and ${replies.reviewsDone} + ${activeLeasesSql(now)} < ${requiredReviewsSql(now)}`
}

/**
 * Replies the reviewer may be handed now, best first (id, preference, submitted_at, and the row
 * version seen, `version`, for the one-statement lease to compare with the row it locks): other teams'
 * replies first ("everyone is part of the brand"), oldest first, then same-team replies when those
 * run out. Two walks of the open-queue index in submission order, the second only when the first
 * comes up short, so the cost follows the head of the queue, not its length.
 */
export function candidatesSql(actor: Actor, now: Date, limit: number): SQL {
  const sameTeam = sql`exists (select 1 from memberships m where m.user_id = ${actor.id} and m.team_id = ${replies.teamId})`
  const walk = (preference: 0 | 1) => sql`(select ${replies.id} as id, ${sql.raw(String(preference))} as preference, ${replies.submittedAt} as submitted_at,
      ${replies}.xmin as version
    from ${replies} where ${eligibleSql(actor, now)} and ${preference ? sameTeam : sql`not ${sameTeam}`}
    order by ${replies.submittedAt}, ${replies.id} limit ${limit})`
  return sql`(select * from (${walk(0)} union all ${walk(1)}) as walks limit ${limit})`
}

type Row = Record<string, unknown>

/** Rows of a raw statement, whatever the driver. */
function rowsOf<T extends Row>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}

/** Timestamps of raw statements arrive as Date (PGlite) or as PostgreSQL's text (node-postgres). */
const toDate = (value: unknown) => new Date(value as string | Date)

/** Deletes the organization's expired leases, returning their slots to the pool. Never waits on a lease being submitted. */
function releaseExpiredLeasesSql(organizationId: string, now: Date): SQL {
  return sql`delete from reviews where id in (
    select id from reviews
    where organization_id = ${organizationId} and submitted_at is null and status = 'leased' and leased_until <= ${iso(now)}::timestamptz
    for update skip locked)`
}

/** The reply in scope (`replies`) has the reviews it needs at `now` but was not finalised, and nobody holds a slot on it. */
function dueSql(organizationId: string, now: Date): SQL {
  return and(
    eq(replies.organizationId, organizationId),
    isNull(replies.finalisedAt),
    gt(replies.reviewsDone, 0),
    sql`${replies.reviewsDone} >= ${requiredReviewsSql(now)}`,
    sql`${activeLeasesSql(now)} = 0`,
  )!
}

/**
 * Finalises replies that reached their (possibly relaxed) requirement while nobody was reviewing
 * them, e.g. a reply with two reviews that has just turned seven days old.
 */
export async function finaliseDueReplies(db: Db, organizationId: string, now = new Date(), rules = DEFAULT_REVIEW_RULES) {
  const due = await db.select({ id: replies.id }).from(replies).where(dueSql(organizationId, now)).limit(50)
  let finalised = 0
  for (const { id } of due) {
    finalised += await transactionWithRetry(db, async (tx) => {
      const [locked] = await tx.select().from(replies).where(eq(replies.id, id)).for('update', { skipLocked: true })
      if (!locked || locked.finalisedAt || locked.reviewsDone < requiredReviews(locked.reviewsRequired, locked.submittedAt, now)) return 0
      await finaliseReply(tx, id, now, rules, locked)
      return 1
    })
  }
  return finalised
}

export interface Lease {
  reviewId: string
  replyId: string
  leasedUntil: Date
  /** The reply as the reviewer sees it: blind, no author and no team. */
  reply: { text: string; scenarioSlug: string; promptId: string; submittedAt: Date; rubricVersionId: string | null }
}

export type NextReview = { status: 'calibrate' } | { status: 'empty' } | { status: 'leased'; lease: Lease }

const leaseFields = {
  reviewId: reviews.id,
  replyId: reviews.replyId,
  leasedUntil: reviews.leasedUntil,
  text: replies.text,
  scenarioSlug: replies.scenarioSlug,
  promptId: replies.promptId,
  submittedAt: replies.submittedAt,
  rubricVersionId: replies.rubricVersionId,
}

/** A lease and its reply as raw statements below return them (snake_case, timestamps as text or Date). */
const LEASE_COLUMNS = sql`v.id as review_id, v.reply_id, v.leased_until, r.text, r.scenario_slug, r.prompt_id, r.submitted_at, r.rubric_version_id`
type LeaseRow = {
  review_id: string
  reply_id: string
  leased_until: unknown
  text: string
  scenario_slug: string
  prompt_id: string
  submitted_at: unknown
  rubric_version_id: string | null
}

function leaseOf(row: LeaseRow): Lease {
  return {
    reviewId: row.review_id,
    replyId: row.reply_id,
    leasedUntil: toDate(row.leased_until),
    reply: {
      text: row.text,
      scenarioSlug: row.scenario_slug,
      promptId: row.prompt_id,
      submittedAt: toDate(row.submitted_at),
      rubricVersionId: row.rubric_version_id,
    },
  }
}

async function leaseById(db: Db, reviewId: string): Promise<Lease> {
  const [row] = await db.select(leaseFields).from(reviews).innerJoin(replies, eq(replies.id, reviews.replyId)).where(eq(reviews.id, reviewId))
  return {
    reviewId: row.reviewId,
    replyId: row.replyId,
    leasedUntil: row.leasedUntil!,
    reply: { text: row.text, scenarioSlug: row.scenarioSlug, promptId: row.promptId, submittedAt: row.submittedAt, rubricVersionId: row.rubricVersionId },
  }
}

/** The live lease this person holds (the oldest, should there ever be two), with its reply. */
function heldLeaseSql(actor: Actor, now: Date): SQL {
  return sql`select ${LEASE_COLUMNS} from reviews v join replies r on r.id = v.reply_id
    where v.reviewer_id = ${actor.id} and v.organization_id = ${actor.organizationId}
      and v.submitted_at is null and v.status = 'leased' and v.leased_until > ${iso(now)}::timestamptz
    order by v.created_at limit 1`
}

/** Same values, a new row version: what a one-statement lease compares with (see the top of this file). */
const touchReplySql = (replyId: SQL) => sql`update ${replies} set reviews_required = reviews_required where id = (${replyId}) returning id`
const touchReviewerSql = (actor: Actor, leased: SQL) =>
  sql`update users set role = role where id = ${actor.id} and exists (${leased}) returning id`

/**
 * The locking transaction's lease insert: the reply `picked` names (a one-id subquery, compared as a
 * scalar so the reply is found by its key), if it may be handed to them now and they hold no other live lease.
 */
function leaseInsertSql(actor: Actor, picked: SQL, now: Date, rules: ReviewRules): SQL {
  return sql`insert into reviews (organization_id, reply_id, reviewer_id, status, leased_until, created_at)
        select ${actor.organizationId}::uuid, ${replies.id}, ${actor.id}::uuid, 'leased'::review_status,
          ${iso(new Date(now.getTime() + rules.leaseMs))}::timestamptz, ${iso(now)}::timestamptz
        from ${replies}
        where ${replies.id} = (${picked}) and ${eligibleSql(actor, now)}
          and not exists (select 1 from reviews mine where mine.reviewer_id = ${actor.id} and mine.submitted_at is null
            and mine.status = 'leased' and mine.leased_until > ${iso(now)}::timestamptz)
        returning id, reply_id, leased_until`
}

/**
 * Where this person stands and, in the usual case, their new lease, in one round trip: the
 * organization's expired leases are deleted (their slots return to the pool; a lease being
 * submitted is skipped, never waited for), and we learn the live lease they hold, whether they
 * passed calibration and — only when they may be handed a new reply — whether some reply is due
 * for finalisation and which replies they could be handed. When nothing stands in the way (a
 * lease held, calibration, a due reply, their own expired lease released just now) the best of
 * those they can lock unchanged is leased to them, as the locking transaction would choose it.
 *
 * A reply reaches its requirement while open only by ageing (the review that completes a fresh
 * reply finalises it at once), so the due check reads only replies old enough for the relaxed
 * rule: a short index range.
 */
async function standAndLease(db: Db, actor: Actor, now: Date, rules: ReviewRules, alongside: Alongside | null) {
  const [row] = rowsOf<Partial<LeaseRow> & { calibrated: boolean; due: boolean; candidates: number; released: number }>(
    await executeTemplate(db, standAndLeaseTemplate, { actor, now, rules, alongside }),
  )
  return {
    row: row as Row,
    released: Number(row.released),
    lease: row.review_id ? leaseOf(row as LeaseRow) : null,
    calibrated: Boolean(row.calibrated),
    due: Boolean(row.due),
    // The statement still sees the leases it released (one of them may have been this person's, which
    // kept its reply from them): only when it released none are the candidates the whole truth.
    available: Number(row.candidates) > 0 || Number(row.released) > 0,
  }
}

/** More columns for standAndLease's statement (a page's reads), built for an actor at a moment; `shape` names what else they depend on. */
export interface Alongside {
  shape: string
  columns: (db: Db, actor: Actor, now: Date) => SQL
}

type StandInputs = { actor: Actor; now: Date; rules: ReviewRules; alongside: Alongside | null }

// Two sets of stand-in values for standAndLeaseTemplate, different in every value.
const STAND_INS = [
  { id: '00000000-0000-4000-8000-00000000a001', organizationId: '00000000-0000-4000-8000-00000000a002', now: new Date('2001-02-03T04:05:06.007Z') },
  { id: '00000000-0000-4000-8000-00000000b001', organizationId: '00000000-0000-4000-8000-00000000b002', now: new Date('2012-11-10T09:08:07.065Z') },
] as const

/**
 * standAndLease's statement, compiled once per role and page (see executeTemplate): its
 * parameters are the person, their organization and instants derived from `now`.
 */
const standAndLeaseTemplate: StatementTemplate<StandInputs> = {
  // The rules are kept in the stand-ins: what they put in the statement belongs to its shape.
  shape: ({ actor, rules, alongside }) => `${actor.role}\n${alongside?.shape ?? ''}\n${JSON.stringify(rules)}`,
  // Only the actor's id, organization and role: any other field it carried would be left out, and
  // the stand-ins would not explain its value.
  standIn: ({ actor, rules, alongside }, which) => ({
    actor: { id: STAND_INS[which].id, organizationId: STAND_INS[which].organizationId, role: actor.role },
    now: STAND_INS[which].now,
    rules,
    alongside,
  }),
  values: ({ actor, now, rules }) => ({
    actor: actor.id,
    organization: actor.organizationId,
    now: iso(now),
    relaxedSince: iso(relaxedSince(now)),
    fullyRelaxedSince: iso(new Date(now.getTime() - RELAX_FULLY_AFTER_DAYS * DAY)),
    leasedUntil: iso(new Date(now.getTime() + rules.leaseMs)),
  }),
  build: (db, { actor, now, rules, alongside }) => standAndLeaseSql(actor, now, rules, alongside ? alongside.columns(db, actor, now) : sql``),
}

/**
 * standAndLease's statement. The reviewer is locked only when there is something to lease (so a
 * look at an empty queue writes nothing). The lease inserted is what `picked` locked: it passed the
 * rules in this snapshot (ranked) and is the row version ranked saw, so it is not checked again.
 */
function standAndLeaseSql(actor: Actor, now: Date, rules: ReviewRules, alongside: SQL): SQL {
  return sql`
      with released as (${releaseExpiredLeasesSql(actor.organizationId, now)} returning id, reviewer_id),
      held as materialized (${heldLeaseSql(actor, now)}),
      standing as materialized (
        select c.calibrated, c.calibrated and not exists (select 1 from held) as open,
          (select count(*)::int from released) as released,
          exists (select 1 from released where released.reviewer_id = ${actor.id}) as released_mine
        from (select exists (select 1 from calibration_attempts c
          where c.user_id = ${actor.id} and c.organization_id = ${actor.organizationId} and c.passed) as calibrated) c),
      judged as materialized (
        select standing.*, (case when standing.open
          then exists (select 1 from ${replies} where ${dueSql(actor.organizationId, now)}
            and ${replies.submittedAt} <= ${iso(relaxedSince(now))}::timestamptz) else false end) as due
        from standing),
      ranked as materialized (
        select * from ${candidatesSql(actor, now, CANDIDATES)} as c where (select open from standing)),
      me as (
        select u.id from users u
        where u.id = ${actor.id} and (select open and not due and not released_mine from judged)
          and exists (select 1 from ranked)
          and u.xmin = (select seen.xmin from users seen where seen.id = ${actor.id})
        for update of u),
      picked as (
        select best.id from me cross join lateral (
          select ${replies.id} from ${replies} join ranked on ranked.id = ${replies.id}
          where ${replies}.xmin = ranked.version
          order by ranked.preference, ranked.submitted_at, ranked.id
          limit 1
          for update of ${replies} skip locked) as best),
      v as (
        insert into reviews (organization_id, reply_id, reviewer_id, status, leased_until, created_at)
        select ${actor.organizationId}::uuid, picked.id, ${actor.id}::uuid, 'leased'::review_status,
          ${iso(new Date(now.getTime() + rules.leaseMs))}::timestamptz, ${iso(now)}::timestamptz
        from picked
        returning id, reply_id, leased_until),
      touched_reply as (${touchReplySql(sql`select reply_id from v`)}),
      touched_reviewer as (${touchReviewerSql(actor, sql`select 1 from v`)}),
      leased as (select ${LEASE_COLUMNS} from v join replies r on r.id = v.reply_id)
      select judged.calibrated, judged.due, judged.released, (select count(*)::int from ranked) as candidates, found.* ${alongside}
      from judged left join lateral (select * from leased union all select * from held) as found on true`
}

/**
 * Locks this reviewer (one allocation at a time per person, so two tabs cannot lease twice) and
 * the best candidate reply nobody else is leasing (SKIP LOCKED: a reply another allocation holds
 * is passed over, not waited for). `candidates` says whether there was anything to pass over.
 */
async function lockBestCandidate(tx: Db, actor: Actor, now: Date) {
  const [row] = rowsOf<{ candidates: number; id: string | null }>(
    await executePrepared(tx, sql`
      with me as (select id from users where id = ${actor.id} for update),
      ranked as ${candidatesSql(actor, now, CANDIDATES)}
      select (select count(*)::int from ranked) as candidates, picked.id
      from me left join lateral (
        select ${replies.id} from ${replies} join ranked on ranked.id = ${replies.id}
        order by ranked.preference, ranked.submitted_at, ranked.id
        limit 1
        for update of ${replies} skip locked) as picked on true`),
  )
  return row ?? { candidates: 0, id: null }
}

/**
 * Leases the locked reply to the reviewer if, seen afresh now that the locks are held, it still
 * needs a reviewer and they still hold no other lease; returns the lease with its reply, or null.
 * Like the one-statement lease, it rewrites the reply's and the reviewer's rows.
 */
async function insertLease(tx: Db, actor: Actor, replyId: string, now: Date, rules: ReviewRules): Promise<Lease | null> {
  const [row] = rowsOf<LeaseRow>(
    await executePrepared(tx, sql`
      with v as (${leaseInsertSql(actor, sql`select ${replyId}::uuid`, now, rules)}),
      touched_reply as (${touchReplySql(sql`select reply_id from v`)}),
      touched_reviewer as (${touchReviewerSql(actor, sql`select 1 from v`)})
      select ${LEASE_COLUMNS} from v join replies r on r.id = v.reply_id`),
  )
  return row ? leaseOf(row) : null
}

// How many of the best candidates one allocation looks at before trying again.
const CANDIDATES = 20

/**
 * The reply this person should review next: the lease they already hold, or a new one.
 * Returns `calibrate` until they have passed calibration and `empty` when nothing is available.
 */
export async function nextReviewFor(
  db: Db,
  actor: Actor,
  now = new Date(),
  rules: ReviewRules = DEFAULT_REVIEW_RULES,
): Promise<NextReview> {
  return (await nextReviewWithReads(db, actor, now, rules, null)).next
}

/**
 * A page's reads (json-rows Reads) for an actor at a moment. `shape` names whatever else their
 * statement depends on (e.g. how many rows): what the reads of one shape send differs only in the
 * values of the actor's id and organization and of instants derived from `now`.
 */
export interface ReadsFor<Reads> {
  shape: string
  make: (db: Db, actor: Actor, now: Date) => Reads
}

/**
 * nextReviewFor, with a page's reads (json-rows Reads) run as more columns of the statement that
 * settles the lease, and the approved document of the leased reply's scenario beside them (null
 * when there is none, e.g. an authored scenario). `reads` is null when that statement did not settle
 * it alone (a due reply finalised, the locking transaction) or released leases the reads could not
 * see yet: the caller then reads afterwards, as before.
 */
export async function nextReviewWithReads<Reads extends Record<string, Read<never, unknown>>>(
  db: Db,
  actor: Actor,
  now: Date,
  rules: ReviewRules,
  readsFor: ReadsFor<Reads> | null,
): Promise<{ next: NextReview; reads: Built<Reads> | null; leasedScenarioDocument: unknown }> {
  const alongside: Alongside | null = readsFor && {
    shape: readsFor.shape,
    columns: (db, actor, now) => sql`${readsAsColumns(readsFor.make(db, actor, now))}, (select s.document from scenarios s
        where s.organization_id = ${actor.organizationId} and s.slug = found.scenario_slug and s.status = 'approved') as scenario_document`,
  }
  const state = await standAndLease(db, actor, now, rules, alongside)
  // The statement's own reads saw its snapshot: true to the page unless leases it released (not
  // visible to them) could change what is left to review.
  const settled = async (next: NextReview) => ({
    next,
    reads: state.lease || state.released === 0 ? await buildReads(readsFor ? readsFor.make(db, actor, now) : ({} as Reads), state.row) : null,
    leasedScenarioDocument: state.row.scenario_document ?? null,
  })
  if (state.lease) return settled({ status: 'leased', lease: state.lease })
  if (!state.calibrated) return settled({ status: 'calibrate' })
  const unsettled = (next: NextReview) => ({ next, reads: null, leasedScenarioDocument: null })
  if (state.due) await finaliseDueReplies(db, actor.organizationId, now, rules)
  // Nothing to review: say so without the locking transaction, so a look at an empty queue writes nothing.
  if (!state.available) return state.due ? unsettled({ status: 'empty' }) : settled({ status: 'empty' })

  const lease = await transactionWithRetry(db, async (tx) => {
    // Now that they are locked, a lease another tab of theirs took is seen.
    const heldNow = async () => {
      const [held] = rowsOf<LeaseRow>(await executePrepared(tx, heldLeaseSql(actor, now)))
      return held ? leaseOf(held) : null
    }
    for (let round = 0; round < 3; round++) {
      const best = await lockBestCandidate(tx, actor, now)
      // Nothing left: the one-statement lease saw candidates, so another tab may have taken the last.
      if (best.candidates === 0) return heldNow()
      // Every candidate was being leased by someone else: look again.
      if (!best.id) continue
      const lease = await insertLease(tx, actor, best.id, now, rules)
      if (lease) return lease
      // Refused: the reply filled up meanwhile, or another tab of theirs leased one first.
      const held = await heldNow()
      if (held) return held
    }
    return null
  })
  return unsettled(lease ? { status: 'leased', lease } : { status: 'empty' })
}

/** The lease this person holds on a given review, or null (expired, submitted, or not theirs). */
export async function heldLease(db: Db, actor: Actor, reviewId: string, now = new Date()): Promise<Lease | null> {
  const [row] = await db
    .select({ id: reviews.id })
    .from(reviews)
    .where(
      and(
        eq(reviews.id, reviewId),
        eq(reviews.reviewerId, actor.id),
        eq(reviews.organizationId, actor.organizationId),
        eq(reviews.status, 'leased'),
        gt(reviews.leasedUntil, now),
      ),
    )
  return row ? leaseById(db, row.id) : null
}

/** How many replies this person could be handed right now (capped), counting a lease they hold. */
export async function reviewsWaitingFor(db: Db, actor: Actor, now = new Date(), cap = 99): Promise<number> {
  // One round trip: the candidates counted, with the held lease as a scalar subquery beside them.
  const [row] = rowsOf<{ available: number; held: number }>(
    await executePrepared(db, sql`select
      (select count(*)::int from ${candidatesSql(actor, now, cap)} as available) as available,
      (select count(*)::int from reviews v where v.reviewer_id = ${actor.id} and v.submitted_at is null
        and v.status = 'leased' and v.leased_until > ${iso(now)}::timestamptz) as held`),
  )
  return Math.min(cap, Number(row.held) + Number(row.available))
}

/** Reviews this person has submitted since a moment (the reply's submission). */
async function reviewsGivenSince(db: Db, actor: Pick<Actor, 'id'>, since: Date) {
  const [row] = await db
    .select({ n: count() })
    .from(reviews)
    .where(and(eq(reviews.reviewerId, actor.id), eq(reviews.status, 'submitted'), gt(reviews.submittedAt, new Date(since.getTime() - 1))))
  return row.n
}

export interface UnlockState {
  unlocked: boolean
  given: number
  needed: number
  remaining: number
  /** True when they were let in early because nothing is left for them to review. */
  poolExhausted: boolean
}

/**
 * Whether the author may see a reply's results: after giving N reviews since submitting it, or —
 * so a small or quiet organization never locks anyone out — when there is nothing left for them
 * to review and they hold no lease.
 */
export async function resultsUnlock(
  db: Db,
  actor: Actor,
  submittedAt: Date,
  now = new Date(),
  rules?: ReviewRules,
): Promise<UnlockState> {
  const given = await reviewsGivenSince(db, actor, submittedAt)
  const needed = (rules ?? (await reviewRulesFor(db, actor.organizationId))).reviewsToUnlock
  if (given >= needed) return { unlocked: true, given, needed, remaining: 0, poolExhausted: false }
  const waiting = await reviewsWaitingFor(db, actor, now, 1)
  return { unlocked: waiting === 0, given, needed, remaining: needed - given, poolExhausted: waiting === 0 }
}

/** Submitted-but-unfinished replies of the organization: the review queue depth. */
export async function reviewQueueDepth(db: Db, organizationId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(replies)
    .where(and(eq(replies.organizationId, organizationId), isNull(replies.finalisedAt)))
  return row.n
}

/** Open replies across every organization: an operator's figure for /metrics, never shown to a tenant. */
export async function openRepliesAcrossOrganizations(db: Db) {
  const [row] = await db.select({ n: count() }).from(replies).where(isNull(replies.finalisedAt))
  return row.n
}
