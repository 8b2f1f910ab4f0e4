// Reading who has done what in a cycle: a scenario step is done by an attempt that began after the
// cycle opened and reached its end (every free-text prompt, or the end of its branch); a lesson step
// when the lesson is marked done. Read from practice and lesson progress, batched for many cycles.
import { and, asc, eq, gte, inArray, isNotNull, sql } from 'drizzle-orm'
import type { Db } from '#db/client.server'
import { attempts, drillAssignments, drillSteps, lessonProgress, type DrillAssignment } from '#db/schema'
import { parseSteps } from '~/practice/attempt-steps'
import { assignmentState, type AssignmentState } from './status'

export interface DrillStep {
  id: string
  drillId: string
  position: number
  kind: 'scenario' | 'lesson'
  slug: string
}

export interface CycleRef {
  id: string
  drillId: string
  opensAt: Date
}

export type AssignmentRow = Pick<
  DrillAssignment,
  'cycleId' | 'drillId' | 'userId' | 'teamId' | 'dueAt' | 'extendedDueAt' | 'exemptAt' | 'exemptReason' | 'leftAt' | 'joinedAt'
>

export interface AssignmentWithState extends AssignmentRow {
  /** The due time that applies: the extension when there is one. */
  effectiveDueAt: Date
  stepsDoneAt: (Date | null)[]
  state: AssignmentState
}

export const effectiveDue = (a: Pick<AssignmentRow, 'dueAt' | 'extendedDueAt'>) => a.extendedDueAt ?? a.dueAt

export async function stepsOf(db: Db, drillIds: string[]): Promise<Map<string, DrillStep[]>> {
  const byDrill = new Map<string, DrillStep[]>(drillIds.map((id) => [id, []]))
  if (!drillIds.length) return byDrill
  const rows = await db.select().from(drillSteps).where(inArray(drillSteps.drillId, drillIds)).orderBy(asc(drillSteps.position))
  for (const row of rows) byDrill.get(row.drillId)?.push(row)
  return byDrill
}

const key = (userId: string, slug: string) => `${userId}\u0000${slug}`

/**
 * Every assignment of the given cycles (optionally only some people), with when each current step
 * was done and the resulting state at `now`.
 */
export async function assignmentsWithState(
  db: Db,
  organizationId: string,
  cycles: CycleRef[],
  now: Date,
  /** assignments: the rows already read by the caller (those of these cycles it wants), to skip reading them again. */
  options: { userIds?: string[]; steps?: Map<string, DrillStep[]>; assignments?: AssignmentRow[] } = {},
): Promise<AssignmentWithState[]> {
  if (!cycles.length || (options.userIds && !options.userIds.length)) return []
  const cycleIds = cycles.map((c) => c.id)
  const [rows, steps] = await Promise.all([
    options.assignments ?? readAssignments(db, organizationId, cycleIds, options.userIds),
    options.steps ?? stepsOf(db, [...new Set(cycles.map((c) => c.drillId))]),
  ])
  if (!rows.length) return []
  const userIds = [...new Set(rows.map((r) => r.userId))]
  const allSteps = [...steps.values()].flat()
  const scenarioSlugs = [...new Set(allSteps.filter((s) => s.kind === 'scenario').map((s) => s.slug))]
  const lessonSlugs = [...new Set(allSteps.filter((s) => s.kind === 'lesson').map((s) => s.slug))]
  const earliestOpening = new Date(Math.min(...cycles.map((c) => c.opensAt.getTime())))

  const { finishedAttempts, lessons } = await stepEvidence(db, organizationId, userIds, scenarioSlugs, lessonSlugs, earliestOpening)

  // Per person and scenario: (first answer, end) of each finished attempt.
  const practised = new Map<string, { beganAt: Date; completedAt: Date }[]>()
  for (const a of finishedAttempts) {
    const first = parseSteps(a.steps)[0]
    const beganAt = first ? new Date(first.at) : a.startedAt
    const list = practised.get(key(a.userId, a.slug)) ?? []
    list.push({ beganAt, completedAt: a.completedAt! })
    practised.set(key(a.userId, a.slug), list)
  }
  const lessonDone = new Map(lessons.map((l) => [key(l.userId, l.slug), l.completedAt]))
  const openedAt = new Map(cycles.map((c) => [c.id, c.opensAt]))

  return rows.map((row) => {
    const opensAt = openedAt.get(row.cycleId)!
    const stepsDoneAt = (steps.get(row.drillId) ?? []).map((step) => {
      if (step.kind === 'lesson') {
        // A lesson is marked done once for good; marked before the cycle it counts as done at its opening.
        const at = lessonDone.get(key(row.userId, step.slug))
        return at ? new Date(Math.max(at.getTime(), opensAt.getTime())) : null
      }
      // Fresh practice only: an attempt begun before the cycle opened does not count.
      const fresh = (practised.get(key(row.userId, step.slug)) ?? []).filter((p) => p.beganAt >= opensAt)
      return fresh.length ? new Date(Math.min(...fresh.map((p) => p.completedAt.getTime()))) : null
    })
    const effectiveDueAt = effectiveDue(row)
    const state = assignmentState(
      { dueAt: effectiveDueAt, exempt: row.exemptAt !== null, left: row.leftAt !== null, stepsDoneAt },
      now,
    )
    return { ...row, effectiveDueAt, stepsDoneAt, state }
  })
}

