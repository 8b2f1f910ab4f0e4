import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createOrgWithPeople } from '#db/factories'
import { organizations, outboxMessages, passwordResetTokens, sessions, setupTokens, users } from '#db/schema'
import { changePassword, getAccount, signOutOtherSessions, signOutSession } from '~/auth/account.server'
import { login } from '~/auth/login.server'
import { describeResetToken, requestPasswordReset, resetPassword, RESET_LIFETIME_MS } from '~/auth/password-reset.server'
import { createSession, generateSessionToken, sessionIdFromToken, validateSessionToken } from '~/auth/session.server'
import { completeSetup, createSetupToken, describeSetupToken, firstRunSetupToken, SETUP_LIFETIME_MS } from '~/org/setup.server'
import { startMailHarness } from '../support/mail-harness'
import { createTestDatabase } from '../support/test-database'

const database = await createTestDatabase()
const db = database.db
const { jobs, catcher } = await startMailHarness(database)

const setupInput = (email: string) => ({
  organizationName: 'Hearth & Co',
  timeZone: 'Europe/Paris',
  teamName: 'Support',
  adminName: 'Ada Admin',
  adminEmail: email,
  password: 'a-long-password',
  confirm: 'a-long-password',
})

describe('first-run setup link', () => {
  it('is printed only for an empty database, works once, and creates the organization, a team and a signed-in admin', async () => {
    const token = await firstRunSetupToken(db)
    expect(token).toBeTruthy()
    // Stored hashed only.
    const rows = await db.select().from(setupTokens)
    expect(rows.some((r) => r.tokenHash === token)).toBe(false)
    expect(rows.some((r) => r.tokenHash === sessionIdFromToken(token!))).toBe(true)

    const result = await completeSetup(db, token!, setupInput('ada@hearth.test'))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const [org] = await db.select().from(organizations).where(eq(organizations.id, result.organizationId))
    expect(org).toMatchObject({ name: 'Hearth & Co', timeZone: 'Europe/Paris' })
    const session = await validateSessionToken(db, result.sessionToken)
    expect(session.user).toMatchObject({ email: 'ada@hearth.test', role: 'admin', organizationId: org.id })

    expect(await completeSetup(db, token!, setupInput('eve@hearth.test'))).toEqual({ ok: false, status: 'used' })
    expect(await describeSetupToken(db, token!)).toEqual({ status: 'used' })
    // Not empty any more: no new first-run link.
    expect(await firstRunSetupToken(db)).toBeNull()
  })

  it('expires after 24 hours and refuses an unknown token before hashing anything', async () => {
    const token = await createSetupToken(db, { organizationName: 'Later Ltd', adminEmail: 'Boss@Later.test' })
    const later = new Date(Date.now() + SETUP_LIFETIME_MS + 1000)
    expect(await describeSetupToken(db, token, later)).toEqual({ status: 'expired' })
    expect(await completeSetup(db, token, setupInput('x@later.test'), later)).toEqual({ ok: false, status: 'expired' })
    expect(await completeSetup(db, 'made-up', setupInput('x@later.test'))).toEqual({ ok: false, status: 'unknown' })
    // A preset admin e-mail (npm run org:create) wins over what the form says.
    const used = await completeSetup(db, token, setupInput('someone-else@later.test'))
    expect(used.ok).toBe(true)
    const [admin] = await db.select().from(users).where(eq(users.email, 'boss@later.test'))
    expect(admin?.role).toBe('admin')
  })
})

