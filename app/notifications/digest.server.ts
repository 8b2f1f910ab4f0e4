// The daily digest: once a day at 08:00 in the organization's time zone, each manager and admin
// who wants it gets one e-mail listing the unread notifications that matter to them (drafts
// waiting for approval, their drafts approved or rejected, flagged replies). Each notification
// goes in one digest at most.
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { notifications, users } from '#db/schema'
import { defineJob } from '~/jobs/define.server'
import { queueMail } from '~/mail/outbox.server'
import { digestMail } from '~/mail/templates.server'
import { DIGEST_KINDS } from './notifications.server'

const LOOK_BACK_MS = 7 * 24 * 3600e3

export async function sendDigests(db: Db, organizationId: string, now: Date) {
  const recipients = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(
      and(
        eq(users.organizationId, organizationId),
        inArray(users.role, ['admin', 'manager']),
        eq(users.emailDigest, true),
        isNull(users.deactivatedAt),
      ),
    )
  let sent = 0
  for (const person of recipients) {
    const pending = await db
      .select({ id: notifications.id, title: notifications.title, href: notifications.href })
      .from(notifications)
      .where(
        and(
          eq(notifications.organizationId, organizationId),
          eq(notifications.userId, person.id),
          inArray(notifications.kind, DIGEST_KINDS),
          isNull(notifications.readAt),
          isNull(notifications.digestedAt),
          gt(notifications.createdAt, new Date(now.getTime() - LOOK_BACK_MS)),
        ),
      )
      .orderBy(asc(notifications.createdAt))
      .limit(50)
    if (pending.length === 0) continue
    await db.transaction(async (tx) => {
      // Claim first, so two runs of one occurrence never send the same lines twice.
      const claimed = await tx
        .update(notifications)
        .set({ digestedAt: now })
        .where(and(inArray(notifications.id, pending.map((n) => n.id)), isNull(notifications.digestedAt)))
        .returning({ id: notifications.id })
      const ids = new Set(claimed.map((c) => c.id))
      const items = pending.filter((n) => ids.has(n.id)).map((n) => ({ text: n.title, path: n.href ?? undefined }))
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

export const digestJob = defineJob<{ organizationId: string }>({
  name: 'notifications.digest',
  retryLimit: 2,
  async handler({ organizationId }, { db, now }) {
    await sendDigests(db, organizationId, now)
  },
})

