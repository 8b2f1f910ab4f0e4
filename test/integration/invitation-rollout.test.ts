import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { createOrgWithPeople, createTeam } from '#db/factories'
import { invitations, notifications, organizations, pathEnrollments } from '#db/schema'
import { acceptInvitation, createInvitation, describeInvitation, previewInvitationCsv, resendInvitation, sendInvitationCsv } from '~/org/invitations.server'
import { getOrganizationSettings, updateOrganizationSettings } from '~/org/settings.server'
import { approveDraft, createDraft } from '~/scenarios/imports.server'
import { startMailHarness } from '../support/mail-harness'
import { createTestDatabase } from '../support/test-database'

const database = await createTestDatabase()
const db = database.db
const { jobs, catcher } = await startMailHarness(database)
const password = { password: 'a-long-password', confirm: 'a-long-password' }
const tokenIn = (text: string) => /\/invite\/([a-z0-9]+)/.exec(text)![1]

describe('invitations by e-mail', () => {
  it('arrive by e-mail with the organization, team and an absolute link that works once, into the chosen path', async () => {
    const acme = await createOrgWithPeople(db, 'Acme Mail')
    const result = await createInvitation(db, acme.admin, {
      email: 'Lia@Example.test',
      name: 'Lia',
      teamId: acme.team.id,
      teamRole: 'manager',
      pathSlug: 'first-week',
    })
    expect(result.ok).toBe(true)
    await jobs.runDue()
    const mail = await catcher.waitFor((m) => m.to === 'lia@example.test')
    expect(mail.subject).toContain('Acme Mail')
    expect(mail.text).toContain('Hello Lia,')
    expect(mail.text).toContain('Support team')
    expect(mail.text).toContain('https://rapport.example.test/invite/')
    expect(mail.html).toContain('https://rapport.example.test/invite/')
    const token = tokenIn(mail.text)
    const accepted = await acceptInvitation(db, token, { name: 'Lia Lopes', ...password })
    expect(accepted.ok).toBe(true)
    if (!accepted.ok) return
    expect(accepted.user.role).toBe('manager')
    const paths = await db.select().from(pathEnrollments).where(eq(pathEnrollments.userId, accepted.user.id))
    expect(paths.map((p) => p.pathSlug)).toEqual(['first-week'])
    expect((await acceptInvitation(db, token, { name: 'Again', ...password })).ok).toBe(false)
  })

  it('resending sends a new link and retires the old one', async () => {
    const acme = await createOrgWithPeople(db, 'Acme Resend')
    const first = await createInvitation(db, acme.manager, { email: 'ren@example.test', teamId: acme.team.id })
    if (!first.ok) throw new Error(first.error)
    const again = await resendInvitation(db, acme.manager, first.invitation.id)
    expect(again.ok).toBe(true)
    if (!again.ok) return
    expect((await describeInvitation(db, first.token)).status).toBe('unknown')
    expect((await describeInvitation(db, again.token)).status).toBe('valid')
    await jobs.runDue()
    await catcher.waitFor((m) => m.to === 'ren@example.test' && m.text.includes(again.token))
  })

  it('the same e-mail invited by two organizations: the second acceptance is refused plainly, not a crash', async () => {
    const a = await createOrgWithPeople(db, 'Org A')
    const b = await createOrgWithPeople(db, 'Org B')
    const fromA = await createInvitation(db, a.admin, { email: 'twice@example.test', teamId: a.team.id })
    const fromB = await createInvitation(db, b.admin, { email: 'twice@example.test', teamId: b.team.id })
    if (!fromA.ok || !fromB.ok) throw new Error('could not invite')
    expect((await acceptInvitation(db, fromA.token, { name: 'Tess Twice', ...password })).ok).toBe(true)
    expect(await acceptInvitation(db, fromB.token, { name: 'Tess Twice', ...password })).toEqual({ ok: false, status: 'email-taken' })
    // B's invitation is not used up: B can still see it waiting, and withdraw it.
    const [row] = await db.select().from(invitations).where(eq(invitations.id, fromB.invitation.id))
    expect(row.acceptedAt).toBeNull()
  })

  it('managers invite only inside the allowed e-mail domains; admins may invite outside them', async () => {
    const acme = await createOrgWithPeople(db, 'Acme Domains')
    const saved = await updateOrganizationSettings(db, acme.admin, {
      ...(await getOrganizationSettings(db, acme.org.id)),
      allowedEmailDomains: 'acme-domains.test, @Partner.test',
      defaultPathSlug: 'first-week',
    })
    expect(saved.ok).toBe(true)
    expect((await getOrganizationSettings(db, acme.org.id)).allowedEmailDomains).toEqual(['acme-domains.test', 'partner.test'])
    expect((await createInvitation(db, acme.manager, { email: 'in@acme-domains.test', teamId: acme.team.id })).ok).toBe(true)
    expect((await createInvitation(db, acme.manager, { email: 'in@eu.partner.test', teamId: acme.team.id })).ok).toBe(true)
    expect(await createInvitation(db, acme.manager, { email: 'out@gmail.test', teamId: acme.team.id })).toMatchObject({ ok: false, field: 'email' })
    expect((await createInvitation(db, acme.admin, { email: 'out@gmail.test', teamId: acme.team.id })).ok).toBe(true)
  })
})

