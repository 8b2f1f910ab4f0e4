import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { addMembership, createOrgWithPeople, createTeam, createUser } from '../../db/factories'
import { replies, replyDrafts, rubricVersions, scenarios } from '../../db/schema'
import { chooseOption, listAttempts, loadPractice, saveDraft, startAttempt, submitReply } from '~/practice/practice.server'
import { ensureRubricVersion, getRubricVersion } from '~/reviews/rubric-versions.server'
import { loadRubric, rubricHash } from '~/reviews/rubric.server'
import { replyAs } from '../support/practice-fixtures'
import { createTestDatabase } from '../support/test-database'

let database: Awaited<ReturnType<typeof createTestDatabase>>
let org: Awaited<ReturnType<typeof createOrgWithPeople>>
let other: Awaited<ReturnType<typeof createOrgWithPeople>>

beforeAll(async () => {
  database = await createTestDatabase()
  org = await createOrgWithPeople(database.db, 'Practice Org')
  other = await createOrgWithPeople(database.db, 'Other Org')
})

describe('attempts', () => {
  it('numbers attempts per person and scenario', async () => {
    const { db } = database
    const first = await startAttempt(db, org.member, 'refund-delayed-calm')
    const second = await startAttempt(db, org.member, 'refund-delayed-calm')
    const elsewhere = await startAttempt(db, org.member, 'return-damaged-item')
    const someoneElse = await startAttempt(db, org.manager, 'refund-delayed-calm')
    expect([first.number, second.number, elsewhere.number, someoneElse.number]).toEqual([1, 2, 1, 1])
  })

  it('opens one attempt when a first draft and the first submission arrive at once', async () => {
    // The page sends its draft as the reply box loses focus, which is also when "Submit" is clicked:
    // on a first visit neither request names an attempt yet.
    const { db } = database
    const person = await createUser(db, org.org.id, { name: 'Quick Clicker' })
    await addMembership(db, { organizationId: org.org.id, userId: person.id, teamId: org.team.id })
    const text = 'Sorry about the lamp, a new one is on its way today.'
    const [draft, typedAgain, submitted] = await Promise.all([
      saveDraft(db, person, { slug: 'refund-delayed-calm', promptId: 'reply', text }),
      saveDraft(db, person, { slug: 'refund-delayed-calm', promptId: 'reply', text }),
      submitReply(db, person, { slug: 'refund-delayed-calm', promptId: 'reply', text }),
    ])
    expect(submitted.ok).toBe(true)
    const attempts = await listAttempts(db, person, 'refund-delayed-calm')
    expect(attempts).toHaveLength(1)
    expect(attempts[0].replies).toHaveLength(1)
    // A draft that arrives after the submission is refused (that step is answered), never a second attempt.
    for (const saved of [draft, typedAgain]) if (saved.ok) expect(saved.value.attemptId).toBe(attempts[0].id)
    expect((await loadPractice(db, person, 'refund-delayed-calm')).current?.id).toBe(attempts[0].id)
  })

  it('refuses a scenario that does not exist', async () => {
    await expect(startAttempt(database.db, org.member, 'no-such-scenario')).rejects.toMatchObject({ status: 404 })
  })

  it('refuses to work on somebody else’s attempt', async () => {
    const attempt = await startAttempt(database.db, org.manager, 'thank-you-after-fix')
    await expect(
      saveDraft(database.db, org.member, { slug: 'thank-you-after-fix', attemptId: attempt.id, promptId: 'reply', text: 'mine now' }),
    ).rejects.toMatchObject({ status: 404 })
  })
})

