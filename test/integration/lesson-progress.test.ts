import { fileURLToPath } from 'node:url'
import { and, eq } from 'drizzle-orm'
import { register } from 'prom-client'
import { beforeAll, describe, expect, it } from 'vitest'
import { addMembership, createOrgWithPeople, createTeam, createUser } from '../../db/factories'
import { lessonProgress, pathEnrollments, reflections, replies } from '../../db/schema'
import { getLesson, listLessons, warmLessons } from '~/lessons/lessons.server'
import { getPath } from '~/lessons/paths.server'
import {
  enrol,
  lessonNavigation,
  lessonsDoneBy,
  markLessonDone,
  nextUpFor,
  nextUpRead,
  pathProgress,
  pathsOverview,
  reflectionsFor,
  saveReflection,
  teamOnboarding,
} from '~/lessons/progress.server'
import { readTogether } from '~/query/json-rows.server'
import { createTestDatabase } from '../support/test-database'

const DAY = 24 * 60 * 60 * 1000

let database: Awaited<ReturnType<typeof createTestDatabase>>
let a: Awaited<ReturnType<typeof createOrgWithPeople>>
let b: Awaited<ReturnType<typeof createOrgWithPeople>>

beforeAll(async () => {
  process.env.CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url))
  database = await createTestDatabase()
  a = await createOrgWithPeople(database.db, 'Org A')
  b = await createOrgWithPeople(database.db, 'Org B')
})

/** A new member of org A's Support team. */
async function newPerson(name: string, orgPeople = a) {
  const user = await createUser(database.db, orgPeople.org.id, { name, role: 'member' })
  await addMembership(database.db, { organizationId: orgPeople.org.id, userId: user.id, teamId: orgPeople.team.id })
  return user
}

async function reply(person: { id: string; organizationId: string }, scenarioSlug: string, submittedAt = new Date()) {
  await database.db.insert(replies).values({
    organizationId: person.organizationId,
    userId: person.id,
    scenarioSlug,
    promptId: 'first',
    text: 'Thank you for telling us — I am on it and will write again by noon.',
    submittedAt,
  })
}

async function firstWeek() {
  const path = await getPath('first-week')
  if (!path) throw new Error('content/paths/first-week.yaml is missing')
  return path
}

describe('lessons done', () => {
  it('marks a lesson done once, however often it is marked', async () => {
    const person = await newPerson('Dot Done')
    const first = await markLessonDone(database.db, person, 'what-silence-says')
    const second = await markLessonDone(database.db, person, 'what-silence-says')
    expect(first.newlyDone).toBe(true)
    expect(second.newlyDone).toBe(false)
    const rows = await database.db.select().from(lessonProgress).where(eq(lessonProgress.userId, person.id))
    expect(rows.map((r) => r.lessonSlug)).toEqual(['what-silence-says'])
    expect([...(await lessonsDoneBy(database.db, person)).keys()]).toEqual(['what-silence-says'])
  })

  it('refuses a lesson that does not exist with a 404', async () => {
    const person = await newPerson('Nora Nolesson')
    await expect(markLessonDone(database.db, person, 'no-such-lesson')).rejects.toMatchObject({ status: 404 })
    await expect(markLessonDone(database.db, person, '../paths/first-week')).rejects.toMatchObject({ status: 404 })
    expect(await lessonsDoneBy(database.db, person)).toEqual(new Map())
  })

  it('shows one person’s done lessons to nobody else', async () => {
    const person = await newPerson('Lou Lessons')
    await markLessonDone(database.db, person, 'mood-and-context')
    expect((await lessonsDoneBy(database.db, a.member)).has('mood-and-context')).toBe(false)
    expect((await lessonsDoneBy(database.db, b.member)).has('mood-and-context')).toBe(false)
  })
})

