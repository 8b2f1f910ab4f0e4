// The organization's time zone, in which drills open, fall due and keep quiet hours.
import { eq } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { organizations } from '#db/schema'
import { isValidTimeZone } from '~/time/zoned-time'

export async function organizationTimeZone(db: Db, organizationId: string): Promise<string> {
  const [row] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq(organizations.id, organizationId))
  return row && isValidTimeZone(row.timeZone) ? row.timeZone : 'UTC'
}

/** The acting person's organization zone: the one read with their session when it came with it. */
export async function actorTimeZone(db: Db, actor: { organizationId: string; timeZone?: string }): Promise<string> {
  if (actor.timeZone !== undefined) return isValidTimeZone(actor.timeZone) ? actor.timeZone : 'UTC'
  return organizationTimeZone(db, actor.organizationId)
}