describe('drafts', () => {
  it('keeps a draft per attempt and prompt, updated in place, and returns it after a reload', async () => {
    const { db } = database
    const first = await saveDraft(db, org.member, { slug: 'late-delivery-gift', promptId: 'reply', text: 'Hi Kwame' })
    expect(first.ok).toBe(true)
    const second = await saveDraft(db, org.member, { slug: 'late-delivery-gift', promptId: 'reply', text: 'Hi Kwame, I am sorry' })
    expect(second.ok && first.ok && second.value.attemptId === first.value.attemptId).toBe(true)
    const rows = await db.select().from(replyDrafts).where(eq(replyDrafts.userId, org.member.id))
    expect(rows.filter((row) => row.promptId === 'reply' && first.ok && row.attemptId === first.value.attemptId)).toHaveLength(1)

    const page = await loadPractice(db, org.member, 'late-delivery-gift')
    expect(page.currentPromptId).toBe('reply')
    expect(page.draft?.text).toBe('Hi Kwame, I am sorry')
  })

  it('takes no draft for a step that is not the current one', async () => {
    const result = await saveDraft(database.db, org.manager, { slug: 'api-breaking-change-engineering', promptId: 'reply', text: 'too early' })
    expect(result).toMatchObject({ ok: false })
  })
})

describe('submitting a reply', () => {
  it('refuses an empty reply and keeps the draft', async () => {
    const result = await submitReply(database.db, org.member, { slug: 'late-delivery-gift', promptId: 'reply', text: '  \n ' })
    expect(result).toEqual({ ok: false, field: 'text', error: expect.stringMatching(/write your reply/i) })
    expect((await loadPractice(database.db, org.member, 'late-delivery-gift')).draft?.text).toBe('Hi Kwame, I am sorry')
  })

  it('stores the reply with its coach hints, rubric version, home team and M, and clears the draft', async () => {
    const { db } = database
    const text = 'As per our policy we cannot do anything until 10 working days have passed.'
    const result = await submitReply(db, org.member, { slug: 'late-delivery-gift', promptId: 'reply', text })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const [reply] = await db.select().from(replies).where(eq(replies.id, result.value.replyId))
    const current = await ensureRubricVersion(db)
    expect(reply).toMatchObject({ text, userId: org.member.id, teamId: org.team.id, reviewsRequired: 3, reviewsDone: 0, rubricVersionId: current.id })
    expect((reply.coachHints as { id: string }[]).map((h) => h.id)).toEqual(expect.arrayContaining(['acknowledge', 'thanks', 'blame']))
    expect(result.value.nextPromptId).toBeNull()
    const page = await loadPractice(db, org.member, 'late-delivery-gift')
    expect(page.current?.completedAt).not.toBeNull()
    expect(page.currentPromptId).toBeNull()
    expect(page.draft).toBeNull()
  })

  it('never changes a submitted reply: the same step cannot be submitted again', async () => {
    const { db } = database
    const [before] = await db.select().from(replies).where(eq(replies.userId, org.member.id))
    const again = await submitReply(db, org.member, { slug: 'late-delivery-gift', attemptId: before.attemptId!, promptId: 'reply', text: 'A better reply' })
    expect(again).toMatchObject({ ok: false })
    const after = await db.select().from(replies).where(eq(replies.userId, org.member.id))
    expect(after).toHaveLength(1)
    expect(after[0].text).toBe(before.text)
  })

  it('records the team the author joined first when they are in several', async () => {
    const { db } = database
    const person = await createUser(db, org.org.id, { name: 'Two Teams' })
    await addMembership(db, { organizationId: org.org.id, userId: person.id, teamId: org.team.id })
    const later = await createTeam(db, org.org.id, { name: 'Zeta' })
    await addMembership(db, { organizationId: org.org.id, userId: person.id, teamId: later.id })
    const id = await replyAs(db, person)
    const [reply] = await db.select().from(replies).where(eq(replies.id, id))
    expect(reply.teamId).toBe(org.team.id)
  })

  it('holds a social reply to the prompt’s character limit', async () => {
    const { db } = database
    const slug = 'facebook-post-outage'
    const tooLong = `Sorry Mira, thank you. ${'x'.repeat(300)}`
    const refused = await submitReply(db, org.manager, { slug, promptId: 'public-reply', text: tooLong })
    expect(refused).toMatchObject({ ok: false, field: 'text', error: expect.stringContaining('280') })
    const fits = 'Mira, I am so sorry: the outage is ours and the fix is going out now. Thank you for your patience. Back by 18:00 today. I will message you privately about your account.'
    const accepted = await submitReply(db, org.manager, { slug, promptId: 'public-reply', text: fits })
    expect(accepted).toMatchObject({ ok: true, value: { nextPromptId: 'private-message' } })
  })
})

