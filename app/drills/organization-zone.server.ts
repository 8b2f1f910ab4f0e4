// The organization's time zone, in which drills open, fall due and keep quiet hours.
import type { Db } from '#db/client.server'

export const FALLBACK_TIME_ZONE = 'UTC'

export async function organizationTimeZone(_db: Db, _organizationId: string): Promise<string> {
  return FALLBACK_TIME_ZONE
}
