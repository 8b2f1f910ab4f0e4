// Replies worth celebrating. Only an author can offer one of their own reviewed replies to their team's
// meeting, anonymously (the default) or with their name, and withdraw it at any time. The facilitator
// picks among offered replies; a picked reply is shown only while its offer stands.
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { meetingReplyOffers, replies, teams, users } from '#db/schema'
import { forbidden, invariantResponse, notFound } from '~/http/responses.server'
import type { Actor } from '~/org/teams.server'
import { named, read, readTogether, type Read } from '~/query/json-rows.server'
import { getAuthoredScenario } from '~/scenarios/authored-scenarios.server'

export interface ReplyOfferStatus {
  replyId: string
  teamName: string
  offered: boolean
  named: boolean
}

async function ownReviewedReply(db: Db, actor: Actor, replyId: string) {
  const [reply] = await db
    .select({ id: replies.id, userId: replies.userId, teamId: replies.teamId, finalisedAt: replies.finalisedAt, teamName: teams.name })
    .from(replies)
    .leftJoin(teams, eq(teams.id, replies.teamId))
    .where(and(eq(replies.id, replyId), eq(replies.organizationId, actor.organizationId)))
  if (!reply) notFound('There is no such reply.')
  if (reply.userId !== actor.id) forbidden('Only the author can offer a reply.')
  return reply
}

/** For the author's reply page: whether the reply can be offered, and whether it is. Null for anyone else. */
export async function replyOfferStatus(db: Db, actor: Actor, replyId: string): Promise<ReplyOfferStatus | null> {
  const [row] = await db
    .select({
      userId: replies.userId,
      teamId: replies.teamId,
      finalisedAt: replies.finalisedAt,
      teamName: teams.name,
      named: meetingReplyOffers.named,
      offeredAt: meetingReplyOffers.offeredAt,
    })
    .from(replies)
    .leftJoin(teams, eq(teams.id, replies.teamId))
    .leftJoin(meetingReplyOffers, eq(meetingReplyOffers.replyId, replies.id))
    .where(and(eq(replies.id, replyId), eq(replies.organizationId, actor.organizationId)))
  if (!row || row.userId !== actor.id || !row.teamId || !row.finalisedAt || !row.teamName) return null
  return { replyId, teamName: row.teamName, offered: Boolean(row.offeredAt), named: row.named ?? false }
}

export async function offerReply(db: Db, actor: Actor, replyId: string, named: boolean) {
  const reply = await ownReviewedReply(db, actor, replyId)
  invariantResponse(reply.finalisedAt && reply.teamId, 'A reply can be offered once its reviews are in.', { status: 409 })
  await db
    .insert(meetingReplyOffers)
    .values({ replyId, organizationId: actor.organizationId, teamId: reply.teamId, userId: actor.id, named })
    .onConflictDoUpdate({ target: meetingReplyOffers.replyId, set: { named } })
}

export async function withdrawReplyOffer(db: Db, actor: Actor, replyId: string) {
  await ownReviewedReply(db, actor, replyId)
  await db.delete(meetingReplyOffers).where(and(eq(meetingReplyOffers.replyId, replyId), eq(meetingReplyOffers.userId, actor.id)))
}

export interface OfferedReply {
  replyId: string
  text: string
  scenarioTitle: string
  /** The author's name only when they offered it named. */
  authorName: string | null
  offeredAt: Date
}

/** Replies offered to a team's meetings (newest first); `only` limits them to the picked ones. */
export async function offeredReplies(db: Db, organizationId: string, teamId: string, only?: string[]): Promise<OfferedReply[]> {
  if (only && !only.length) return []
  const { offers } = await readTogether(db, { offers: offeredRepliesRead(db, organizationId, teamId, only) })
  return offers
}

/** offeredReplies as a read a page sends with its other sections' (`readTogether`). */
export function offeredRepliesRead(
  db: Db,
  organizationId: string,
  teamId: string,
  only?: string[],
): Read<{ replyId: string; text: string; scenarioSlug: string; named: boolean; name: string; offeredAt: string }, OfferedReply[]> {
  const query = db
    .select(
      named({
        replyId: replies.id,
        text: replies.text,
        scenarioSlug: replies.scenarioSlug,
        named: meetingReplyOffers.named,
        name: users.name,
        offeredAt: meetingReplyOffers.offeredAt,
      }),
    )
    .from(meetingReplyOffers)
    .innerJoin(replies, eq(replies.id, meetingReplyOffers.replyId))
    .innerJoin(users, eq(users.id, meetingReplyOffers.userId))
    .where(
      and(
        eq(meetingReplyOffers.organizationId, organizationId),
        eq(meetingReplyOffers.teamId, teamId),
        isNotNull(replies.finalisedAt),
        // Nothing picked: nothing to read.
        only ? (only.length ? inArray(meetingReplyOffers.replyId, only) : sql`false`) : undefined,
      ),
    )
    .orderBy(desc(meetingReplyOffers.offeredAt))
    .limit(50)
  return read(
    query,
    (rows) =>
      Promise.all(
        rows.map(async (row) => ({
          replyId: row.replyId,
          text: row.text,
          scenarioTitle: (await getAuthoredScenario(row.scenarioSlug))?.title ?? 'An imported scenario',
          authorName: row.named ? row.name : null,
          offeredAt: new Date(row.offeredAt),
        })),
      ),
    '"offeredAt" desc',
  )
}