describe('choice steps', () => {
  it('branch to the option’s next step and record the choice', async () => {
    const { db } = database
    const slug = 'api-breaking-change-engineering'
    const early = await submitReply(db, org.admin, { slug, promptId: 'reply', text: 'Hello Ingrid' })
    expect(early).toMatchObject({ ok: false })
    const bad = await chooseOption(db, org.admin, { slug, promptId: 'first-move', optionId: 'no-such-option' })
    expect(bad).toMatchObject({ ok: false })
    const chose = await chooseOption(db, org.admin, { slug, promptId: 'first-move', optionId: 'flag-first' })
    expect(chose).toMatchObject({ ok: true, value: { nextPromptId: 'reply', feedback: expect.stringContaining('Acting first') } })
    const again = await chooseOption(db, org.admin, { slug, promptId: 'first-move', optionId: 'ask-for-logs' })
    expect(again).toMatchObject({ ok: false })
    const page = await loadPractice(db, org.admin, slug)
    expect(page.currentPromptId).toBe('reply')
    expect(page.current?.steps.map((s) => [s.promptId, s.optionId])).toEqual([['first-move', 'flag-first']])
    const done = await submitReply(db, org.admin, { slug, promptId: 'reply', text: 'Ingrid, I am sorry, thanks. Done at 09:20.' })
    expect(done).toMatchObject({ ok: true, value: { nextPromptId: null } })
  })
})

describe('earlier attempts', () => {
  it('lists attempts newest first with their replies; a finished attempt takes no more answers until "Try again"', async () => {
    const { db } = database
    const person = await createUser(db, org.org.id, { name: 'Retry Person' })
    await replyAs(db, person, { text: 'First try, sorry and thanks, by Friday.' })
    const blocked = await saveDraft(db, person, { slug: 'late-delivery-gift', promptId: 'reply', text: 'more' })
    expect(blocked).toMatchObject({ ok: false, error: expect.stringMatching(/finished/) })
    await replyAs(db, person, { text: 'Second try, sorry and thanks, by Thursday.' })
    const list = await listAttempts(db, person, 'late-delivery-gift')
    expect(list.map((a) => a.number)).toEqual([2, 1])
    expect(list.map((a) => a.replies.map((r) => r.text))).toEqual([['Second try, sorry and thanks, by Thursday.'], ['First try, sorry and thanks, by Friday.']])
    const page = await loadPractice(db, person, 'late-delivery-gift')
    expect(page.current?.number).toBe(2)
    expect(page.earlier.map((a) => a.number)).toEqual([1])
  })
})

describe('imported scenarios', () => {
  it('can be practised only in their own organization, once approved', async () => {
    const { db } = database
    const authored = (await import('~/scenarios/authored-scenarios.server')).getAuthoredScenario
    const source = (await authored('refund-delayed-calm'))!
    const { slug: _slug, ...document } = source
    await db.insert(scenarios).values({ organizationId: other.org.id, slug: 'imported-refund', status: 'approved', document })
    await db.insert(scenarios).values({ organizationId: other.org.id, slug: 'imported-draft', status: 'draft', document })
    expect((await startAttempt(db, other.member, 'imported-refund')).number).toBe(1)
    await expect(startAttempt(db, other.member, 'imported-draft')).rejects.toMatchObject({ status: 404 })
    await expect(startAttempt(db, org.member, 'imported-refund')).rejects.toMatchObject({ status: 404 })
  })
})

describe('rubric versions', () => {
  it('stores the current rubric once per content hash', async () => {
    const { db } = database
    const a = await ensureRubricVersion(db)
    const b = await ensureRubricVersion(db)
    expect(a.id).toBe(b.id)
    const rows = await db.select().from(rubricVersions).where(eq(rubricVersions.contentHash, await rubricHash()))
    expect(rows).toHaveLength(1)
    expect((await getRubricVersion(db, a.id)).rubric).toEqual(await loadRubric())
  })
})
