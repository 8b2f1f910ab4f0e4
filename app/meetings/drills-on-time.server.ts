// The agenda's "drills done on time" figure. Drills keep their own rollup; until it is wired in here,
// the agenda says the figure is not available rather than guessing.
import type { Db } from '#db/client.server'

export type DrillsOnTime = { available: false } | { available: true; due: number; doneOnTime: number; share: number | null }

export async function drillsOnTimeFor(_db: Db, _team: { organizationId: string; teamId: string }, _month: string): Promise<DrillsOnTime> {
  return { available: false }
}
