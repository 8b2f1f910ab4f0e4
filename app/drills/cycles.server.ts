// Opening cycles on schedule (the queue runs this): a drill whose opening or next recurrence has
// come gets its cycle and assignments, exactly once whatever the number of instances.
import { eq, lte, max } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { drillCycles, drills } from '#db/schema'
import { openCycle, cyclesToSync, syncCycleAudience } from './audience.server'
import { organizationTimeZone } from './organization-zone.server'
import { latestCycle } from './schedule'

/** Opens every cycle whose time has come (only the latest one of a recurring drill that fell behind). */
export async function openDueCycles(db: Db, now = new Date()) {
  const rows = await db
    .select({ drill: drills, lastSequence: max(drillCycles.sequence) })
    .from(drills)
    .leftJoin(drillCycles, eq(drillCycles.drillId, drills.id))
    .where(lte(drills.opensAt, now))
    .groupBy(drills.id)
  const zones = new Map<string, string>()
  let opened = 0
  for (const { drill, lastSequence } of rows) {
    if (!drill.recurrence && lastSequence !== null) continue
    if (!zones.has(drill.organizationId)) zones.set(drill.organizationId, await organizationTimeZone(db, drill.organizationId))
    const due = latestCycle(drill, zones.get(drill.organizationId)!, now)
    if (!due || (lastSequence !== null && due.sequence <= lastSequence)) continue
    if (await openCycle(db, drill, due, now)) opened++
  }
  return opened
}

/** Keeps the running cycles' assignments in step with teams: joiners in, leavers out. */
export async function syncRunningCycles(db: Db, now = new Date(), organizationId?: string) {
  const totals = { added: 0, left: 0, back: 0 }
  for (const { cycle, drill } of await cyclesToSync(db, now, organizationId)) {
    const result = await syncCycleAudience(db, drill, cycle, now)
    totals.added += result.added
    totals.left += result.left
    totals.back += result.back
  }
  return totals
}