describe('enrolment', () => {
  it('enrols once, however often the person enrols', async () => {
    const person = await newPerson('Eno Enrol')
    expect((await enrol(database.db, person, 'first-week')).newlyEnrolled).toBe(true)
    expect((await enrol(database.db, person, 'first-week')).newlyEnrolled).toBe(false)
    const rows = await database.db.select().from(pathEnrollments).where(eq(pathEnrollments.userId, person.id))
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ pathSlug: 'first-week', organizationId: a.org.id, completedAt: null })
  })

  it('refuses a path that does not exist with a 404', async () => {
    const person = await newPerson('Pat Nopath')
    await expect(enrol(database.db, person, 'no-such-path')).rejects.toMatchObject({ status: 404 })
    await expect(pathProgress(database.db, person, 'no-such-path')).rejects.toMatchObject({ status: 404 })
  })
})

describe('reflections', () => {
  const lessonSlug = 'what-silence-says'

  it('saves a note and reads it back for its author only', async () => {
    const author = await newPerson('Ria Reflect')
    const colleague = await newPerson('Col League')
    const saved = await saveReflection(database.db, author, { lessonSlug, reflectionId: 'silence-felt', text: '  I assumed they had gone bust.  ' })
    expect(saved).toEqual({ ok: true, status: 'saved' })
    expect(await reflectionsFor(database.db, author, lessonSlug)).toEqual({ 'silence-felt': 'I assumed they had gone bust.' })
    expect(await reflectionsFor(database.db, colleague, lessonSlug)).toEqual({})
    expect(await reflectionsFor(database.db, a.manager, lessonSlug)).toEqual({})
    expect(await reflectionsFor(database.db, b.admin, lessonSlug)).toEqual({})
    // another lesson of the same author has no notes
    expect(await reflectionsFor(database.db, author, 'mood-and-context')).toEqual({})
  })

  it('keeps one note per person, lesson and reflection id, and updates it in place', async () => {
    const author = await newPerson('Uma Update')
    await saveReflection(database.db, author, { lessonSlug, reflectionId: 'silence-felt', text: 'First thought.' })
    await saveReflection(database.db, author, { lessonSlug, reflectionId: 'our-voids', text: 'The old sales inbox.' })
    await saveReflection(database.db, author, { lessonSlug, reflectionId: 'silence-felt', text: 'Second thought.' })
    expect(await reflectionsFor(database.db, author, lessonSlug)).toEqual({
      'silence-felt': 'Second thought.',
      'our-voids': 'The old sales inbox.',
    })
    const rows = await database.db.select().from(reflections).where(eq(reflections.userId, author.id))
    expect(rows).toHaveLength(2)
  })

  it('deletes a note saved empty, and refuses an empty note when there is none, with a message', async () => {
    const author = await newPerson('Eve Empty')
    await saveReflection(database.db, author, { lessonSlug, reflectionId: 'our-voids', text: 'Something.' })
    expect(await saveReflection(database.db, author, { lessonSlug, reflectionId: 'our-voids', text: '   ' })).toEqual({ ok: true, status: 'deleted' })
    expect(await reflectionsFor(database.db, author, lessonSlug)).toEqual({})
    const refused = await saveReflection(database.db, author, { lessonSlug, reflectionId: 'our-voids', text: '' })
    expect(refused).toMatchObject({ ok: false, field: 'text', error: expect.stringMatching(/write a few words/i) })
  })

  it('refuses a note that is too long, or for an id that is not an id, without saving', async () => {
    const author = await newPerson('Lon Long')
    const long = await saveReflection(database.db, author, { lessonSlug, reflectionId: 'our-voids', text: 'x'.repeat(4001) })
    expect(long).toMatchObject({ ok: false, field: 'text', error: expect.stringMatching(/under 4,000 characters/) })
    const badId = await saveReflection(database.db, author, { lessonSlug, reflectionId: 'Not An Id!', text: 'Hi' })
    expect(badId).toMatchObject({ ok: false, field: 'reflectionId' })
    await expect(saveReflection(database.db, author, { lessonSlug: 'nope-nope', reflectionId: 'x', text: 'Hi' })).rejects.toMatchObject({ status: 404 })
    expect(await reflectionsFor(database.db, author, lessonSlug)).toEqual({})
  })

  it('another organization’s person writing the same reflection does not touch ours', async () => {
    const ours = await newPerson('Ola Ours')
    await saveReflection(database.db, ours, { lessonSlug, reflectionId: 'silence-felt', text: 'Ours.' })
    await saveReflection(database.db, b.member, { lessonSlug, reflectionId: 'silence-felt', text: 'Theirs.' })
    expect(await reflectionsFor(database.db, ours, lessonSlug)).toEqual({ 'silence-felt': 'Ours.' })
    expect(await reflectionsFor(database.db, b.member, lessonSlug)).toEqual({ 'silence-felt': 'Theirs.' })
  })
})

