// "Drills done on time" per team and month, for the dashboard and the meetings agenda. The month is
// that of each person's due time in the organization's time zone. Rebuilt by the drill job for the
// months still moving (and from scratch on demand), so readers touch teams × months rows only.
import { and, between, eq, inArray, notInArray, sql } from 'drizzle-orm'
import { DateTime } from 'luxon'
import type { Db } from '#db/client.server'
import { drillAssignments, drillCycles, teamMonthDrillRollups } from '#db/schema'
import { assignmentsWithState } from './completion.server'
import { organizationTimeZone } from './organization-zone.server'

export interface DrillsOnTime {
  teamId: string
  /** YYYY-MM-01 */
  month: string
  /** Assigned and still in the audience. */
  assigned: number
  exempt: number
  doneOnTime: number
  doneLate: number
  /** doneOnTime ÷ (assigned − exempt); null when nobody was expected. */
  onTimeShare: number | null
}

const monthStart = (month: string) => (month.length === 7 ? `${month}-01` : month)

/** Recomputes the organization's rows for the given months (YYYY-MM or YYYY-MM-01) from raw data. */
export async function rebuildDrillRollups(db: Db, organizationId: string, months: string[], now = new Date()) {
  const zone = await organizationTimeZone(db, organizationId)
  for (const m of [...new Set(months.map(monthStart))]) {
    const start = DateTime.fromISO(m, { zone })
    const from = start.toJSDate()
    const to = start.plus({ months: 1 }).toJSDate()
    const cycles = await db
      .selectDistinct({ id: drillCycles.id, drillId: drillCycles.drillId, opensAt: drillCycles.opensAt })
      .from(drillAssignments)
      .innerJoin(drillCycles, eq(drillCycles.id, drillAssignments.cycleId))
      .where(
        and(
          eq(drillAssignments.organizationId, organizationId),
          sql`coalesce(${drillAssignments.extendedDueAt}, ${drillAssignments.dueAt}) >= ${from.toISOString()}::timestamptz`,
          sql`coalesce(${drillAssignments.extendedDueAt}, ${drillAssignments.dueAt}) < ${to.toISOString()}::timestamptz`,
        ),
      )
    const states = (await assignmentsWithState(db, organizationId, cycles, now)).filter(
      (a) => a.teamId && a.effectiveDueAt >= from && a.effectiveDueAt < to,
    )
    const byTeam = new Map<string, { assigned: number; exempt: number; doneOnTime: number; doneLate: number }>()
    for (const a of states) {
      if (a.state.status === 'left') continue
      const row = byTeam.get(a.teamId!) ?? { assigned: 0, exempt: 0, doneOnTime: 0, doneLate: 0 }
      row.assigned++
      if (a.state.status === 'exempt') row.exempt++
      if (a.state.status === 'done') row.doneOnTime++
      if (a.state.status === 'late') row.doneLate++
      byTeam.set(a.teamId!, row)
    }
    // Upserts, so two sweeps at once (two instances) both land on the same rows.
    const teamIds = [...byTeam.keys()]
    await db
      .delete(teamMonthDrillRollups)
      .where(
        and(
          eq(teamMonthDrillRollups.organizationId, organizationId),
          eq(teamMonthDrillRollups.month, m),
          teamIds.length ? notInArray(teamMonthDrillRollups.teamId, teamIds) : undefined,
        ),
      )
    for (const [teamId, figures] of byTeam) {
      await db
        .insert(teamMonthDrillRollups)
        .values({ organizationId, teamId, month: m, ...figures, updatedAt: now })
        .onConflictDoUpdate({ target: [teamMonthDrillRollups.teamId, teamMonthDrillRollups.month], set: { ...figures, updatedAt: now } })
    }
  }
}

/** The months whose figures can still change at `now`: last month, this month and next (organization time). */
export async function movingMonths(db: Db, organizationId: string, now = new Date()) {
  const zone = await organizationTimeZone(db, organizationId)
  const month = DateTime.fromJSDate(now, { zone }).startOf('month')
  return [-1, 0, 1].map((delta) => month.plus({ months: delta }).toISODate()!)
}

function toFigures(row: typeof teamMonthDrillRollups.$inferSelect): DrillsOnTime {
  const expected = row.assigned - row.exempt
  return {
    teamId: row.teamId,
    month: row.month,
    assigned: row.assigned,
    exempt: row.exempt,
    doneOnTime: row.doneOnTime,
    doneLate: row.doneLate,
    onTimeShare: expected > 0 ? row.doneOnTime / expected : null,
  }
}

/**
 * Drills done on time for teams over a range of months (inclusive, YYYY-MM or YYYY-MM-01), from the
 * rollup. A system read for the dashboard and the meetings agenda: callers check who is asking.
 */
export async function drillsDoneOnTimeByTeamMonth(
  db: Db,
  organizationId: string,
  options: { teamIds?: string[]; from: string; to: string },
): Promise<DrillsOnTime[]> {
  if (options.teamIds && !options.teamIds.length) return []
  const rows = await db
    .select()
    .from(teamMonthDrillRollups)
    .where(
      and(
        eq(teamMonthDrillRollups.organizationId, organizationId),
        between(teamMonthDrillRollups.month, monthStart(options.from), monthStart(options.to)),
        options.teamIds ? inArray(teamMonthDrillRollups.teamId, options.teamIds) : undefined,
      ),
    )
  return rows.map(toFigures)
}

/** One team's month: drills done on time (all zeros when the team had no drill due that month). */
export async function drillsDoneOnTime(db: Db, organizationId: string, teamId: string, month: string): Promise<DrillsOnTime> {
  const [row] = await drillsDoneOnTimeByTeamMonth(db, organizationId, { teamIds: [teamId], from: month, to: month })
  return row ?? { teamId, month: monthStart(month), assigned: 0, exempt: 0, doneOnTime: 0, doneLate: 0, onTimeShare: null }
}
