// The demo's drills, so /drills tells a story on first start: one most of Support finished, one due
// in two days, one overdue for a few people, and a monthly one for Engineering. Built through the
// domain (createDrill, real replies at past times), so the figures are the app's own.
import { and, eq, inArray } from 'drizzle-orm'
import { DateTime } from 'luxon'
import type { Db } from '#db/client.server'
import { teams, users } from '#db/schema'
import { startAttempt, submitReply } from '~/practice/practice.server'
import { createDrill } from './drills.server'
import { organizationTimeZone } from './organization-zone.server'
import { movingMonths, rebuildDrillRollups } from './rollups.server'
import { wallClock } from './schedule'


const REPLIES: Record<string, string> = {
  'late-delivery-gift':
    'Hi Kwame, I am so sorry the gift is late, I know Saturday matters. Thank you for telling us straight away. I have sent a new one by express: it arrives tomorrow before 18:00, and I will check on it myself.',
  'refund-delayed-calm':
    'Thank you for your patience, and sorry the refund is taking this long. I have looked at it now: it left us yesterday and should reach your card by Thursday. I will write to you on Thursday to make sure it arrived.',
  'refund-delayed-angry':
    'You are right to be frustrated: we said five days and it has been twelve. I am sorry. I have pushed the refund through myself today, it reaches you by Thursday, and I will call you on Thursday to confirm.',
}

export async function seedDrills(db: Db, organizationId: string, now = new Date()) {
  const zone = await organizationTimeZone(db, organizationId)
  const people = await db
    .select({ id: users.id, email: users.email, role: users.role, organizationId: users.organizationId })
    .from(users)
    .where(eq(users.organizationId, organizationId))
  const byEmail = new Map(people.map((p) => [p.email, p]))
  const person = (email: string) => byEmail.get(email)!
  const teamRows = await db
    .select({ id: teams.id, slug: teams.slug })
    .from(teams)
    .where(and(eq(teams.organizationId, organizationId), inArray(teams.slug, ['support', 'engineering'])))
  const team = (slug: string) => teamRows.find((t) => t.slug === slug)!.id
  const manager = person('manager@acme.test')

  /** A drill opened at `opensAt` (created then, as the manager), due `dueAt`. */
  async function drill(title: string, note: string, steps: string[], teamSlug: string, opensAt: Date, dueAt: Date, recurrence: 'none' | 'monthly' = 'none') {
    const opens = wallClock(opensAt, zone)
    const due = wallClock(dueAt, zone)
    const result = await createDrill(
      db,
      manager,
      { title, note, steps, teamIds: [team(teamSlug)], opensDate: opens.date, opensTime: opens.time, dueDate: due.date, dueTime: due.time, recurrence },
      opensAt,
    )
    if (!result.ok) throw new Error(`demo drill "${title}": ${JSON.stringify(result.errors)}`)
    return result.value
  }

  async function practise(email: string, slug: string, at: Date) {
    const actor = person(email)
    const attempt = await startAttempt(db, actor, slug, at)
    const result = await submitReply(db, actor, { slug, attemptId: attempt.id, promptId: 'reply', text: REPLIES[slug] }, { now: at })
    if (!result.ok) throw new Error(`demo reply: ${result.error}`)
  }

  // On the hour in the organization's zone, so the times read naturally.
  const hourAt = (daysFromNow: number, hour: number) =>
    DateTime.fromJSDate(now, { zone }).plus({ days: daysFromNow }).set({ hour, minute: 0, second: 0, millisecond: 0 }).toJSDate()

  // 1. Finished by most of Support, on time (two weeks ago).
  await drill(
    'Late delivery, warmly',
    'The gift that missed the birthday: own it, say what happens next.',
    ['scenario:late-delivery-gift'],
    'support',
    hourAt(-16, 9),
    hourAt(-11, 17),
  )
  const supportDone = ['manager@acme.test', 'member@acme.test', 'maya@acme.test', 'tomas@acme.test', 'hana@acme.test']
  for (const [i, email] of supportDone.entries()) await practise(email, 'late-delivery-gift', hourAt(-15 + (i % 3), 10 + i))

  // 2. Overdue for a few: due two days ago; Maya finished on time, Tomás late, the others not yet.
  await drill(
    'Refund delays, calm and angry',
    'The same late refund from two customers in two moods. Match the tone, keep the promise.',
    ['scenario:refund-delayed-calm', 'scenario:refund-delayed-angry'],
    'support',
    hourAt(-9, 9),
    hourAt(-2, 17),
  )
  await practise('maya@acme.test', 'refund-delayed-calm', hourAt(-6, 11))
  await practise('maya@acme.test', 'refund-delayed-angry', hourAt(-6, 12))
  await practise('tomas@acme.test', 'refund-delayed-calm', hourAt(-3, 14))
  await practise('tomas@acme.test', 'refund-delayed-angry', hourAt(-1, 9))
  await practise('member@acme.test', 'refund-delayed-calm', hourAt(-4, 15))

  // 3. Due in two days, opened yesterday: one lesson and one scenario.
  await drill(
    'Thank them and own it',
    'Read the lesson, then write the thank-you that the customer in the scenario deserves.',
    ['lesson:thank-them-and-own-it', 'scenario:thank-you-after-fix'],
    'support',
    hourAt(-1, 9),
    hourAt(2, 17),
  )

  // 4. Monthly for Engineering: the first Monday of each month at 09:00, due that Friday at 17:00.
  const firstMondayOf = (month: DateTime) => month.startOf('month').plus({ days: (8 - month.startOf('month').weekday) % 7 }).set({ hour: 9 })
  const thisMonth = DateTime.fromJSDate(now, { zone })
  const firstMonday = firstMondayOf(thisMonth) <= thisMonth ? firstMondayOf(thisMonth) : firstMondayOf(thisMonth.minus({ months: 1 }))
  await drill(
    'Breaking changes, said kindly',
    'Once a month: a customer hit by an API change. Flag it, ask what you need, then write the reply.',
    ['scenario:api-breaking-change-engineering'],
    'engineering',
    firstMonday.toJSDate(),
    firstMonday.plus({ days: 4 }).set({ hour: 17 }).toJSDate(),
    'monthly',
  )
  // "Drills done on time" on /insights and the meetings agenda from the first page, not after the first sweep.
  await rebuildDrillRollups(db, organizationId, await movingMonths(db, organizationId, now), now)
}
