// Every e-mail goes through here: queueMail renders it, writes it to the outbox table and queues
// the `mail.send` job; the request never waits for SMTP. Admins read the outbox at /admin/outbox.
//
//   await queueMail(db, { organizationId, userId?, to, content })   // content: a MailContent
//   await listOutbox(db, admin, { status? })
import { and, desc, eq, lt, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { organizations, outboxMessages, type MailAttachment } from '#db/schema'
import { assertRole } from '~/auth/guards.server'
import { getEnv } from '~/env.server'
import { activeJobQueue } from '~/jobs/queue.server'
import type { Actor } from '~/org/teams.server'
import { newUnsubscribeToken, wantsMail } from './preferences.server'
import { renderMail, type MailContent } from './templates.server'

export const SEND_MAIL_JOB = 'mail.send'

export interface QueuedMail {
  organizationId: string
  /** The recipient's account, when they have one (to honour their e-mail preferences). */
  userId?: string | null
  to: string
  content: MailContent
  attachments?: MailAttachment[]
}

/**
 * Renders and stores the message, then queues its sending. Returns the outbox message id, or null
 * when the recipient has turned this kind of mail off.
 */
export async function queueMail(db: Db, mail: QueuedMail): Promise<string | null> {
  if (!mail.content.essential && mail.userId && !(await wantsMail(db, mail.userId, mail.content.kind))) return null
  const [org] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, mail.organizationId))
  if (!org) throw new Error('queueMail: unknown organization')
  // Non-essential mail to an account gets its own one-click unsubscribe link.
  const unsubscribe = !mail.content.essential && mail.userId ? newUnsubscribeToken() : null
  const rendered = renderMail(mail.content, {
    organizationName: org.name,
    appUrl: getEnv().APP_URL,
    unsubscribePath: unsubscribe ? `/unsubscribe/${unsubscribe.token}` : undefined,
  })
  const [row] = await db
    .insert(outboxMessages)
    .values({
      organizationId: mail.organizationId,
      userId: mail.userId ?? null,
      toAddress: mail.to,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      headers: rendered.headers,
      kind: mail.content.kind,
      essential: mail.content.essential,
      attachments: mail.attachments ?? null,
      unsubscribeTokenHash: unsubscribe?.tokenHash ?? null,
    })
    .returning({ id: outboxMessages.id })
  activeJobQueue()?.enqueueSoon(SEND_MAIL_JOB, { messageId: row.id }, { onceKey: row.id })
  return row.id
}

/**
 * Queues the sending job of one message (not inside a transaction: see JobQueue.enqueueSoon).
 * Without a running queue (a script, a test without one) the message waits in the outbox; the
 * `mail.sweep` schedule picks up anything left queued.
 */
export async function enqueueSend(messageId: string, attempt = 0) {
  const jobs = activeJobQueue()
  if (!jobs) return
  await jobs.enqueue(SEND_MAIL_JOB, { messageId }, { onceKey: attempt ? `${messageId}:${attempt}` : messageId })
}

/** Messages still queued after `olderThan` (their job was lost or never queued). */
export async function staleQueuedMessages(db: Db, olderThan: Date) {
  return db
    .select({ id: outboxMessages.id })
    .from(outboxMessages)
    .where(and(eq(outboxMessages.status, 'queued'), lt(outboxMessages.createdAt, olderThan)))
    .limit(500)
}

export type OutboxStatus = 'queued' | 'sent' | 'failed'

/** The organization's outbox, newest first (admins only). */
export async function listOutbox(db: Db, actor: Actor, options: { status?: OutboxStatus; limit?: number } = {}) {
  assertRole(actor, ['admin'])
  return db
    .select({
      id: outboxMessages.id,
      toAddress: outboxMessages.toAddress,
      subject: outboxMessages.subject,
      textBody: outboxMessages.textBody,
      kind: outboxMessages.kind,
      status: outboxMessages.status,
      attempts: outboxMessages.attempts,
      lastError: outboxMessages.lastError,
      deliveredVia: outboxMessages.deliveredVia,
      sentAt: outboxMessages.sentAt,
      createdAt: outboxMessages.createdAt,
    })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.organizationId, actor.organizationId),
        options.status ? eq(outboxMessages.status, options.status) : undefined,
      ),
    )
    .orderBy(desc(outboxMessages.createdAt))
    .limit(options.limit ?? 100)
}

/** Counts per status for the outbox page's summary. */
export async function outboxCounts(db: Db, actor: Actor) {
  assertRole(actor, ['admin'])
  const rows = await db
    .select({ status: outboxMessages.status, n: sql<number>`count(*)::int` })
    .from(outboxMessages)
    .where(eq(outboxMessages.organizationId, actor.organizationId))
    .groupBy(outboxMessages.status)
  const counts: Record<OutboxStatus, number> = { queued: 0, sent: 0, failed: 0 }
  for (const row of rows) counts[row.status] = Number(row.n)
  return counts
}

/** Puts a failed message back in the queue (admins only). */
export async function retryMessage(db: Db, actor: Actor, messageId: string) {
  assertRole(actor, ['admin'])
  const [row] = await db
    .update(outboxMessages)
    .set({ status: 'queued' })
    .where(
      and(
        eq(outboxMessages.id, messageId),
        eq(outboxMessages.organizationId, actor.organizationId),
        eq(outboxMessages.status, 'failed'),
      ),
    )
    .returning({ id: outboxMessages.id, attempts: outboxMessages.attempts })
  if (row) await enqueueSend(row.id, row.attempts)
  return Boolean(row)
}
