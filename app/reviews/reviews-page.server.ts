// What /reviews shows, in as few round trips as the page allows: the reviewer's next reply (one
// statement, whether they already hold a lease or it leases them a new one; only a lease it cannot
// settle alone takes the locking transaction, see allocation.server.ts), and everything else —
// their recent replies, the replies waiting for their deciding review, how far they are from
// unlocking their feedback, and the scenarios those name — as more columns of that same statement.
// Those columns see the statement's snapshot, from before its own lease: the unlock counts the
// reply being leased among the candidates, so it says the same as a read after the lease. When the
// statement cannot settle the lease alone, or released leases it cannot see yet, the reads run in
// one more statement afterwards (readTogether), as they always did.
import { and, desc, eq, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { memberships, organizations, replies, scenarios, users } from '#db/schema'
import { managedTeamIdsQuery, type Actor } from '~/org/teams.server'
import type { PracticeScenario } from '~/practice/practice.server'
import { named, nothingToRead, read, readTogether } from '~/query/json-rows.server'
import { getAuthoredScenario } from '~/scenarios/authored-scenarios.server'
import { scenarioSchema } from '~/scenarios/scenario-schema'
import { myReplyColumns } from './feedback.server'
import { candidatesSql, nextReviewWithReads, type NextReview, type UnlockState } from './allocation.server'
import { DEFAULT_REVIEW_RULES, type ReviewRules } from './review-rules'

const iso = (date: Date) => date.toISOString()

/** The scenario a slug names, as findPracticeScenario finds it: authored first, else the approved document read beside it. */
async function scenarioFrom(slug: string, document: unknown): Promise<PracticeScenario | null> {
  const authored = await getAuthoredScenario(slug)
  if (authored) return authored
  if (document === null || document === undefined) return null
  const parsed = scenarioSchema.safeParse(document)
  return parsed.success ? { slug, ...parsed.data } : null
}

/** The organization's approved scenario document for the slug in scope (null when none). */
const approvedDocument = (organizationId: string, slug: typeof replies.scenarioSlug) =>
  sql`(select s.document from ${scenarios} s where s.organization_id = ${organizationId} and s.slug = ${slug} and s.status = 'approved')`

type MineRow = {
  id: string
  scenarioSlug: string
  submittedAt: string
  reviewsDone: number
  reviewsRequired: number
  finalisedAt: string | null
  document: unknown
}

/** The actor's latest replies with where each stands (myReplies), with their titles. */
export function myRepliesRead(db: Db, actor: Actor, limit: number) {
  const query = db
    .select(
      named({ ...myReplyColumns, document: approvedDocument(actor.organizationId, replies.scenarioSlug) }),
    )
    .from(replies)
    .where(and(eq(replies.userId, actor.id), eq(replies.organizationId, actor.organizationId)))
    .orderBy(desc(replies.submittedAt))
    .limit(limit)
  return read(
    query,
    async (rows: MineRow[]) =>
      Promise.all(
        rows.map(async ({ document, ...row }) => ({
          ...row,
          submittedAt: new Date(row.submittedAt),
          finalisedAt: row.finalisedAt === null ? null : new Date(row.finalisedAt),
          title: (await scenarioFrom(row.scenarioSlug, document))?.title ?? row.scenarioSlug,
        })),
      ),
    '"submittedAt" desc',
  )
}

type FlaggedRow = { id: string; scenarioSlug: string; flaggedAt: string; author: string; document: unknown }

/** flaggedForManager as a read: flagged replies in the teams this manager leads (all for admins), with titles. */
export function flaggedRead(db: Db, actor: Actor) {
  if (actor.role !== 'admin' && actor.role !== 'manager') return read(sql`select 1 where false`, () => [] as { id: string; author: string; title: string }[])
  const authorsInTeams = db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, actor.organizationId), sql`${memberships.teamId} in (${managedTeamIdsQuery(db, actor)})`))
  const query = db
    .select(
      named({
        id: replies.id,
        scenarioSlug: replies.scenarioSlug,
        flaggedAt: replies.flaggedAt,
        author: users.name,
        document: approvedDocument(actor.organizationId, replies.scenarioSlug),
      }),
    )
    .from(replies)
    .innerJoin(users, eq(users.id, replies.userId))
    .where(
      and(
        eq(replies.organizationId, actor.organizationId),
        sql`${replies.flaggedAt} is not null`,
        sql`${replies.userId} <> ${actor.id}`,
        sql`${replies.userId} in (${authorsInTeams})`,
        sql`not exists (select 1 from reviews v where v.reply_id = ${replies.id} and v.deciding)`,
        // One who reviewed it cannot decide it: another manager or an admin does.
        sql`not exists (select 1 from reviews v where v.reply_id = ${replies.id} and v.reviewer_id = ${actor.id})`,
      ),
    )
    .orderBy(replies.flaggedAt)
    .limit(20)
  return read(
    query,
    async (rows: FlaggedRow[]) =>
      Promise.all(
        rows.map(async (row) => ({
          id: row.id,
          author: row.author,
          title: (await scenarioFrom(row.scenarioSlug, row.document))?.title ?? row.scenarioSlug,
        })),
      ),
    '"flaggedAt"',
  )
}