describe('bulk invitations from a CSV', () => {
  it('previews each row’s problem, sends nothing, then invites only the good rows', async () => {
    const acme = await createOrgWithPeople(db, 'Acme CSV')
    await createTeam(db, acme.org.id, { name: 'Finance' })
    await createInvitation(db, acme.admin, { email: 'waiting@example.test', teamId: acme.team.id })
    const csv = [
      'name,email,team,role',
      'Ana Silva,ana@example.test,Support,member',
      'Bad Mail,not-an-email,Support,member',
      'No Team,nt@example.test,Legal,member',
      'Member Already,' + acme.member.email + ',Support,member',
      'Ana Again,ANA@example.test,Support,member',
      'Fin Lead,fin@example.test,finance,manager',
      'Waiting,waiting@example.test,Support,member',
      'Odd Role,odd@example.test,Support,owner',
    ].join('\n')
    const before = (await db.select().from(invitations)).length
    const preview = await previewInvitationCsv(db, acme.admin, csv)
    expect(preview.ok).toBe(true)
    if (!preview.ok) return
    expect(preview.rows.map((r) => [r.line, r.problem])).toEqual([
      [2, null],
      [3, 'Not an e-mail address.'],
      [4, 'No team called “Legal”.'],
      [5, 'Already a member.'],
      [6, 'The same e-mail appears earlier in the file.'],
      [7, null],
      [8, 'Already invited and waiting.'],
      [9, 'Role must be member or manager.'],
    ])
    expect(preview.good).toBe(2)
    expect((await db.select().from(invitations)).length).toBe(before)

    // A manager cannot invite managers or into teams they do not lead.
    const asManager = await previewInvitationCsv(db, acme.manager, csv)
    if (!asManager.ok) throw new Error(asManager.error)
    expect(asManager.rows.find((r) => r.line === 7)?.problem).toBe('You do not manage “Finance”.')

    const sent = await sendInvitationCsv(db, acme.admin, csv)
    expect(sent).toMatchObject({ ok: true, sent: 2 })
    await jobs.runDue()
    await catcher.waitFor((m) => m.to === 'ana@example.test')
    const fin = await catcher.waitFor((m) => m.to === 'fin@example.test')
    expect(fin.text).toContain('Finance team')
  })

  it('refuses a file that is not CSV-shaped or has no rows with a clear message', async () => {
    const acme = await createOrgWithPeople(db, 'Acme CSV 2')
    expect(await previewInvitationCsv(db, acme.admin, 'name,email,team,role\n')).toMatchObject({ ok: false })
    expect(await previewInvitationCsv(db, acme.admin, 'a,"b\n')).toMatchObject({ ok: false })
    await expect(previewInvitationCsv(db, acme.member, 'x')).rejects.toMatchObject({ status: 403 })
  })
})

describe('organization settings', () => {
  it('refuses N below M and keeps the privacy floor sane', async () => {
    const acme = await createOrgWithPeople(db, 'Acme Settings')
    const base = { ...(await getOrganizationSettings(db, acme.org.id)), allowedEmailDomains: '' }
    await expect(updateOrganizationSettings(db, acme.admin, { ...base, reviewsPerReply: 4, reviewsToUnlock: 3 })).rejects.toThrow(/at least the reviews each reply needs/)
    await expect(updateOrganizationSettings(db, acme.admin, { ...base, timeZone: 'Mars/Olympus' })).rejects.toThrow()
    await expect(updateOrganizationSettings(db, acme.admin, { ...base, privacyMinReplies: 1 })).rejects.toThrow()
    await expect(updateOrganizationSettings(db, acme.manager, base)).rejects.toMatchObject({ status: 403 })
    const ok = await updateOrganizationSettings(db, acme.admin, { ...base, reviewsPerReply: '2', reviewsToUnlock: '4', timeZone: 'Asia/Tokyo' })
    expect(ok).toMatchObject({ ok: true, timeZoneChanged: true })
    const [org] = await db.select().from(organizations).where(eq(organizations.id, acme.org.id))
    expect(org).toMatchObject({ reviewsPerReply: 2, reviewsToUnlock: 4, timeZone: 'Asia/Tokyo' })
  })
})

describe('notifications about imported drafts', () => {
  it('tells the other managers and admins a draft waits, and the importer when it is decided', async () => {
    const acme = await createOrgWithPeople(db, 'Acme Drafts')
    const draft = await createDraft(db, acme.manager, {
      source: { format: 'text', raw: 'Customer: My parcel never came and nobody answers.\nAgent (Agent): I am sorry, let me look today.' },
      details: {
        title: 'Parcel that never came',
        summary: 'A parcel went missing.',
        subject: 'Missing parcel',
        channel: 'email',
        mood: 'frustrated',
        difficulty: 'moderate',
        teams: ['support'],
        customerName: '',
        persona: 'A long-time customer.',
        context: [],
        prompt: 'Write your reply.',
      },
    })
    if (!draft.ok) throw new Error(JSON.stringify(draft.errors))
    if (!draft.ok) return
    const waiting = await db.select().from(notifications).where(eq(notifications.kind, 'import-draft-waiting'))
    const told = waiting.filter((n) => n.organizationId === acme.org.id).map((n) => n.userId)
    expect(told.sort()).toEqual([acme.admin.id].sort())
    await approveDraft(db, acme.admin, draft.id)
    const [decided] = await db.select().from(notifications).where(eq(notifications.userId, acme.manager.id))
    expect(decided).toMatchObject({ kind: 'draft-approved' })
  })
})