/** The columns of an assignment that its state is worked out from (see AssignmentRow). */
export const ASSIGNMENT_COLUMNS = {
  cycleId: drillAssignments.cycleId,
  drillId: drillAssignments.drillId,
  userId: drillAssignments.userId,
  teamId: drillAssignments.teamId,
  dueAt: drillAssignments.dueAt,
  extendedDueAt: drillAssignments.extendedDueAt,
  exemptAt: drillAssignments.exemptAt,
  exemptReason: drillAssignments.exemptReason,
  leftAt: drillAssignments.leftAt,
  joinedAt: drillAssignments.joinedAt,
}

/** An assignment row as a JSON read returns it (timestamps as ISO strings). */
export type JsonAssignmentRow = { [K in keyof AssignmentRow]: AssignmentRow[K] extends Date ? string : AssignmentRow[K] extends Date | null ? string | null : AssignmentRow[K] }

const dateOrNull = (value: string | null) => (value === null ? null : new Date(value))

export function assignmentFromJson(row: JsonAssignmentRow): AssignmentRow {
  return {
    ...row,
    dueAt: new Date(row.dueAt),
    extendedDueAt: dateOrNull(row.extendedDueAt),
    exemptAt: dateOrNull(row.exemptAt),
    leftAt: dateOrNull(row.leftAt),
    joinedAt: dateOrNull(row.joinedAt),
  }
}

function readAssignments(db: Db, organizationId: string, cycleIds: string[], userIds?: string[]): Promise<AssignmentRow[]> {
  return db
    .select(ASSIGNMENT_COLUMNS)
    .from(drillAssignments)
    .where(
      and(
        eq(drillAssignments.organizationId, organizationId),
        inArray(drillAssignments.cycleId, cycleIds),
        userIds ? inArray(drillAssignments.userId, userIds) : undefined,
      ),
    )
}

type EvidenceRow = { kind: 'scenario' | 'lesson'; userId: string; slug: string; startedAt: Date | null; steps: unknown; completedAt: Date | null }

/**
 * What shows the steps done: finished attempts of the scenarios since the earliest opening, and
 * the lessons marked done. One round trip (a union) when both kinds are asked for.
 */
async function stepEvidence(db: Db, organizationId: string, userIds: string[], scenarioSlugs: string[], lessonSlugs: string[], since: Date) {
  const practice = db
    .select({
      kind: sql<'scenario' | 'lesson'>`'scenario'`.as('kind'),
      userId: attempts.userId,
      slug: attempts.scenarioSlug,
      startedAt: attempts.startedAt,
      steps: attempts.steps,
      completedAt: attempts.completedAt,
    })
    .from(attempts)
    .where(
      and(
        eq(attempts.organizationId, organizationId),
        inArray(attempts.userId, userIds),
        inArray(attempts.scenarioSlug, scenarioSlugs),
        isNotNull(attempts.completedAt),
        gte(attempts.completedAt, since),
      ),
    )
  const reading = db
    .select({
      kind: sql<'scenario' | 'lesson'>`'lesson'`.as('kind'),
      userId: lessonProgress.userId,
      slug: lessonProgress.lessonSlug,
      // Typed as the attempt column it stands beside in the union; always null (EvidenceRow says so).
      startedAt: sql<Date>`null::timestamptz`,
      steps: sql<unknown>`null::jsonb`,
      completedAt: lessonProgress.completedAt,
    })
    .from(lessonProgress)
    .where(and(eq(lessonProgress.organizationId, organizationId), inArray(lessonProgress.userId, userIds), inArray(lessonProgress.lessonSlug, lessonSlugs)))
  const rows: EvidenceRow[] =
    scenarioSlugs.length && lessonSlugs.length
      ? await practice.unionAll(reading)
      : scenarioSlugs.length
        ? await practice
        : lessonSlugs.length
          ? await reading
          : []
  return {
    finishedAttempts: rows.filter((r) => r.kind === 'scenario') as (EvidenceRow & { startedAt: Date; completedAt: Date })[],
    lessons: rows.filter((r) => r.kind === 'lesson') as (EvidenceRow & { completedAt: Date })[],
  }
}
