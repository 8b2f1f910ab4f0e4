// Monthly meetings from each team's slot: the rule is read as wall-clock time in the organization's
// time zone (rrule computes in floating time, luxon places it in the zone, so 10:00 stays 10:00 across
// daylight saving). Creating meetings is idempotent (one per team and month), so the scheduled job may
// run on any instance, any number of times.
import { DateTime } from 'luxon'
import rrule from 'rrule'
import { and, eq, gte, inArray, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { named, read } from '~/query/json-rows.server'
import { meetings, meetingSlots, organizations } from '#db/schema'
import { forbidden } from '~/http/responses.server'
import type { Actor } from '~/org/teams.server'
import { teamAccess } from './access.server'
import { slotToRrule, type SlotFields } from './slot'

// rrule ships CommonJS for Node: its named exports are only on the default export.
const { RRule } = rrule
const DAY = 24 * 60 * 60 * 1000
/** How far ahead meetings exist: the next occurrence is always on the list. */
export const CREATE_AHEAD_DAYS = 40

export async function organizationTimeZone(db: Db, organizationId: string): Promise<string> {
  const [row] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, organizationId))
  return row?.timeZone ?? 'UTC'
}

/** organizationTimeZone as a read (`readTogether`). */
export function organizationTimeZoneRead(db: Db, organizationId: string) {
  return read(
    db.select(named({ timeZone: organizations.timeZone })).from(organizations).where(eq(organizations.id, organizationId)),
    (rows: { timeZone: string }[]) => rows[0]?.timeZone ?? 'UTC',
  )
}

/** A Date whose UTC fields are the wall-clock time of `date` in `zone` (what rrule calls floating time). */
function toFloating(date: Date, zone: string) {
  const local = DateTime.fromJSDate(date, { zone })
  return new Date(Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second))
}

function fromFloating(floating: Date, zone: string) {
  return DateTime.fromObject(
    {
      year: floating.getUTCFullYear(),
      month: floating.getUTCMonth() + 1,
      day: floating.getUTCDate(),
      hour: floating.getUTCHours(),
      minute: floating.getUTCMinutes(),
    },
    { zone },
  ).toJSDate()
}

/** Occurrences of a monthly rule between two instants, as real instants. */
export function occurrencesBetween(rrule: string, zone: string, from: Date, to: Date): Date[] {
  const floatingFrom = toFloating(from, zone)
  const options = RRule.parseString(rrule)
  const dtstart = new Date(Date.UTC(floatingFrom.getUTCFullYear(), floatingFrom.getUTCMonth() - 1, 1))
  const rule = new RRule({ ...options, dtstart })
  return rule
    .between(new Date(floatingFrom.getTime() - DAY), toFloating(to, zone), true)
    .map((floating) => fromFloating(floating, zone))
    .filter((at) => at >= from && at <= to)
}

/** The month ('YYYY-MM-01') an instant falls in, in the organization's time zone. */
export function monthIn(date: Date, zone: string) {
  return DateTime.fromJSDate(date, { zone }).toFormat('yyyy-LL-01')
}

/** The last (held) and next occurrence of a rule around `now`. */
export function occurrencesAround(rrule: string, zone: string, now: Date) {
  const before = occurrencesBetween(rrule, zone, new Date(now.getTime() - 70 * DAY), now)
  const after = occurrencesBetween(rrule, zone, now, new Date(now.getTime() + 70 * DAY))
  return { previous: before.at(-1) ?? null, next: after[0] ?? null }
}

/**
 * Creates the meetings the slots call for in the coming weeks (all organizations, or one).
 * A meeting that has not started follows its slot when the slot changes.
 */
export async function ensureMeetings(db: Db, now = new Date(), organizationId?: string) {
  const slots = await db
    .select()
    .from(meetingSlots)
    .where(organizationId ? eq(meetingSlots.organizationId, organizationId) : undefined)
  let upserted = 0
  const zones = new Map<string, string>()
  for (const slot of slots) {
    if (!zones.has(slot.organizationId)) zones.set(slot.organizationId, await organizationTimeZone(db, slot.organizationId))
    const zone = zones.get(slot.organizationId)!
    for (const at of occurrencesBetween(slot.rrule, zone, now, new Date(now.getTime() + CREATE_AHEAD_DAYS * DAY))) {
      const month = monthIn(at, zone)
      const inserted = await db
        .insert(meetings)
        .values({ organizationId: slot.organizationId, teamId: slot.teamId, month, scheduledAt: at, durationMinutes: slot.durationMinutes })
        .onConflictDoUpdate({
          target: [meetings.teamId, meetings.month],
          set: { scheduledAt: at, durationMinutes: slot.durationMinutes },
          // Only a meeting nobody has been told about and that has not started moves with its slot.
          setWhere: and(eq(meetings.status, 'scheduled'), sql`${meetings.notifiedAt} is null`, gte(meetings.scheduledAt, now)),
        })
        .returning({ id: meetings.id })
      upserted += inserted.length
    }
  }
  return { slots: slots.length, upserted }
}

export async function getTeamSlot(db: Db, actor: Actor, teamId: string) {
  const [slot] = await db
    .select()
    .from(meetingSlots)
    .where(and(eq(meetingSlots.teamId, teamId), eq(meetingSlots.organizationId, actor.organizationId)))
  return slot ?? null
}

export async function slotsOf(db: Db, organizationId: string, teamIds: string[]) {
  if (!teamIds.length) return []
  return db.select().from(meetingSlots).where(slotsWhere(organizationId, teamIds))
}

const slotsWhere = (organizationId: string, teamIds: string[]) => and(eq(meetingSlots.organizationId, organizationId), inArray(meetingSlots.teamId, teamIds))

/** The slot fields a meetings list shows, as a subquery for a shared round trip. */
export const slotsQuery = (db: Db, organizationId: string, teamIds: string[]) =>
  db.select(named({ teamId: meetingSlots.teamId, rrule: meetingSlots.rrule, durationMinutes: meetingSlots.durationMinutes })).from(meetingSlots).where(slotsWhere(organizationId, teamIds))

/** A team's manager (or an admin) sets the monthly slot; the coming meeting is created or moved at once. */
export async function setTeamSlot(
  db: Db,
  actor: Actor,
  teamId: string,
  fields: SlotFields & { durationMinutes: number },
  now = new Date(),
) {
  const { manages } = await teamAccess(db, actor, teamId)
  if (!manages) forbidden('Only the team’s managers can set its meeting slot.')
  const rrule = slotToRrule(fields)
  await db
    .insert(meetingSlots)
    .values({ teamId, organizationId: actor.organizationId, rrule, durationMinutes: fields.durationMinutes, updatedById: actor.id })
    .onConflictDoUpdate({
      target: meetingSlots.teamId,
      set: { rrule, durationMinutes: fields.durationMinutes, updatedById: actor.id, updatedAt: now },
    })
  await ensureMeetings(db, now, actor.organizationId)
  return rrule
}
