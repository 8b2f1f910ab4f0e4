// Blind group calibration in a meeting. Each participant scores the item privately; a vote is stored
// with its levels only (no voter, no time) and, in the same transaction, the voter is recorded apart
// as "has voted" — so nobody, the facilitator included, can ever tell who voted what. The reveal needs
// MIN_VOTES_TO_REVEAL votes. Nothing here touches replies, reviews or anyone's scores.
import { and, count, desc, eq, isNotNull, ne, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { meetingCalibrations, meetingCalibrationVoters, meetingCalibrationVotes, replies, users } from '#db/schema'
import { invariantResponse } from '~/http/responses.server'
import type { Actor } from '~/org/teams.server'
import { jsonRows, named, read, readTogether, type Read } from '~/query/json-rows.server'
import { listCalibrationItems } from '~/reviews/calibration.server'
import { loadRubric } from '~/reviews/rubric.server'
import { getAuthoredScenario } from '~/scenarios/authored-scenarios.server'
import { requireFacilitator, requireMeetingAccess, type MeetingAccess } from './access.server'
import { MIN_VOTES_TO_REVEAL, overallSpread, spreadOf, type CriterionSpread } from './calibration-results'
import { announce } from './live.server'

export type CalibrationChoice = { source: 'gold'; goldId: string } | { source: 'reply' }
export type VoteResult = { ok: true } | { ok: false; errors: Record<string, string> }

async function calibrationOf(db: Db, meetingId: string) {
  const [row] = await db.select().from(meetingCalibrations).where(eq(meetingCalibrations.meetingId, meetingId))
  return row ?? null
}

async function voteCount(db: Db, calibrationId: string) {
  const [row] = await db
    .select({ n: count() })
    .from(meetingCalibrationVoters)
    .where(eq(meetingCalibrationVoters.calibrationId, calibrationId))
  return Number(row?.n ?? 0)
}

/** A recent reviewed reply of another team, its author's name (and anything personal) anonymised. */
async function otherTeamsReply(db: Db, access: MeetingAccess) {
  const candidates = await db
    .select({ id: replies.id, text: replies.text, scenarioSlug: replies.scenarioSlug, authorName: users.name })
    .from(replies)
    .innerJoin(users, eq(users.id, replies.userId))
    .where(
      and(
        eq(replies.organizationId, access.meeting.organizationId),
        isNotNull(replies.finalisedAt),
        isNotNull(replies.teamId),
        ne(replies.teamId, access.team.id),
      ),
    )
    .orderBy(desc(replies.finalisedAt))
    .limit(20)
  if (!candidates.length) return null
  const pick = candidates[Math.floor(Math.random() * candidates.length)]
  // Loaded on first use: its word lists are megabytes the server need not parse to start.
  const { anonymise } = await import('~/anonymiser')
  return { ...pick, text: anonymise(pick.text, { agentNames: [pick.authorName] }).text }
}

/** The facilitator picks what the room calibrates on; it can be changed until the first vote. */
export async function chooseCalibration(db: Db, actor: Actor, meetingId: string, choice: CalibrationChoice) {
  const access = await requireMeetingAccess(db, actor, meetingId)
  requireFacilitator(access)
  invariantResponse(access.meeting.status !== 'held', 'The meeting is over.', { status: 409 })
  const existing = await calibrationOf(db, meetingId)
  if (existing) invariantResponse((await voteCount(db, existing.id)) === 0, 'People have voted already; the item stays.', { status: 409 })
  let values: { source: 'gold' | 'reply'; goldId: string | null; replyId: string | null; scenarioSlug: string; text: string }
  if (choice.source === 'gold') {
    const item = (await listCalibrationItems()).find((i) => i.id === choice.goldId)
    invariantResponse(item, 'Choose one of the listed gold examples.', { status: 400 })
    values = { source: 'gold', goldId: item.id, replyId: null, scenarioSlug: item.scenario, text: item.reply }
  } else {
    const reply = await otherTeamsReply(db, access)
    invariantResponse(reply, 'No other team has a reviewed reply yet; choose a gold example.', { status: 409 })
    values = { source: 'reply', goldId: null, replyId: reply.id, scenarioSlug: reply.scenarioSlug, text: reply.text }
  }
  await db.transaction(async (tx) => {
    if (existing) await tx.delete(meetingCalibrations).where(eq(meetingCalibrations.id, existing.id))
    await tx.insert(meetingCalibrations).values({ meetingId, organizationId: actor.organizationId, ...values })
    await announce(tx, meetingId)
  })
}

export async function castVote(db: Db, actor: Actor, meetingId: string, levels: Record<string, unknown>): Promise<VoteResult> {
  const access = await requireMeetingAccess(db, actor, meetingId)
  invariantResponse(access.meeting.status === 'live', 'Votes are taken during the live meeting.', { status: 409 })
  const calibration = await calibrationOf(db, meetingId)
  invariantResponse(calibration, 'There is nothing to calibrate on yet.', { status: 409 })
  if (calibration.revealedAt) return { ok: false, errors: { form: 'The votes have been revealed; voting is closed.' } }
  const rubric = await loadRubric()
  const errors: Record<string, string> = {}
  const clean: Record<string, number> = {}
  for (const criterion of rubric.criteria) {
    const level = Number(levels[criterion.id])
    if (!Number.isInteger(level) || level < 1 || level > 4) errors[criterion.id] = `Choose a level for ${criterion.name.toLowerCase()}.`
    else clean[criterion.id] = level
  }
  if (Object.keys(errors).length) return { ok: false, errors }
  const voted = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(meetingCalibrationVoters)
      .values({ calibrationId: calibration.id, organizationId: actor.organizationId, userId: actor.id })
      .onConflictDoNothing()
      .returning({ userId: meetingCalibrationVoters.userId })
    if (!inserted.length) return false
    await tx.insert(meetingCalibrationVotes).values({ calibrationId: calibration.id, organizationId: actor.organizationId, levels: clean })
    await announce(tx, meetingId)
    return true
  })
  return voted ? { ok: true } : { ok: false, errors: { form: 'You have voted already; a vote cannot be changed.' } }
}