type UnlockRow = { hasReply: boolean; given: number; needed: number | null; waiting: number }

/**
 * resultsUnlock for the actor's latest reply, as a read: reviews given since it was submitted
 * (to the millisecond, as the Date the separate call compares with), the organization's threshold,
 * and whether anything is left for them to review (a lease they hold counts). Null without a reply.
 */
export function unlockRead(actor: Actor, now: Date, rules?: ReviewRules) {
  const latest = sql`(select max(r.submitted_at) from ${replies} r where r.user_id = ${actor.id} and r.organization_id = ${actor.organizationId})`
  // What is left to review is only looked for when it decides the answer (a reply, not enough given).
  const query = sql`select x."hasReply", x."given", x."needed",
    case when x."hasReply" and x."given" < x."needed" then
      (select count(*)::int from ${candidatesSql(actor, now, 1)} as available)
      + (select count(*)::int from reviews v where v.reviewer_id = ${actor.id} and v.submitted_at is null
        and v.status = 'leased' and v.leased_until > ${iso(now)}::timestamptz)
    else 0 end as "waiting"
    from (select l.latest is not null as "hasReply",
      (select count(*)::int from reviews v where v.reviewer_id = ${actor.id} and v.status = 'submitted'
        and v.submitted_at > date_trunc('milliseconds', l.latest) - interval '1 millisecond') as "given",
      (select o.reviews_to_unlock from ${organizations} o where o.id = ${actor.organizationId}) as "needed"
      from (select ${latest} as latest) l) x`
  return read(query, ([row]: UnlockRow[]): UnlockState | null => {
    if (!row?.hasReply) return null
    if (row.needed === null && !rules) throw new Response('That organization no longer exists.', { status: 404 })
    const needed = rules?.reviewsToUnlock ?? row.needed!
    const given = row.given
    if (given >= needed) return { unlocked: true, given, needed, remaining: 0, poolExhausted: false }
    const exhausted = Math.min(1, row.waiting) === 0
    return { unlocked: exhausted, given, needed, remaining: needed - given, poolExhausted: exhausted }
  })
}

/** The approved document of one of the organization's scenarios, as findPracticeScenario would parse it. */
function leasedScenarioRead(db: Db, actor: Actor, slug: string) {
  const query = db
    .select(named({ document: scenarios.document }))
    .from(scenarios)
    .where(and(eq(scenarios.organizationId, actor.organizationId), eq(scenarios.slug, slug), eq(scenarios.status, 'approved')))
  return read(query, async ([row]: { document: unknown }[]) => (row ? scenarioFrom(slug, row.document) : null))
}

export interface ReviewsPage {
  next: NextReview
  mine: Awaited<ReturnType<ReturnType<typeof myRepliesRead>['build']>>
  flagged: Awaited<ReturnType<ReturnType<typeof flaggedRead>['build']>>
  unlock: UnlockState | null
  /** The scenario of the leased reply (null without a lease, or when the scenario is gone). */
  leasedScenario: PracticeScenario | null
}

/**
 * Everything /reviews shows, usually in one statement: the page's reads run as columns of the
 * statement that settles the lease (see nextReviewWithReads), with the leased scenario's document.
 * When that statement could not settle it alone, they are read in one more statement afterwards.
 */
export async function readReviewsPage(db: Db, actor: Actor, now = new Date(), options: { mine?: number } = {}): Promise<ReviewsPage> {
  const mine = options.mine ?? 5
  const readsFor = (db: Db, actor: Actor, now: Date) => ({
    mine: myRepliesRead(db, actor, mine),
    flagged: flaggedRead(db, actor),
    unlock: unlockRead(actor, now),
  })
  const { next, reads: readAlongside, leasedScenarioDocument } = await nextReviewWithReads(db, actor, now, DEFAULT_REVIEW_RULES, {
    shape: `mine ${mine}`,
    make: readsFor,
  })
  const leasedSlug = next.status === 'leased' ? next.lease.reply.scenarioSlug : null
  if (readAlongside) {
    const leasedScenario = leasedSlug ? await scenarioFrom(leasedSlug, leasedScenarioDocument) : null
    return { next, ...readAlongside, leasedScenario }
  }
  const authored = leasedSlug ? await getAuthoredScenario(leasedSlug) : null
  const page = await readTogether(db, {
    ...readsFor(db, actor, now),
    leasedScenario: leasedSlug && !authored ? leasedScenarioRead(db, actor, leasedSlug) : nothingToRead(),
  })
  return { next, mine: page.mine, flagged: page.flagged, unlock: page.unlock, leasedScenario: authored ?? page.leasedScenario }
}
