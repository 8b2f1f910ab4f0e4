// The jobs that deliver e-mail: `mail.send` (one message, retried with backoff) and `mail.sweep`
// (every 5 minutes, re-queues messages whose job was lost, so a message is never forgotten).
import { eq } from 'drizzle-orm'
import { outboxMessages } from '#db/schema'
import { parseEnv } from '~/env.server'
import { defineJob } from '~/jobs/define.server'
import { enqueueSend, SEND_MAIL_JOB, staleQueuedMessages } from './outbox.server'
import { smtpTransport } from './transport.server'

const RETRY_LIMIT = 8

export const sendMailJob = defineJob<{ messageId: string }>({
  name: SEND_MAIL_JOB,
  retryLimit: RETRY_LIMIT,
  retryDelay: 5,
  retryBackoff: true,
  retryDelayMax: 1800,
  pollingIntervalSeconds: 1,
  async handler({ messageId }, { db, job, now }) {
    const [message] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, messageId))
    // Queued inside a transaction that has not committed yet: try again shortly.
    if (!message) throw new Error('message not found yet')
    if (message.status === 'sent') return
    // Read each time, so a changed SMTP_URL (or a test's catcher) applies without a restart.
    const env = parseEnv()
    const transport = await smtpTransport(env.SMTP_URL)
    if (!transport) {
      await db
        .update(outboxMessages)
        .set({ status: 'sent', deliveredVia: 'outbox', sentAt: now, lastError: null })
        .where(eq(outboxMessages.id, messageId))
      return
    }
    try {
      await transport.sendMail({
        from: env.MAIL_FROM,
        to: message.toAddress,
        subject: message.subject,
        text: message.textBody,
        html: message.htmlBody,
        headers: message.headers,
        attachments: message.attachments ?? undefined,
      })
    } catch (error) {
      const lastAttempt = job.retryCount >= RETRY_LIMIT
      await db
        .update(outboxMessages)
        .set({
          attempts: message.attempts + 1,
          lastError: error instanceof Error ? error.message.slice(0, 500) : 'delivery failed',
          status: lastAttempt ? 'failed' : 'queued',
        })
        .where(eq(outboxMessages.id, messageId))
      throw error
    }
    // Delivered: keep the record, drop the body (it may hold a one-time link).
    await db
      .update(outboxMessages)
      .set({
        status: 'sent',
        deliveredVia: 'smtp',
        sentAt: now,
        attempts: message.attempts + 1,
        lastError: null,
        textBody: '',
        htmlBody: '',
        attachments: null,
      })
      .where(eq(outboxMessages.id, messageId))
  },
})

export const sweepMailJob = defineJob<Record<string, never>>({
  name: 'mail.sweep',
  retryLimit: 1,
  async handler(_data, { db, now }) {
    const stale = await staleQueuedMessages(db, new Date(now.getTime() - 2 * 60_000))
    for (const message of stale) await enqueueSend(message.id)
  },
})

export const mailJobs = [sendMailJob, sweepMailJob]
export const mailSchedules = [{ job: sweepMailJob, cron: '*/5 * * * *' }]