describe('path progress', () => {
  it('lists the steps in the path file’s order with titles, links and nothing done yet', async () => {
    const person = await newPerson('Ord Order')
    const path = await firstWeek()
    const progress = await pathProgress(database.db, person, 'first-week')
    expect(progress.steps.map((s) => [s.position, s.kind, s.slug])).toEqual(path.steps.map((s, i) => [i + 1, s.kind, s.slug]))
    const lessons = new Map((await listLessons()).map((l) => [l.slug, l.title]))
    for (const step of progress.steps) {
      expect(step.done).toBe(false)
      expect(step.href).toBe(`/${step.kind === 'lesson' ? 'lessons' : 'scenarios'}/${step.slug}`)
      if (step.kind === 'lesson') expect(step.title).toBe(lessons.get(step.slug))
      else expect(step.title).not.toBe(step.slug)
    }
    expect(progress).toMatchObject({ done: 0, total: path.steps.length, percent: 0, complete: false, enrolment: null })
    expect(progress.nextStep?.position).toBe(1)
  })

  it('moves the next step to the first unfinished one, in order, even when steps are done out of order', async () => {
    const person = await newPerson('Nex Next')
    await enrol(database.db, person, 'first-week')
    const path = await firstWeek()
    const [step1, step2, step3] = path.steps
    expect(step1!.kind).toBe('lesson')
    expect(step2!.kind).toBe('scenario')
    expect(step3!.kind).toBe('lesson')

    await markLessonDone(database.db, person, step3!.slug)
    let progress = await pathProgress(database.db, person, 'first-week')
    expect(progress.nextStep?.position).toBe(1)
    expect(progress.done).toBe(1)

    await markLessonDone(database.db, person, step1!.slug)
    progress = await pathProgress(database.db, person, 'first-week')
    expect(progress.steps.slice(0, 3).map((s) => s.done)).toEqual([true, false, true])
    expect(progress.nextStep).toMatchObject({ position: 2, kind: 'scenario', slug: step2!.slug })
    expect(progress.percent).toBe(Math.round((2 / path.steps.length) * 100))
    expect(progress.enrolment?.enrolledAt).toBeInstanceOf(Date)
    // Home reads the same "next up" in its shared round trip (timestamps through JSON included).
    const { nextUp } = await readTogether(database.db, { nextUp: nextUpRead(database.db, person) })
    expect(nextUp).toEqual(await nextUpFor(database.db, person))
    expect(nextUp?.step).toMatchObject({ position: 2, kind: 'scenario' })
  })

  it('counts a scenario step as done once the person has a reply for that scenario, and only theirs', async () => {
    const person = await newPerson('Sce Nario')
    const path = await firstWeek()
    const scenario = path.steps.find((s) => s.kind === 'scenario')!
    const stepOf = async (who: { id: string; organizationId: string }) =>
      (await pathProgress(database.db, who, 'first-week')).steps.find((s) => s.slug === scenario.slug)!
    expect((await stepOf(person)).done).toBe(false)

    await reply(b.member, scenario.slug) // another organization
    await reply(a.member, scenario.slug) // a colleague
    expect((await stepOf(person)).done).toBe(false)

    const when = new Date(Date.now() - DAY)
    await reply(person, scenario.slug, when)
    await reply(person, scenario.slug) // a second reply changes nothing
    const step = await stepOf(person)
    expect(step.done).toBe(true)
    expect(step.doneAt?.getTime()).toBe(when.getTime())
  })

  it('stamps the enrolment complete when every step is done, and not before', async () => {
    const person = await newPerson('Com Plete')
    await enrol(database.db, person, 'first-week')
    const path = await firstWeek()
    const lessons = path.steps.filter((s) => s.kind === 'lesson')
    const scenarios = path.steps.filter((s) => s.kind === 'scenario')
    for (const s of scenarios) await reply(person, s.slug)
    for (const s of lessons.slice(0, -1)) {
      const result = await markLessonDone(database.db, person, s.slug)
      expect(result.completedPaths).toEqual([])
    }
    const enrolment = () =>
      database.db
        .select()
        .from(pathEnrollments)
        .where(and(eq(pathEnrollments.userId, person.id), eq(pathEnrollments.pathSlug, 'first-week')))
    expect((await enrolment())[0]?.completedAt).toBeNull()

    const last = await markLessonDone(database.db, person, lessons.at(-1)!.slug)
    expect(last.completedPaths.map((p) => p.slug)).toEqual(['first-week'])
    expect((await enrolment())[0]?.completedAt).toBeInstanceOf(Date)
    const progress = await pathProgress(database.db, person, 'first-week')
    expect(progress).toMatchObject({ complete: true, percent: 100, nextStep: null, done: path.steps.length })
  })

  it('stamps completion when the last step is a scenario replied to elsewhere, the next time progress is read', async () => {
    const person = await newPerson('Las Tscenario')
    await enrol(database.db, person, 'first-week')
    const path = await firstWeek()
    for (const s of path.steps) if (s.kind === 'lesson') await markLessonDone(database.db, person, s.slug)
    for (const s of path.steps) if (s.kind === 'scenario') await reply(person, s.slug)
    const up = await nextUpFor(database.db, person)
    expect(up).toMatchObject({ step: null, percent: 100 })
    const [row] = await database.db.select().from(pathEnrollments).where(eq(pathEnrollments.userId, person.id))
    expect(row?.completedAt).toBeInstanceOf(Date)
  })

  it('shows every path on the overview, the default first, with this person’s figures', async () => {
    const person = await newPerson('Ove Rview')
    await markLessonDone(database.db, person, 'everyone-shapes-the-experience')
    const overview = await pathsOverview(database.db, person)
    expect(overview[0]?.path.slug).toBe('first-week')
    expect(overview.length).toBeGreaterThanOrEqual(2)
    expect(overview[0]?.done).toBe(1)
    expect(overview.every((p) => p.enrolment === null)).toBe(true)
  })
})

