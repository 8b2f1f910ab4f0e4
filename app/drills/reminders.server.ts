// Delivering drill reminders: the pure rules in reminders.ts decide; this reads the facts, writes
// each reminder's once-only row, the in-app notification and the e-mail in one transaction.
// Running it twice (or on two instances at once) delivers nothing twice: the row's unique key wins.
import { and, eq, gt, inArray, isNull, lte, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { drillAssignments, drillCycles, drillDigests, drillReminders, drills, notifications, users } from '#db/schema'
import { assignmentsWithState } from './completion.server'
import { organizationTimeZone } from './organization-zone.server'
import { digestsDue, OVERDUE_UNTIL, reminderKey, remindersDue, type Digest, type Reminder, type ReminderCandidate } from './reminders'
import { queueMail } from '~/mail/outbox.server'
import type { MailContent } from '~/mail/templates.server'
import { drillDigestMail, drillMail } from './reminder-emails'

export interface DrillMail {
  organizationId: string
  userId: string
  to: string
  content: MailContent
}

export interface ReminderDeps {
  /** Queues one e-mail inside the caller's transaction. */
  sendEmail: (tx: Db, mail: DrillMail) => Promise<void>
  /** Who of these people wants drill e-mails; in-app reminders go regardless. */
  wantsEmail: (db: Db, userIds: string[]) => Promise<Set<string>>
}

/** The app's own delivery: the outbox and its send job, and each person's "reminders" e-mail preference. */
export const appReminderDeps: ReminderDeps = {
  sendEmail: async (tx, mail) => {
    await queueMail(tx, mail)
  },
  wantsEmail: async (db, userIds) => {
    if (!userIds.length) return new Set()
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(and(inArray(users.id, userIds), eq(users.emailReminders, true), isNull(users.deactivatedAt)))
    return new Set(rows.map((r) => r.id))
  },
}

/** The assignments that may still need a reminder, per organization, with their state now. */
async function candidatesByOrganization(db: Db, now: Date) {
  const staleBefore = new Date(now.getTime() - OVERDUE_UNTIL)
  const cycles = await db
    .selectDistinct({ id: drillCycles.id, drillId: drillCycles.drillId, opensAt: drillCycles.opensAt, organizationId: drillCycles.organizationId, title: drills.title })
    .from(drillAssignments)
    .innerJoin(drillCycles, eq(drillCycles.id, drillAssignments.cycleId))
    .innerJoin(drills, eq(drills.id, drillCycles.drillId))
    .where(
      and(
        lte(drillCycles.opensAt, now),
        isNull(drillAssignments.exemptAt),
        isNull(drillAssignments.leftAt),
        sql`coalesce(${drillAssignments.extendedDueAt}, ${drillAssignments.dueAt}) > ${staleBefore.toISOString()}::timestamptz`,
      ),
    )
  const byOrg = new Map<string, typeof cycles>()
  for (const c of cycles) byOrg.set(c.organizationId, [...(byOrg.get(c.organizationId) ?? []), c])
  const result: { organizationId: string; candidates: ReminderCandidate[] }[] = []
  for (const [organizationId, orgCycles] of byOrg) {
    const states = await assignmentsWithState(db, organizationId, orgCycles, now)
    const byId = new Map(orgCycles.map((c) => [c.id, c]))
    result.push({
      organizationId,
      candidates: states.map((s) => ({
        cycleId: s.cycleId,
        drillId: s.drillId,
        userId: s.userId,
        title: byId.get(s.cycleId)!.title,
        opensAt: byId.get(s.cycleId)!.opensAt,
        dueAt: s.effectiveDueAt,
        status: s.state.status,
      })),
    })
  }
  return result
}

type Bell = { kind: 'drill-due-soon' | 'drill-overdue' | 'drill-digest'; title: string; href: string }

const NOTIFICATION_TITLE: Record<Reminder['kind'], (title: string) => string> = {
  assigned: (title) => `New drill for you: ${title}`,
  'due-soon': (title) => `Due soon: ${title}`,
  overdue: (title) => `Overdue: ${title}`,
}

/** Runs the reminder rules for every organization at `now`; returns what was delivered. */
export async function sendDrillReminders(db: Db, deps: ReminderDeps, now = new Date()) {
  const delivered = { reminders: [] as Reminder[], digests: [] as Digest[], emails: 0 }
  for (const { organizationId, candidates } of await candidatesByOrganization(db, now)) {
    const zone = await organizationTimeZone(db, organizationId)
    const userIds = [...new Set(candidates.map((c) => c.userId))]
    const [sentRows, digestRows, emailWanted, people] = await Promise.all([
      db
        .select({ cycleId: drillReminders.cycleId, userId: drillReminders.userId, kind: drillReminders.kind, keyTime: drillReminders.dueAt })
        .from(drillReminders)
        .where(inArray(drillReminders.cycleId, [...new Set(candidates.map((c) => c.cycleId))])),
      db.select({ userId: drillDigests.userId, weekOf: drillDigests.weekOf }).from(drillDigests).where(inArray(drillDigests.userId, userIds)),
      deps.wantsEmail(db, userIds),
      db.select({ id: users.id, email: users.email, name: users.name }).from(users).where(inArray(users.id, userIds)),
    ])
    const contact = new Map(people.map((p) => [p.id, p]))
    const wantsEmail = (userId: string) => emailWanted.has(userId)
    /** The bell line (if any) and, when wanted, the e-mail of one reminder or digest, in the caller's transaction. */
    const tell = async (tx: Db, userId: string, bell: Bell | null, mail: ((person: { name: string }) => MailContent) | null) => {
      if (bell) await tx.insert(notifications).values({ organizationId, userId, ...bell, createdAt: now })
      const person = contact.get(userId)
      if (mail && person) await deps.sendEmail(tx, { organizationId, userId, to: person.email, content: mail(person) })
    }
    const reminders = remindersDue({ now, zone, candidates, sent: new Set(sentRows.map(reminderKey)), wantsEmail })
    for (const reminder of reminders) {
      const done = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(drillReminders)
          .values({
            organizationId,
            cycleId: reminder.cycleId,
            userId: reminder.userId,
            kind: reminder.kind,
            dueAt: reminder.keyTime,
            emailed: reminder.email,
            sentAt: now,
          })
          .onConflictDoNothing()
          .returning({ userId: drillReminders.userId })
        if (!row) return false
        // The assignment itself already put a notification in the bell; the e-mail is what waits for office hours.
        const bell = reminder.kind === 'assigned' ? null : { kind: `drill-${reminder.kind}` as const, title: NOTIFICATION_TITLE[reminder.kind](reminder.title), href: `/drills/${reminder.drillId}` }
        await tell(tx, reminder.userId, bell, reminder.email ? (person) => drillMail(reminder, { name: person.name, zone }) : null)
        return true
      })
      if (done) {
        delivered.reminders.push(reminder)
        if (reminder.email) delivered.emails++
      }
    }
    const digests = digestsDue({ now, zone, candidates, sent: new Set(digestRows.map((d) => `${d.userId}|${d.weekOf}`)), wantsEmail })
    for (const digest of digests) {
      const done = await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(drillDigests)
          .values({ organizationId, userId: digest.userId, weekOf: digest.weekOf, sentAt: now })
          .onConflictDoNothing()
          .returning({ userId: drillDigests.userId })
        if (!row) return false
        const count = digest.items.length
        const bell = { kind: 'drill-digest' as const, title: `This week: ${count} ${count === 1 ? 'drill is' : 'drills are'} due`, href: '/drills' }
        await tell(tx, digest.userId, bell, digest.email ? (person) => drillDigestMail(digest, { name: person.name, zone }) : null)
        return true
      })
      if (done) {
        delivered.digests.push(digest)
        if (digest.email) delivered.emails++
      }
    }
  }
  return delivered
}
