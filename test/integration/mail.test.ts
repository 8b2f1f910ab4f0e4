import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganization, createUser } from '#db/factories'
import { notifications, outboxMessages } from '#db/schema'
import { listOutbox, queueMail } from '~/mail/outbox.server'
import { digestMail, invitationMail, passwordResetMail } from '~/mail/templates.server'
import { notify } from '~/notifications/notifications.server'
import { startTestJobQueue } from '../support/job-queue'
import { startSmtpCatcher, type SmtpCatcher } from '../support/smtp-catcher'
import { createTestDatabase } from '../support/test-database'

const database = await createTestDatabase()
const db = database.db
const jobs = await startTestJobQueue(database)
let catcher: SmtpCatcher

beforeAll(async () => {
  catcher = await startSmtpCatcher()
  process.env.APP_URL = 'https://rapport.example.test'
})
afterAll(async () => {
  delete process.env.SMTP_URL
  await catcher.stop()
})

describe('e-mail', () => {
  it('is sent by a job over SMTP with text and HTML parts, the organization name and absolute links', async () => {
    process.env.SMTP_URL = catcher.url
    const org = await createOrganization(db, { name: 'Globex Hearth' })
    const id = await queueMail(db, {
      organizationId: org.id,
      to: 'ana@example.test',
      content: invitationMail({
        inviteeName: 'Ana',
        inviterName: 'Bo',
        organizationName: org.name,
        teamName: 'Support',
        token: 'tok123',
        expiresAt: new Date(),
        expiresText: 'in 7 days',
      }),
    })
    // Nothing is sent inside the request: the message waits for its job.
    expect(catcher.messages.filter((m) => m.to === 'ana@example.test')).toHaveLength(0)
    await jobs.runDue()
    const mail = await catcher.waitFor((m) => m.to === 'ana@example.test')
    expect(mail.subject).toContain('Globex Hearth')
    expect(mail.text).toContain('https://rapport.example.test/invite/tok123')
    expect(mail.html).toContain('href="https://rapport.example.test/invite/tok123"')
    expect(mail.html).toContain('Globex Hearth')
    // Invitations are essential: no unsubscribe.
    expect(mail.raw).not.toMatch(/^List-Unsubscribe:/m)
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id))
    expect(row).toMatchObject({ status: 'sent', deliveredVia: 'smtp', textBody: '', htmlBody: '' })
  })

  it('non-essential mail has a preferences link and List-Unsubscribe', async () => {
    process.env.SMTP_URL = catcher.url
    const org = await createOrganization(db, { name: 'Initech' })
    await queueMail(db, {
      organizationId: org.id,
      to: 'digest@example.test',
      content: digestMail({ name: 'Dee', items: [{ text: 'A draft waits for your approval', path: '/admin/scenarios' }] }),
    })
    await jobs.runDue()
    const mail = await catcher.waitFor((m) => m.to === 'digest@example.test')
    expect(mail.raw).toMatch(/^List-Unsubscribe: <https:\/\/rapport\.example\.test\/account/m)
    expect(mail.text).toContain('https://rapport.example.test/account#email-preferences')
    expect(mail.text).toContain('https://rapport.example.test/admin/scenarios')
    expect(mail.html).toContain('Choose which e-mails you get')
  })

  it('a failing SMTP server is retried with the error kept, and the message still arrives', async () => {
    process.env.SMTP_URL = catcher.url
    const org = await createOrganization(db)
    const user = await createUser(db, org.id, { name: 'Ruth' })
    catcher.failNext(1)
    const id = await queueMail(db, {
      organizationId: org.id,
      to: 'retry@example.test',
      content: passwordResetMail({ name: 'Ruth', token: 'reset-tok' }),
    })
    await jobs.runDue()
    const [failedOnce] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id))
    expect(failedOnce.status).toBe('queued')
    expect(failedOnce.attempts).toBe(1)
    expect(failedOnce.lastError).toMatch(/try again later/)
    // The retry comes after a short backoff.
    await expect.poll(async () => (await jobs.runDue(), catcher.messages.some((m) => m.to === 'retry@example.test')), {
      timeout: 20_000,
      interval: 1000,
    }).toBe(true)
    const admin = await createUser(db, org.id, { role: 'admin' })
    const [row] = await listOutbox(db, admin)
    expect(row).toMatchObject({ status: 'sent', attempts: 2, lastError: null })
    void user
  })

  it('without SMTP_URL the message stays in the outbox for admins to read, and only admins can', async () => {
    delete process.env.SMTP_URL
    const org = await createOrganization(db)
    const admin = await createUser(db, org.id, { role: 'admin' })
    const manager = await createUser(db, org.id, { role: 'manager' })
    await queueMail(db, {
      organizationId: org.id,
      to: 'kept@example.test',
      content: passwordResetMail({ name: 'Kim', token: 'kept-tok' }),
    })
    const before = catcher.messages.length
    await jobs.runDue()
    expect(catcher.messages.length).toBe(before)
    const [row] = await listOutbox(db, admin)
    expect(row).toMatchObject({ toAddress: 'kept@example.test', status: 'sent', deliveredVia: 'outbox' })
    expect(row.textBody).toContain('/reset-password/kept-tok')
    await expect(listOutbox(db, manager)).rejects.toMatchObject({ status: 403 })
  })

  it('the daily digest lists each waiting notification once, in the organization time zone schedule', async () => {
    process.env.SMTP_URL = catcher.url
    const org = await createOrganization(db, { name: 'Digest Org' })
    const manager = await createUser(db, org.id, { role: 'manager', email: 'boss@digest.test', name: 'Bea' })
    const member = await createUser(db, org.id, { role: 'member', email: 'member@digest.test' })
    await notify(db, [
      { organizationId: org.id, userId: manager.id, kind: 'import-draft-waiting', title: 'A draft scenario waits for your approval', href: '/admin/scenarios' },
      { organizationId: org.id, userId: member.id, kind: 'reply-finalised', title: 'Your reply has all its reviews' },
    ])
    await jobs.schedule('notifications.digest', '0 8 * * *', { organizationId: org.id }, { key: org.id, timeZone: 'Europe/Berlin' })
    await jobs.runScheduledNow('notifications.digest', { key: org.id, at: new Date() })
    await jobs.runDue()
    const mail = await catcher.waitFor((m) => m.to === 'boss@digest.test')
    expect(mail.text).toContain('A draft scenario waits for your approval')
    expect(catcher.messages.some((m) => m.to === 'member@digest.test')).toBe(false)
    // The next run has nothing new to say.
    const count = catcher.messages.length
    await jobs.runScheduledNow('notifications.digest', { key: org.id, at: new Date() })
    await jobs.runDue()
    expect(catcher.messages.length).toBe(count)
    const [n] = await db.select().from(notifications).where(eq(notifications.userId, manager.id))
    expect(n.digestedAt).not.toBeNull()
  })
})