describe('next up on the home page', () => {
  it('is nothing for someone on no path', async () => {
    expect(await nextUpFor(database.db, await newPerson('Nob Ody'))).toBeNull()
  })

  it('is the first unfinished step of the default path first, then of the other enrolled paths', async () => {
    const person = await newPerson('Two Paths')
    await enrol(database.db, person, 'sales-and-account-management', new Date(Date.now() - 2 * DAY))
    await enrol(database.db, person, 'first-week')
    const path = await firstWeek()
    let up = await nextUpFor(database.db, person)
    expect(up?.path.slug).toBe('first-week')
    expect(up?.step?.slug).toBe(path.steps[0]!.slug)

    await markLessonDone(database.db, person, path.steps[0]!.slug)
    up = await nextUpFor(database.db, person)
    expect(up?.step?.slug).toBe(path.steps[1]!.slug)
    expect(up?.done).toBe(1)

    for (const s of path.steps) {
      if (s.kind === 'lesson') await markLessonDone(database.db, person, s.slug)
      else await reply(person, s.slug)
    }
    up = await nextUpFor(database.db, person)
    expect(up?.path.slug).toBe('sales-and-account-management')
    const sales = await getPath('sales-and-account-management')
    const firstUndone = (await pathProgress(database.db, person, 'sales-and-account-management')).nextStep
    expect(up?.step?.slug).toBe(firstUndone?.slug)
    expect(sales!.steps.map((s) => s.slug)).toContain(up?.step?.slug)
  })
})

