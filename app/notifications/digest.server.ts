// The daily digest: once a day at 08:00 in the organization's time zone, each person who wants it
// gets one e-mail listing what waits for them: the unread notifications that matter (drafts
// waiting for approval, their drafts approved or rejected, flagged replies — managers and admins)
// and the meeting action items they own that are due within two days or overdue. Each
// notification and each action item goes in one digest at most.
import { and, asc, eq, gt, inArray, isNull, lte } from 'drizzle-orm'
import { DateTime } from 'luxon'
import type { Db } from '#db/client.server'
import { actionItems, notifications, organizations, users } from '#db/schema'
import { defineJob } from '~/jobs/define.server'
import { queueMail } from '~/mail/outbox.server'
import { digestMail } from '~/mail/templates.server'
import { DIGEST_KINDS } from './notifications.server'

const LOOK_BACK_MS = 7 * 24 * 3600e3
const ACTION_DUE_WITHIN_DAYS = 2

type DigestLine = { text: string; path?: string }
type Waiting = { notificationIds: string[]; actionItemIds: string[] }

export async function sendDigests(db: Db, organizationId: string, now: Date) {
  const [org] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, organizationId))
  const today = DateTime.fromJSDate(now, { zone: org?.timeZone ?? 'UTC' })
  const dueBy = today.plus({ days: ACTION_DUE_WITHIN_DAYS }).toISODate()!
  const wantsDigest = and(eq(users.organizationId, organizationId), eq(users.emailDigest, true), isNull(users.deactivatedAt))

  const [pending, actions] = await Promise.all([
    db
      .select({ id: notifications.id, userId: notifications.userId, title: notifications.title, href: notifications.href })
      .from(notifications)
      .innerJoin(users, eq(users.id, notifications.userId))
      .where(
        and(
          wantsDigest,
          inArray(users.role, ['admin', 'manager']),
          eq(notifications.organizationId, organizationId),
          inArray(notifications.kind, DIGEST_KINDS),
          isNull(notifications.readAt),
          isNull(notifications.digestedAt),
          gt(notifications.createdAt, new Date(now.getTime() - LOOK_BACK_MS)),
        ),
      )
      .orderBy(asc(notifications.createdAt)),
    db
      .select({ id: actionItems.id, userId: actionItems.ownerId, text: actionItems.text, dueOn: actionItems.dueOn, meetingId: actionItems.meetingId })
      .from(actionItems)
      .innerJoin(users, eq(users.id, actionItems.ownerId))
      .where(
        and(
          wantsDigest,
          eq(actionItems.organizationId, organizationId),
          eq(actionItems.status, 'open'),
          isNull(actionItems.digestedAt),
          lte(actionItems.dueOn, dueBy),
        ),
      )
      .orderBy(asc(actionItems.dueOn)),
  ])

  const waiting = new Map<string, Waiting>()
  const entry = (userId: string) => waiting.get(userId) ?? waiting.set(userId, { notificationIds: [], actionItemIds: [] }).get(userId)!
  for (const n of pending) if (entry(n.userId).notificationIds.length < 50) entry(n.userId).notificationIds.push(n.id)
  for (const a of actions) entry(a.userId).actionItemIds.push(a.id)
  if (waiting.size === 0) return 0

  const people = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.organizationId, organizationId), inArray(users.id, [...waiting.keys()])))
  const notificationById = new Map(pending.map((n) => [n.id, n]))
  const actionById = new Map(actions.map((a) => [a.id, a]))
  const todayIso = today.toISODate()!

  let sent = 0
  for (const person of people) {
    const mine = waiting.get(person.id)!
    await db.transaction(async (tx) => {
      // Claim first, so two runs of one occurrence never send the same lines twice.
      const claimedNotifications = await claim(tx as unknown as Db, notifications, mine.notificationIds, now)
      const claimedActions = await claim(tx as unknown as Db, actionItems, mine.actionItemIds, now)
      const items: DigestLine[] = [
        ...claimedNotifications.map((id) => notificationById.get(id)!).map((n) => ({ text: n.title, path: n.href ?? undefined })),
        ...claimedActions
          .map((id) => actionById.get(id)!)
          .map((a) => ({
            text: `Action item ${a.dueOn < todayIso ? 'overdue since' : 'due'} ${DateTime.fromISO(a.dueOn).setLocale('en-GB').toFormat('cccc d LLLL')}: ${a.text}`,
            path: `/meetings/${a.meetingId}`,
          })),
      ]
      if (items.length === 0) return
      await queueMail(tx as unknown as Db, {
        organizationId,
        userId: person.id,
        to: person.email,
        content: digestMail({ name: person.name, items }),
      })
      sent++
    })
  }
  return sent
}

/** Marks rows as digested unless another run already did; returns the ids this run may send. */
async function claim(db: Db, table: typeof notifications | typeof actionItems, ids: string[], now: Date) {
  if (ids.length === 0) return []
  const rows = await db
    .update(table)
    .set({ digestedAt: now })
    .where(and(inArray(table.id, ids), isNull(table.digestedAt)))
    .returning({ id: table.id })
  return rows.map((row) => row.id)
}

export const digestJob = defineJob<{ organizationId: string }>({
  name: 'notifications.digest',
  retryLimit: 2,
  async handler({ organizationId }, { db, now }) {
    await sendDigests(db, organizationId, now)
  },
})
