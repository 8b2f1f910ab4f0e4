// The agenda's "drills done on time" figure, read from the drills' own team × month rollup.
// A team with no drill due that month shows "not available" rather than 0 %.
import type { Db } from '#db/client.server'
import { drillsDoneOnTime } from '~/drills/rollups.server'

export type DrillsOnTime = { available: false } | { available: true; due: number; doneOnTime: number; share: number | null }

export async function drillsOnTimeFor(db: Db, team: { organizationId: string; teamId: string }, month: string): Promise<DrillsOnTime> {
  const figures = await drillsDoneOnTime(db, team.organizationId, team.teamId, month)
  const due = figures.assigned - figures.exempt
  if (due <= 0) return { available: false }
  return { available: true, due, doneOnTime: figures.doneOnTime, share: figures.onTimeShare }
}