describe('team onboarding', () => {
  it('refuses members with a 403', async () => {
    await expect(teamOnboarding(database.db, a.member)).rejects.toMatchObject({ status: 403 })
  })

  it('lists who is where in the manager’s teams, marks the stuck, and leaves out everyone else', async () => {
    const org = await createOrgWithPeople(database.db, 'Org Onboarding')
    const now = new Date()
    const person = async (name: string, teamId = org.team.id) => {
      const user = await createUser(database.db, org.org.id, { name })
      await addMembership(database.db, { organizationId: org.org.id, userId: user.id, teamId })
      return user
    }
    const fresh = await person('Fay Fresh')
    await enrol(database.db, fresh, 'first-week', new Date(now.getTime() - 2 * DAY))

    const stuck = await person('Stu Stuck')
    await enrol(database.db, stuck, 'first-week', new Date(now.getTime() - 20 * DAY))
    await database.db.insert(lessonProgress).values({
      organizationId: org.org.id,
      userId: stuck.id,
      lessonSlug: 'everyone-shapes-the-experience',
      completedAt: new Date(now.getTime() - 9 * DAY),
    })

    const moving = await person('Mo Moving')
    await enrol(database.db, moving, 'first-week', new Date(now.getTime() - 20 * DAY))
    await database.db.insert(lessonProgress).values({
      organizationId: org.org.id,
      userId: moving.id,
      lessonSlug: 'everyone-shapes-the-experience',
      completedAt: new Date(now.getTime() - 3 * DAY),
    })

    const finished = await person('Fin Ished')
    await enrol(database.db, finished, 'first-week', new Date(now.getTime() - 40 * DAY))
    for (const s of (await firstWeek()).steps) {
      if (s.kind === 'lesson') {
        await database.db.insert(lessonProgress).values({ organizationId: org.org.id, userId: finished.id, lessonSlug: s.slug, completedAt: new Date(now.getTime() - 30 * DAY) })
      } else await reply(finished, s.slug, new Date(now.getTime() - 30 * DAY))
    }

    const notEnrolled = await person('Nat Enrolled')
    const otherTeam = await createTeam(database.db, org.org.id, { name: 'Finance' })
    const elsewhere = await person('Els Where', otherTeam.id)
    await enrol(database.db, elsewhere, 'first-week', new Date(now.getTime() - 20 * DAY))
    // another organization's enrolled new hire
    const foreign = await newPerson('For Eign', b)
    await enrol(database.db, foreign, 'first-week', new Date(now.getTime() - 20 * DAY))

    const report = await teamOnboarding(database.db, org.manager, undefined, now)
    const names = report.people.map((p) => p.name)
    expect(names).toEqual(['Stu Stuck', 'Fay Fresh', 'Mo Moving', 'Fin Ished'])
    expect(names).not.toContain(notEnrolled.name)
    expect(names).not.toContain(elsewhere.name)
    expect(names).not.toContain(foreign.name)

    const row = (name: string) => report.people.find((p) => p.name === name)!
    expect(row('Stu Stuck')).toMatchObject({ stuck: true, done: 1, daysSinceActivity: 9, teams: ['Support'] })
    expect(row('Stu Stuck').nextStep?.position).toBe(2)
    expect(row('Fay Fresh')).toMatchObject({ stuck: false, done: 0, daysSinceActivity: 2 })
    expect(row('Mo Moving')).toMatchObject({ stuck: false, done: 1, daysSinceActivity: 3 })
    expect(row('Fin Ished')).toMatchObject({ stuck: false, complete: true, percent: 100, nextStep: null })
    expect(report.summary).toEqual({ enrolled: 4, stuck: 1, complete: 1 })
    expect(report.teams.map((t) => t.name)).toEqual(['Support'])

    // the finished enrolment got its completion stamp, at the time of its last step
    const [stamp] = await database.db.select().from(pathEnrollments).where(eq(pathEnrollments.userId, finished.id))
    expect(stamp?.completedAt?.getTime()).toBe(now.getTime() - 30 * DAY)

    // an admin sees every team of the organization, including Finance
    const adminView = await teamOnboarding(database.db, org.admin, undefined, now)
    expect(adminView.people.map((p) => p.name)).toContain('Els Where')
    expect(adminView.people.map((p) => p.name)).not.toContain('For Eign')
    // one team only
    const financeOnly = await teamOnboarding(database.db, org.admin, otherTeam.id, now)
    expect(financeOnly.people.map((p) => p.name)).toEqual(['Els Where'])
  })

  it('refuses a team the manager does not lead, or one of another organization', async () => {
    const otherTeam = await createTeam(database.db, a.org.id, { name: 'Engineering A' })
    await expect(teamOnboarding(database.db, a.manager, otherTeam.id)).rejects.toMatchObject({ status: 403 })
    await expect(teamOnboarding(database.db, a.manager, b.team.id)).rejects.toMatchObject({ status: 403 })
    await expect(teamOnboarding(database.db, a.admin, b.team.id)).rejects.toMatchObject({ status: 403 })
  })
})

