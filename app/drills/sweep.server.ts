// The drill job's one pass (scheduled through the queue every few minutes): open cycles whose time
// has come, keep running cycles in step with teams, deliver due reminders, refresh the rollups.
// Every step is idempotent, so a pass that runs twice, or on two instances, changes nothing twice.
import type { Db } from '#db/client.server'
import { drills } from '#db/schema'
import { openDueCycles, syncRunningCycles } from './cycles.server'
import { sendDrillReminders, type ReminderDeps } from './reminders.server'
import { movingMonths, rebuildDrillRollups } from './rollups.server'

export async function runDrillSweep(db: Db, deps: ReminderDeps, now = new Date()) {
  const opened = await openDueCycles(db, now)
  const synced = await syncRunningCycles(db, now)
  const delivered = await sendDrillReminders(db, deps, now)
  const organizations = await db.selectDistinct({ id: drills.organizationId }).from(drills)
  for (const { id: organizationId } of organizations) {
    await rebuildDrillRollups(db, organizationId, await movingMonths(db, organizationId, now), now)
  }
  return { opened, synced, reminders: delivered.reminders.length, digests: delivered.digests.length, emails: delivered.emails }
}