describe('password reset', () => {
  it('e-mails a single-use link valid one hour, stored hashed; using it ends every other session', async () => {
    const acme = await createOrgWithPeople(db, 'Acme Reset')
    const oldToken = generateSessionToken()
    await createSession(db, oldToken, acme.member.id)
    await requestPasswordReset(db, acme.member.email.toUpperCase())
    await jobs.runDue()
    const mail = await catcher.waitFor((m) => m.to === acme.member.email)
    expect(mail.subject).toContain('Reset your password')
    expect(mail.subject).toContain('Acme Reset')
    const token = /\/reset-password\/([a-z0-9]+)/.exec(mail.text)?.[1]
    expect(token).toBeTruthy()
    expect(mail.html).toContain(`https://rapport.example.test/reset-password/${token}`)
    expect(mail.text).not.toContain('rapport-demo')
    const [stored] = await db.select().from(passwordResetTokens).where(eq(passwordResetTokens.userId, acme.member.id))
    expect(stored.tokenHash).toBe(sessionIdFromToken(token!))
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBeLessThanOrEqual(RESET_LIFETIME_MS + 5000)

    const result = await resetPassword(db, token!, { password: 'brand-new-password', confirm: 'brand-new-password' })
    expect(result.ok).toBe(true)
    expect((await validateSessionToken(db, oldToken)).session).toBeNull()
    expect((await login(db, { email: acme.member.email, password: 'brand-new-password', ip: '10.0.0.1' })).ok).toBe(true)
    expect(await resetPassword(db, token!, { password: 'another-password1', confirm: 'another-password1' })).toEqual({ ok: false, status: 'used' })
  })

  it('an expired link is refused, and asking for an unknown address sends nothing and says the same', async () => {
    const acme = await createOrgWithPeople(db, 'Acme Expiry')
    const before = (await db.select().from(outboxMessages)).length
    await requestPasswordReset(db, 'nobody@nowhere.test')
    expect((await db.select().from(outboxMessages)).length).toBe(before)

    await requestPasswordReset(db, acme.admin.email)
    await jobs.runDue()
    const mail = await catcher.waitFor((m) => m.to === acme.admin.email)
    const token = /\/reset-password\/([a-z0-9]+)/.exec(mail.text)![1]
    const later = new Date(Date.now() + RESET_LIFETIME_MS + 1000)
    expect(await describeResetToken(db, token, later)).toBe('expired')
    expect(await resetPassword(db, token, { password: 'brand-new-password', confirm: 'brand-new-password' }, later)).toEqual({
      ok: false,
      status: 'expired',
    })
  })
})

describe('account', () => {
  it('lists the person’s own sessions with their browser, signs one out, or all others, and changes the password only with the current one', async () => {
    const acme = await createOrgWithPeople(db, 'Acme Account')
    const here = generateSessionToken()
    const there = generateSessionToken()
    const third = generateSessionToken()
    await createSession(db, here, acme.member.id, new Date(), { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36' })
    await createSession(db, there, acme.member.id, new Date(), { userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1' })
    await createSession(db, third, acme.member.id)
    const hereId = sessionIdFromToken(here)
    const account = await getAccount(db, acme.member, hereId)
    expect(account.sessions.map((s) => s.browser).sort()).toEqual(['Chrome 130 on Linux', 'Mobile Safari 17 on iOS', 'Unknown browser'].sort())
    expect(account.sessions.find((s) => s.current)?.id).toBe(hereId)

    // Someone else's session cannot be signed out from here.
    const othersToken = generateSessionToken()
    await createSession(db, othersToken, acme.admin.id)
    expect(await signOutSession(db, acme.member, sessionIdFromToken(othersToken))).toBe(false)
    expect(await signOutSession(db, acme.member, sessionIdFromToken(there))).toBe(true)
    expect(await signOutOtherSessions(db, acme.member, hereId)).toBe(1)
    expect((await db.select().from(sessions).where(eq(sessions.userId, acme.member.id))).map((s) => s.id)).toEqual([hereId])

    expect(await changePassword(db, acme.member, hereId, { current: 'wrong', password: 'a-new-password', confirm: 'a-new-password' })).toMatchObject({
      ok: false,
      field: 'current',
    })
    expect(await changePassword(db, acme.member, hereId, { current: 'rapport-demo', password: 'a-new-password', confirm: 'a-new-password' })).toEqual({ ok: true })
  })
})
