import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOrganization, createTeam, createUser } from '#db/factories'
import { actionItems, meetings, notifications, outboxMessages, users } from '#db/schema'
import { drillMail } from '~/drills/reminder-emails'
import { listOutbox, queueMail } from '~/mail/outbox.server'
import { findUnsubscribe, setMailPreference } from '~/mail/preferences.server'
import { digestMail, invitationMail, passwordResetMail } from '~/mail/templates.server'
import { sendDigests } from '~/notifications/digest.server'
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
    const id = (await queueMail(db, {
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
    }))!
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
    const id = (await queueMail(db, {
      organizationId: org.id,
      to: 'retry@example.test',
      content: passwordResetMail({ name: 'Ruth', token: 'reset-tok' }),
    }))!
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

  it('mail to an account carries a one-click unsubscribe link that turns off that kind of mail only', async () => {
    process.env.SMTP_URL = catcher.url
    const org = await createOrganization(db, { name: 'Umbrella Hearth' })
    const person = await createUser(db, org.id, { email: 'una@example.test', name: 'Una Test' })
    const reminder = drillMail({ kind: 'due-soon', drillId: 'd1', title: 'Refund replies', dueAt: new Date('2030-01-02T09:00:00Z') }, { name: person.name, zone: 'UTC' })
    await queueMail(db, { organizationId: org.id, userId: person.id, to: person.email, content: reminder })
    await jobs.runDue()
    const mail = await catcher.waitFor((m) => m.to === 'una@example.test')
    const headers = mail.raw.replace(/\r?\n[ \t]+/g, ' ') // unfold long header lines
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m)
    const link = /^List-Unsubscribe: <(https:\/\/rapport\.example\.test\/unsubscribe\/[A-Za-z0-9_-]+)>/m.exec(headers)?.[1]
    expect(link).toBeDefined()
    expect(mail.text).toContain(`Stop e-mails like this one: ${link}`)

    const token = new URL(link!).pathname.split('/').pop()!
    const target = await findUnsubscribe(db, token)
    expect(target).toMatchObject({ userId: person.id, email: 'una@example.test', preference: 'emailReminders', subscribed: true })
    await setMailPreference(db, target!, false)
    const [after] = await db.select().from(users).where(eq(users.id, person.id))
    expect(after).toMatchObject({ emailReminders: false, emailMeetings: true, emailDigest: true })

    // The next reminder is not even written; essential mail still goes.
    expect(await queueMail(db, { organizationId: org.id, userId: person.id, to: person.email, content: reminder })).toBeNull()
    expect(await queueMail(db, { organizationId: org.id, userId: person.id, to: person.email, content: passwordResetMail({ name: 'Una', token: 'r' }) })).not.toBeNull()
    const kinds = await db.select({ kind: outboxMessages.kind }).from(outboxMessages).where(eq(outboxMessages.userId, person.id))
    expect(kinds.map((k) => k.kind).sort()).toEqual(['drill-reminder', 'password-reset'])
    // A guessed or mangled token finds nobody.
    expect(await findUnsubscribe(db, token.slice(0, -2) + 'xx')).toBeNull()
    expect(await findUnsubscribe(db, '../../etc')).toBeNull()
  })

  it('the daily digest tells an owner, once, about meeting action items due within two days or overdue', async () => {
    process.env.SMTP_URL = catcher.url
    const org = await createOrganization(db, { name: 'Action Org', timeZone: 'Europe/Berlin' })
    const team = await createTeam(db, org.id, { name: 'Finance', slug: 'finance' })
    const owner = await createUser(db, org.id, { role: 'member', email: 'owner@actions.test', name: 'Olu Owner' })
    const quiet = await createUser(db, org.id, { role: 'member', email: 'quiet@actions.test' })
    await db.update(users).set({ emailDigest: false }).where(eq(users.id, quiet.id))
    const [meeting] = await db
      .insert(meetings)
      .values({ organizationId: org.id, teamId: team.id, month: '2030-05-01', scheduledAt: new Date('2030-05-05T09:00:00Z'), status: 'held' })
      .returning()
    const item = (text: string, ownerId: string, dueOn: string, status: 'open' | 'done' = 'open') => ({
      organizationId: org.id,
      teamId: team.id,
      meetingId: meeting.id,
      text,
      ownerId,
      dueOn,
      status,
    })
    await db.insert(actionItems).values([
      item('Rewrite the late-invoice template', owner.id, '2030-06-09'),
      item('Call back the three oldest disputes', owner.id, '2030-06-11'),
      item('Shadow a support shift', owner.id, '2030-06-30'),
      item('Already finished', owner.id, '2030-06-10', 'done'),
      item('Owned by someone who said no digests', quiet.id, '2030-06-10'),
    ])
    const morning = new Date('2030-06-10T06:00:00Z') // 08:00 in Berlin
    expect(await sendDigests(db, org.id, morning)).toBe(1)
    await jobs.runDue()
    const mail = await catcher.waitFor((m) => m.to === 'owner@actions.test')
    expect(mail.text).toContain('Action item overdue since Sunday 9 June: Rewrite the late-invoice template')
    expect(mail.text).toContain('Action item due Tuesday 11 June: Call back the three oldest disputes')
    expect(mail.text).toContain(`https://rapport.example.test/meetings/${meeting.id}`)
    expect(mail.text).not.toContain('Shadow a support shift')
    expect(mail.text).not.toContain('Already finished')
    expect(catcher.messages.some((m) => m.to === 'quiet@actions.test')).toBe(false)
    // The next morning has nothing new for the owner: each item is listed once.
    expect(await sendDigests(db, org.id, new Date(morning.getTime() + 24 * 3600e3))).toBe(0)
  })
})