export async function revealCalibration(db: Db, actor: Actor, meetingId: string, now = new Date()) {
  const access = await requireMeetingAccess(db, actor, meetingId)
  requireFacilitator(access)
  const calibration = await calibrationOf(db, meetingId)
  invariantResponse(calibration, 'There is nothing to reveal.', { status: 409 })
  const votes = await voteCount(db, calibration.id)
  invariantResponse(votes >= MIN_VOTES_TO_REVEAL, `The reveal needs at least ${MIN_VOTES_TO_REVEAL} votes; there are ${votes}.`, {
    status: 409,
  })
  await db.transaction(async (tx) => {
    await tx
      .update(meetingCalibrations)
      .set({ revealedAt: now })
      .where(and(eq(meetingCalibrations.id, calibration.id), sql`${meetingCalibrations.revealedAt} is null`))
    await announce(tx, meetingId)
  })
}

export interface CalibrationCriterionResult extends CriterionSpread {
  name: string
  levels: { level: number; label: string; descriptor: string }[]
  /** The expert's level, for a gold example. */
  expert: number | null
}

export interface CalibrationView {
  source: 'gold' | 'reply'
  scenarioTitle: string
  text: string
  votes: number
  hasVoted: boolean
  revealed: boolean
  minVotes: number
  /** Only after the reveal. */
  results: { criteria: CalibrationCriterionResult[]; overall: number | null } | null
}

type CalibrationRow = {
  source: 'gold' | 'reply'
  goldId: string | null
  scenarioSlug: string
  text: string
  revealed: boolean
  votes: number
  hasVoted: boolean
  /** Each vote's levels, read only once the votes are revealed. */
  levels: { levels: Record<string, number> }[]
}

/** The calibration of a meeting as seen by a viewer, as one read (`readTogether`): its vote count, whether they voted, and the revealed votes. */
export function calibrationRead(db: Db, meetingId: string, viewerId: string | null): Read<CalibrationRow, CalibrationView | null> {
  const c = meetingCalibrations
  return read(
    db
      .select(
        named({
          source: c.source,
          goldId: c.goldId,
          scenarioSlug: c.scenarioSlug,
          text: c.text,
          revealed: sql`${c.revealedAt} is not null`,
          votes: sql`(select count(*)::int from ${meetingCalibrationVoters} where ${meetingCalibrationVoters.calibrationId} = ${c.id})`,
          hasVoted: viewerId
            ? sql`exists (select 1 from ${meetingCalibrationVoters} where ${meetingCalibrationVoters.calibrationId} = ${c.id} and ${meetingCalibrationVoters.userId} = ${viewerId})`
            : sql`false`,
          levels: jsonRows(
            sql`select ${meetingCalibrationVotes.levels} as levels from ${meetingCalibrationVotes} where ${meetingCalibrationVotes.calibrationId} = ${c.id} and ${c.revealedAt} is not null`,
          ),
        }),
      )
      .from(c)
      .where(eq(c.meetingId, meetingId)),
    async ([row]) => (row ? calibrationViewOf(row) : null),
  )
}

async function calibrationViewOf(calibration: CalibrationRow): Promise<CalibrationView> {
  const scenario = await getAuthoredScenario(calibration.scenarioSlug)
  let results: CalibrationView['results'] = null
  if (calibration.revealed) {
    const [rubric, gold] = await Promise.all([
      loadRubric(),
      calibration.goldId ? listCalibrationItems().then((items) => items.find((i) => i.id === calibration.goldId) ?? null) : null,
    ])
    const spreads = spreadOf(
      rubric.criteria.map((c) => c.id),
      calibration.levels.map((r) => r.levels),
    )
    results = {
      overall: overallSpread(spreads),
      criteria: rubric.criteria.map((criterion, i) => ({
        ...spreads[i],
        name: criterion.name,
        levels: criterion.levels.map((l) => ({ level: l.level, label: l.label, descriptor: l.descriptor })),
        expert: gold?.expert[criterion.id] ?? null,
      })),
    }
  }
  return {
    source: calibration.source,
    scenarioTitle: scenario?.title ?? 'An imported scenario',
    text: calibration.text,
    votes: calibration.votes,
    hasVoted: calibration.hasVoted,
    revealed: calibration.revealed,
    minVotes: MIN_VOTES_TO_REVEAL,
    results,
  }
}

/** What a viewer sees of the calibration: the count of votes, whether they voted, and after the reveal the anonymous distribution. */
export async function calibrationView(db: Db, meetingId: string, viewerId: string | null): Promise<CalibrationView | null> {
  return (await readTogether(db, { calibration: calibrationRead(db, meetingId, viewerId) })).calibration
}

/** Gold examples the facilitator can pick from. */
export async function goldChoices() {
  const items = await listCalibrationItems()
  return Promise.all(
    items.map(async (item) => ({ id: item.id, title: (await getAuthoredScenario(item.scenario))?.title ?? item.scenario })),
  )
}