describe('compiling lessons', () => {
  async function compiles(): Promise<number> {
    const metric = register.getSingleMetric('mdx_compiles_total')
    if (!metric) throw new Error('mdx_compiles_total is not registered')
    return (await metric.get()).values[0]?.value ?? 0
  }

  it('compiles nothing for 1,000 lesson reads after warm-up', async () => {
    const warm = await warmLessons()
    expect(warm.lessons).toBeGreaterThanOrEqual(10)
    const slugs = (await listLessons()).map((l) => l.slug)
    const before = await compiles()
    for (let i = 0; i < 1000; i++) {
      const lesson = await getLesson(slugs[i % slugs.length]!)
      expect(lesson?.code.length).toBeGreaterThan(0)
    }
    expect(await compiles()).toBe(before)
  })
})

describe('a lesson page on a path', () => {
  it('offers the path’s next step (not the catalogue’s), and next up is never the lesson being read', async () => {
    const person = await newPerson('Pat Pager')
    await enrol(database.db, person, 'first-week')
    const onPath = await lessonNavigation(database.db, person, 'everyone-shapes-the-experience')
    expect(onPath.nextUp?.step).toMatchObject({ kind: 'scenario', slug: 'bounced-sales-email' })
    expect(onPath.onPath).toMatchObject({ path: { slug: 'first-week' }, previous: null, next: { kind: 'scenario', slug: 'bounced-sales-email' } })
    const third = await lessonNavigation(database.db, person, 'what-silence-says')
    expect(third.onPath?.previous).toMatchObject({ slug: 'bounced-sales-email' })
    expect(third.onPath?.next).toMatchObject({ slug: 'weekend-payment-hang-first-contact' })
    expect(third.nextUp?.step).toMatchObject({ slug: 'everyone-shapes-the-experience' })
    // A lesson that is not on their path keeps the catalogue order (no path context).
    const elsewhere = await lessonNavigation(database.db, person, 'automation-that-helps')
    expect(elsewhere.onPath).toBeNull()
    expect(elsewhere.nextUp?.step).toMatchObject({ slug: 'everyone-shapes-the-experience' })
  })
})
